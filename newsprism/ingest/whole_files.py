"""Formats read as one document per file: plain text and HTML (also gzipped).

A whole file sits in memory, so its size is checked with ``stat`` before a byte is
read, and a gzipped one is decompressed as a stream that stops as soon as it passes
the same limit (``ingest.max_file_mb``), every gzip member included: one oversized
or hostile file cannot exhaust memory.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from newsprism.ingest.decode import NotText, decode_text
from newsprism.ingest.options import IngestOptions, mb
from newsprism.model import RawDocument, ReadProblem, Source, sha256_hex

_GZIP = 16 + zlib.MAX_WBITS  # zlib's window bits for a gzip header and trailer


class GzipProblem(Exception):
    """Why gzip data cannot be had; ``str(exc)`` is the problem reason."""


def gunzip_capped(data: bytes, limit: int, limit_name: str) -> bytes:
    """Every member of a gzip stream, decompressed, never holding more than ``limit`` + 1
    bytes of output. Raises ``GzipProblem`` naming ``limit_name`` when there is more."""
    out = bytearray()
    rest = data
    members = 0
    while rest:
        if members and not rest.strip(b"\x00"):
            break  # zero padding after the last member, as tape tools write it
        inflater = zlib.decompressobj(wbits=_GZIP)
        pending = rest
        while True:
            try:
                out += inflater.decompress(pending, limit + 1 - len(out))
            except zlib.error as exc:
                raise GzipProblem(f"not a valid gzip file ({exc})") from None
            if len(out) > limit:
                raise GzipProblem(f"decompresses to over the {limit_name}")
            if inflater.eof:
                break
            pending = inflater.unconsumed_tail
            if not pending:
                raise GzipProblem("truncated gzip stream")
        members += 1
        rest = inflater.unused_data
    return bytes(out)


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
        return gunzip_capped(
            data, limit, f"{options.max_file_mb:g} MB limit for a whole file (ingest.max_file_mb)"
        )
    except GzipProblem as exc:
        return ReadProblem(str(path), str(exc))


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
        decoded = decode_text(data, html=html)
    except NotText as exc:
        yield ReadProblem(str(path), str(exc))
        return
    text = decoded.text
    if not text.strip():
        yield ReadProblem(str(path), "empty file (only whitespace)")
        return
    if decoded.warning:
        yield ReadProblem(str(path), decoded.warning, severity="warning")
    source = Source(str(path), "html" if html else "text")
    yield RawDocument(
        source=source,
        content_sha=sha256_hex(data),
        text=None if html else text,
        html=text if html else None,
        encoding=decoded.encoding,
        size=len(data),
    )
