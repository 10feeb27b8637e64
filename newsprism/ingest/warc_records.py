"""WARC archives: each HTML response is one document.

Only successful HTML responses are pages; requests, metadata, images and scripts are
part of any crawl and are not articles. Non-HTML *responses* are counted and reported
once per file as a warning, so a crawl of the wrong content type does not look empty
for no reason. The WARC-Date is when the page was crawled, not published, so it goes
to ``extra["crawl_date"]`` and never to ``published``.
"""

from __future__ import annotations

import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsprism.ingest.decode import NotText, decode
from newsprism.ingest.options import IngestOptions
from newsprism.model import Metadata, RawDocument, ReadProblem, Source, sha256_hex

logger = logging.getLogger(__name__)

_PAGE_RECORDS = ("response", "resource")


def read_warc_file(
    path: Path, options: IngestOptions, *, gzipped: bool = False
) -> Iterator[RawDocument | ReadProblem]:
    where = str(path)
    if path.stat().st_size == 0:
        yield ReadProblem(where, "empty file")
        return
    skipped: Counter[str] = Counter()
    records = 0
    total = 0
    with path.open("rb") as stream:
        iterator = iter(ArchiveIterator(stream))
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
                yield ReadProblem(where, _broken_reason(exc, records, gzipped))
                return
            if record.rec_type not in _PAGE_RECORDS:
                continue
            record_id = _record_id(record.rec_headers.get_header("WARC-Record-ID"))
            declared = int(record.rec_headers.get_header("Content-Length") or 0)
            total += declared
            if total > options.max_decompressed_bytes:
                yield ReadProblem(
                    where,
                    f"WARC data passed the {options.max_decompressed_mb:g} MB limit "
                    f"(ingest.max_decompressed_mb) after {records} records; the rest is not read",
                    record_id,
                )
                return
            content_type = _content_type(record)
            if "html" not in content_type:
                skipped[content_type or "no content type"] += 1
                continue
            status = record.http_headers.get_statuscode() if record.http_headers else "200"
            if status and not status.startswith("2"):
                skipped[f"HTTP {status}"] += 1
                continue
            if declared > options.max_record_bytes:
                yield ReadProblem(
                    where,
                    f"record is over the {options.max_record_mb:g} MB limit (ingest.max_record_mb)",
                    record_id,
                )
                continue
            try:
                payload = record.content_stream().read()
            except (EOFError, OSError, zlib.error) as exc:
                yield ReadProblem(where, _broken_reason(exc, records, gzipped), record_id)
                return
            if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended mid-record
                yield ReadProblem(where, _broken_reason(EOFError(), records, gzipped), record_id)
                return
            document = _document(record, payload, where, record_id)
            if isinstance(document, RawDocument):
                records += 1
            yield document
    if skipped:
        detail = ", ".join(f"{kind}: {n}" for kind, n in sorted(skipped.items()))
        yield ReadProblem(
            where,
            f"skipped {sum(skipped.values())} responses that are not HTML pages ({detail})",
            severity="warning",
        )


def _document(
    record: ArcWarcRecord, payload: bytes, where: str, record_id: str
) -> RawDocument | ReadProblem:
    if not payload.strip():
        return ReadProblem(where, "empty HTML response", record_id)
    try:
        html, encoding = decode(payload, html=True, declared=_charset(record))
    except NotText as exc:
        return ReadProblem(where, str(exc), record_id)
    meta = Metadata(url=record.rec_headers.get_header("WARC-Target-URI"))
    crawl_date = record.rec_headers.get_header("WARC-Date")
    if crawl_date:
        meta.extra["crawl_date"] = crawl_date
    return RawDocument(
        source=Source(where, "warc", record_id),
        content_sha=sha256_hex(payload),
        html=html,
        encoding=encoding,
        meta=meta,
        size=len(payload),
    )


def _record_id(value: str | None) -> str:
    return (value or "").strip().strip("<>")


def _content_type(record: ArcWarcRecord) -> str:
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type")
    else:
        value = record.rec_headers.get_header("Content-Type")
    return (value or "").split(";", 1)[0].strip().lower()


def _charset(record: ArcWarcRecord) -> str | None:
    value = record.http_headers.get_header("Content-Type") if record.http_headers else None
    for part in (value or "").split(";")[1:]:
        key, _, charset = part.partition("=")
        if key.strip().lower() == "charset":
            return charset.strip().strip("\"'") or None
    return None


def _broken_reason(exc: BaseException, records: int, gzipped: bool) -> str:
    if gzipped and isinstance(exc, EOFError | zlib.error | ArchiveLoadFailed):
        return f"truncated gzip stream after {records} records"
    if isinstance(exc, EOFError):
        return f"truncated WARC file after {records} records"
    return f"broken WARC after {records} records: {exc}"
