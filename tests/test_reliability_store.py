"""The store under faults: a full disk, a damaged file, a newer schema, a read-only
folder. Each must end in one ``error:`` line naming the store and what to do, exit 2,
and nothing already stored lost."""

from __future__ import annotations

import os
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


# --------------------------------------------------------------------------- item 7


def damage(db: Path, needle: bytes, mask: int) -> None:
    """Flip the bits of the stored bytes wherever ``needle`` occurs in the file (every
    table keeping that record), as a failing disk might."""
    data = bytearray(db.read_bytes())
    at = data.find(needle)
    assert at >= 0, needle
    while at >= 0:
        data[at : at + len(needle)] = bytes(b ^ mask for b in needle)
        at = data.find(needle, at + len(needle))
    db.write_bytes(bytes(data))


def damage_page(db: Path, table: str) -> None:
    """Overwrite the b-tree header of a leaf page of ``table`` (SQLite's dbstat)."""
    with SQLiteStore(db) as store:
        rows = store.conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)
        ).fetchall()
        page_size = store.conn.execute("PRAGMA page_size").fetchone()[0]
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with db.open("r+b") as f:
        f.seek((rows[0][0] - 1) * page_size)
        f.write(b"\xff" * 12)


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A whole store (ingest to compare) of invented pages, made once and copied."""
    folder = tmp_path_factory.mktemp("corrupt-in")
    for i in range(6):
        (folder / f"notes-{i}.txt").write_text(invented_article(i, sentences=10))
    db = tmp_path_factory.mktemp("corrupt-db") / "whole.db"
    run = newsprism("analyze", str(folder), "--db", str(db), "--out", str(folder / "out"), "-q")
    assert run.returncode == 0, run.stderr
    return db


DAMAGED_COMMANDS = [
    ["report", "--out", "{tmp}/report"],
    ["compare-all", "-q"],
    ["cluster", "-q"],
    ["annotate", "-q"],
    ["export", "--format", "jsonl", "--out", "{tmp}/export"],
    ["articles"],
]


@pytest.mark.slow
@pytest.mark.parametrize("how", ["bytes not UTF-8", "b-tree page"])
def test_a_damaged_store_is_named_with_the_way_to_recover_never_a_traceback(
    analyzed: Path, tmp_path: Path, how: str
) -> None:
    import shutil

    db = tmp_path / "damaged.db"
    shutil.copy(analyzed, db)
    if how == "bytes not UTF-8":
        damage(db, b'"title": "Vellmar Bay notes, part 3"', 0xC3)
    else:
        damage_page(db, "articles")
    for command in DAMAGED_COMMANDS:
        args = [a.replace("{tmp}", str(tmp_path)) for a in command]
        run = newsprism(*args, "--db", str(db))
        assert run.returncode == 2, (command, run.stdout, run.stderr)
        assert "Traceback" not in run.stderr, (command, run.stderr)
        (line,) = run.stderr.strip().splitlines()
        assert line.startswith(f"error: {db.resolve()}: the store is damaged ("), line
        check = "passes" if how == "bytes not UTF-8" else "fails"
        assert f"; integrity check {check}" in line, line
        assert f"`newsprism recover {db.resolve()} --db recovered.db`" in line
        assert f"sqlite3 {db.resolve()} .recover | sqlite3 recovered.db" in line
        assert "\\x" not in line and "\ufffd" not in line  # no stored bytes echoed


# --------------------------------------------------------------------------- item 8


def test_a_store_from_a_newer_newsprism_says_so_read_only_or_not(tmp_path: Path) -> None:
    from newsprism.store.schema import SCHEMA_VERSION

    db = tmp_path / "newer.db"
    with SQLiteStore(db) as store:
        store.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    expected = (
        f"{db}: schema version {SCHEMA_VERSION + 1} is newer than this newsprism "
        f"({SCHEMA_VERSION}); upgrade newsprism to read it"
    )
    for read_only in (True, False):
        with pytest.raises(StoreError) as caught:
            SQLiteStore(db, read_only=read_only)
        assert str(caught.value) == expected


def test_an_older_store_opened_read_only_names_a_command_that_migrates_it(tmp_path: Path) -> None:
    from newsprism.store.schema import SCHEMA_VERSION

    db = tmp_path / "older.db"
    with SQLiteStore(db) as store:
        store.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    with pytest.raises(StoreError) as caught:
        SQLiteStore(db, read_only=True)
    assert str(caught.value) == (
        f"{db}: schema version {SCHEMA_VERSION - 1} is older than this newsprism "
        f"({SCHEMA_VERSION}); run `newsprism clean --db {db}` once to migrate it"
    )


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder this process cannot write: a read-only mount for root (who writes
    anywhere else), a folder without write permission for anyone else."""
    folder = tmp_path / "shelf"
    folder.mkdir()
    if os.geteuid() != 0:
        yield folder
        folder.chmod(0o755)
        return
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a file system here: {made.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def make_read_only(folder: Path) -> None:
    if os.geteuid() != 0:
        folder.chmod(0o555)
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def test_a_wal_store_in_a_folder_that_cannot_be_written_opens_read_only(
    read_only_folder: Path,
) -> None:
    db = read_only_folder / "kept.db"
    with SQLiteStore(db) as store:
        for i in range(3):
            store.add_raw(raw(i))
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    make_read_only(read_only_folder)
    with SQLiteStore(db, read_only=True) as store:
        assert store.count_raw() == 3
    run = newsprism("problems", "--db", str(db))
    assert (run.returncode, run.stdout.strip(), run.stderr) == (0, "no problems recorded", "")
    with pytest.raises(StoreError, match="cannot be written"):
        SQLiteStore(db)  # a command that writes says why it cannot


@pytest.mark.slow
def test_recover_rebuilds_a_damaged_store_from_the_raw_input_it_still_holds(
    analyzed: Path, tmp_path: Path
) -> None:
    """Damage the articles (every copy of one article's JSON, and a b-tree page): the
    raw input is whole, so ``recover`` gets every page back into a new store, cleaned,
    and the later stages then rebuild the same articles as before."""
    import shutil

    db = tmp_path / "damaged.db"
    shutil.copy(analyzed, db)
    damage_page(db, "articles")
    new = tmp_path / "recovered.db"
    run = newsprism("recover", str(db), "--db", str(new))
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == (
        f"recovered 6 raw documents into {new} (0 could not be read); 6 articles cleaned"
    )
    with SQLiteStore(analyzed, read_only=True) as before, SQLiteStore(new) as after:
        assert {(a.id, a.text) for a in after.articles()} == {
            (a.id, a.text) for a in before.articles()
        }
    again = newsprism("recover", str(db), "--db", str(new))
    assert again.returncode == 2 and again.stderr.startswith(f"error: {new}: already exists")


def test_recover_counts_the_raw_documents_it_could_not_read(tmp_path: Path) -> None:
    db = tmp_path / "half.db"
    with SQLiteStore(db) as store:
        for i in range(30):
            store.add_raw(raw(i))
    damage_page(db, "raw_documents")
    from newsprism.store.sqlite import salvage_raw

    with SQLiteStore(tmp_path / "new.db") as new:
        kept, lost = salvage_raw(db, new)
        assert kept == new.count_raw() and 0 < kept < 30 and kept + lost == 30
