"""Issue 14 (items 10, 11) and issue 10 at the command line: the real `newsprism` in a
subprocess, with hostile file names, a corrupt store, a busy port, bad options files."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.model import Article, RawDocument, Source, sha256_hex
from newsprism.store.sqlite import SQLiteStore
from tests.helpers_input import FLOOD_PARAGRAPHS

pytestmark = pytest.mark.slow  # spawns processes

TEXT = "\n\n".join(FLOOD_PARAGRAPHS)


def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        errors="surrogateescape",
    )


def test_a_newline_in_a_file_name_cannot_print_a_fake_line(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT)
    (corpus / "b\nerror: nothing is wrong.txt").write_bytes(b"")
    with open(os.fsencode(corpus) + b"/c\x1b[2J\xff.txt", "wb") as fh:
        fh.write(b"")
    db = str(tmp_path / "n.db")
    res = run("ingest", str(corpus), "--db", db, "--quiet")
    assert res.returncode == 1, res.stderr
    lines = res.stderr.splitlines()
    assert lines == [
        f"error: {corpus}/b\\nerror: nothing is wrong.txt: empty file",
        f"error: {corpus}/c\\x1b[2J\\xff.txt: empty file",
    ]
    assert run("problems", "--db", db).stdout.splitlines() == lines


def test_stored_strings_are_printed_as_text_not_markup_or_controls(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    title = "Flood [/b] closes [red]bridge\u202e\x1b[31m"
    with SQLiteStore(db) as store:
        key = "https://ostrel.example/1"
        art = Article(
            Article.make_id(key, 0, TEXT),
            Source("/data/one.txt", "text"),
            sha256_hex(key),
            0,
            TEXT + "\n\nA closing line with a bell\x07 in it.",
            title=title,
            outlet="Ostrel [bold]Daily",
            key=key,
        )
        store.add_raw(RawDocument(art.source, art.raw_sha, text=art.text))
        store.put_articles(art.raw_sha, [art])
    res = run("articles", "--db", str(db))
    assert res.returncode == 0, res.stderr
    assert "Ostrel [bold]Daily" in res.stdout
    assert "\x1b" not in res.stdout and "\u202e" not in res.stdout
    shown = run("show", art.id[:8], "--db", str(db))
    assert shown.returncode == 0, shown.stderr
    assert "Flood [/b] closes [red]bridge\\u202e\\x1b[31m" in shown.stdout
    assert "a bell\\x07 in it" in shown.stdout
    assert "Floodwater from the Varna river" in shown.stdout  # paragraphs keep their lines


def test_library_log_lines_stay_out_of_quiet_output(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "empty.html").write_text("<html><body><div>x</div></body></html>")
    (corpus / "nothing.html").write_text("<!-- only a comment -->")
    res = run("ingest", str(corpus), "--db", str(tmp_path / "n.db"), "--quiet")
    assert res.returncode == 1, res.stderr  # no article in the input at all: said, exit 1
    assert "trafilatura" not in res.stderr and "lxml" not in res.stderr, res.stderr
    problems = run("problems", "--db", str(tmp_path / "n.db")).stdout
    assert "no article on the page" in problems  # the facts are still recorded


def test_serving_a_corrupt_store_fails_before_saying_it_serves(tmp_path: Path) -> None:
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"this is not a database " * 100)
    res = run("serve", "--db", str(db), "--port", "0", timeout=60)
    assert res.returncode == 2
    assert "serving" not in res.stdout
    assert (
        res.stderr.strip()
        == f"error: {db}: cannot open as a newsprism database: file is not a database"
    )


def test_a_busy_port_is_one_error_line_and_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "ok.db"
    SQLiteStore(db).close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        res = run("serve", "--db", str(db), "--port", str(port), timeout=60)
    assert res.returncode == 2
    assert "serving" not in res.stdout
    assert res.stderr.strip() == (
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use (choose another --port)"
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[ingest\nmax_file_mb = 3\n", "cannot read options: Expected ']'"),
        (b"\xff\xfe[ingest]", "cannot read options: 'utf-8' codec can't decode"),
        (b"[ingest]\nmax_file_mb = 'big'\n", "ingest.max_file_mb must be float, got 'big'"),
        (b"[nowhere]\n", "unknown section [nowhere]"),
        (b"[ingest]\nmax_file_mbs = 3\n", "unknown option ingest.max_file_mbs"),
    ],
)
@pytest.mark.parametrize("command", ["analyze", "ingest", "annotate", "options"])
def test_a_bad_options_file_is_one_error_line_and_exit_2(
    tmp_path: Path, command: str, content: bytes, reason: str
) -> None:
    opts = tmp_path / "opts.toml"
    opts.write_bytes(content)
    db = tmp_path / "n.db"
    (tmp_path / "a.txt").write_text(TEXT)
    args = [str(tmp_path / "a.txt")] if command in ("analyze", "ingest") else []
    if command != "options":
        args += ["--db", str(db)]
    res = run(command, *args, "--options", str(opts))
    assert res.returncode == 2
    (line,) = res.stderr.splitlines()
    assert line.startswith(f"error: {opts}: {reason}"), line
    assert not db.exists()  # nothing was opened before the options were read
