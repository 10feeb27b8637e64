"""An article restored from a newsprism export record, as it was exported.

An export record (``export.records``) carries everything cleaning found, so ingesting it
restores the article instead of cleaning clean text a second time. The reading lives
here, in the stage that makes articles, and the writing in ``export``: export depends on
clean, never the other way round.
"""

from __future__ import annotations

import logging
from datetime import datetime

from newsprism.model import Article, Dateline, RawDocument, RemovedLine, Source

log = logging.getLogger(__name__)

MARKER = "article/1"
"""The value of an export record's ``newsprism`` field: the record format's version."""


def restore_exported(raw: RawDocument) -> list[Article] | None:
    """The article an export record describes, or None when ``raw`` is not one.

    Its id follows the identity rule (key, part, text): the same as exported unless
    someone edited the text, in which case it is a new version of the same article.
    """
    extra = raw.meta.extra
    if (
        extra.get("newsprism") != MARKER
        or raw.text is None
        or not isinstance(extra.get("key"), str)
    ):
        return None
    key, part, text = str(extra["key"]), int(extra.get("part") or 0), raw.text
    article = Article(
        id=Article.make_id(key, part, text),
        source=Source(
            str(extra.get("source_path") or raw.source.path),
            extra.get("source_format") or raw.source.format,
            extra.get("source_record"),
        ),
        raw_sha=raw.content_sha,
        part=part,
        text=text,
        title=raw.meta.title,
        byline=raw.meta.byline,
        dateline=_dateline(extra.get("dateline")),
        published=_datetime(raw.meta.published),
        published_text=extra.get("published_text"),
        published_source=extra.get("published_source"),
        outlet=raw.meta.outlet,
        outlet_source=extra.get("outlet_source"),
        url=raw.meta.url,
        language=raw.meta.language,
        wire=[str(w) for w in extra.get("wire") or []],
        wire_evidence=[str(w) for w in extra.get("wire_evidence") or []],
        removed=[
            RemovedLine(int(r["line_no"]), r["text"], r["reason"])
            for r in extra.get("removed") or []
        ],
        key=key,
        updated=_datetime(extra.get("updated")),
        updated_text=extra.get("updated_text"),
    )
    if extra.get("id") not in (None, article.id):
        log.info(
            "%s: text differs from the export (id %s); stored as a new version",
            raw.source.label,
            extra.get("id"),
        )
    return [article]


def _datetime(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _dateline(value: object) -> Dateline | None:
    if not isinstance(value, dict) or not value.get("text"):
        return None
    span = value.get("span")
    return Dateline(
        str(value["text"]),
        value.get("place"),
        value.get("agency"),
        (int(span[0]), int(span[1])) if span else None,
    )
