"""Text for the terminal: stored strings made safe to print, and annotations marked in colour.

Kept apart from the CLI so the rules (which characters are escaped, which span wins
where they overlap) are small functions a test can check.

Every string the CLI prints from the store or from a file name is untrusted: a
newline in a file name would print a fake line, an escape sequence could drive the
terminal, a bidi override would reorder what follows. ``printable`` writes such
characters as visible escapes (``\\n``, ``\\x1b``, ``\\u202e``) instead.
"""

from __future__ import annotations

import re

from rich.text import Text

from newsprism.model import Annotations

STYLES = {
    "quote": "italic green",
    "entity": "bold cyan",
    "quantity": "bold magenta",
    "time": "bold yellow",
}


# C0 and C1 controls, DEL, line/paragraph separators, bidi marks, embeddings,
# overrides and isolates; lone surrogates (from undecodable file names).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_OR_NEWLINE = re.compile(f"{_UNSAFE.pattern}|[\n\t]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: object, *, keep_newlines: bool = False) -> str:
    """``str(value)`` with every control, separator and bidi character escaped; with
    ``keep_newlines``, newlines and tabs stay (article text)."""
    pattern = _UNSAFE if keep_newlines else _UNSAFE_OR_NEWLINE
    return pattern.sub(lambda m: _escape(m.group()), str(value))


def printable_text(value: object, *, keep_newlines: bool = False, style: str = "") -> Text:
    """``printable`` as a rich ``Text``, which rich never reads as markup."""
    return Text(printable(value, keep_newlines=keep_newlines), style=style)


def _offsets(text: str) -> tuple[str, list[int]]:
    """The printable text (newlines kept) and where each original offset went."""
    out: list[str] = []
    where: list[int] = []
    size = 0
    for char in text:
        where.append(size)
        shown = _escape(char) if _UNSAFE.fullmatch(char) else char
        out.append(shown)
        size += len(shown)
    where.append(size)
    return "".join(out), where


def marked_text(text: str, ann: Annotations) -> Text:
    """Quotes are styled first so that names, numbers and dates inside them still show."""
    shown, where = _offsets(text)
    out = Text(shown)

    def mark(style: str, span: tuple[int, int]) -> None:
        lo, hi = (max(0, min(i, len(text))) for i in span)
        out.stylize(style, where[lo], where[hi])

    for q in ann.quotes:
        mark(STYLES["quote"], q.span)
    for m in ann.mentions:
        mark(STYLES["entity"], m.span)
    for n in ann.quantities:
        mark(STYLES["quantity"], n.span)
    for t in ann.times:
        mark(STYLES["time"] if t.start else "yellow", t.span)
    return out


def legend() -> Text:
    return Text.assemble(*[(f" {k} ", v) for k, v in STYLES.items()])
