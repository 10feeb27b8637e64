"""The store's reads and writes for collection, versions and export, on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pg
import pytest

from newsprism.model import FetchState
from newsprism.store import open_store
from tests.conftest import comparison
from tests.test_postgres_store import HARBOUR, make_article, make_raw

pg_server = pg.pg_server
pg_url = pg.pg_url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    address = (
        str(tmp_path / "collect.db")
        if request.param == "sqlite"
        else str(request.getfixturevalue("pg_url"))
    )
    with open_store(address) as s:
        yield s


def test_versions_are_listed_oldest_first_with_their_times(store: Any) -> None:
    texts = [HARBOUR, HARBOUR + " Repairs will take a week.", HARBOUR + " The pier reopened."]
    for i, text in enumerate(texts):
        raw = make_raw(text)
        raw.meta.extra["fetched_at"] = f"2031-03-0{i + 4}T10:00:00"
        store.add_raw(raw)
        store.put_articles(raw.content_sha, [make_article(raw, text)])
    key = make_article(make_raw(HARBOUR), HARBOUR).key
    versions = store.article_versions(key)
    assert [v.article.version for v in versions] == [1, 2, 3]
    assert [v.current for v in versions] == [False, False, True]
    assert [v.article.text for v in versions] == texts
    assert [v.fetched_at for v in versions] == [datetime(2031, 3, d, 10) for d in (4, 5, 6)]
    assert all(isinstance(v.stored_at, datetime) for v in versions)
    assert store.article_versions("no such key") == []


def test_same_text_from_new_bytes_keeps_its_version(store: Any) -> None:
    first = make_raw(HARBOUR)
    again = make_raw(HARBOUR, url="https://example.test/pier")
    again.content_sha = "other-bytes-same-article"
    for raw in (first, again):
        store.add_raw(raw)
        store.put_articles(raw.content_sha, [make_article(raw, HARBOUR)])
    (article,) = list(store.articles())
    assert article.version == 1
    assert len(store.article_versions(article.key)) == 1


def test_fetch_state_and_feed_body_round_trip(store: Any) -> None:
    url = "https://example.test/feed.xml"
    assert store.get_fetch_state(url) is None
    state = FetchState(url, datetime(2031, 3, 4, 9, 30), 200, '"v1"', "Tue, 04 Mar 2031", "abc")
    store.put_fetch_state(state)
    assert store.get_fetch_state(url) == state
    store.put_feed_body(url, b"<rss>\x00bytes</rss>")
    newer = FetchState(url, datetime(2031, 3, 4, 9, 45), 304, '"v1"', None, "abc")
    store.put_fetch_state(newer)  # a new state keeps the kept body
    assert store.get_fetch_state(url) == newer
    assert store.feed_body(url) == b"<rss>\x00bytes</rss>"
    assert store.feed_body("https://example.test/other") is None


def test_batches_cover_every_row_once_in_id_order(store: Any) -> None:
    ids = []
    for i in range(7):
        text = f"{HARBOUR} Item {i}."
        raw = make_raw(text, url=f"https://example.test/pier/{i}")
        store.add_raw(raw)
        article = make_article(raw, text)
        store.put_articles(raw.content_sha, [article])
        ids.append(article.id)
        store.put_report(f"s{i}", "x", comparison(f"s{i}", "t"))
    batches = list(store.article_batches(batch=3))
    assert [len(b) for b in batches] == [3, 3, 1]
    assert [a.id for b in batches for a in b] == sorted(ids)
    reports = [r["id"] for b in store.report_batches(batch=4) for r in b]
    assert reports == [f"s{i}" for i in range(7)]
