"""The story list comes from the store's index columns, on a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from browser import build_store

from newsprism.model import to_dict
from newsprism.store.sqlite import SQLiteStore
from newsprism.web.catalog import Catalog, StoryFilter
from tests.conftest import comparison


def _catalog(tmp_path: Path) -> tuple[Path, dict, Catalog]:
    db = tmp_path / "store.db"
    ids = build_store(db)
    with SQLiteStore(db) as writer:  # a story without dates lists last
        writer.put_report("s-undated-0003", "sha-u", comparison("s-undated-0003", "Undated note"))
    return db, ids, Catalog(SQLiteStore(db, read_only=True))


def test_index_matches_the_reports_and_is_ordered_by_start(tmp_path: Path) -> None:
    _, ids, catalog = _catalog(tmp_path)
    hits = catalog.stories(StoryFilter())
    assert [r["id"] for r in hits.rows] == [ids["flood"], ids["hostile"], "s-undated-0003"]
    parsed = {r.id: to_dict(r.index_row()) for r in catalog.store.reports()}
    assert hits.rows == [parsed[r["id"]] for r in hits.rows]
    assert catalog.snapshot().outlets == sorted({o for e in parsed.values() for o in e["outlets"]})


def test_listing_never_parses_a_report_and_follows_changes(tmp_path: Path) -> None:
    db, ids, catalog = _catalog(tmp_path)
    assert catalog.stories(StoryFilter(conflicts_only=True)).rows[0]["id"] == ids["flood"]
    # Another process rewrites the index columns and leaves a report unreadable: the list
    # must show the new columns without touching the broken JSON.
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE reports SET data = '{broken', title = 'Flood, revised', n_conflicts = 0"
            " WHERE story = ?",
            (ids["flood"],),
        )
    rows = catalog.stories(StoryFilter()).rows
    assert rows[0]["title"] == "Flood, revised"
    assert catalog.stories(StoryFilter(conflicts_only=True)).rows == []
    april = StoryFilter(start=date(2031, 4, 1), end=date(2031, 4, 30))
    assert [r["id"] for r in catalog.stories(april).rows] == [ids["hostile"]]
    outlet = StoryFilter(outlet="Northern Wire")
    assert [r["id"] for r in catalog.stories(outlet).rows] == [ids["flood"]]
