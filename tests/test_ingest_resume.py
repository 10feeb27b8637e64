"""Kill a real ingest process half-way, rerun it, and get the database one clean run gives."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.slow  # loads the spaCy/WordLlama models or spawns processes

PARAGRAPHS = [
    "Dockworkers in the port of {town} stayed off the cranes for a {n}th day on {day}, "
    "the union said, as talks with the harbour board stalled over night-shift pay.",
    "The harbour board said {n} ships were waiting at anchor and that perishable cargo "
    "had been diverted to {other}, a smaller terminal about forty kilometres north.",
    "Union spokesman {name} told reporters the strike would go on until the board put "
    "a written offer on the table, adding that members had voted by a wide margin.",
]
TOWNS = ["Velmora", "Castrel", "Ondby", "Rask", "Hollin", "Tarven", "Medlow", "Quill"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        words = {
            "town": town,
            "n": i + 2,
            "day": DAYS[i % 5],
            "other": TOWNS[(i + 3) % len(TOWNS)],
            "name": f"Aren Solberg-{i}",
        }
        body = "\n\n".join(p.format(**words) for p in PARAGRAPHS)
        page = f"Menu\nSubscribe\n\nPort strike enters day {i + 2} in {town}\n\n{body}\n\nShare\n"
        (folder / f"page_{i:04d}.txt").write_text(page, encoding="utf-8")
    for seed in sorted(SEEDS.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())


def _snapshot(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    raws = conn.execute("SELECT sha, path, text FROM raw_documents ORDER BY sha").fetchall()
    arts = conn.execute(
        "SELECT id, raw_sha, part, article_key, version, current, title, published, body, data "
        "FROM articles ORDER BY id"
    ).fetchall()
    conn.close()
    return raws, arts


def _ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsprism", "ingest", str(folder), "--db", str(db), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _raw_count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        n = conn.execute("SELECT COUNT(*) FROM raw_documents").fetchone()[0]
        conn.close()
        return int(n)
    except sqlite3.Error:
        return 0


def test_killed_ingest_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    _corpus(folder, 600)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    assert _ingest(folder, clean_db).wait(timeout=600) == 0

    proc = _ingest(folder, killed_db)
    deadline = time.monotonic() + 120
    while _raw_count(killed_db) < 50 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial_raws, _ = _snapshot(killed_db)
    assert 0 < len(partial_raws) < 605, "the kill must land half-way"

    assert _ingest(folder, killed_db).wait(timeout=600) == 0
    assert _snapshot(killed_db) == _snapshot(clean_db)
