"""Bytes to text: which encoding a file is in, and the normalisation every input gets.

Strict UTF-8 is tried first because it almost never decodes non-UTF-8 bytes by
accident. After that, charset-normalizer decides whether the bytes are text at all
and which script they are in; for Western/Central European guesses we use cp1252
(then latin-1) rather than its pick, because on short texts it confuses cp1252 with
cp1250 and turns curly quotes or accents into the wrong letters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_LATIN_GUESSES = frozenset(
    {
        "ascii", "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "cp437", "cp850",
        "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10",
        "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2",
    }
)  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_NEWLINES = re.compile(r"\r\n?")


class NotText(Exception):
    """The bytes are not text newsprism can read; ``str(exc)`` is the problem reason."""


def decode(data: bytes, *, html: bool = False, declared: str | None = None) -> tuple[str, str]:
    """Decoded, normalised text and the encoding used.

    ``declared`` is a charset from outside the bytes (an HTTP header); for HTML the
    page's own ``<meta charset>`` is honoured too, but only when the bytes are not
    valid UTF-8 (pages often declare a charset they do not use).
    """
    text, encoding = _decode(data, html=html, declared=declared)
    return normalise(text), encoding


def normalise(text: str) -> str:
    """LF line endings and NFC, so offsets and hashes do not depend on the platform."""
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))


def _decode(data: bytes, *, html: bool, declared: str | None) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise NotText("not UTF-8 text despite its UTF-8 byte-order mark") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise NotText("not UTF-16 text despite its UTF-16 byte-order mark") from exc
    if b"\x00" in data:
        raise NotText("binary file (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for label in (declared, _meta_charset(data) if html else None):
        decoded = _try_label(data, label)
        if decoded is not None:
            return decoded
    return _detect(data)


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii", "replace") if match else None


def _try_label(data: bytes, label: str | None) -> tuple[str, str] | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in ("iso8859-1", "ascii"):
        name = "cp1252"  # what browsers do with these labels (WHATWG encoding standard)
    for candidate in (name, "latin-1") if name == "cp1252" else (name,):
        try:
            return data.decode(candidate), _display(candidate)
        except UnicodeDecodeError:
            continue
    return None


def _detect(data: bytes) -> tuple[str, str]:
    best = from_bytes(data[: 1 << 20]).best()
    if best is None:
        raise NotText("not UTF-8/cp1252/latin-1 text")
    if best.encoding in _LATIN_GUESSES:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"
    try:
        return data.decode(best.encoding), _display(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise NotText("not UTF-8/cp1252/latin-1 text") from exc


def _display(name: str) -> str:
    normal = codecs.lookup(name).name
    return {"iso8859-1": "latin-1", "latin-1": "latin-1"}.get(normal, normal)
