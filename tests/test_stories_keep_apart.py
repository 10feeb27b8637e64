"""The second look that keeps pages written in another period out of a story: pages of
an earlier event with the same keywords leave together, however many of them there
are. Texts and URLs are invented for these tests."""

from __future__ import annotations

import numpy as np

from newsprism.model import Article, Source
from newsprism.stories.grouping import _Group, _keep_apart
from newsprism.stories.options import StoryOptions
from newsprism.stories.signals import build_signals


def _article(text: str, url: str) -> Article:
    return Article(
        id=Article.make_id(url, 0, text),
        source=Source("invented.txt", "text"),
        raw_sha="0" * 64,
        part=0,
        text=text,
        url=url,
        language="en",
    )


def test_two_pages_of_an_earlier_period_leave_the_story_together() -> None:
    """Five reports of this year's vote (three dated, two undated) and two reports of the
    vote five years before, both filed under May 2019: each old page has the other within
    any gap, but their period is not the story's, so both leave, as one story."""
    text = "The election commission named the winner of the presidential vote."
    pages = [
        _article(text, "https://a.example/2024/03/20/vote"),
        _article(text, "https://b.example/2024/03/21/vote"),
        _article(text, "https://c.example/vote"),
        _article(text, "https://d.example/vote"),
        _article(text, "https://e.example/2019/05/vote"),
        _article(text, "https://f.example/2019/05/other-vote"),
        _article(text, "https://g.example/2024/04/vote"),
    ]
    vectors = np.ones((len(pages), 4))
    signals = build_signals(pages, {}, vectors, vectors, StoryOptions())
    groups = {0: _Group(list(range(len(pages))), None, pages[0].id)}
    _keep_apart(groups, signals, 182)
    assert sorted(sorted(g.members) for g in groups.values()) == [[0, 1, 2, 3, 6], [4, 5]]


def test_periods_of_equal_size_leave_the_group_as_it_is() -> None:
    """Two dated pages five years apart and an undated one: no period is the story's."""
    text = "The election commission named the winner of the presidential vote."
    pages = [
        _article(text, "https://a.example/2024/03/20/vote"),
        _article(text, "https://e.example/2019/05/vote"),
        _article(text, "https://c.example/vote"),
    ]
    vectors = np.ones((len(pages), 4))
    signals = build_signals(pages, {}, vectors, vectors, StoryOptions())
    groups = {0: _Group([0, 1, 2], None, pages[0].id)}
    _keep_apart(groups, signals, 182)
    assert [sorted(g.members) for g in groups.values()] == [[0, 1, 2]]
