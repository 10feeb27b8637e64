"""Undo a response's Content-Encoding as it streams, every layer under one size limit.

A server may stack encodings (``Content-Encoding: gzip, gzip``). Decoding each layer
in one call, as a generic client does, lets a few kilobytes become gigabytes inside the
second layer before any limit is checked. Here every layer inflates at most ``PIECE``
bytes at a time and hands them on at once, and each layer's running total is held to
the page limit, so memory stays near the limit whatever the nesting.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

PIECE = 64 * 1024  # the most one layer inflates before passing it on
KNOWN = ("gzip", "x-gzip", "deflate")


class DecodeRefused(Exception):
    """The body cannot be decoded within the rules; ``str`` is the reason for the user."""


class _Layer:
    """One encoding: a stream of zlib (gzip members one after another, or deflate)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.produced = 0
        self._obj: zlib._Decompress | None = None
        self._done = False

    def _new(self, head: bytes) -> zlib._Decompress:
        if self.kind in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # "deflate" is meant to be zlib-wrapped; many servers send it raw
        wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def push(self, data: bytes) -> Iterator[bytes]:
        """Inflate ``data``, PIECE bytes at a time."""
        buf = data
        while buf or self._obj is not None:
            if self._done:
                return  # bytes after the last member (padding): ignored
            if self._obj is None:
                self._obj = self._new(buf)
            try:
                out = self._obj.decompress(buf, PIECE)
            except zlib.error as exc:
                raise DecodeRefused(f"the {self.kind} body cannot be decoded ({exc})") from None
            if out:
                yield out
            if self._obj.eof:
                buf = self._obj.unused_data
                self._obj = None
                if self.kind == "deflate" or not buf.strip(b"\0"):
                    self._done = self.kind == "deflate"
                    return
                continue  # the next gzip member
            buf = self._obj.unconsumed_tail
            if not buf and len(out) < PIECE:
                return  # everything given is inflated; wait for more input


class BoundedDecoder:
    """Feed raw body chunks, get decoded bytes; raises ``DecodeRefused`` or ``TooLarge``."""

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        names = [n.strip().lower() for n in (content_encoding or "").split(",")]
        names = [n for n in names if n and n != "identity"]
        for name in names:
            if name not in KNOWN:
                raise DecodeRefused(
                    f"unsupported Content-Encoding {name!r} (newsprism asks for gzip or deflate)"
                )
        self.limit = limit
        self.layers = [_Layer(n) for n in reversed(names)]  # the last applied comes off first

    def feed(self, chunk: bytes) -> bytes:
        return b"".join(self._through(0, chunk))

    def _through(self, i: int, data: bytes) -> Iterator[bytes]:
        if i == len(self.layers):
            yield data
            return
        layer = self.layers[i]
        for out in layer.push(data):
            layer.produced += len(out)
            if layer.produced > self.limit:
                raise TooLarge
            yield from self._through(i + 1, out)


class TooLarge(Exception):
    """A decoding layer passed the page limit."""
