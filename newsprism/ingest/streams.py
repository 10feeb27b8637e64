"""Streamed formats (JSON Lines, WARC) read through one byte counter with a hard cap.

Why a counting stream rather than checks in each reader: a reader (or the library
under it, such as warcio looking for the end of a line) may pull any amount of data
in one call; counting below them stops a gzip bomb, a huge shard or a line without an
end at ``ingest.max_decompressed_mb``, whatever the reader was doing. Every gzip
member is decompressed (``gzip.GzipFile`` reads them all) and counted.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class StreamLimit(Exception):
    """More than the allowed bytes were read from a stream."""


class CappedStream(io.RawIOBase):
    """A read-only view of ``raw`` that raises ``StreamLimit`` once more than ``limit``
    bytes have been read through it."""

    def __init__(self, raw: io.BufferedIOBase, limit: int) -> None:
        super().__init__()
        self._raw = raw
        self.limit = limit
        self.count = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.count

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        room = self.limit + 1 - self.count
        if room <= 0:
            raise StreamLimit(f"read more than {self.limit} bytes")
        # read1: what is there now, so the data before a broken gzip tail is not lost
        data = self._raw.read1(min(len(view), room))
        n = len(data)
        view[:n] = data
        self.count += n
        if self.count > self.limit:
            raise StreamLimit(f"read more than {self.limit} bytes")
        return n


@contextmanager
def open_capped(path: Path, limit: int, *, gzipped: bool) -> Iterator[CappedStream]:
    """The file's bytes (decompressed when ``gzipped``), at most ``limit`` of them."""
    with path.open("rb") as raw:
        inner: io.BufferedIOBase = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
        capped = CappedStream(inner, limit)
        try:
            yield capped
        finally:
            if gzipped:
                inner.close()
