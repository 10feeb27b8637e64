"""Where the articles are: feed lists (OPML or plain text), feeds, and sitemaps.

Feeds are parsed by feedparser (always from bytes we fetched: never by handing it a
URL, which would fetch without our manners). Sitemaps are read with lxml in its safe
mode (no entities, no network), following a sitemap index one level down; a news
sitemap's title and publication date travel with each link.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from newsprism.errors import InputError
from newsprism.ingest.feed_entries import parse_feed

_SAFE_XML = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
)


@dataclass(frozen=True, slots=True)
class Lead:
    """A link to an article, with what the feed or sitemap said about it."""

    url: str
    title: str | None = None
    published: str | None = None
    via: str | None = None  # the feed or sitemap it came from


def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs from an OPML file (``xmlUrl`` of every outline) or a text file (one URL
    per line, ``#`` starts a comment)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read feed list: {exc.strerror or exc}") from exc
    if path.suffix.lower() in (".opml", ".xml") or data.lstrip()[:5] in (b"<?xml", b"<opml"):
        try:
            root = etree.fromstring(data, parser=_SAFE_XML)
        except etree.XMLSyntaxError as exc:
            raise InputError(str(path), f"not a readable OPML file: {exc}") from exc
        urls = [o.get("xmlUrl") for o in root.iter("outline") if o.get("xmlUrl")]
    else:
        text = data.decode("utf-8-sig", errors="replace")
        urls = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    found = [
        u for u in dict.fromkeys(u for u in urls if u) if u.startswith(("http://", "https://"))
    ]
    if not found:
        raise InputError(str(path), "no feed URLs in the file (OPML xmlUrl or one URL a line)")
    return found


def feed_leads(data: bytes, feed_url: str) -> list[Lead] | None:
    """The article links of a feed, newest as the feed orders them; None if not a feed."""
    parsed: Any = parse_feed(data)
    if parsed is None:
        return None
    leads = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link or not str(link).startswith(("http://", "https://")):
            continue
        leads.append(
            Lead(
                str(link),
                _clean(entry.get("title")),
                _clean(entry.get("published") or entry.get("updated")),
                feed_url,
            )
        )
    return leads


def sitemap_leads(data: bytes, sitemap_url: str) -> tuple[list[Lead], list[str]] | None:
    """(article links, child sitemaps) of a sitemap or sitemap index (XML, gzipped XML
    or plain text); None when the bytes are none of those."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.GzipFile(fileobj=io.BytesIO(data)).read(64 << 20)
        except (OSError, EOFError):
            return None
    stripped = data.lstrip()
    if not stripped.startswith(b"<"):
        lines = [ln.strip() for ln in data.decode("utf-8", errors="replace").splitlines()]
        urls = [ln for ln in lines if ln.startswith(("http://", "https://"))]
        return ([Lead(u, via=sitemap_url) for u in urls], []) if urls else None
    try:
        root = etree.fromstring(stripped, parser=_SAFE_XML)
    except etree.XMLSyntaxError:
        return None
    if _local(root.tag) == "sitemapindex":
        children = [_text(s, "loc") for s in root if _local(s.tag) == "sitemap"]
        return [], [c for c in children if c]
    if _local(root.tag) != "urlset":
        return None
    leads = []
    for node in root:
        if _local(node.tag) != "url":
            continue
        loc = _text(node, "loc")
        if not loc:
            continue
        news = next((n for n in node if _local(n.tag) == "news"), None)
        title = _text(news, "title") if news is not None else None
        published = _text(news, "publication_date") if news is not None else None
        leads.append(Lead(loc, title, published or _text(node, "lastmod"), sitemap_url))
    return leads, []


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(node: Any, name: str) -> str | None:
    for child in node:
        if _local(child.tag) == name and child.text and child.text.strip():
            return str(child.text.strip())
    return None


def _clean(value: object) -> str | None:
    text = str(value).strip() if value else ""
    return text or None
