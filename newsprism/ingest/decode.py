"""Bytes to text: which encoding a file is in, and the normalisation every input gets.

Strict UTF-8 is tried first because it almost never decodes non-UTF-8 bytes by
accident. Text that is UTF-8 but for a few stray bytes (a file edited with two
tools, a truncated character) stays UTF-8 with those bytes replaced, and says how
many: guessing another encoding for the whole file would garble every other
non-ASCII character instead ("“" read as cp1125 is "тАЬ"). UTF-16 without a
byte-order mark is recognised by its zero bytes. After that, charset-normalizer
decides whether the bytes are text at all and which script they are in; for
Western/Central European guesses we use cp1252 (then latin-1) rather than its pick,
because on short texts it confuses cp1252 with cp1250 and turns curly quotes or
accents into the wrong letters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

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
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # an undecodable byte under surrogateescape
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class NotText(Exception):
    """The bytes are not text newsprism can read; ``str(exc)`` is the problem reason."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str  # normalised (``normalise``)
    encoding: str
    replaced: int = 0  # bytes that were not UTF-8 in otherwise UTF-8 text, now U+FFFD

    @property
    def warning(self) -> str | None:
        """The problem to report when bytes were replaced, else None."""
        if not self.replaced:
            return None
        places = "1 place" if self.replaced == 1 else f"{self.replaced} places"
        return f"not valid UTF-8 in {places} (replaced with U+FFFD); the rest read as UTF-8"


def decode_text(data: bytes, *, html: bool = False, declared: str | None = None) -> Decoded:
    """Decoded, normalised text, the encoding used and how many bytes were replaced.

    ``declared`` is a charset from outside the bytes (an HTTP header); for HTML the
    page's own ``<meta charset>`` is honoured too, but only when the bytes are not
    valid UTF-8 (pages often declare a charset they do not use).
    """
    text, encoding, replaced = _decode(data, html=html, declared=declared)
    return Decoded(normalise(text), encoding, replaced)


def decode(data: bytes, *, html: bool = False, declared: str | None = None) -> tuple[str, str]:
    """``decode_text`` without the count of replaced bytes: (text, encoding)."""
    decoded = decode_text(data, html=html, declared=declared)
    return decoded.text, decoded.encoding


def normalise(text: str) -> str:
    """LF line endings and NFC, so offsets and hashes do not depend on the platform."""
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))


def _decode(data: bytes, *, html: bool, declared: str | None) -> tuple[str, str, int]:
    """(text, encoding, bytes replaced)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", 0
        except UnicodeDecodeError as exc:
            raise NotText("not UTF-16 text despite its UTF-16 byte-order mark") from exc
    if b"\x00" in data:  # no text format but UTF-16 has NUL bytes
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise NotText("binary file (NUL bytes)")
        return (*utf16, 0)
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    encoding = "utf-8-sig" if bom else "utf-8"
    try:
        return body.decode("utf-8"), encoding, 0
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(body)
    if mostly is not None:
        return mostly[0], encoding, mostly[1]
    if bom:
        raise NotText("not UTF-8 text despite its UTF-8 byte-order mark")
    for label in (declared, _meta_charset(data) if html else None):
        decoded = _try_label(data, label)
        if decoded is not None:
            return (*decoded, 0)
    return (*_detect(data), 0)


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, bytes replaced) when the bytes hold more valid multi-byte UTF-8 characters
    than stray bytes: then UTF-8 with a few replacements garbles the least text.
    (A cp1252 or latin-1 file almost never holds a valid multi-byte sequence.)"""
    text = data.decode("utf-8", "surrogateescape")
    stray = len(_ESCAPED_BYTE.findall(text))
    multibyte = sum(1 for c in text if c > "\x7f") - stray
    if 0 < stray < multibyte:
        return _ESCAPED_BYTE.sub("\ufffd", text), stray
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a byte-order mark: Latin-script text has a zero byte in every
    other position; the decoded text must then read as text, not as noise."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    for codec, zeros in (("utf-16-le", data[1::2].count(0)), ("utf-16-be", data[0::2].count(0))):
        if zeros < 0.3 * half:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        ascii_share = sum(1 for c in text if " " <= c < "\x7f" or c in "\t\n\r") / len(text)
        if ascii_share >= 0.5 and not _CONTROL.search(text):
            return text, codec
    return None


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
