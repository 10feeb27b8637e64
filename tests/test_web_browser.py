"""The web app in headless Chromium: search, read a story, open evidence, no script injection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import FLOOD_TEXTS, build_store, chromium_browser, live_server, screenshot

from newsprism.web import create_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium_browser() as b:
        yield b


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    db = tmp_path_factory.mktemp("webbrowser") / "store.db"
    ids = build_store(db)
    with live_server(create_app(db)) as base:
        yield base, ids


class Watch:
    """Records every dialog and console error, and fails on any request leaving loopback."""

    def __init__(self, page: Any, base: str) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("request", lambda r: r.url.startswith(base) or self.foreign.append(r.url))


def test_search_story_conflict_article_flow(browser: Any, site: Any) -> None:
    base, ids = site
    page = browser.new_page()
    watch = Watch(page, base)
    page.goto(base + "/")
    page.fill("header input[name=q]", "Okafor")
    page.click("header button[type=submit]")
    page.wait_for_url("**/?q=Okafor")
    assert page.locator("#result-count").inner_text().startswith("1 of 2 stories")
    page.click("text=Velmora flood kills at least a dozen")
    page.wait_for_url(f"**/stories/{ids['flood']}")
    heads = page.locator("table.coverage th.outlet-col").all_inner_texts()
    assert heads == ["Coastline Daily", "Harbor Gazette", "Northern Wire"]
    cell = page.locator("td.st-contradicts[data-outlet='Northern Wire']")
    assert cell.locator("blockquote").count() == 0  # a cell's sentences load when opened
    cell.locator("a").click()
    shown = cell.locator("blockquote").first.inner_text()
    assert shown == FLOOD_TEXTS["Northern Wire"].split("\n\n")[0]
    conflict = page.locator("details.finding.grade-contradict").first
    values = conflict.locator(".side-by-side figure")
    assert values.count() == 2
    assert values.nth(0).is_visible() and values.nth(1).is_visible()
    assert values.locator("mark.hit").all_inner_texts() == ["12", "14"]
    screenshot(page, "web-story")
    values.nth(0).locator("a.cite").click()
    page.wait_for_url("**/articles/**")
    names = page.locator("div.body mark.hl-ent")
    assert names.all_inner_texts() == ["Velmora", "Lina Okafor"]
    assert names.first.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.locator("mark[data-focus]").inner_text() == "12"
    screenshot(page, "web-article")
    assert watch.dialogs == [] and watch.errors == [] and watch.foreign == []
    page.close()


def test_injected_markup_never_runs(browser: Any, site: Any) -> None:
    base, ids = site
    page = browser.new_page()
    watch = Watch(page, base)
    for url in ("/", f"/stories/{ids['hostile']}", f"/articles/{ids['hostile_article'].id}"):
        page.goto(base + url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator("img").count() == 0, url
    assert "<script>window.__pwned = 1" in page.locator("h1").inner_text()
    assert "onerror" in page.locator("div.body").inner_text()
    screenshot(page, "web-hostile-article")
    assert watch.dialogs == [] and watch.foreign == []
    page.close()


def test_pages_work_without_javascript(browser: Any, site: Any) -> None:
    base, _ids = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/?conflicts=1")
    page.click("text=Velmora flood kills at least a dozen")
    story = page.url
    row = page.locator("table.coverage tbody tr").nth(1)
    row.locator("td[data-outlet='Harbor Gazette'] a").click()  # the cell's own page
    page.wait_for_url("**/evidence?**")
    assert "About 300 homes were evacuated" in page.locator("blockquote").inner_text()
    page.goto(story)
    page.locator("details.quote summary").click()
    page.locator("details.quote a", has_text="Show the versions").click()
    page.wait_for_url("**/quotes/**")
    assert page.locator("td.diff del").inner_text() == "this"
    context.close()


@pytest.mark.slow
def test_seed_story_in_browser(browser: Any, seed_store_path: Path) -> None:
    db = seed_store_path
    with live_server(create_app(db)) as base:
        page = browser.new_page()
        watch = Watch(page, base)
        page.goto(base + "/")
        page.fill("header input[name=q]", "Rasool")
        page.click("header button[type=submit]")
        links = page.locator("li.story-item")
        assert links.count() >= 1
        feb = [
            i
            for i in range(links.count())
            if "2024-02" in links.nth(i).locator("small").first.inner_text()
        ]
        assert feb, links.all_inner_texts()
        links.nth(feb[0]).locator("a").first.click()
        page.wait_for_url("**/stories/**")
        story_json = page.request.get(page.url + ".json").json()
        outlets = sorted({a["outlet"] for a in story_json["articles"]})
        assert page.locator("table.coverage th.outlet-col").all_inner_texts() == outlets
        # the date of the call differs between outlets (an undated page's "last week"
        # cannot contradict a dated one: it differs, with its caveat)
        conflicts = page.locator("details.finding.grade-differs, details.finding.grade-contradict")
        assert conflicts.count() >= 1, "the February 2024 story differs on the date of the call"
        first = conflicts.first
        if first.get_attribute("open") is None:
            first.locator("summary").click()
        assert first.locator(".side-by-side figure").count() >= 2
        assert all(t.strip() for t in first.locator(".side-by-side blockquote").all_inner_texts())
        screenshot(page, "web-seed-story")
        page.locator("table.articles td:nth-child(2) a").first.click()
        page.wait_for_url("**/articles/**")
        assert page.locator("div.body mark.hl-ent").count() > 0
        screenshot(page, "web-seed-article")
        assert watch.dialogs == [] and watch.foreign == []
        page.close()
