"""The store under faults: a full disk, a damaged file, a newer schema, a read-only
folder. Each must end in one ``error:`` line naming the store and what to do, exit 2,
and nothing already stored lost."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.errors import StoreError
from newsprism.model import RawDocument, Source, sha256_hex
from newsprism.store.sqlite import SQLiteStore

WORDS = [
    "harbour",
    "council",
    "ferry",
    "tram",
    "bridge",
    "budget",
    "vote",
    "mayor",
    "district",
    "residents",
    "plan",
    "night",
    "market",
    "river",
    "storm",
    "school",
    "clinic",
    "road",
    "station",
    "water",
    "power",
    "rail",
    "port",
    "union",
    "court",
]


def invented_article(i: int, sentences: int = 60) -> str:
    """A page of invented news text, different for each ``i`` (seeded, so stable)."""
    rng = random.Random(i)
    body = " ".join(
        " ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "." for _ in range(sentences)
    )
    return f"Vellmar Bay notes, part {i}\n\nBy Oda Brenn\n\n{body}\n"


def newsprism(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def raw(i: int) -> RawDocument:
    text = invented_article(i)
    return RawDocument(
        Source(f"/invented/notes-{i}.txt", "text"),
        sha256_hex(text.encode()),
        text=text,
        size=len(text),
    )


# --------------------------------------------------------------------------- item 6


DISK_FULL = (
    "{db}: the disk is full (SQLite: database or disk is full); what was committed is "
    "kept: free some space and run the same command again to finish"
)


def test_a_write_the_file_cannot_take_is_a_store_error_and_the_run_resumes(
    tmp_path: Path,
) -> None:
    """SQLite's own page limit makes the file full: the write that does not fit fails
    as a ``StoreError`` naming the store, every earlier write stays, and once there is
    room again the same writes finish the job."""
    db = tmp_path / "full.db"
    with SQLiteStore(db) as store:
        store.add_raw(raw(0))
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        with pytest.raises(StoreError) as caught:
            for i in range(1, 120):
                store.add_raw(raw(i))
        assert str(caught.value) == DISK_FULL.format(db=db.resolve())
        kept = store.count_raw()
        assert 1 <= kept < 120
        store.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
        for i in range(120):
            store.add_raw(raw(i))
        assert store.count_raw() == 120
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB file system (tmpfs); skipped where this process may not mount one."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {made.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.mark.slow
def test_ingest_on_a_full_disk_is_one_error_line_exit_2_and_resumes(
    tmp_path: Path, small_disk: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(150):
        (folder / f"notes-{i:03}.txt").write_text(invented_article(i))
    db = small_disk / "store.db"
    full = newsprism("ingest", str(folder), "--db", str(db), "-q")
    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr
    errors = [line for line in full.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: " + DISK_FULL.format(db=db.resolve())], full.stderr
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    again = newsprism("ingest", str(folder), "--db", str(db), "-q")
    assert again.returncode == 0, again.stderr
    with SQLiteStore(db, read_only=True) as store:
        assert store.count_raw() == 150 and store.count_articles() == 150
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
