"""``newsprism watch`` as a user runs it: a real process polling the loopback fixture site.

Two polls over a page that changes between them must store two versions and rewrite
the story's report with their diff; Ctrl-C while waiting for the next poll must stop
cleanly, keeping what was stored.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.store.sqlite import SQLiteStore
from tests.fixture_site import serve_site

FAST = """[collect]
host_delay_s = 0.05
backoff_s = 0.05
timeout_s = 5.0
"""


def newsprism(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsprism.cli", *args]


@pytest.mark.slow
def test_watch_twice_stores_two_versions_and_the_report_shows_the_diff(tmp_path: Path) -> None:
    options = tmp_path / "options.toml"
    options.write_text(FAST)
    feeds, db, out = tmp_path / "feeds.txt", tmp_path / "watch.db", tmp_path / "report"
    with serve_site() as site:
        feeds.write_text(f"{site.base}/feed.xml\n")
        run = subprocess.run(
            newsprism(
                "watch", "--feeds", str(feeds), "--every", "0s", "--polls", "2",
                "--db", str(db), "--out", str(out), "--options", str(options),
            ),
            capture_output=True,
            text=True,
            timeout=900,
        )  # fmt: skip
    assert run.returncode == 0, run.stderr
    lines = [ln for ln in run.stdout.splitlines() if ln.startswith("poll ")]
    assert len(lines) == 2
    assert ", 3 new," in lines[0] and ", 1 new," in lines[1]  # only the changed page
    with SQLiteStore(db, read_only=True) as store:
        clashes = next(a for a in store.articles() if "clash" in (a.title or ""))
        assert clashes.version == 2
        assert len(store.article_versions(clashes.key)) == 2
    pages = [p for p in (out / "stories").glob("*/report.html") if "clash" in p.read_text()]
    html = next(p.read_text() for p in pages if "Versions: articles changed" in p.read_text())
    assert "<del>12 </del><ins>16 </ins>" in html
    markdown = "".join(p.read_text() for p in (out / "stories").glob("*/report.md"))
    assert "~~12~~ **16**" in markdown


@pytest.mark.slow
def test_ctrl_c_stops_watch_cleanly(tmp_path: Path) -> None:
    feeds, db = tmp_path / "feeds.txt", tmp_path / "watch.db"
    with serve_site() as site:
        feeds.write_text(f"{site.base}/no-such-feed.xml\n")
        proc = subprocess.Popen(
            newsprism("watch", "--feeds", str(feeds), "--every", "1h", "--db", str(db)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            # as from a terminal: a test run in the background (``cmd &`` in a script)
            # inherits SIGINT ignored, and Python then never raises KeyboardInterrupt
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        assert proc.stdout is not None
        seen = []
        for line in proc.stdout:  # ends when the first poll is reported (or the process)
            seen.append(line)
            if line.startswith("poll 1"):
                break
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert any(line.startswith("poll 1") for line in seen), (seen, err)
    assert proc.returncode == 130
    assert "interrupted: what was committed is kept" in err
    assert "Traceback" not in err
    with SQLiteStore(db, read_only=True) as store:  # the store is whole and readable
        assert [p.reason for p in store.problems()] == ["HTTP 404"]
