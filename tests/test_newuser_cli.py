"""CLI conventions a new user relies on: exit codes that mean what the README says, one
warning format, ``-v`` wherever it is typed, and ``--json`` where a script reads results.

Everything runs the real command against real loopback servers and real stores.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # spawns the CLI

FAST = """[collect]
host_delay_s = 0.05
backoff_s = 0.05
timeout_s = 2.0
retries = 0
"""
PAGE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Lock gates replaced at Fenmouth</title>
<meta property="og:site_name" content="Fenmouth Record"></head><body><article>
<h1>Lock gates replaced at Fenmouth</h1>
<p>Engineers replaced both lock gates at Fenmouth on Thursday, reopening the canal to
narrowboats after a closure of six weeks, the waterways trust said.</p>
<p>The old oak gates had stood for 31 years; the new ones were built in a yard at
Carrow and brought in by crane, the trust said, at a cost of 400,000 pounds.</p>
</article></body></html>"""


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, timeout=600
    )


@contextmanager
def site() -> Iterator[str]:
    """/robots.txt allows all, /lock is an article, anything else is 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                self._answer(200, b"User-agent: *\nAllow: /\n", "text/plain")
            elif self.path == "/lock":
                self._answer(200, PAGE, "text/html; charset=utf-8")
            else:
                self._answer(404, b"not here", "text/plain")

        def _answer(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def options(tmp_path: Path) -> Path:
    path = tmp_path / "fast.toml"
    path.write_text(FAST)
    return path


def fetch(tmp_path: Path, options: Path, *urls: str) -> subprocess.CompletedProcess[str]:
    db = tmp_path / "fetch.db"
    return cli("fetch", *urls, "--db", str(db), "--options", str(options), "-q")


def assert_one_message_format(stderr: str) -> None:
    for line in stderr.splitlines():
        assert line.startswith(("warning: ", "error: ")), line


def test_an_unreachable_site_is_an_error_and_exit_2_like_a_missing_page(
    tmp_path: Path, options: Path
) -> None:
    refused = fetch(tmp_path, options, f"http://127.0.0.1:{closed_port()}/news/today")
    assert refused.returncode == 2, refused.stderr
    assert "error: " in refused.stderr and "site unreachable" in refused.stderr
    assert_one_message_format(refused.stderr)
    with site() as base:
        missing = fetch(tmp_path, options, f"{base}/gone")
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"error: {base}/gone: HTTP 404"


def test_one_failed_page_of_two_is_exit_1(tmp_path: Path, options: Path) -> None:
    with site() as base:
        res = fetch(tmp_path, options, f"{base}/lock", f"{base}/gone")
    assert res.returncode == 1, res.stderr
    assert_one_message_format(res.stderr)


def test_fetch_and_problems_print_json(tmp_path: Path, options: Path) -> None:
    db = tmp_path / "fetch.db"
    with site() as base:
        res = cli("fetch", f"{base}/lock", f"{base}/gone", "--db", str(db),
                  "--options", str(options), "-q", "--json")  # fmt: skip
    summary = json.loads(res.stdout)
    assert (summary["fetched"], summary["articles"], len(summary["problems"])) == (1, 1, 1)
    assert summary["problems"][0]["reason"] == "HTTP 404"
    listed = json.loads(cli("problems", "--db", str(db), "--json").stdout)
    assert [(p["path"], p["reason"], p["severity"]) for p in listed] == [
        (f"{base}/gone", "HTTP 404", "error")
    ]


def test_verbose_works_after_the_subcommand_too(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lock.html").write_bytes(PAGE)
    db, out = str(tmp_path / "v.db"), str(tmp_path / "out")
    before = cli("-v", "analyze", str(folder), "--db", db, "--out", out, "-q")
    after = cli("analyze", str(folder), "--db", db, "--out", out, "-q", "-v")
    plain = cli("analyze", str(folder), "--db", db, "--out", out, "-q")
    assert before.returncode == after.returncode == plain.returncode == 0, after.stderr
    for res in (before, after):
        assert "info: stage ingest" in res.stderr and "time per stage" in res.stderr
    assert "info: " not in plain.stderr


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (PAGE, "Lock gates replaced at Fenmouth"),
        (json.dumps({"url": "https://fenmouth.example/lock", "outlet": "Fenmouth Record",
                     "title": "Fenmouth lock reopens", "text": "Engineers replaced both lock "
                     "gates at Fenmouth on Thursday, reopening the canal to narrowboats after "
                     "a closure of six weeks, the waterways trust said."}).encode() + b"\n",
         "Fenmouth lock reopens"),
    ],
)  # fmt: skip
def test_a_dash_reads_standard_input(tmp_path: Path, data: bytes, title: str) -> None:
    db = tmp_path / "stdin.db"
    for _ in range(2):  # twice: the same input is the same article, not a second one
        res = subprocess.run(
            [sys.executable, "-m", "newsprism", "ingest", "-", "--db", str(db), "-q"],
            input=data, capture_output=True, timeout=300,
        )  # fmt: skip
        assert res.returncode == 0, res.stderr
    listed = json.loads(cli("articles", "--db", str(db), "--json").stdout)
    assert [a["title"] for a in listed] == [title]
