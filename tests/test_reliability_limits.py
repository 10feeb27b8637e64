"""Limits that refuse input must say so: a reported problem and exit 1, never a
silent skip. The inputs are invented pages written by the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.test_reliability_store import invented_article


def newsprism(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


# --------------------------------------------------------------------------- item 9


def test_an_article_over_the_length_limit_is_a_problem_and_exit_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "short.txt").write_text(invented_article(1, sentences=8))
    long = invented_article(2, sentences=80)
    (folder / "long.txt").write_text(long)
    options = tmp_path / "options.toml"
    options.write_text("[ingest]\nmax_article_chars = 3000\n")
    db = tmp_path / "limits.db"
    run = newsprism("ingest", str(folder), "--db", str(db), "--options", str(options), "-q")
    assert run.returncode == 1, (run.stdout, run.stderr)
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, run.stderr
    assert errors[0].startswith(
        f"error: {(folder / 'long.txt').resolve()}: article 1 of the page is "
    )
    assert errors[0].endswith(
        "characters, over the 3,000-character limit (ingest.max_article_chars); not stored"
    )
    # the summary counts it: files 2, new documents 2, articles 1, problems 1
    rows = [[c for c in line.split() if c.isdigit()] for line in run.stdout.splitlines()]
    assert ["2", "2", "0", "1", "1"] in rows, run.stdout
    problems = newsprism("problems", "--db", str(db))
    assert "max_article_chars" in problems.stdout
