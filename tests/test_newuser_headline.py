"""An outlet rewrites its headline: the new heading is the version's title, not body.

A feed lists a page under the headline it had when the feed was written; the page is
then edited (a new heading, a higher figure). Fetched again over real HTTP on
loopback, version 2 must carry the page's own new heading as its title, keep it out
of the body (so the word diff and the claims do not count it as added text), and the
version history must show the headline change.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsprism.collect.run import collect
from newsprism.store.sqlite import SQLiteStore
from newsprism.versions import version_history
from tests.test_collect import fast_options

OLD_TITLE = "Ferry service to Quillon suspended after engine fault"
NEW_TITLE = "Ferry to Quillon towed back to port, 31 passengers treated"
BODY = [
    "The morning ferry from Dunmere to Quillon turned back an hour into its crossing on "
    "Friday after one of its two engines failed, the operator Saltway Lines said.",
    "A tug towed the vessel back to Dunmere harbour, where {n} passengers were treated "
    "for seasickness and two for minor injuries, according to the harbour master.",
    "Saltway Lines said sailings would resume on Sunday once inspectors had examined "
    "the engine, and that passengers would be refunded in full.",
]


def page(title: str, injured: int) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p.format(n=injured))}</p>" for p in BODY)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | Dunmere Echo</title>
<meta property="og:site_name" content="Dunmere Echo">
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="2026-05-08T07:40:00+01:00">
</head><body><nav><a href="/">Home</a> | <a href="/local/">Local</a></nav>
<article><h1>{html.escape(title)}</h1><p class="byline">By Oona Pell</p>
{paragraphs}</article><footer>© Dunmere Echo</footer></body></html>""".encode()


@contextmanager
def echo_site(pages: dict[str, bytes]) -> Iterator[str]:
    """A loopback site serving ``pages`` (path -> body), read at each request, so a
    test edits a page by assigning to the dict; a feed lists the article under its
    first headline."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path == "/feed.xml":
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                body = (
                    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                    f"<title>Dunmere Echo</title><link>{base}/</link><item>"
                    f"<title>{html.escape(OLD_TITLE)}</title><link>{base}/local/ferry</link>"
                    "<pubDate>Fri, 08 May 2026 07:40:00 +0100</pubDate></item></channel></rss>"
                ).encode()
                kind = "application/rss+xml"
            elif self.path in pages:
                body, kind = pages[self.path], "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_an_edited_headline_is_the_new_versions_title_not_its_first_paragraph(
    tmp_path: Path,
) -> None:
    pages = {"/local/ferry": page(OLD_TITLE, 12)}
    with echo_site(pages) as base, SQLiteStore(tmp_path / "ferry.db") as store:
        collect(store, feeds=[f"{base}/feed.xml"], options=fast_options())
        pages["/local/ferry"] = page(NEW_TITLE, 31)
        collect(store, feeds=[f"{base}/feed.xml"], options=fast_options())
        (current,) = list(store.articles())
        history = version_history(store.article_versions(current.key))
    assert current.version == 2
    assert current.title == NEW_TITLE
    assert NEW_TITLE not in current.text and current.text.startswith("The morning ferry")
    assert history is not None
    first, second = history.entries
    assert first.title == OLD_TITLE
    assert second.diff is not None and second.diff.title_after == NEW_TITLE
    added = " ".join(c.text for c in second.diff.changes if c.op == "added")
    assert added.split() == ["31"]  # the figure, not the heading
