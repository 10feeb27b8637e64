"""The web app over a real PostgreSQL server: the store a cluster run fills.

The store is filled by the real pipeline on the bundled example corpus, then served
read-only over real HTTP (uvicorn on loopback), as `newsprism serve --db postgresql://…`
does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import lxml.html
import pg
import pytest
from browser import live_server

from newsprism.pipeline import analyze
from newsprism.store import open_store
from newsprism.web import create_app
from newsprism.web.backend import QueryTooSlow, time_limit
from newsprism.web.catalog import Catalog, StoryFilter
from tests.conftest import EXAMPLES as CORPUS
from tests.conftest import comparison

pg_server = pg.pg_server

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_store_url(pg_server: str) -> Iterator[str]:
    """One database for the module: the pipeline runs once, the tests only read."""
    url = pg.create_database(pg_server)
    try:
        with open_store(url) as store:
            analyze([CORPUS], store, None)
        yield url
    finally:
        pg.drop_database(pg_server, url)


@pytest.fixture(scope="module")
def site(pg_store_url: str) -> Iterator[tuple[httpx.Client, Any]]:
    app = create_app(pg_store_url)
    with live_server(app) as base, httpx.Client(base_url=base) as client:
        yield client, app
    app.state.store.close()


def _strike(client: httpx.Client) -> dict[str, Any]:
    stories = client.get("/api/stories").json()["stories"]
    found = [s for s in stories if "strike" in s["title"].lower()]
    assert len(found) == 1, [s["title"] for s in stories]
    return found[0]


def test_story_list_shows_the_strike(site: tuple[httpx.Client, Any]) -> None:
    client, _ = site
    doc = lxml.html.fromstring(client.get("/").text)
    titles = [a.text_content() for a in doc.xpath("//li[@class='story-item']/a")]
    assert any("strike" in t.lower() for t in titles), titles


def test_full_text_search_finds_the_strike(site: tuple[httpx.Client, Any]) -> None:
    client, _ = site
    strike = _strike(client)
    listed = client.get("/api/stories", params={"q": "Vells"}).json()
    assert strike["id"] in [s["id"] for s in listed["stories"]]
    assert listed["matches"][strike["id"]], "the story is listed without its matching articles"
    hits = client.get("/api/search", params={"q": "Vells"}).json()["articles"]
    assert strike["id"] in {h["story"] for h in hits}
    assert all(h["title"] and h["id"] for h in hits)
    assert client.get("/api/search", params={"q": "zzqxnotaword"}).json()["articles"] == []


def test_story_page_and_json(site: tuple[httpx.Client, Any]) -> None:
    client, app = site
    strike = _strike(client)
    page = client.get(f"/stories/{strike['id']}")
    assert page.status_code == 200
    doc = lxml.html.fromstring(page.text)
    outlets = [th.text_content().strip() for th in doc.xpath("//th[@class='outlet-col']")]
    assert outlets == strike["outlets"]
    js = client.get(f"/stories/{strike['id']}.json")
    assert js.headers["content-type"] == "application/json"
    assert js.json() == app.state.store.get_report(strike["id"]).to_json()
    first = js.json()["articles"][0]["id"]
    article = client.get(f"/articles/{first}")
    assert article.status_code == 200
    parent = lxml.html.fromstring(article.text).xpath("//p[@class='meta']/a")[0]
    assert parent.get("href") == f"/stories/{strike['id']}"


def test_bad_id_is_a_json_404(site: tuple[httpx.Client, Any]) -> None:
    client, _ = site
    r = client.get("/api/stories/no-such-story")
    assert r.status_code == 404
    assert r.json() == {
        "error": {
            "status": 404,
            "title": "Not Found",
            "detail": "no story report with id 'no-such-story' in the store",
        }
    }
    assert client.get("/stories/nope.json").status_code == 404


def test_served_store_refuses_writes(site: tuple[httpx.Client, Any]) -> None:
    import psycopg

    _, app = site
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        app.state.store.put_report("s-x", "sha", comparison("s-x"))


def test_slow_query_is_cancelled_by_the_server(pg_store_url: str) -> None:
    with open_store(pg_store_url, read_only=True) as store:
        with pytest.raises(QueryTooSlow), time_limit(store, seconds=0.05):
            store.conn.execute("SELECT pg_sleep(5)")
        # The limit is lifted afterwards: the same connection runs normal queries.
        assert store.report_index()
        setting = store.conn.execute("SHOW statement_timeout").fetchone()
        assert setting is not None and next(iter(setting.values())) == "0"


def test_story_list_follows_a_cluster_run(pg_server: str) -> None:
    url = pg.create_database(pg_server)
    try:
        with open_store(url) as writer:
            writer.put_report("s-a", "sha-1", comparison("s-a", "Ferry delays"))
            reader = open_store(url, read_only=True)
            catalog = Catalog(reader)
            catalog._watch.ttl = 0.0  # look at the store on every call
            assert [r["title"] for r in catalog.stories(StoryFilter()).rows] == ["Ferry delays"]
            writer.put_report("s-a", "sha-2", comparison("s-a", "Ferry service resumes"))
            rows = catalog.stories(StoryFilter()).rows
            assert [r["title"] for r in rows] == ["Ferry service resumes"]
            reader.close()
    finally:
        pg.drop_database(pg_server, url)
