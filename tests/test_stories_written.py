"""When an article was written, read at the grain the page gives, and what grouping makes
of two pages written years apart. Texts and URLs are invented for these tests."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np

from newsprism.model import Article, Source
from newsprism.stories.written import Written, opening_period, url_period, written_period


def _article(
    text: str,
    url: str | None = None,
    published: datetime | None = None,
    published_text: str | None = None,
) -> Article:
    return Article(
        id=Article.make_id(url or text, 0, text),
        source=Source("invented.txt", "text"),
        raw_sha="0" * 64,
        part=0,
        text=text,
        url=url,
        published=published,
        published_text=published_text,
    )


def test_an_archive_url_gives_its_month_or_year() -> None:
    assert url_period("https://news.example/archive/2004/02/8812.html") == Written(
        date(2004, 2, 1), date(2004, 2, 29)
    )
    assert url_period("https://news.example/notas/201907/5512-flood-in-town.html") == Written(
        date(2019, 7, 1), date(2019, 7, 31)
    )
    assert url_period("https://news.example/noticia/2011/river-floods-town.html") == Written(
        date(2011, 1, 1), date(2011, 12, 31)
    )


def test_numbers_that_are_ids_are_no_year() -> None:
    assert url_period("https://news.example/news/2001495482/flood") is None
    assert url_period("https://news.example/stories/202309090012.html") is None
    assert url_period("https://news.example/1875/old-id") is None
    assert url_period("https://news.example/story?date=2019-05") is None
    assert url_period(None) is None


def test_a_date_line_opening_the_text_dates_it() -> None:
    assert opening_period("2019-05 The river rose overnight.") == Written(
        date(2019, 5, 1), date(2019, 5, 31)
    )
    assert opening_period("date 2021-03-04 The river rose.") == Written(
        date(2021, 3, 4), date(2021, 3, 4)
    )
    assert opening_period("The river rose by 2019-05 records, the mayor said.") is None


def test_the_publication_day_comes_first_and_a_month_read_as_a_day_stays_a_month() -> None:
    day = _article(
        "2019-05 The river rose.",
        "https://news.example/archive/2004/02/1.html",
        datetime(2021, 3, 4, 10, 0),
    )
    assert written_period(day) == Written(date(2021, 3, 4), date(2021, 3, 4))
    month = _article("The river rose.", None, datetime(2021, 3, 1), "2021-03")
    assert written_period(month) == Written(date(2021, 3, 1), date(2021, 3, 31))
    assert written_period(_article("The river rose.")) is None


def test_ranges_that_overlap_are_no_gap() -> None:
    march = Written(date(2021, 3, 1), date(2021, 3, 31))
    assert march.gap_days(Written(date(2021, 3, 20), date(2021, 3, 20))) == 0
    assert march.gap_days(Written(date(2021, 4, 10), date(2021, 4, 10))) == 10
    assert Written(date(2004, 1, 1), date(2004, 12, 31)).gap_days(march) > 5 * 365


def test_a_page_written_years_from_the_rest_of_its_group_is_kept_apart() -> None:
    """Four reports of one flood, two dated in October 2021 and two undated, and a report
    of an earlier flood of the same river whose URL files it under 2004: the words are
    alike enough for average linkage to take it in, but it was written years from
    every dated member, so it is a story of its own. The undated pages stay."""
    from newsprism.stories.grouping import group_stories
    from newsprism.stories.options import StoryOptions
    from newsprism.stories.same_event import packaged_model
    from newsprism.stories.signals import build_signals

    text = (
        "The river Arlen burst its banks on Tuesday and flooded the lower town of Vessel, "
        "where 31 people died, the regional governor Mara Tollen said. Rescue boats "
        "searched the streets overnight."
    )
    pages = [
        _article(text, "https://a.example/flood", datetime(2021, 10, 6)),
        _article(text + " ", "https://b.example/flood", datetime(2021, 10, 7)),
        _article(text + "  ", "https://c.example/flood"),
        _article(text + "   ", "https://d.example/flood"),
        _article(text + "    ", "https://e.example/archive/2004/10/55.html"),
    ]
    vectors = np.ones((len(pages), 8))
    model = packaged_model()
    assert model.apart_days is not None
    signals = build_signals(pages, {}, vectors, vectors, StoryOptions())
    stories = group_stories(pages, signals, (), StoryOptions(), model)
    story_of = {a: s.id for s in stories for a in s.articles}
    assert len({story_of[p.id] for p in pages[:4]}) == 1
    assert story_of[pages[4].id] != story_of[pages[0].id]
    together = group_stories(pages, signals, (), StoryOptions(), model.with_apart_days(None, {}))
    assert len(together) == 1  # without the second look, the old page is a member
