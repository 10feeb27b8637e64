"""Invented input files for the reader tests: realistic shapes, made-up news."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import BENCH as SHARED_BENCH

BENCH = SHARED_BENCH / "article-extraction"

FLOOD_PARAGRAPHS = [
    "Floodwater from the Varna river reached the centre of Ostrel on Tuesday, forcing "
    "1,200 residents from their homes, the regional governor said.",
    "Governor Mira Kalden told reporters that two bridges had been closed and that the "
    "army would send 300 soldiers to reinforce the embankments overnight.",
    "“We have never seen the water rise this fast,” said Tomas Brel, who runs a bakery "
    "on the market square. “By noon the cellar was full.”",
    "Forecasters expect more rain on Thursday, and the river authority warned that the "
    "peak could come late in the week.",
]


def article_html(title: str, paragraphs: list[str], *, charset: str | None = "utf-8") -> str:
    """A news page with the usual chrome around the article body."""
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>{meta}<title>{title} | Ostrel Daily</title>
<meta name="author" content="Lena Vork">
<meta property="og:site_name" content="Ostrel Daily">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By Lena Vork</p>
{body}
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Council approves new budget for road repairs</a></li>
<li><a href="/b">Local team wins regional cup after extra time</a></li></ul></aside>
<section id="comments"><h3>Comments</h3>
<div class="comment">First! This town never fixes anything, typical.</div></section>
</main>
<footer><p>© 2024 Ostrel Daily. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]]) -> list[str]:
    """A gzipped WARC of (url, content type, body, WARC-Date) responses; returns record ids."""
    ids = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, content_type, body, date in records:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            ids.append(record.rec_headers.get_header("WARC-Record-ID").strip("<>"))
            writer.write_record(record)
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            writer.write_record(request)
    return ids
