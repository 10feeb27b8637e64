"""WARC archives: each HTML response is one document.

Only successful HTML responses are pages; requests, metadata, images and scripts are
part of any crawl and are not articles. Non-HTML *responses* are counted and reported
once per file as a warning, so a crawl of the wrong content type does not look empty
for no reason. The WARC-Date is when the page was crawled, not published, so it goes
to ``extra["crawl_date"]`` and never to ``published``.
"""

from __future__ import annotations

import gzip
import logging
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsprism.ingest.decode import NotText, decode_text
from newsprism.ingest.options import IngestOptions
from newsprism.ingest.streams import StreamLimit, open_capped
from newsprism.model import Metadata, RawDocument, ReadProblem, Source, sha256_hex

logger = logging.getLogger(__name__)

_PAGE_RECORDS = ("response", "resource")
_LENGTH = re.compile(r"\s*(\d{1,18})\s*")


class _QuietArchive(ArchiveIterator):  # type: ignore[misc]
    """warcio writes a warning to stderr itself when a record's Content-Length is too
    small; here that is a problem record (``err_count`` tells), so the text is dropped."""

    INC_RECORD = ""


def read_warc_file(
    path: Path, options: IngestOptions, *, gzipped: bool = False
) -> Iterator[RawDocument | ReadProblem]:
    where = str(path)
    file_size = path.stat().st_size
    if file_size == 0:
        yield ReadProblem(where, "empty file")
        return
    skipped: Counter[str] = Counter()
    records = 0
    declared_total = 0
    budget = options.max_decompressed_bytes
    with open_capped(path, budget, gzipped=gzipped) as stream:
        archive = _QuietArchive(stream)
        iterator = iter(archive)
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except StreamLimit:
                yield ReadProblem(where, _over_limit(options, records))
                return
            except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
                yield ReadProblem(where, _broken_reason(exc, records, gzipped))
                return
            except Exception as exc:  # warcio trips over some garbage with its own errors
                logger.debug("warcio failed on %s", where, exc_info=True)
                yield ReadProblem(
                    where,
                    f"broken WARC after {records} records: a record header cannot be read "
                    f"({type(exc).__name__}); the rest is not read",
                )
                return
            record_id = _record_id(record.rec_headers.get_header("WARC-Record-ID"))
            declared = _declared_length(record.rec_headers.get_header("Content-Length"))
            if isinstance(declared, str):
                yield ReadProblem(where, f"{declared}; the rest is not read", record_id or None)
                return
            declared_total += declared
            if not gzipped and declared > file_size:
                yield ReadProblem(
                    where,
                    f"record declares a Content-Length of {declared} bytes, more than the whole "
                    f"file ({file_size} bytes): truncated or corrupt WARC; the rest is not read",
                    record_id or None,
                )
                return
            if declared_total > budget:
                yield ReadProblem(
                    where,
                    f"record declares a Content-Length of {declared} bytes: reading it would "
                    f"pass the {options.max_decompressed_mb:g} MB limit "
                    f"(ingest.max_decompressed_mb) after {records} records; the rest is not read",
                    record_id or None,
                )
                return
            if record.rec_type not in _PAGE_RECORDS:
                continue
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
                if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended mid-record
                    raise EOFError
                errors_before = archive.err_count
                archive.read_to_end()
            except StreamLimit:
                yield ReadProblem(where, _over_limit(options, records), record_id)
                return
            except (EOFError, OSError, zlib.error, ArchiveLoadFailed) as exc:
                yield ReadProblem(where, _broken_reason(exc, records, gzipped), record_id)
                return
            if archive.err_count > errors_before:
                yield ReadProblem(
                    where,
                    f"record is longer than its Content-Length ({declared} bytes): "
                    "cut short, not stored",
                    record_id,
                )
                continue
            for item in _document(record, payload, where, record_id):
                if isinstance(item, RawDocument):
                    records += 1
                yield item
    if skipped:
        detail = ", ".join(f"{kind}: {n}" for kind, n in sorted(skipped.items()))
        yield ReadProblem(
            where,
            f"skipped {sum(skipped.values())} responses that are not HTML pages ({detail})",
            severity="warning",
        )


def _declared_length(value: str | None) -> int | str:
    """The record's Content-Length, or why it cannot be used."""
    if value is None:
        return "record has no Content-Length"
    m = _LENGTH.fullmatch(value)
    if m is None:
        return f"record has an invalid Content-Length {value[:40]!r}"
    return int(m.group(1))


def _over_limit(options: IngestOptions, records: int) -> str:
    return (
        f"WARC data passed the {options.max_decompressed_mb:g} MB limit "
        f"(ingest.max_decompressed_mb) after {records} records; the rest is not read"
    )


def _document(
    record: ArcWarcRecord, payload: bytes, where: str, record_id: str
) -> list[RawDocument | ReadProblem]:
    if not payload.strip():
        return [ReadProblem(where, "empty HTML response", record_id)]
    try:
        decoded = decode_text(payload, html=True, declared=_charset(record))
    except NotText as exc:
        return [ReadProblem(where, str(exc), record_id)]
    meta = Metadata(url=record.rec_headers.get_header("WARC-Target-URI"))
    crawl_date = record.rec_headers.get_header("WARC-Date")
    if crawl_date:
        meta.extra["crawl_date"] = crawl_date
    document = RawDocument(
        source=Source(where, "warc", record_id),
        content_sha=sha256_hex(payload),
        html=decoded.text,
        encoding=decoded.encoding,
        meta=meta,
        size=len(payload),
    )
    if decoded.warning:
        return [ReadProblem(where, decoded.warning, record_id, "warning"), document]
    return [document]


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
    if gzipped and isinstance(exc, EOFError):
        return f"truncated gzip stream after {records} records"
    if gzipped and isinstance(exc, zlib.error | gzip.BadGzipFile):
        return f"not a valid gzip file after {records} records ({exc})"
    if isinstance(exc, EOFError):
        return f"truncated WARC file after {records} records"
    detail = " ".join(str(exc).split())
    if len(detail) > 160:
        detail = detail[:160] + "…"
    return f"broken WARC after {records} records: {detail}"
