"""Formats read as one document per file: plain text and HTML (also gzipped).

The size is checked with ``stat`` before a byte is read, and a gzipped page may not
decompress beyond the same limit, so one oversized file cannot exhaust memory.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from newsprism.ingest.decode import NotText, decode
from newsprism.ingest.options import IngestOptions, mb
from newsprism.model import RawDocument, ReadProblem, Source, sha256_hex


def load_bytes(path: Path, options: IngestOptions, *, gzipped: bool) -> bytes | ReadProblem:
    """The file's bytes (decompressed when ``gzipped``), or why they cannot be had."""
    size = path.stat().st_size
    limit = options.max_file_bytes
    if size > limit:
        return ReadProblem(
            str(path),
            f"file is {mb(size)}, over the {options.max_file_mb:g} MB limit (ingest.max_file_mb)",
        )
    if size == 0:
        return ReadProblem(str(path), "empty file")
    data = path.read_bytes()
    if not gzipped:
        return data
    try:
        inflater = zlib.decompressobj(wbits=31)
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        return ReadProblem(str(path), f"not a valid gzip file ({exc})")
    if len(out) > limit:
        return ReadProblem(
            str(path),
            f"decompresses to over the {options.max_file_mb:g} MB limit (ingest.max_file_mb)",
        )
    if not inflater.eof:
        return ReadProblem(str(path), "truncated gzip stream")
    if inflater.unused_data:  # a multi-member gzip: rare for pages; let gzip handle it
        try:
            out = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            return ReadProblem(str(path), f"not a valid gzip file ({exc})")
        if len(out) > limit:
            return ReadProblem(
                str(path),
                f"decompresses to over the {options.max_file_mb:g} MB limit (ingest.max_file_mb)",
            )
    return out


def read_text_file(
    path: Path, options: IngestOptions, *, gzipped: bool = False
) -> Iterator[RawDocument | ReadProblem]:
    yield from _read_one(path, options, gzipped=gzipped, html=False)


def read_html_file(
    path: Path, options: IngestOptions, *, gzipped: bool = False
) -> Iterator[RawDocument | ReadProblem]:
    yield from _read_one(path, options, gzipped=gzipped, html=True)


def _read_one(
    path: Path, options: IngestOptions, *, gzipped: bool, html: bool
) -> Iterator[RawDocument | ReadProblem]:
    data = load_bytes(path, options, gzipped=gzipped)
    if isinstance(data, ReadProblem):
        yield data
        return
    try:
        text, encoding = decode(data, html=html)
    except NotText as exc:
        yield ReadProblem(str(path), str(exc))
        return
    if not text.strip():
        yield ReadProblem(str(path), "empty file (only whitespace)")
        return
    source = Source(str(path), "html" if html else "text")
    yield RawDocument(
        source=source,
        content_sha=sha256_hex(data),
        text=None if html else text,
        html=text if html else None,
        encoding=encoding,
        size=len(data),
    )
