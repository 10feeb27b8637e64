"""A figure's chart as a reader sees it in headless Chromium: each source's legend key
has the colour of its line, so a reader can tell which line is whose. Texts are
written here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from browser import ARTIFACTS, chromium_browser, screenshot

from newsprism.report.pages import render_story_html
from newsprism.report.views import story_view
from tests.test_compare_tolls import page, run

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium_browser() as b:
        yield b


def test_each_legend_key_has_its_line_colour_not_black(browser: Any, tmp_path: Path) -> None:
    articles = [
        page("a", "Valley News", "At least 12 people were killed in the Kerav mine blast, police said.", published=datetime(2023, 5, 8, 9)),  # noqa: E501
        page("b", "Plains Herald", "The death toll from the Kerav mine blast rose to 19, hospital officials said.", published=datetime(2023, 5, 9, 9)),  # noqa: E501
        page("c", "North Star", "The death toll from the Kerav mine blast was revised to 17, the county coroner said.", published=datetime(2023, 5, 10, 9)),  # noqa: E501
    ]  # fmt: skip
    html = render_story_html(story_view(run(articles), articles), {})
    path = tmp_path / "story.html"
    path.write_text(html, "utf-8")
    tab = browser.new_page()
    tab.goto(path.as_uri())
    chart = tab.locator("svg.figure-chart").first
    chart.scroll_into_view_if_needed()
    colours = tab.evaluate(
        """() => [...document.querySelectorAll('svg.figure-chart g.series')].map(g => ({
            line: getComputedStyle(g.querySelector('polyline')).stroke,
            key: getComputedStyle(g.querySelector('.legend-key') || g.querySelector('text')).fill,
        }))"""
    )
    screenshot(tab, "figure-chart-legend")
    chart.screenshot(path=str(ARTIFACTS / "figure-chart.png"))
    assert len(colours) == 3
    assert all(c["key"] == c["line"] for c in colours), colours
    assert len({c["key"] for c in colours}) == 3  # one colour per source
