"""A news site on 127.0.0.1 for the collection tests: nothing leaves the machine.

A real HTTP server (the standard library's threading server) serves an invented
outlet, the Harbour Ledger: a feed, a sitemap, articles with ETags, a robots.txt that
forbids /private/, a page that changes between two polls, a slow page, oversized
pages, redirects, and (on a second server, so a second host) a page that answers 429
with Retry-After before it answers 200. Every request is recorded with its time and
headers so tests can check what the client did, not only what it stored.
"""

from __future__ import annotations

import html
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PARAGRAPHS = {
    "strike": [
        "Dockworkers at Port Aldrave walked off the job on Monday after talks over a two-year "
        "pay freeze broke down, leaving container ships waiting in the outer harbour.",
        "The Harbour and Dock Workers' Federation said the strike would continue until the port "
        "authority withdrew its automation plan, which the union says would cut 900 jobs.",
        "Port managers said the terminal would keep handling ferries and fuel deliveries, but "
        "that cargo operations had stopped at every berth of the North Mole.",
        "Shipping agents warned that the backlog could take weeks to clear even if a deal were "
        "reached quickly, with refrigerated cargo the first to be diverted to other ports.",
    ],
    "clashes": [
        "Police and striking dockworkers clashed at the North Mole gate late on Wednesday, in "
        "the first violence since the stoppage at Port Aldrave began nine days ago.",
        "At least 12 people were injured, the provincial health office said on Thursday, "
        "including four police officers who were hit by stones thrown from the picket line.",
        "The Interior Ministry said officers had been ordered to clear the gate so that fuel "
        "lorries could reach the terminal, and that several people had been detained.",
        "Union leaders accused the police of charging a peaceful crowd and said they would ask "
        "the courts to examine footage of the clashes recorded by members on their phones.",
    ],
    "mediation": [
        "Mediation between the government and the dockers' federation opened in Dessin on "
        "Saturday, led by a retired judge who has settled two earlier port disputes.",
        "Both sides agreed to keep the details of the talks private, but a union official said "
        "the pay freeze and the automation plan were the only items on the agenda.",
        "The transport minister said the government hoped for an agreement within a week and "
        "that ferries would keep sailing throughout the talks.",
        "Exporters welcomed the talks but said their losses were already counted in millions "
        "and asked the government for help with the cost of diverted cargo.",
    ],
}
CHANGED_CLASHES = [
    PARAGRAPHS["clashes"][0],
    "At least 16 people were injured, the provincial health office said on Thursday, "
    "including six police officers who were hit by stones thrown from the picket line.",
    *PARAGRAPHS["clashes"][2:],
    "A second night of protests passed without violence, a police spokesperson said on Friday.",
]
TITLES = {
    "strike": "Dockworkers walk out at Port Aldrave over pay freeze",
    "clashes": "Police and dockworkers clash at North Mole gate",
    "mediation": "Port strike mediation opens in Dessin",
    "secret": "Internal memo on port security",
}


def article_html(title: str, paragraphs: list[str], published: str) -> bytes:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | Harbour Ledger</title>
<meta property="og:site_name" content="Harbour Ledger">
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{published}">
</head><body>
<nav><a href="/">Home</a> | <a href="/news/">News</a> | <a href="/sport/">Sport</a></nav>
<article><h1>{html.escape(title)}</h1>
<p class="byline">By Ilse Marrow</p>
{body}
</article>
<footer>© 2026 Harbour Ledger</footer>
</body></html>""".encode()


@dataclass
class Request:
    path: str
    at: float
    headers: dict[str, str]


@dataclass
class Site:
    """What the server serves and what it was asked; tests read and change it."""

    base: str = ""
    requests: list[Request] = field(default_factory=list)
    hits: Counter[str] = field(default_factory=Counter)
    in_flight: int = 0
    max_in_flight: int = 0
    slow_seconds: float = 3.0
    big_bytes: int = 2 * 1024 * 1024
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def feed(self) -> bytes:
        items = [
            ("strike", "/news/strike", "Mon, 09 Mar 2026 08:00:00 +0100"),
            ("clashes", "/news/clashes", "Thu, 12 Mar 2026 07:30:00 +0100"),
            ("secret", "/private/memo", "Thu, 12 Mar 2026 09:00:00 +0100"),
            ("mediation", "/go/mediation", "Sat, 14 Mar 2026 10:00:00 +0100"),
        ]
        xml = "".join(
            f"<item><title>{html.escape(TITLES[k])}</title><link>{self.base}{path}</link>"
            f"<pubDate>{date}</pubDate></item>"
            for k, path, date in items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Harbour Ledger</title><link>{self.base}/</link>{xml}</channel></rss>"
        ).encode()

    def sitemap(self) -> bytes:
        urls = "".join(
            f"<url><loc>{self.base}{p}</loc><lastmod>2026-03-1{i}</lastmod></url>"
            for i, p in enumerate(["/news/strike", "/news/mediation", "/private/memo"], 2)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        ).encode()

    def sitemap_index(self) -> bytes:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{self.base}/sitemap.xml</loc></sitemap></sitemapindex>"
        ).encode()


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # keep test output quiet
        return

    def do_GET(self) -> None:
        site = self.site
        with site.lock:
            site.requests.append(Request(self.path, time.monotonic(), dict(self.headers)))
            site.hits[self.path] += 1
            hit = site.hits[self.path]
            site.in_flight += 1
            site.max_in_flight = max(site.max_in_flight, site.in_flight)
        try:
            self._route(hit)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with site.lock:
                site.in_flight -= 1

    def _send(
        self,
        status: int,
        body: bytes = b"",
        ctype: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        length: bool = True,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)

    def _article(self, key: str, paragraphs: list[str], etag: str) -> None:
        if self.headers.get("If-None-Match") == etag:
            self._send(304, headers={"ETag": etag})
            return
        published = {"strike": "2026-03-09T08:00:00+01:00", "mediation": "2026-03-14T10:00"}
        body = article_html(TITLES[key], paragraphs, published.get(key, "2026-03-12T07:30"))
        self._send(200, body, headers={"ETag": etag, "Last-Modified": formatdate(usegmt=True)})

    def _route(self, hit: int) -> None:
        path, site = self.path, self.site
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/feed.xml":
            self._send(200, site.feed(), "application/rss+xml", {"ETag": '"feed-1"'})
        elif path == "/sitemap.xml":
            self._send(200, site.sitemap(), "application/xml")
        elif path == "/sitemap-index.xml":
            self._send(200, site.sitemap_index(), "application/xml")
        elif path in ("/news/strike", "/news/mediation"):
            key = path.rsplit("/", 1)[-1]
            self._article(key, PARAGRAPHS[key], f'"{key}-1"')
        elif path == "/news/clashes":  # changes after the first answer with a body
            changed = hit > 1
            paragraphs = CHANGED_CLASHES if changed else PARAGRAPHS["clashes"]
            self._article("clashes", paragraphs, f'"clashes-{2 if changed else 1}"')
        elif path == "/private/memo":
            self._article("secret", PARAGRAPHS["strike"], '"memo"')
        elif path == "/go/mediation":
            self._send(301, headers={"Location": "/news/mediation"})
        elif path == "/loop":
            self._send(302, headers={"Location": "/loop"})
        elif path == "/slow":
            time.sleep(site.slow_seconds)
            self._send(200, article_html("Slow", PARAGRAPHS["strike"], "2026-03-09"))
        elif path == "/big":
            self._send(200, b"<p>" + b"x" * site.big_bytes + b"</p>", length=False)
        elif path == "/big-declared":
            self._send(200, b"<p>" + b"x" * site.big_bytes + b"</p>")
        elif path == "/busy":  # 429 first, then the page
            if hit == 1:
                self._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
            else:
                self._send(200, article_html("Busy", PARAGRAPHS["mediation"], "2026-03-14"))
        elif path == "/always-busy":
            self._send(503, b"down", "text/plain", {"Retry-After": "100000"})
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4", "application/pdf")
        else:
            self._send(404, b"not found", "text/plain")


@contextmanager
def serve_site() -> Iterator[Site]:
    """A running fixture site on 127.0.0.1 (a free port); stopped on exit."""
    site = Site()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
