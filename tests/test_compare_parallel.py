"""The compare stage in a pool of processes gives the reports the single process gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsprism.pipeline import compare_store
from newsprism.settings import Options
from newsprism.store.sqlite import SQLiteStore

pytestmark = pytest.mark.slow  # spawns processes that load the embedder


def test_two_processes_write_the_reports_one_process_writes(
    seed_store_path: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(seed_store_path, db)
    with SQLiteStore(seed_store_path, read_only=True) as original:
        expected = {r.id: r for r in original.reports()}
    assert len(expected) >= 2
    with SQLiteStore(db) as store:
        store.delete_reports_except([])
        options = Options()
        options.compare.workers = 2
        assert compare_store(store, options) == len(expected)
        got = {r.id: r for r in store.reports()}
    assert got == expected
