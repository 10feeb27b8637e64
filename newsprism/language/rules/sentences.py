"""Sentences of text in any supported language, by rule.

The English pipeline's sentences come from spaCy's parse; other languages get no parse
here, so sentences end at a full stop, question or exclamation mark (Arabic "؟" too)
followed by space and a new sentence's first character, or at a paragraph break. A
stop after a number ("el 3. de"), an initial ("J. Pérez") or a known abbreviation does
not end one.
"""

from __future__ import annotations

import re

from newsprism.language.rules.words import fold
from newsprism.lexicon import FOREIGN_MONTHS
from newsprism.model import Sentence

_END = re.compile(r"[.!?؟…]+[\"'»”’)]*(?=\s+[\"'«“‘(¿¡]?[^\W\d_a-z]|\s+[\"'«“‘(¿¡]?\d|\s*$)")
_MONTHS = frozenset(m for names in FOREIGN_MONTHS.values() for m in names)
_ABBREVIATIONS = frozenset(
    {"sr", "sra", "dr", "dra", "lic", "ing", "prof", "gral", "gen", "cnel", "av", "nº",
     "núm", "pág", "etc", "mme", "mlle", "m", "st", "nr", "hr", "fr", "bzw", "dt",
     "jl", "no", "tn", "ny", "bpk", "ibu", "art", "vs", "sen", "rep", "sgt", "cap"}
)  # fmt: skip


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans of ``text``, trimmed of surrounding space; paragraphs always end one."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start = para.start()
        for m in _END.finditer(text, para.start(), para.end()):
            before = text[start : m.start()].split()
            last = before[-1].lower().strip("(\"'«“") if before else ""
            if m.group().startswith(".") and (
                last in _ABBREVIATIONS
                or (len(last) == 1 and last.isalpha())
                or (last.isdigit() and len(last) <= 2 and _month_follows(text, m.end()))
            ):
                continue  # "J. Pérez", "Sr. Gómez", "am 6. Januar"
            _add(out, text, start, m.end())
            start = m.end()
        _add(out, text, start, para.end())
    return out


def _month_follows(text: str, at: int) -> bool:
    word = text[at : at + 20].split()[:1]
    return bool(word) and fold(word[0].strip(".,")) in _MONTHS


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence((start, end), len(out)))
