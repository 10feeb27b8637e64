"""JSON and JSON Lines: one article per object.

JSON Lines files (plain or gzipped) are streamed line by line with a cap on each
line and on the total decompressed, so a 50 GB shard or a gzip bomb never sits in
memory; a malformed line is reported with its number and reading goes on. A record
nested deeper than ``MAX_DEPTH`` is refused before anything walks it: later stages
walk records recursively, and no article needs that depth.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsprism.ingest.decode import NotText, decode_text, normalise
from newsprism.ingest.fields import (
    BODY_FIELDS,
    CONTENT_FIELDS,
    HTML_FIELDS,
    TEXT_FIELDS,
    looks_like_html,
    metadata_from,
)
from newsprism.ingest.options import IngestOptions
from newsprism.ingest.streams import StreamLimit, open_capped
from newsprism.ingest.whole_files import load_bytes
from newsprism.model import RawDocument, ReadProblem, Source, sha256_hex

_CHUNK = 1 << 16
MAX_DEPTH = 64  # levels of JSON objects and lists in one record


class TooDeep(Exception):
    """A JSON value nested deeper than ``MAX_DEPTH``."""


def load_json(text: str) -> Any:
    """``json.loads`` that refuses deep nesting (``TooDeep``) instead of recursing into it."""
    try:
        obj = json.loads(text)
    except RecursionError:
        raise TooDeep(_too_deep()) from None
    if _depth_over(obj, MAX_DEPTH):
        raise TooDeep(_too_deep())
    return obj


def _too_deep() -> str:
    return f"JSON nested more than {MAX_DEPTH} levels deep"


def _depth_over(obj: Any, limit: int) -> bool:
    """Whether ``obj`` nests more than ``limit`` containers, without recursion."""
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False


def read_json_file(
    path: Path, options: IngestOptions, *, gzipped: bool = False
) -> Iterator[RawDocument | ReadProblem]:
    """A ``.json`` file: one object, or a list of objects (record = position from 1)."""
    data = load_bytes(path, options, gzipped=gzipped)
    if isinstance(data, ReadProblem):
        yield data
        return
    try:
        decoded = decode_text(data)
        obj = load_json(decoded.text)
    except (NotText, TooDeep) as exc:
        yield ReadProblem(str(path), str(exc))
        return
    except json.JSONDecodeError as exc:
        yield ReadProblem(str(path), f"invalid JSON: {exc}")
        return
    if decoded.warning:
        yield ReadProblem(str(path), decoded.warning, severity="warning")
    encoding = decoded.encoding
    if isinstance(obj, dict):
        yield record_to_document(obj, str(path), None, encoding, len(data))
    elif isinstance(obj, list):
        if not obj:
            yield ReadProblem(str(path), "JSON list holds no records", severity="warning")
        for index, item in enumerate(obj, start=1):
            yield record_to_document(item, str(path), str(index), encoding, None)
    else:
        yield ReadProblem(str(path), f"expected a JSON object or list, got {type(obj).__name__}")


def read_jsonl_file(
    path: Path, options: IngestOptions, *, gzipped: bool = False
) -> Iterator[RawDocument | ReadProblem]:
    """A ``.jsonl``/``.ndjson`` (optionally ``.gz``) file: record = line number from 1."""
    if path.stat().st_size == 0:
        yield ReadProblem(str(path), "empty file")
        return
    # The line-by-line count below decides where reading stops; the stream's own cap,
    # a little above it, stops a reader that is skipping one endless line.
    hard_cap = options.max_decompressed_bytes + options.max_record_bytes + _CHUNK
    with open_capped(path, hard_cap, gzipped=gzipped) as capped:
        yield from _read_lines(io.BufferedReader(capped, _CHUNK), path, options, gzipped)


def _read_lines(
    stream: IO[bytes], path: Path, options: IngestOptions, gzipped: bool
) -> Iterator[RawDocument | ReadProblem]:
    where = str(path)
    limit = options.max_record_bytes
    total = 0
    line_no = 0
    records = 0
    while True:
        try:
            line = stream.readline(limit + 1)
            total += len(line)
            oversized = len(line) > limit and not line.endswith(b"\n")
            if oversized:
                total += _skip_rest_of_line(stream)
        except StreamLimit:
            yield _over_limit(where, options, gzipped, records, line_no + 1)
            return
        except EOFError:
            yield ReadProblem(where, f"truncated gzip stream after {records} records")
            return
        except (OSError, zlib.error) as exc:
            reason = "not a gzip file" if isinstance(exc, gzip.BadGzipFile) else str(exc)
            yield ReadProblem(where, f"{reason} (after {records} records)")
            return
        if not line:
            return
        line_no += 1
        if total > options.max_decompressed_bytes:
            yield _over_limit(where, options, gzipped, records, line_no)
            return
        if oversized:
            yield ReadProblem(
                where,
                f"line is over the {options.max_record_mb:g} MB limit (ingest.max_record_mb)",
                str(line_no),
            )
            continue
        for result in _parse_line(line, where, line_no):
            if isinstance(result, RawDocument):
                records += 1
            yield result


def _over_limit(
    where: str, options: IngestOptions, gzipped: bool, records: int, line_no: int
) -> ReadProblem:
    return ReadProblem(
        where,
        f"{'decompressed' if gzipped else 'read'} data passed the "
        f"{options.max_decompressed_mb:g} MB limit (ingest.max_decompressed_mb) "
        f"after {records} records; the rest is not read",
        str(line_no),
    )


def _skip_rest_of_line(stream: IO[bytes]) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _parse_line(line: bytes, where: str, line_no: int) -> list[RawDocument | ReadProblem]:
    record = str(line_no)
    size = len(line)
    if line_no == 1 and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    line = line.rstrip(b"\r\n")
    if not line.strip():
        return []  # blank lines between records are allowed
    try:
        decoded = decode_text(line)
        obj = load_json(decoded.text)
    except (NotText, TooDeep) as exc:
        return [ReadProblem(where, str(exc), record)]
    except json.JSONDecodeError as exc:
        message = exc.msg.removesuffix(" starting at")
        return [ReadProblem(where, f"invalid JSON at column {exc.colno}: {message}", record)]
    document = record_to_document(obj, where, record, decoded.encoding, size)
    if decoded.warning and isinstance(document, RawDocument):
        return [ReadProblem(where, decoded.warning, record, "warning"), document]
    return [document]


def record_to_document(
    obj: Any, where: str, record: str | None, encoding: str, size: int | None
) -> RawDocument | ReadProblem:
    """One JSON object as a document; its hash is over canonical JSON, not the line bytes."""
    if not isinstance(obj, dict):
        return ReadProblem(where, f"expected a JSON object, got {type(obj).__name__}", record)
    content = _content(obj)
    if content is None:
        return ReadProblem(
            where, f"no article text: none of the fields {', '.join(CONTENT_FIELDS)}", record
        )
    _, value, is_html = content
    canonical = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = normalise(value)
    return RawDocument(
        source=Source(where, "json", record),
        content_sha=sha256_hex(canonical),
        text=None if is_html else text,
        html=text if is_html else None,
        encoding=encoding,
        meta=metadata_from(obj, skip=CONTENT_FIELDS),
        size=size if size is not None else len(canonical.encode("utf-8")),
    )


def _content(obj: dict[str, Any]) -> tuple[str, str, bool] | None:
    for keys, kind in ((TEXT_FIELDS, False), (HTML_FIELDS, True), (BODY_FIELDS, None)):
        for key in keys:
            value = obj.get(key)
            if isinstance(value, str) and value.strip():
                return key, value, looks_like_html(value) if kind is None else kind
    return None
