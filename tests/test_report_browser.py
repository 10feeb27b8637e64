"""The self-contained report file opened from disk in headless Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import build_store, chromium_browser, screenshot

from newsprism.report import ReportFiles, write_reports
from newsprism.store.sqlite import SQLiteStore

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium_browser() as b:
        yield b


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[ReportFiles, dict[str, Any]]:
    root = tmp_path_factory.mktemp("reportbrowser")
    ids = build_store(root / "store.db")
    with SQLiteStore(root / "store.db", read_only=True) as store:
        return write_reports(store, root / "out"), ids


def _open(browser: Any, html: Path) -> tuple[Any, dict[str, list[str]]]:
    page = browser.new_page()
    seen: dict[str, list[str]] = {"requests": [], "errors": [], "dialogs": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    return page, seen


def test_report_opens_offline_and_its_script_is_allowed(browser: Any, report: Any) -> None:
    files, ids = report
    page, seen = _open(browser, files.html)
    assert seen["requests"] == [files.html.as_uri()]  # nothing else is fetched
    # a CSP hash mismatch would log "Refused to apply/execute inline ..." here
    assert seen["errors"] == [] and seen["dialogs"] == []
    assert page.locator("details:not([open])").count() > 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details:not([open])").count() == 0  # the hashed script ran
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("details:not([open])").count() > 0
    heads = page.locator(f"#story-{ids['flood']} table.coverage th.outlet-col").all_inner_texts()
    assert heads == ["Coastline Daily", "Harbor Gazette", "Northern Wire"]
    screenshot(page, "report")
    page.close()


def test_report_hostile_text_stays_text(browser: Any, report: Any) -> None:
    files, ids = report
    for html in (files.html, files.stories[ids["hostile"]]):
        page, seen = _open(browser, html)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert seen["dialogs"] == []
        title = page.locator(f"#story-{ids['hostile']} :is(h1, h2)").first.inner_text()
        assert title == "Council <script>window.__pwned = 1; alert(1)</script> vote"
        page.close()


def test_index_link_opens_the_story_page_offline(browser: Any, report: Any) -> None:
    files, ids = report
    page, seen = _open(browser, files.html)
    target = files.stories[ids["flood"]]
    link = page.locator(f"tr[data-story='{ids['flood']}'] a.story-page")
    assert link.inner_text() == "Velmora flood kills at least a dozen"
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("load")
    assert page.url == target.as_uri()
    assert seen["requests"] == [files.html.as_uri(), target.as_uri()]  # nothing else fetched
    assert seen["errors"] == [] and seen["dialogs"] == []  # CSP allowed the story's blocks
    heads = page.locator("table.coverage th.outlet-col").all_inner_texts()
    assert heads == ["Coastline Daily", "Harbor Gazette", "Northern Wire"]
    conflict = page.locator("details.finding.grade-contradict")
    assert conflict.count() == 1 and conflict.get_attribute("open") is not None
    assert conflict.locator(".side-by-side mark.hit").all_inner_texts() == ["12", "14"]
    cell = page.locator("td.st-contradicts details")
    cell.locator("summary").click()
    assert "killing 14 people" in cell.locator("blockquote").first.inner_text()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details:not([open])").count() == 0  # the hashed script ran here too
    cite = page.locator("td.st-contradicts a.cite").first
    cite.click()  # a cited passage on the story page opens its article in the same page
    assert page.url.startswith(target.as_uri() + "#art-")
    assert page.locator("a.brand").get_attribute("href") == "../../report.html"
    screenshot(page, "report-story")
    with page.expect_navigation():
        page.locator("a.brand").click()
    assert page.url == files.html.as_uri()
    page.close()


def test_report_prints(browser: Any, report: Any) -> None:
    files, _ = report
    page, _ = _open(browser, files.html)
    page.emulate_media(media="print")
    assert not page.locator("a.inline-link").first.is_visible()
    assert page.locator("table.story-index").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2
    page.close()


@pytest.mark.slow
def test_seed_report_in_browser(
    browser: Any, tmp_path_factory: pytest.TempPathFactory, seed_store_path: Path
) -> None:
    db = seed_store_path
    with SQLiteStore(db, read_only=True) as store:
        files = write_reports(store, tmp_path_factory.mktemp("seedout"))
    page, seen = _open(browser, files.html)
    assert seen["requests"] == [files.html.as_uri()] and seen["errors"] == []
    assert page.get_by_text("Rasool").count() > 0
    assert page.locator("div.body mark.hl-ent").count() > 0
    screenshot(page, "report-seeds")
    page.close()
