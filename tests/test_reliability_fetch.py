"""Reliability of ``fetch`` against a loopback server the test starts: interruption,
decoding limits, robots.txt per host, redirects across hosts, feed size.

Every test runs the real client (and, where the promise is about a process, the real
``newsprism`` command) against ``http.server`` on 127.0.0.1; the pages are invented.
"""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsprism.collect.options import CollectOptions
from newsprism.collect.run import collect
from newsprism.settings import Options
from newsprism.store.sqlite import SQLiteStore

FAST_TOML = """[collect]
host_delay_s = 0.05
backoff_s = 0.05
timeout_s = 20.0
"""


def page(title: str, sentence: str) -> bytes:
    """An invented article page with enough text to be kept as an article."""
    paragraphs = "".join(
        f"<p>{sentence} The council of Vellmar Bay met again on day {n} to weigh the plan, "
        f"and residents of the harbour district asked for more time to answer it.</p>"
        for n in range(1, 6)
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="Vellmar Courier"></head><body>'
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


Route = Callable[["Handler"], None]


@dataclass
class Loopback:
    """One HTTP server on 127.0.0.1 whose routes a test sets; it records every path."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Handler(BaseHTTPRequestHandler):
    server_state: Loopback
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        return

    def do_GET(self) -> None:
        with self.server_state.lock:
            self.server_state.paths.append(self.path)
        route = self.server_state.routes.get(self.path)
        try:
            if route is None:
                self.send(404, b"not found", "text/plain")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def send(
        self,
        status: int,
        body: bytes = b"",
        ctype: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def article_route(body: bytes, etag: str) -> Route:
    """A page with an ETag that answers 304 to a request carrying it."""

    def route(h: Handler) -> None:
        if h.headers.get("If-None-Match") == etag:
            h.send(304, headers={"ETag": etag})
        else:
            h.send(200, body, headers={"ETag": etag})

    return route


def robots_route(h: Handler) -> None:
    h.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")


@contextmanager
def loopback(address: str = "127.0.0.1") -> Iterator[Loopback]:
    """A server on ``address`` (any of 127.0.0.0/8 is this machine: a second address is
    a second host, for redirects across hosts)."""
    state = Loopback(routes={"/robots.txt": robots_route})
    handler = type("H", (Handler,), {"server_state": state})
    server = ThreadingHTTPServer((address, 0), handler)
    server.daemon_threads = True
    state.base = f"http://{address}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def fast(**collect_options: object) -> Options:
    values: dict[str, object] = {"host_delay_s": 0.02, "backoff_s": 0.02, "timeout_s": 20.0}
    values.update(collect_options)
    return Options(collect=CollectOptions(**values))  # type: ignore[arg-type]


def newsprism(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsprism.cli", *args]


# --------------------------------------------------------------------------- item 1


@pytest.mark.slow
def test_fetch_killed_mid_batch_keeps_no_validators_for_pages_it_did_not_store(
    tmp_path: Path,
) -> None:
    """kill -9 while the second page of a batch is in flight: the first page's answer
    was read but not stored, so the rerun must fetch it in full (not get a 304)."""
    options, db = tmp_path / "options.toml", tmp_path / "kill.db"
    options.write_text(FAST_TOML)
    reached, release = threading.Event(), threading.Event()

    def hold(h: Handler) -> None:
        reached.set()
        release.wait(60)
        h.send(200, page("Ferry timetable changes", "The ferry timetable changes in May."))

    with loopback() as site:
        site.routes["/news/harbour-plan"] = article_route(
            page("Council weighs harbour plan", "The council weighed the harbour plan."), '"hp-1"'
        )
        site.routes["/news/ferry"] = hold
        urls = [f"{site.base}/news/harbour-plan", f"{site.base}/news/ferry"]
        proc = subprocess.Popen(
            newsprism("fetch", *urls, "--db", str(db), "--options", str(options), "-q"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert reached.wait(120), "the second page was never asked for"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(60)
        finally:
            release.set()
            if proc.poll() is None:
                proc.kill()
        rerun = subprocess.run(
            newsprism("fetch", *urls, "--db", str(db), "--options", str(options), "-q"),
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert rerun.returncode == 0, rerun.stderr
    with SQLiteStore(db, read_only=True) as store:
        assert {a.title for a in store.articles()} == {
            "Council weighs harbour plan",
            "Ferry timetable changes",
        }


# --------------------------------------------------------------------------- item 4


def gzip_layers(data: bytes, layers: int) -> bytes:
    for _ in range(layers):
        data = gzip.compress(data, compresslevel=9)
    return data


def encoded_route(body: bytes, encoding: str) -> Route:
    def route(h: Handler) -> None:
        h.send(200, body, headers={"Content-Encoding": encoding})

    return route


def test_nested_content_encoding_counts_every_layer_against_the_page_limit(
    tmp_path: Path,
) -> None:
    """``gzip, gzip``: a few kilobytes that decode to 96 MB. Each layer streams and
    counts against ``max_page_mb``, so the answer is refused before any layer holds more
    than about the limit in memory (measured with tracemalloc, Python's own count)."""
    import tracemalloc

    bomb = gzip_layers(b"\0" * (96 << 20), 2)
    assert len(bomb) < 200_000
    fine = page("Tram line reopens", "The tram line reopened on Sunday.")
    with loopback() as site, SQLiteStore(tmp_path / "bomb.db") as store:
        site.routes["/bomb"] = encoded_route(bomb, "gzip, gzip")
        site.routes["/fine"] = encoded_route(gzip_layers(fine, 2), "gzip, gzip")
        site.routes["/deflate"] = encoded_route(
            zlib.compress(page("Bridge works", "The bridge works begin.")),
            "deflate",
        )
        # the pages that decode fine first, so that what is traced is the bomb alone
        # (not the first import of the cleaning modules)
        summary = collect(store, urls=[f"{site.base}/fine", f"{site.base}/deflate"], options=fast())
        assert summary.problems == []
        assert {a.title for a in store.articles()} == {"Tram line reopens", "Bridge works"}
        tracemalloc.start()
        try:
            summary = collect(store, urls=[f"{site.base}/bomb"], options=fast(max_page_mb=1.0))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        reasons = {p.path.removeprefix(site.base): p.reason for p in summary.problems}
        assert reasons == {"/bomb": "page is over the 1 MB limit (collect.max_page_mb)"}
    assert peak < 8 << 20, f"peak {peak / 2**20:.0f} MB"


def test_an_encoding_newsprism_did_not_ask_for_is_a_problem_not_garbage(tmp_path: Path) -> None:
    with loopback() as site, SQLiteStore(tmp_path / "enc.db") as store:
        site.routes["/odd"] = encoded_route(b"\x00\x01binary", "x-squash")
        summary = collect(store, urls=[f"{site.base}/odd"], options=fast())
    assert [p.reason for p in summary.problems] == [
        "unsupported Content-Encoding 'x-squash' (newsprism asks for gzip or deflate)"
    ]
    assert store.count_raw() == 0


# --------------------------------------------------------------------------- item 10


def test_robots_txt_is_asked_once_per_host_for_a_whole_batch(tmp_path: Path) -> None:
    with loopback() as site, loopback() as other, SQLiteStore(tmp_path / "robots.db") as store:
        urls = []
        for server, count in ((site, 11), (other, 3)):
            for n in range(count):
                path = f"/news/item-{n}"
                server.routes[path] = article_route(
                    page(f"Notice {n} of {count}", f"Notice {n} of {count} was posted."), f'"{n}"'
                )
                urls.append(server.base + path)
        summary = collect(store, urls=urls, options=fast(max_concurrency=8))
        assert summary.documents_new == 14 and summary.problems == []
        assert site.paths.count("/robots.txt") == 1 and other.paths.count("/robots.txt") == 1
        assert site.paths[0] == "/robots.txt" and other.paths[0] == "/robots.txt"


# --------------------------------------------------------------------------- item 11


def redirect_route(location: str) -> Route:
    def route(h: Handler) -> None:
        h.send(302, headers={"Location": location})

    return route


def test_redirects_to_another_host_are_logged_and_can_be_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    with loopback() as site, loopback("127.0.0.2") as other:
        other.routes["/story"] = article_route(
            page("Lighthouse relit", "The old lighthouse was relit."), '"lh"'
        )
        site.routes["/go"] = redirect_route(f"{other.base}/story")
        site.routes["/file"] = redirect_route("file:///etc/hostname")
        site.routes["/near"] = redirect_route("/go-local")
        site.routes["/go-local"] = article_route(
            page("Pier reopened", "The pier reopened at dawn."), '"pier"'
        )
        urls = [f"{site.base}/go", f"{site.base}/file", f"{site.base}/near"]

        with (
            caplog.at_level(logging.INFO, logger="newsprism.collect.client"),
            SQLiteStore(tmp_path / "follow.db") as store,
        ):
            followed = collect(store, urls=urls, options=fast())
            titles = {a.title for a in store.articles()}
        assert titles == {"Lighthouse relit", "Pier reopened"}  # default: followed
        crossings = [r.getMessage() for r in caplog.records if "another host" in r.message]
        assert crossings == [f"{site.base}/go: redirected to another host: {other.base}/story"]
        assert [(p.path, p.reason) for p in followed.problems] == [
            (f"{site.base}/file", "not an http(s) address: file:///etc/hostname")
        ]

        with SQLiteStore(tmp_path / "stay.db") as store:
            stayed = collect(store, urls=urls, options=fast(cross_host_redirects=False))
            assert {a.title for a in store.articles()} == {"Pier reopened"}
        refused = {p.path: (p.reason, p.severity) for p in stayed.problems}
        assert refused[f"{site.base}/go"] == (
            f"redirected to another host ({other.base}/story); not followed "
            "(collect.cross_host_redirects)",
            "warning",
        )

        with SQLiteStore(tmp_path / "public.db") as store:
            public = collect(store, urls=urls, options=fast(private_redirects=False))
            assert {a.title for a in store.articles()} == {"Pier reopened"}
        refused = {p.path: (p.reason, p.severity) for p in public.problems}
        assert refused[f"{site.base}/go"] == (
            f"redirected to a private address ({other.base}/story: 127.0.0.2); not followed "
            "(collect.private_redirects)",
            "warning",
        )
