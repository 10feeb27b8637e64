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


def test_a_page_written_years_before_gets_the_gap_in_its_pair_row() -> None:
    """Two flood reports with the same words, one filed under 2004 in its URL, the other
    published in 2021: the pair row says they were written years apart, and the
    shipped model rates them less alike than the same two texts undated."""
    from newsprism.stories.options import StoryOptions
    from newsprism.stories.same_event import packaged_model
    from newsprism.stories.signals import PAIR_FEATURES, build_signals, pair_rows

    text = (
        "The river Arlen burst its banks on Tuesday and flooded the lower town of Vessel, "
        "where 31 people died, the regional governor Mara Tollen said."
    )
    old = _article(text, "https://news.example/archive/2004/10/55.html")
    new = _article(text + " ", "https://other.example/flood", datetime(2021, 10, 6))
    undated = [_article(text, "https://news.example/a"), _article(text + " ", "https://b.ex/b")]
    vectors = np.ones((2, 8))
    rows = {}
    for name, pair in (("dated", [old, new]), ("undated", undated)):
        signals = build_signals(pair, {}, vectors, vectors, StoryOptions())
        rows[name] = pair_rows(signals, np.array([0]), np.array([1]))
    gap = PAIR_FEATURES.index("written_gap")
    assert rows["dated"][0, gap] > 0.9  # log(1 + ~17 years in days) / log(366)
    assert rows["dated"][0, PAIR_FEATURES.index("both_written")] == 1.0
    assert rows["undated"][0, gap] == 0.0
    model = packaged_model()
    assert model.probability(rows["dated"])[0] < model.probability(rows["undated"])[0]
