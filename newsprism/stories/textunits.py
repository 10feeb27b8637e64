"""Sentences and words with their character spans, cheap enough for 100k articles.

Reuse detection compares thousands of article pairs sentence by sentence, so it uses a
rule-based splitter rather than the spaCy pipeline; every unit keeps its span in the
clean text so that findings can point at the exact words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from newsprism.clean.dateline import find_dateline
from newsprism.model import Span

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before
# whitespace and an opening capital/quote/digit; or at a paragraph break.
_END = re.compile(r"""(?:(?<=[.!?])|(?<=[.!?]["'”’)\]]))\s+(?=["'“‘(\[]?[A-Z0-9])|\n\s*\n""")
# Abbreviations after which a full stop does not end a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Sen|Rep|Gov|St|Jr|Sr|No|vs|etc|Inc|Ltd|Co|"
    r"Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Unit:
    span: Span
    text: str


def sentences(text: str) -> list[Unit]:
    """Sentences (and headline-like lines) of ``text`` with their spans, blanks skipped."""
    return list(_sentences(text))


@functools.lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[Unit, ...]:
    """Cached: the reuse pass aligns each article with every candidate copy of it, and
    split the same text again for each pair (a tenth of the cluster stage)."""
    out: list[Unit] = []
    start = 0
    for m in _END.finditer(text):
        soft = m.group(0).strip() == "" and "\n" not in m.group(0)
        if soft and _ABBREV.search(text[start : m.start()]):
            continue
        _add(text, start, m.start(), out)
        start = m.end()
    _add(text, start, len(text), out)
    return tuple(out)


def _add(text: str, start: int, end: int, out: list[Unit]) -> None:
    # single newlines inside a "sentence" are line breaks of separate lines
    pos = start
    for line in text[start:end].split("\n"):
        s = pos + len(line) - len(line.lstrip())
        e = pos + len(line.rstrip())
        if e > s:
            out.append(Unit((s, e), text[s:e]))
        pos += len(line) + 1


def words(text: str, offset: int = 0) -> list[Unit]:
    """Word and punctuation tokens with spans (shifted by ``offset``)."""
    return [Unit((m.start() + offset, m.end() + offset), m.group(0)) for m in _WORD.finditer(text)]


@functools.lru_cache(maxsize=1 << 17)
def norm_word(word: str) -> str:
    """Case, accents and typographic quotes do not make two copies differ. Cached: the
    reuse pass normalises the same words of one article for every pair it is in."""
    w = unicodedata.normalize("NFKD", word.lower())
    w = "".join(c for c in w if not unicodedata.combining(c))
    return w.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def content_words(text: str) -> list[str]:
    """Normalised alphanumeric words, for shingling."""
    return [norm_word(m.group(0)) for m in _WORD.finditer(text) if m.group(0)[0].isalnum()]


@functools.lru_cache(maxsize=4096)
def quoted_regions(text: str) -> tuple[Span, ...]:
    """Character spans of ``text`` inside quotation marks, the marks included: the
    language layer's pairing, for every language it reads (a quote left open runs to
    the end of its paragraph)."""
    from newsprism.language.quotes import find_quote_marks

    return tuple((m.open, m.close + 1) for m in find_quote_marks(text))


def quoted_share(text: str, span: Span) -> float:
    """The share of ``text[span]`` that stands inside quotation marks."""
    start, end = span
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in quoted_regions(text))
    return inside / max(1, end - start)


# a page's date line run into its first line ("date 2024-02 El ex presidente ...")
_DATE_LABEL = re.compile(
    r"^\s*(?:date|dated|published|posted)\s*:?\s*\d{4}-\d{2}(?:-\d{2})?\s+", re.I
)


def lead_line(text: str, limit: int = 120) -> str:
    """A title for a page that has none: its first line, less a date line run into it
    and its dateline ("KORVA (Agency) -", as cleaning finds it), cut at a word within
    ``limit`` characters."""
    first = text.strip().split("\n", 1)[0]
    dateline = find_dateline(first)
    if dateline is not None and dateline.span is not None and first[dateline.span[1] :].strip():
        first = first[dateline.span[1] :].strip()
    first = _DATE_LABEL.sub("", first, count=1)
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"
