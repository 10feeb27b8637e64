"""Issue 14, the web side (items 7, 8, 9): requests that gave 500s, outlets with "/" in
their names, and bidirectional-text spoofing, against the real app on loopback, the
real report files and (for what text looks like on screen) headless Chromium."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import lxml.html
import pytest
from browser import build_store, chromium_browser, live_server

from newsprism.compare.records import (
    SCHEMA_VERSION,
    ArticleRef,
    Cell,
    Cite,
    DigestItem,
    FactRow,
    Overview,
    StoryComparison,
    StorySpan,
)
from newsprism.model import Article, RawDocument, Source, Story, sha256_hex
from newsprism.report.write import write_reports
from newsprism.store.sqlite import SQLiteStore
from newsprism.web import create_app

RLO = "\u202e"
SLASHED = "Ostrel/Varna Daily"
SPOOFED = f"Harbor {RLO}Gazette"  # an unterminated right-to-left override
ARABIC = "أخبار اليوم"
PUBLISHED = datetime(2031, 5, 6, 9, 30, tzinfo=UTC)
TEXT = (
    "The ferry between Ostrel and Varna resumed on Monday after a week of storms, "
    "the harbour office said.\n\nAbout 40 passengers made the first crossing."
)


def _article(outlet: str, n: int) -> Article:
    key = f"https://bidi.example/{n}"
    text = f"{TEXT}\n\nReport number {n}."
    return Article(
        id=Article.make_id(key, 0, text),
        source=Source(f"/data/bidi-{n}.html", "html"),
        raw_sha=sha256_hex(f"raw:{key}"),
        part=0,
        text=text,
        title=f"Ferry resumes ({n})",
        byline=f"Lena Vork{RLO}" if n == 1 else None,
        published=PUBLISHED,
        outlet=outlet,
        url=key,
        key=key,
    )


def _report(story_id: str, arts: list[Article]) -> StoryComparison:
    first = TEXT.split("\n\n")[0]
    outlets = sorted(a.outlet or "" for a in arts)
    cites = {a.outlet: Cite(a.id, a.outlet or "", (0, len(first)), first) for a in arts}
    return StoryComparison(
        schema_version=SCHEMA_VERSION,
        id=story_id,
        title=f"Ferry resumes {RLO}after storms",
        span=StorySpan("2031-05-06", "2031-05-06"),
        outlets=outlets,
        articles=[
            ArticleRef(a.id, a.outlet or "", a.title, a.url, PUBLISHED.isoformat(), "page",
                       a.byline, None, [], None, None)
            for a in arts
        ],
        overview=Overview(),
        findings=[],
        figures=[],
        facts=[
            FactRow("b1", first, cites[arts[0].outlet],
                    [Cell(o, "states", [cites[o]]) for o in outlets], len(arts), outlets)
        ],
        quotes=[],
        names=[],
        entities=[],
        framing=[],
        reuse=[],
        timeline=[],
        digest=[DigestItem(cites[arts[0].outlet], "b1", outlets, len(arts), [], first)],
        related=[],
    )  # fmt: skip


def build_bidi_store(db: Path) -> dict[str, Any]:
    ids = build_store(db)
    arts = [_article(SLASHED, 0), _article(SPOOFED, 1), _article(ARABIC, 2)]
    with SQLiteStore(db) as store:
        for a in arts:
            store.add_raw(RawDocument(a.source, a.raw_sha, text=a.text))
            store.put_articles(a.raw_sha, [a])
        story = Story("s-bidi-0003", "Ferry resumes", [a.id for a in arts], PUBLISHED, PUBLISHED)
        store.put_stories([*store.stories(), story])
        store.put_report(story.id, "sha-bidi", _report(story.id, arts))
    return {**ids, "bidi": story.id, "bidi_articles": arts}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any], Path]]:
    db = tmp_path_factory.mktemp("bidi") / "store.db"
    ids = build_bidi_store(db)
    with live_server(create_app(db)) as base:
        yield base, ids, db


@pytest.fixture(scope="module")
def client(site: tuple[str, dict[str, Any], Path]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=site[0]) as c:
        yield c


def _raw_get(base: str, path: str, accept: str = "*/*") -> tuple[int, str, bytes]:
    """The path sent byte for byte (``%00`` and all)."""
    netloc = urlsplit(base)
    conn = http.client.HTTPConnection(netloc.hostname or "", netloc.port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.putheader("Accept", accept)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.getheader("content-type") or "", resp.read()
    finally:
        conn.close()


# --------------------------------------------------------------------------- 7. no 500s


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        ("/?q=%00", "parameter 'q' contains control characters"),
        ("/api/search?q=%00", "parameter 'q' contains control characters"),
        ("/api/stories?q=%00", "parameter 'q' contains control characters"),
        ("/api/stories?q=flood%00x", "parameter 'q' contains control characters"),
        ("/?page=%C2%B2", "parameter 'page' must be a number from 1 to 1000"),
        ("/api/stories?page=%C2%B2", "parameter 'page' must be a number from 1 to 1000"),
        ("/api/stories?page=%D9%A3", "parameter 'page' must be a number from 1 to 1000"),
        ("/?from=2031-03-01%00", "parameter 'from' contains control characters"),
        ("/static/style.css%00.html", "malformed static file name"),
        ("/static/%00", "malformed static file name"),
        ("/outlets/x%00y", "malformed outlet address"),
        ("/articles/abcd?span=%C2%B9-%C2%B2", "parameter 'span' must look like 120-180"),
    ],
)
def test_bad_input_is_a_400_in_the_json_error_shape(
    site: tuple[str, dict[str, Any], Path], path: str, detail: str
) -> None:
    status, kind, body = _raw_get(site[0], path, accept="application/json")
    assert (status, kind) == (400, "application/json"), body
    assert json.loads(body) == {"error": {"status": 400, "title": "Bad Request", "detail": detail}}


@pytest.mark.parametrize("path", ["/?q=%00", "/?page=%C2%B2", "/outlets/x%00y"])
def test_browsers_get_the_same_400_as_a_page(
    site: tuple[str, dict[str, Any], Path], path: str
) -> None:
    status, kind, body = _raw_get(site[0], path, accept="text/html,*/*")
    assert status == 400 and kind.startswith("text/html")
    doc = lxml.html.fromstring(body)
    assert doc.xpath("//main[@class='error-page']/h1")[0].text == "400 Bad Request"


# --------------------------------------------------------------------------- 9. outlet pages


@pytest.mark.parametrize("outlet", [SLASHED, ARABIC, SPOOFED, "Coastline Daily"])
def test_every_outlet_link_reaches_its_page(client: httpx.Client, outlet: str) -> None:
    listing = lxml.html.fromstring(client.get("/").text)
    links = {
        a.text_content(): a.get("href")
        for a in listing.xpath(
            "//li[@class='story-item']//small/a[starts-with(@href, '/outlets/')]"
        )
    }
    shown = outlet.replace(RLO, "⟨U+202E⟩")
    href = links[shown]
    assert "/" not in href.removeprefix("/outlets/") and "%" not in href
    page = client.get(href)
    assert page.status_code == 200, href
    doc = lxml.html.fromstring(page.text)
    assert doc.xpath("//h1")[0].text_content() == shown
    assert "1 story · 1 article" in doc.xpath("//p[@class='meta']")[0].text_content()


def test_old_outlet_links_by_name_still_work(client: httpx.Client) -> None:
    assert client.get("/outlets/Coastline Daily").status_code == 200
    assert client.get("/outlets/Nobody Times").status_code == 404


# --------------------------------------------------------------------------- 8. bidi


def _meta_line(html: str, article_id: str) -> Any:
    doc = lxml.html.fromstring(html)
    (article,) = doc.xpath(f"//article[contains(@id, '{article_id}')]")
    return article.xpath(".//p[@class='meta']")[0]


def test_web_pages_show_controls_and_isolate_untrusted_strings(
    client: httpx.Client, site: tuple[str, dict[str, Any], Path]
) -> None:
    _, ids, _ = site
    spoofed = ids["bidi_articles"][1]
    pages = {
        "list": client.get("/").text,
        "story": client.get(f"/stories/{ids['bidi']}").text,
        "article": client.get(f"/articles/{spoofed.id}").text,
    }
    for name, html in pages.items():
        assert RLO not in html, name
    meta = _meta_line(pages["article"], spoofed.id)
    bdis = [b.text_content() for b in meta.xpath(".//bdi")]
    assert bdis == ["Harbor ⟨U+202E⟩Gazette", "Lena Vork⟨U+202E⟩"]
    assert "⟨U+202E⟩" in lxml.html.fromstring(pages["story"]).xpath("//title")[0].text


def test_report_files_show_controls_and_isolate_untrusted_strings(
    site: tuple[str, dict[str, Any], Path], tmp_path: Path
) -> None:
    _, ids, db = site
    with SQLiteStore(db, read_only=True) as store:
        files = write_reports(store, tmp_path / "out", inline_max=0)
    page = files.stories[ids["bidi"]].read_text(encoding="utf-8")
    for path in (files.html, files.md, files.stories[ids["bidi"]]):
        assert RLO not in path.read_text(encoding="utf-8"), path
    spoofed = ids["bidi_articles"][1]
    meta = _meta_line(page, spoofed.id)
    assert [b.text_content() for b in meta.xpath(".//bdi")][:2] == [
        "Harbor ⟨U+202E⟩Gazette",
        "Lena Vork⟨U+202E⟩",
    ]


@pytest.mark.browser
def test_a_right_to_left_outlet_name_leaves_the_date_after_it(
    site: tuple[str, dict[str, Any], Path], tmp_path: Path
) -> None:
    """On screen: without isolation the date after an Arabic outlet name is drawn to its
    left (the digits join the right-to-left run); isolated, it stays on the right."""
    base, ids, db = site
    arabic = ids["bidi_articles"][2]
    with SQLiteStore(db, read_only=True) as store:
        files = write_reports(store, tmp_path / "out", inline_max=0)
    with chromium_browser() as browser:
        page = browser.new_page()
        for url in (f"{base}/articles/{arabic.id}", files.stories[ids["bidi"]].as_uri()):
            page.goto(url)
            outlet_right, date_left = page.evaluate(_POSITIONS, [arabic.id, ARABIC])
            assert date_left > outlet_right - 1, url
        page.close()


# Where the outlet's words end and the date begins on screen, in the article's meta line.
_POSITIONS = """([id, name]) => {
  const meta = document.querySelector(`article[id$='${id}'] p.meta`);
  const walker = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode()) && !node.data.includes(name)) {}
  const range = document.createRange();
  range.selectNodeContents(node);
  const date = meta.querySelector("time").getBoundingClientRect();
  return [range.getBoundingClientRect().right, date.left];
}"""
