"""Input that holds no article is a failure a new user is told about, never a table of zeros.

An empty folder, and a folder whose only page is a menu with no article, through the
real ``ingest`` and ``analyze``: exit 1, one line saying why, the page's reason
counted in the summary's problems and listed by ``problems``; no empty report.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # spawns the CLI

MENU_PAGE = """<!doctype html><html lang="en"><head><title>Quarry Herald</title></head>
<body><nav><a href="/">Home</a> | <a href="/town/">Town</a> | <a href="/sport/">Sport</a></nav>
<footer>Contact us</footer></body></html>"""


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, timeout=600
    )


def summary_table(stdout: str) -> dict[str, str]:
    """The CLI's one-row summary table as column -> cell."""
    lines = stdout.splitlines()
    header = [c.strip() for c in next(x for x in lines if x.startswith("┃")).strip("┃ ").split("┃")]
    values = [c.strip() for c in next(x for x in lines if x.startswith("│")).strip("│ ").split("│")]
    return dict(zip(header, values, strict=True))


@pytest.mark.parametrize("command", ["ingest", "analyze"])
def test_an_empty_folder_exits_1_saying_there_was_nothing_to_read(
    tmp_path: Path, command: str
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    out = tmp_path / "out"
    extra = ["--out", str(out)] if command == "analyze" else []
    res = cli(command, str(folder), "--db", str(tmp_path / "e.db"), "-q", *extra)
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    assert "error: no article: no file to read in" in res.stderr
    assert not out.exists()


@pytest.mark.parametrize("command", ["ingest", "analyze"])
def test_a_folder_without_any_article_exits_1_with_the_pages_reason(
    tmp_path: Path, command: str
) -> None:
    folder = tmp_path / "menus"
    folder.mkdir()
    (folder / "home.html").write_text(MENU_PAGE, encoding="utf-8")
    db, out = tmp_path / "m.db", tmp_path / "out"
    extra = ["--out", str(out), "--json"] if command == "analyze" else []
    res = cli(command, str(folder), "--db", str(db), "-q", *extra)
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    assert "home.html: no article on the page" in res.stderr
    assert "error: no article: 1 file read, 1 page without an article" in res.stderr
    if command == "analyze":
        assert json.loads(res.stdout)["problems"] == 1
        assert not out.exists()
    else:
        assert summary_table(res.stdout)["problems"] == "1"
    listed = cli("problems", "--db", str(db))
    assert "no article on the page" in listed.stdout


def test_grouping_a_store_without_articles_finds_no_story_instead_of_crashing(
    tmp_path: Path,
) -> None:
    db = tmp_path / "none.db"
    folder = tmp_path / "menus"
    folder.mkdir()
    (folder / "home.html").write_text(MENU_PAGE, encoding="utf-8")
    assert cli("ingest", str(folder), "--db", str(db), "-q").returncode == 1
    res = cli("cluster", "--db", str(db))
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
