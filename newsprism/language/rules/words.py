"""Matching the per-language word tables of ``newsprism.lexicon`` against text.

Without a parser for Spanish, Portuguese, French, German, Indonesian or Arabic, the
tables are matched on folded tokens: lower case, Latin accents removed (so "murió"
and "murio", written either way, are one word) and, for Arabic, diacritics removed,
alef forms made one and the attached conjunction, preposition and article tried both
on and off ("والقتلى" is "القتلى" is "قتلى"). A user word file adds entries, so a
newsroom can teach the reader its own outcome words without a code change.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsprism import lexicon
from newsprism.errors import OptionsError

_LETTER = r"(?:[^\W_]|[\u0300-\u036F\u064B-\u065F\u0670\u0640])"  # marks stay in the word
TOKEN = re.compile(rf"{_LETTER}+(?:[-‐]{_LETTER}+)*|%", re.UNICODE)
_ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")  # harakat, dagger alef, tatweel
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")

TABLES = ("outcome", "people", "qualifier", "update", "unit", "link", "number", "scale")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as written
    span: tuple[int, int]
    folded: str


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """The form tables are matched on: lower case, no accents, one alef. Cached: the
    comparison folds the same words of a story hundreds of thousands of times."""
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(c for c in word if not unicodedata.combining(c) or "\u0600" <= c <= "\u06ff")
    word = unicodedata.normalize("NFC", word)
    if any("\u0600" <= c <= "\u06ff" for c in word):
        word = _ARABIC_MARKS.sub("", word).translate(_ALEF)
    return word.replace("’", "'")


@functools.lru_cache(maxsize=1 << 16)
def variants(folded: str) -> tuple[str, ...]:
    """The token and, for Arabic, the token without the prefixes written onto it."""
    if not folded or not "\u0600" <= folded[0] <= "\u06ff":
        return (folded,)
    out = [folded]
    for prefix in _ARABIC_PREFIXES:
        if folded.startswith(prefix) and len(folded) - len(prefix) >= 2:
            out.append(folded[len(prefix) :])
    return tuple(dict.fromkeys(out))


def tokens(text: str, offset: int = 0) -> list[Token]:
    return [
        Token(m.group(), (m.start() + offset, m.end() + offset), fold(m.group()))
        for m in TOKEN.finditer(text)
    ]


def _token_matches(pattern: str, folded: str) -> bool:
    for v in variants(folded):
        if pattern.endswith("*"):
            if v.startswith(pattern[:-1]):
                return True
        elif v == pattern:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Phrase:
    """One table entry: its folded tokens (a trailing "*" matches a prefix) and value."""

    words: tuple[str, ...]
    value: str


def match_at(phrases: Sequence[Phrase], toks: Sequence[Token], i: int) -> Phrase | None:
    """The longest entry whose words start at ``toks[i]``."""
    best: Phrase | None = None
    for p in phrases:
        n = len(p.words)
        if i + n > len(toks) or (best is not None and n <= len(best.words)):
            continue
        if all(_token_matches(w, toks[i + k].folded) for k, w in enumerate(p.words)):
            best = p
    return best


def match_ending_at(phrases: Sequence[Phrase], toks: Sequence[Token], end: int) -> Phrase | None:
    """The longest entry whose last word is ``toks[end - 1]``."""
    best: Phrase | None = None
    for p in phrases:
        n = len(p.words)
        start = end - n
        if start < 0 or (best is not None and n <= len(best.words)):
            continue
        if all(_token_matches(w, toks[start + k].folded) for k, w in enumerate(p.words)):
            best = p
    return best


@dataclass(frozen=True, slots=True)
class LanguageWords:
    """Every table of one language, as phrases ready to match."""

    language: str
    outcomes: tuple[Phrase, ...]
    people: tuple[Phrase, ...]
    qualifiers: tuple[Phrase, ...]
    updates: tuple[Phrase, ...]
    units: tuple[Phrase, ...]
    links: tuple[Phrase, ...]
    numbers: Mapping[str, int]
    scales: Mapping[str, int]


def _phrases(entries: Mapping[str, str] | Iterable[str]) -> tuple[Phrase, ...]:
    items = entries.items() if isinstance(entries, Mapping) else ((e, e) for e in entries)
    return tuple(Phrase(tuple(fold(w) for w in key.split()), value) for key, value in items)


def read_word_file(path: str) -> list[tuple[str, str, str, str]]:
    """(language, table, words, value) rows of a user word file.

    Tab-separated, one entry a line, ``#`` starts a comment::

        es	outcome	fallecidas	killed
        id	people	jiwa	people
        es	qualifier	como mínimo	at least
    """
    rows: list[tuple[str, str, str, str]] = []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise OptionsError(f"{path}: cannot read the word file: {exc}") from exc
    for n, row in enumerate(csv.reader(text.splitlines(), delimiter="\t"), 1):
        if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) != 4:
            raise OptionsError(f"{path}:{n}: need 4 tab-separated fields, got {len(row)}")
        lang, table, words, value = (c.strip() for c in row)
        if table not in TABLES:
            raise OptionsError(f"{path}:{n}: unknown table {table!r} (one of {TABLES})")
        if table == "outcome" and value not in set(lexicon.OUTCOMES.values()):
            raise OptionsError(f"{path}:{n}: unknown outcome {value!r}")
        if table == "qualifier" and value not in lexicon.QUALIFIERS:
            raise OptionsError(f"{path}:{n}: unknown qualifier {value!r}")
        if table in ("number", "scale") and not value.isdigit():
            raise OptionsError(f"{path}:{n}: a {table} needs a whole number, got {value!r}")
        rows.append((lang, table, words, value))
    return rows


@functools.cache
def language_words(language: str, words_file: str | None = None) -> LanguageWords:
    """The shipped tables of ``language`` plus the user's entries for it."""
    outcomes = dict(lexicon.FOREIGN_OUTCOMES.get(language, {}))
    people = {w: "people" for w in lexicon.FOREIGN_PEOPLE_NOUNS.get(language, ())}
    qualifiers = dict(lexicon.FOREIGN_QUALIFIERS.get(language, {}))
    updates = {w: w for w in lexicon.FOREIGN_UPDATE_WORDS.get(language, ())}
    units = dict(lexicon.FOREIGN_UNITS.get(language, {}))
    links = {w: w for w in lexicon.FOREIGN_LINK_WORDS.get(language, ())}
    numbers = {fold(k): v for k, v in lexicon.FOREIGN_NUMBER_WORDS.get(language, {}).items()}
    scales = {fold(k): v for k, v in lexicon.FOREIGN_NUMBER_SCALES.get(language, {}).items()}
    tables: dict[str, dict[str, str]] = {
        "outcome": outcomes, "people": people, "qualifier": qualifiers,
        "update": updates, "unit": units, "link": links,
    }  # fmt: skip
    for lang, table, words, value in read_word_file(words_file) if words_file else []:
        if lang != language:
            continue
        if table == "number":
            numbers[fold(words)] = int(value)
        elif table == "scale":
            scales[fold(words)] = int(value)
        else:
            tables[table][words] = value
    return LanguageWords(
        language,
        _phrases(outcomes),
        _phrases(people),
        _phrases(qualifiers),
        _phrases(updates),
        _phrases(units),
        _phrases(links),
        numbers,
        scales,
    )
