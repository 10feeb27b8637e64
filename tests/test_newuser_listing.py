"""``newsprism articles`` never cuts its list silently: "3 of 5 articles" when it stops."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # spawns the CLI

TOWNS = ["Arlen", "Brisk", "Corrow", "Dunmere", "Ebbsford"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def five_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("five")
    folder = root / "in"
    folder.mkdir()
    for i, town in enumerate(TOWNS):
        text = (
            f"The council of {town} voted on Tuesday to rebuild the old market hall, "
            f"with work due to start in spring and a budget of {i + 2} million.\n\n"
            f"Residents of {town} had campaigned for the hall for a decade, the mayor said."
        )
        record = {"url": f"https://news{i}.example/{town.lower()}", "outlet": f"Post {i}",
                  "title": f"{town} to rebuild market hall", "text": text}  # fmt: skip
        (folder / f"{town}.json").write_text(json.dumps(record), encoding="utf-8")
    db = root / "five.db"
    assert cli("ingest", str(folder), "--db", str(db), "-q").returncode == 0
    return db


@pytest.mark.parametrize("as_json", [False, True])
def test_a_cut_list_says_how_many_it_shows_of_how_many(five_articles: Path, as_json: bool) -> None:
    res = cli("articles", "--db", str(five_articles), "--limit", "3", *(["--json"] * as_json))
    assert res.returncode == 0, res.stderr
    assert "showing 3 of 5 articles; --limit 0 lists them all" in res.stderr
    if as_json:
        assert len(json.loads(res.stdout)) == 3


def test_a_whole_list_says_nothing_more_and_limit_0_is_all(five_articles: Path) -> None:
    for limit in ("5", "0"):
        res = cli("articles", "--db", str(five_articles), "--limit", limit, "--json")
        assert len(json.loads(res.stdout)) == 5 and "showing" not in res.stderr
