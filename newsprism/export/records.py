"""An exported article, as a flat record, and back again.

The record uses the field names ingest already reads (``text``, ``url``, ``outlet``,
``title``, ``byline``, ``published``, ``language``), so any JSON tool understands it,
and a marker (``"newsprism": "article/1"``) plus everything cleaning found (dateline,
wire credits, removed lines with reasons, where it came from) so that ingesting the
export restores the article as it was instead of cleaning clean text a second time.

What a round trip keeps: id, key, part, text, title, byline, dateline, dates (as
published, updated, and the words they were read from), outlet and where it came
from, URL, language, wire credits, removed lines, and the original source. What it
does not: the raw page (only clean text is exported), so ``raw_sha`` becomes the
record's own hash; and version numbers, which start again at 1 in the new store
(only current versions are exported).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from newsprism.clean.restore import MARKER
from newsprism.export.writers import Kind
from newsprism.model import Annotations, Article, Dateline, to_dict

COLUMNS: tuple[str, ...] = (
    "id", "story", "key", "version", "part", "url", "outlet", "outlet_source", "title", "byline",
    "published", "published_text", "published_source", "updated", "updated_text",
    "language", "dateline", "wire", "wire_evidence", "removed",
    "source_path", "source_format", "source_record", "raw_sha", "text",
)  # fmt: skip
"""Columns of the CSV and Parquet exports, in order (``annotations`` is added last).
``story`` is the id of the story the article belongs to (empty before grouping)."""

KINDS: dict[str, Kind] = {
    "version": "int",
    "part": "int",
    "published": "timestamp",
    "updated": "timestamp",
    "wire": "strings",
    "wire_evidence": "strings",
    "removed": "removed",
    "dateline": "dateline",
    "annotations": "json",
}
"""How the typed (Parquet) export holds each column that is not text."""


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def article_record(article: Article, story: str | None = None) -> dict[str, Any]:
    """One article as an export record (JSON-ready), with the id of its story."""
    a = article
    record: dict[str, Any] = {
        "newsprism": MARKER,
        "id": a.id,
        "story": story,
        "key": a.key,
        "version": a.version,
        "part": a.part,
        "url": a.url,
        "outlet": a.outlet,
        "outlet_source": a.outlet_source,
        "title": a.title,
        "byline": a.byline,
        "published": _iso(a.published),
        "published_text": a.published_text,
        "published_source": a.published_source,
        "updated": _iso(a.updated),
        "updated_text": a.updated_text,
        "language": a.language,
        "dateline": _dateline_dict(a.dateline),
        "wire": list(a.wire),
        "wire_evidence": list(a.wire_evidence),
        "removed": [{"line_no": r.line_no, "text": r.text, "reason": r.reason} for r in a.removed],
        "source_path": a.source.path,
        "source_format": a.source.format,
        "source_record": a.source.record,
        "raw_sha": a.raw_sha,
        "text": a.text,
    }
    return record


def _dateline_dict(d: Dateline | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "text": d.text,
        "place": d.place,
        "agency": d.agency,
        "span": list(d.span) if d.span else None,
    }


def with_annotations(record: dict[str, Any], annotations: Annotations | None) -> dict[str, Any]:
    """The record with what the language layer found (null when not annotated yet)."""
    record["annotations"] = to_dict(annotations)
    return record
