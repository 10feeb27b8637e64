"""Which JSON/CSV field names mean which ``Metadata`` field.

Exports from scrapers, news APIs and datasets name the same thing differently
(``outlet``/``source``/``site_name``, ``published``/``pubDate``...); one table here
keeps JSON records, ``NAME.meta.json`` sidecars and manifests consistent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from newsprism.model import Metadata

META_FIELDS: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "source", "site_name", "sitename", "publisher"),
    "published": ("published", "date", "published_at", "pubDate", "publish_date", "datePublished"),
    "title": ("title", "headline"),
    "byline": ("byline", "author", "authors"),
    "language": ("language", "lang"),
}
TEXT_FIELDS = ("text",)
HTML_FIELDS = ("html", "raw_html")
BODY_FIELDS = ("content", "body", "article")  # text or HTML: told apart by looking
CONTENT_FIELDS = TEXT_FIELDS + HTML_FIELDS + BODY_FIELDS

_HTML_TAG = re.compile(r"<(?:p|div|br|html|body|article|span|h[1-6]|ul|li|a|section)\b", re.I)


def metadata_from(obj: Mapping[str, Any], *, skip: tuple[str, ...] = ()) -> Metadata:
    """Metadata from a JSON object or CSV row; fields it does not know go to ``extra``."""
    meta = Metadata()
    used: set[str] = set(skip)
    for name, keys in META_FIELDS.items():
        for key in keys:
            if key in obj and key not in used:
                used.add(key)
                value = _as_text(obj[key])
                if value and getattr(meta, name) is None:
                    setattr(meta, name, value)
    meta.extra = {k: v for k, v in obj.items() if k not in used and v not in (None, "")}
    return meta


def looks_like_html(value: str) -> bool:
    return bool(_HTML_TAG.search(value[:4000]))


def _as_text(value: Any) -> str | None:
    """A field value as text: names out of ``{"name": ...}`` objects, lists joined."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        return _as_text(value.get("name") or value.get("title") or value.get("url"))
    if isinstance(value, list | tuple):
        parts = [p for p in (_as_text(v) for v in value) if p]
        return ", ".join(parts) or None
    text = str(value).strip()
    return text or None
