"""RSS and Atom feeds: each entry with full content is one document.

Many feeds carry only a teaser; an entry is used only when it has full content
(``content:encoded``, Atom ``<content>``) or a summary long enough to be the article
(``ingest.min_feed_summary_chars``). Teaser-only entries are reported as warnings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from newsprism.ingest.decode import normalise
from newsprism.ingest.options import IngestOptions
from newsprism.ingest.whole_files import load_bytes
from newsprism.model import Metadata, RawDocument, ReadProblem, Source, sha256_hex

_TAG = re.compile(r"<[^>]+>")


def parse_feed(data: bytes) -> Any | None:
    """The parsed feed, or ``None`` when the bytes are not an RSS/Atom feed."""
    parsed = feedparser.parse(data)
    return parsed if parsed.get("version") else None


def read_feed_file(
    path: Path, options: IngestOptions, *, gzipped: bool = False, must_be_feed: bool = True
) -> Iterator[RawDocument | ReadProblem]:
    where = str(path)
    data = load_bytes(path, options, gzipped=gzipped)
    if isinstance(data, ReadProblem):
        yield data
        return
    parsed = parse_feed(data)
    if parsed is None:
        if must_be_feed:
            yield ReadProblem(where, "not an RSS or Atom feed")
        else:
            yield ReadProblem(
                where, "XML file is not an RSS or Atom feed (skipped)", None, "warning"
            )
        return
    feed = parsed.get("feed", {})
    outlet = _text(feed.get("title"))
    language = feed.get("language") or None
    encoding = str(parsed.get("encoding") or "utf-8").lower()
    entries = parsed.get("entries", [])
    if not entries:
        yield ReadProblem(where, "feed has no entries", None, "warning")
    for index, entry in enumerate(entries, start=1):
        document = _entry_document(entry, index, where, outlet, language, options)
        if isinstance(document, RawDocument):
            document.encoding = encoding
        yield document


def _entry_document(
    entry: Any,
    index: int,
    where: str,
    outlet: str | None,
    language: str | None,
    options: IngestOptions,
) -> RawDocument | ReadProblem:
    record = entry.get("id") or entry.get("link") or str(index)
    body = _body(entry, options)
    if isinstance(body, ReadProblem):
        return ReadProblem(where, body.reason, record, body.severity)
    value, is_html = body
    if len(value.encode("utf-8")) > options.max_record_bytes:
        return ReadProblem(
            where,
            f"entry is over the {options.max_record_mb:g} MB limit (ingest.max_record_mb)",
            record,
        )
    meta = Metadata(
        url=entry.get("link") or None,
        outlet=outlet,
        published=entry.get("published") or entry.get("updated") or None,
        title=_text(entry.get("title")),
        byline=entry.get("author") or None,
        language=language,
    )
    if entry.get("tags"):
        meta.extra["tags"] = [t.get("term") for t in entry["tags"] if t.get("term")]
    canonical = json.dumps(
        {
            "id": record,
            "url": meta.url,
            "title": meta.title,
            "published": meta.published,
            "body": value,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    text = normalise(value)
    return RawDocument(
        source=Source(where, "feed", record),
        content_sha=sha256_hex(canonical),
        text=None if is_html else text,
        html=text if is_html else None,
        encoding="utf-8",
        meta=meta,
        size=len(canonical.encode("utf-8")),
    )


def _body(entry: Any, options: IngestOptions) -> tuple[str, bool] | ReadProblem:
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        return best["value"], best.get("type", "text/html") != "text/plain"
    summary = entry.get("summary") or ""
    plain = _text(summary) or ""
    if len(plain) >= options.min_feed_summary_chars:
        detail = entry.get("summary_detail") or {}
        return summary, detail.get("type", "text/html") != "text/plain"
    return ReadProblem(
        "",
        f"entry has no full content, only a {len(plain)}-character summary "
        f"(under ingest.min_feed_summary_chars = {options.min_feed_summary_chars})",
        severity="warning",
    )


def _text(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(_TAG.sub(" ", value).split()) or None
