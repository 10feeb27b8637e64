"""The SQLite store on a real file: idempotent writes, versions, rollback, search, migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsprism.errors import NotFound, StoreError
from newsprism.model import Article, Metadata, RawDocument, Source, sha256_hex
from newsprism.store import SQLiteStore
from newsprism.store.schema import SCHEMA_VERSION


def _raw(text: str, url: str | None = None, path: str = "/in/page.txt") -> RawDocument:
    return RawDocument(
        source=Source(path, "text"),
        content_sha=sha256_hex(text),
        text=text,
        meta=Metadata(url=url),
        size=len(text),
    )


def _article(raw: RawDocument, body: str, title: str = "A title") -> Article:
    key = f"{raw.key}#0"
    return Article(
        id=Article.make_id(key, 0, body),
        source=raw.source,
        raw_sha=raw.content_sha,
        part=0,
        text=body,
        title=title,
        key=key,
    )


def test_same_content_twice_is_stored_once(db_path: Path) -> None:
    store = SQLiteStore(db_path)
    raw = _raw("Harbour cranes stood idle on Monday.")
    assert store.add_raw(raw) is True
    assert store.add_raw(raw) is False
    assert store.count_raw() == 1


def test_same_url_new_content_is_a_new_version(db_path: Path) -> None:
    store = SQLiteStore(db_path)
    first = _raw("Dockworkers walked out.", url="https://example.test/a")
    second = _raw("Dockworkers walked out on Monday, the union said.", url="https://example.test/a")
    for raw in (first, second):
        store.add_raw(raw)
        store.put_articles(raw.content_sha, [_article(raw, raw.text or "")])
    current = list(store.articles())
    assert [a.version for a in current] == [2]
    assert current[0].text.endswith("the union said.")
    assert sorted(a.version for a in store.articles(current_only=False)) == [1, 2]


def test_a_failed_transaction_leaves_nothing_behind(db_path: Path) -> None:
    store = SQLiteStore(db_path)
    kept = _raw("Kept page.")
    store.add_raw(kept)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_raw(_raw("Lost page."))
        raise RuntimeError("crash mid-write")
    assert [r.text for r in store.raw_documents()] == ["Kept page."]


def test_search_treats_user_input_as_words_not_syntax(db_path: Path) -> None:
    store = SQLiteStore(db_path)
    raw = _raw("The port authority of Velmora said talks resume on March 14.")
    store.add_raw(raw)
    art = _article(raw, raw.text or "", title="Velmora port talks")
    store.put_articles(raw.content_sha, [art])
    assert store.search_articles("velmora") == [art.id]
    assert store.search_articles('port" OR x NEAR(') == []  # no FTS syntax error
    assert store.search_articles("") == []


def test_unknown_ids_raise_not_found(db_path: Path) -> None:
    store = SQLiteStore(db_path)
    with pytest.raises(NotFound, match="no article with id 'ffff0000'"):
        store.get_article("ffff0000")
    with pytest.raises(NotFound):
        store.get_story("abc")


def test_a_file_that_is_not_a_database_is_refused_by_name(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"notes\.db: cannot open as a newsprism database"):
        SQLiteStore(bogus)


def test_newer_schema_is_refused_and_read_only_never_migrates(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this newsprism"):
        SQLiteStore(path)
    with pytest.raises(StoreError, match="no such database"):
        SQLiteStore(tmp_path / "missing.db", read_only=True)


def test_read_only_store_cannot_write(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    ro = SQLiteStore(db_path, read_only=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        ro.add_raw(_raw("nope"))
