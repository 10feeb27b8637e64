"""The timeline as a reader looks at it: the axis spans the story's own days, a range
running on for years is drawn to the edge and marked, later events are listed apart,
no label is cut mid-word or overflows onto the bars, and the last tick is not clipped.

Geometry is checked on ``timeline_chart``; the drawing in headless Chromium at 1,400
and 800 px wide, on a story page written from a real store (``browser.build_store``)
whose timeline holds the invented events below.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browser import build_store, chromium_browser, screenshot

from newsprism.compare.records import PREDATES, ArticleRef, ReuseLink, StorySpan, TimelineEvent
from newsprism.report.charts import (
    CHAR_WIDTH,
    CHART_WIDTH,
    LABEL_WIDTH,
    coverage_bars,
    reuse_graph,
    timeline_chart,
)
from newsprism.report.pages import render_story_html
from newsprism.report.write import build_view
from newsprism.store.sqlite import SQLiteStore

SPAN = StorySpan("2024-02-08", "2024-02-10")
EVENTS = [
    ("2017-03-01", "2024-02-09", "the blockade of the northern crossing that began in 2017"),
    ("2024-02-06", "2024-02-06", "talks between the two councils collapsed"),
    ("2024-02-08", "2024-02-08", "protesters blocked the ring road for most of the day"),
    ("2024-02-09", "2028-12-31", "a ban on gatherings near the council offices, which the "
     "court extended until 2028"),
    ("2027-05-01", "2027-05-01", "the next municipal election"),
]  # fmt: skip


def events() -> list[TimelineEvent]:
    return [TimelineEvent(s, e, "day", 0.9, "event", d, "s", False, ["Ledger"], [])
            for s, e, d in EVENTS]  # fmt: skip


def test_the_axis_spans_the_storys_days_not_the_decade() -> None:
    chart = timeline_chart(events(), SPAN)
    first, last = (date.fromisoformat(t.label) for t in (chart.ticks[0], chart.ticks[-1]))
    assert (first, last) == (date(2024, 2, 6), date(2024, 2, 10))  # the story's own days
    assert [r.description for r in chart.later] == ["the next municipal election"]
    ban = next(r for r in chart.rows if r.description.startswith("a ban"))
    assert ban.beyond and ban.x + ban.width <= CHART_WIDTH
    riot = next(r for r in chart.rows if r.description.startswith("protesters"))
    talks = next(r for r in chart.rows if r.description.startswith("talks"))
    assert riot.x - talks.x > 0.03 * (CHART_WIDTH - LABEL_WIDTH)  # two days apart, visibly
    assert all(LABEL_WIDTH <= t.x <= CHART_WIDTH for t in chart.ticks)
    assert all(len(r.lines) <= 3 for r in chart.rows)
    assert " ".join(ban.lines) == ban.description and len(ban.lines) == 3  # wrapped, not cut
    (long,) = timeline_chart([TimelineEvent("2024-02-08", "2024-02-08", "day", 0.9, "event",
                              "word " * 40, "s", False, [], [])]).rows  # fmt: skip
    assert len(long.lines) == 3 and long.lines[-1].endswith("…")  # only beyond three lines


@pytest.fixture(scope="module")
def story_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pictures")
    ids = build_store(root / "store.db")
    with SQLiteStore(root / "store.db", read_only=True) as store:
        report = store.get_report(ids["flood"])
        report.timeline, report.span = events(), SPAN
        view = build_view(store, report, store.entities())
    page = root / "story.html"
    page.write_text(render_story_html(view, {}), encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium_browser() as b:
        yield b


@pytest.mark.browser
@pytest.mark.parametrize("width", [1400, 800])
def test_the_timeline_draws_inside_its_box_at_both_widths(
    browser: Any, story_page: Path, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(story_page.as_uri())
    svg = page.locator("svg.timeline-chart")
    svg.scroll_into_view_if_needed()
    box = svg.bounding_box()
    assert box is not None and box["x"] + box["width"] <= width
    ticks = [t.bounding_box() for t in svg.locator("text.tick-label").all()]
    assert ticks and all(t["x"] >= box["x"] - 0.5 for t in ticks)
    assert all(t["x"] + t["width"] <= box["x"] + box["width"] + 0.5 for t in ticks)
    scale = box["width"] / CHART_WIDTH
    labels = [t.bounding_box() for t in svg.locator("text.event-label").all()]
    assert all(t["x"] + t["width"] <= box["x"] + LABEL_WIDTH * scale for t in labels)
    assert svg.locator("text.beyond").count() == 2  # since 2017 ←, until 2028 →
    assert page.locator("details.later summary").inner_text() == "Later (1)"
    svg.screenshot(path=str(screenshot(page, f"newuser-timeline-{width}").with_name(
        f"newuser-timeline-{width}-chart.png")))  # fmt: skip


def test_coverage_bars_sum_the_matrix_by_outlet(story_page: Path) -> None:
    with SQLiteStore(story_page.with_name("store.db"), read_only=True) as store:
        report = max(store.reports(), key=lambda r: len(r.facts))
    chart = coverage_bars(report.facts, report.outlets)
    assert {b.outlet for b in chart.bars} == set(report.outlets)
    for bar in chart.bars:
        # a cell of a claim first told after the outlet's pages ("predates") is neither
        # carried nor left out: the outlet's total is the claims it could have told
        cells = [
            c
            for f in report.facts
            for c in f.cells
            if c.outlet == bar.outlet and not (c.note or "").startswith(PREDATES)
        ]
        assert bar.total == len(cells)
        assert bar.carried == sum(c.state in ("states", "differs") for c in cells)
        assert bar.left_out == sum(c.state == "omits" for c in cells)
        assert sum(p.n for p in bar.parts) == bar.total
    carried = [b.carried for b in chart.bars]
    assert carried == sorted(carried, reverse=True)  # most carried first


@pytest.mark.browser
@pytest.mark.parametrize("width", [1400, 800])
def test_the_coverage_bars_fit_their_box(browser: Any, story_page: Path, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(story_page.as_uri())
    svg = page.locator("svg.coverage-chart")
    svg.scroll_into_view_if_needed()
    box = svg.bounding_box()
    assert box is not None and box["x"] + box["width"] <= width
    assert svg.locator("g.outlet-bar").count() == 3
    for text in svg.locator("text").all():
        t = text.bounding_box()
        assert t is not None and t["x"] + t["width"] <= box["x"] + box["width"] + 0.5
    svg.screenshot(path=str(screenshot(page, f"newuser-coverage-{width}").with_name(
        f"newuser-coverage-{width}-chart.png")))  # fmt: skip


NINE = [f"The {name} Evening Courier and Gazette" for name in (
    "Arlen", "Brisk", "Corrow", "Dunmere", "Ebbsford", "Fenmouth", "Glass", "Holm", "Ister",
)]  # fmt: skip


def nine_outlets() -> tuple[list[ArticleRef], list[ReuseLink]]:
    refs = [ArticleRef(f"a{i}", o, None, None, None, None, None, None, [], None, None)
            for i, o in enumerate(NINE)]  # fmt: skip
    links = [ReuseLink(f"a{i}", f"a{i + 1}", "near-duplicate", 0.8, None, None, [])
             for i in range(len(NINE) - 1)]  # fmt: skip
    return refs, links


def _box(node: Any) -> tuple[float, float, float, float]:
    """The label's estimated box: x0, y0, x1, y1."""
    width = CHAR_WIDTH * len(node.label)
    x0 = {"start": node.label_x, "end": node.label_x - width}.get(
        node.anchor, node.label_x - width / 2
    )
    return x0, node.label_y - 12, x0 + width, node.label_y + 3


def _meet(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_reuse_graph_labels_never_meet() -> None:
    for n in range(2, len(NINE) + 1):
        refs, links = nine_outlets()
        graph = reuse_graph(refs[:n], links[: n - 1])
        boxes = [_box(node) for node in graph.nodes]
        for i, a in enumerate(boxes):
            assert a[0] >= 0 and a[2] <= graph.width and a[1] >= 0 and a[3] <= graph.height
            assert not any(_meet(a, b) for b in boxes[i + 1 :]), n


@pytest.fixture(scope="module")
def crowded_page(story_page: Path) -> Path:
    refs, links = nine_outlets()
    with SQLiteStore(story_page.with_name("store.db"), read_only=True) as store:
        report = max(store.reports(), key=lambda r: len(r.facts))
        report.articles, report.reuse = refs, links
        view = build_view(store, report, store.entities())
    page = story_page.with_name("crowded.html")
    page.write_text(render_story_html(view, {}), encoding="utf-8")
    return page


@pytest.mark.browser
@pytest.mark.parametrize("width", [1400, 800])
def test_reuse_graph_labels_do_not_overlap_in_the_browser(
    browser: Any, crowded_page: Path, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(crowded_page.as_uri())
    svg = page.locator("svg.reuse-graph")
    svg.scroll_into_view_if_needed()
    box = svg.bounding_box()
    assert box is not None and box["x"] + box["width"] <= width
    labels = [t.bounding_box() for t in svg.locator("g.node text").all()]
    assert len(labels) == len(NINE)
    rects = [(t["x"], t["y"], t["x"] + t["width"], t["y"] + t["height"]) for t in labels]
    for i, a in enumerate(rects):
        assert box["x"] - 0.5 <= a[0] and a[2] <= box["x"] + box["width"] + 0.5
        assert not any(_meet(a, b) for b in rects[i + 1 :])
    svg.screenshot(path=str(screenshot(page, f"newuser-reuse-{width}").with_name(
        f"newuser-reuse-{width}-chart.png")))  # fmt: skip
