"""The web app over real HTTP: uvicorn on loopback, a real SQLite file opened read-only."""

from __future__ import annotations

import http.client
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import lxml.html
import pytest
from browser import build_store, live_server

from newsprism.errors import StoreError
from newsprism.web import create_app
from tests.conftest import comparison


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any], Any]]:
    db = tmp_path_factory.mktemp("web") / "store.db"
    ids = build_store(db)
    app = create_app(db)
    with live_server(app) as base:
        yield base, ids, app


@pytest.fixture(scope="module")
def client(site: tuple[str, dict[str, Any], Any]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=site[0]) as c:
        yield c


def titles(html: str) -> list[str]:
    return [
        a.text_content() for a in lxml.html.fromstring(html).xpath("//li[@class='story-item']/a")
    ]


def test_story_list_search_and_filters(client: httpx.Client) -> None:
    flood, hostile = "Velmora flood kills at least a dozen", "Council <script>"
    everything = titles(client.get("/").text)
    assert everything[0] == flood and everything[1].startswith(hostile)
    assert titles(client.get("/", params={"q": "Okafor"}).text) == [flood]
    assert titles(client.get("/", params={"conflicts": "1"}).text) == [flood]
    assert titles(client.get("/", params={"outlet": "Northern Wire"}).text) == [flood]
    in_april = titles(client.get("/", params={"from": "2031-04-01", "to": "2031-04-30"}).text)
    assert len(in_april) == 1 and in_april[0].startswith(hostile)
    page = lxml.html.fromstring(client.get("/", params={"q": "levee"}).text)
    assert [a.text_content() for a in page.xpath("//ul[@class='matches']//a")] == [
        "Coastline Daily: Velmora flood"
    ]


def test_search_input_is_never_fts_syntax(client: httpx.Client) -> None:
    for q in ['"unbalanced', "Okafor NEAR(x", "a* OR -b", "title:Velmora", "'; DROP TABLE x; --"]:
        r = client.get("/", params={"q": q})
        assert r.status_code == 200, q


def test_story_page_and_stable_json(client: httpx.Client, site: Any) -> None:
    _, ids, app = site
    r = client.get(f"/stories/{ids['flood']}")
    assert r.status_code == 200
    doc = lxml.html.fromstring(r.text)
    assert [th.text_content() for th in doc.xpath("//th[@class='outlet-col']")] == [
        "Coastline Daily",
        "Harbor Gazette",
        "Northern Wire",
    ]
    cite = doc.xpath("//details[contains(@class,'grade-contradict')]//a[@class='cite']/@href")
    hg = ids["articles"]["Harbor Gazette"]
    assert cite[0].startswith(f"/articles/{hg.id}?span=")
    js = client.get(f"/stories/{ids['flood']}.json")
    assert js.headers["content-type"] == "application/json"
    assert js.json() == app.state.store.get_report(ids["flood"]).to_json()
    assert client.get(f"/api/stories/{ids['flood']}").json() == js.json()


def test_article_page_focuses_cited_span(client: httpx.Client, site: Any) -> None:
    _, ids, _ = site
    hg = ids["articles"]["Harbor Gazette"]
    lo = hg.text.index("killing 12")
    doc = lxml.html.fromstring(
        client.get(f"/articles/{hg.id}", params={"span": f"{lo}-{lo + 10}"}).text
    )
    focus = doc.xpath("//mark[@data-focus]")
    assert "".join(m.text for m in focus) == "killing 12"
    assert doc.xpath("//p[@class='meta']/a")[0].text_content() == (
        "Velmora flood kills at least a dozen"
    )


def test_outlet_page_labels_and_wire_share(client: httpx.Client) -> None:
    doc = lxml.html.fromstring(client.get("/outlets/Coastline Daily").text)
    meta = doc.xpath("//p[@class='meta']")[0].text_content()
    assert "wire copy in 1 of 1 (100%)" in meta
    row = doc.xpath("//table[@class='outlet-labels']//tr[td='Lina Okafor']/td")
    assert row[2].text_content().strip() == "embattled mayor ×1"
    assert client.get("/outlets/Nobody Times").status_code == 404


def test_hostile_article_renders_as_text(client: httpx.Client, site: Any) -> None:
    _, ids, _ = site
    for url in ("/", f"/stories/{ids['hostile']}", f"/articles/{ids['hostile_article'].id}"):
        html = client.get(url).text
        doc = lxml.html.fromstring(html)
        scripts = [s.get("src") for s in doc.xpath("//script")]
        assert set(scripts) <= {"/static/app.js", "/static/story.js"}, url  # ours, none inline
        assert doc.xpath("//*[@onerror]") == [], url
        assert not any("javascript:" in h for h in doc.xpath("//@href")), url
        assert "&lt;script&gt;window.__pwned = 1" in html, url


def test_security_headers(client: httpx.Client) -> None:
    for url in ("/", "/api/stories", "/nope"):
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert "unsafe-inline" not in csp


@pytest.mark.parametrize(
    ("url", "status", "detail"),
    [
        ("/api/stories?from=2024-13-45", 400, "parameter 'from' must be a date like 2024-02-08"),
        ("/api/stories?from=2024-03-01&to=2024-02-01", 400, "'from' is after 'to'"),
        ("/api/stories?page=0", 400, "parameter 'page' must be a number from 1 to 1000"),
        ("/api/stories/no-such-story", 404, "no story report with id 'no-such-story' in the store"),
        ("/api/stories/bad%20id%22%3E", 400, "malformed story id"),
        ("/api/search", 400, "parameter 'q' is required"),
        ("/api/articles/zzzzzz", 404, "no article with id 'zzzzzz' in the store"),
        ("/api/whatever", 404, "no such API endpoint; see /api/stories and /api/search"),
        ("/stories/nope.json", 404, "no story report with id 'nope' in the store"),
    ],
)
def test_api_errors_have_one_shape(
    client: httpx.Client, url: str, status: int, detail: str
) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert r.json() == {"error": {"status": status, "title": r.reason_phrase, "detail": detail}}


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/stories/no-such-story", 404),
        ("/?from=yesterday", 400),
        ("/articles/%00%00", 400),
        ("/articles/zz", 404),
        ("/?page=abc", 400),
        ("/?span=1", 200),
        ("/articles/abcd?span=9-1", 400),
    ],
)
def test_html_errors_are_friendly_pages(client: httpx.Client, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert "Traceback" not in r.text and 'File "' not in r.text
    if status >= 400:
        doc = lxml.html.fromstring(r.text)
        assert doc.xpath("//main[@class='error-page']/h1")[0].text.startswith(str(status))


def test_huge_query_is_refused(client: httpx.Client) -> None:
    r = client.get("/", params={"q": "Okafor " * 2000})
    assert 400 <= r.status_code < 500
    r = client.get("/api/search", params={"q": "x" * 201})
    assert r.status_code == 400 and r.json()["error"]["detail"].startswith("parameter 'q'")


def _raw_get(base: str, path: str) -> tuple[int, bytes]:
    """A request whose path is sent byte for byte: httpx would normalise the dots away."""
    netloc = urlsplit(base)
    conn = http.client.HTTPConnection(netloc.hostname or "", netloc.port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/static/..%2f..%2fweb%2fapp.py",
        "/static/%2fetc%2fpasswd",
        "/static//etc/passwd",
        "/static/....//....//etc/passwd",
    ],
)
def test_static_route_serves_nothing_outside_its_folder(site: Any, path: str) -> None:
    status, body = _raw_get(site[0], path)
    assert status in (400, 404), (path, status)
    assert b"[project]" not in body and b"root:" not in body and b"import" not in body


def test_static_assets_are_served(client: httpx.Client) -> None:
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")
    assert "beforeprint" in client.get("/static/app.js").text
    assert client.get("/static/favicon.svg").status_code == 200


def test_store_is_opened_read_only(site: Any) -> None:
    _, ids, app = site
    assert app.state.store.read_only
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        app.state.store.put_report(ids["flood"], "x", comparison(ids["flood"]))


def test_missing_database_fails_at_startup(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "missing.db")
