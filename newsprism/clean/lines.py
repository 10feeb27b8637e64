"""Line features: the cheap, generic measurements every later decision is made from.

Pages arrive as plain text with one block per line, so a line is the unit we judge.
Blank lines carry no content and are dropped here; every kept line remembers its
0-based line number in the page so removals can be audited against the input.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import justext

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = re.compile(r"[.!?;…:][\"'”’»)\]]*$")


@lru_cache(maxsize=64)
def stoplist(language: str = "English") -> frozenset[str]:
    """jusText's stopword list for a language name ("English"); empty when unknown."""
    try:
        return frozenset(justext.get_stoplist(language))
    except ValueError:
        return frozenset()


def line_key(text: str) -> str:
    """A comparison key so the same line typed with other quotes, spaces or case matches."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[‘’´`]", "'", text)
    text = re.sub(r"[“”«»„]", '"', text)
    return re.sub(r"\s+", " ", text).strip(" \t.")


def line_hash(text: str) -> int:
    """An 8-byte hash of the line key: what template counting stores instead of text."""
    return int.from_bytes(hashlib.blake2b(line_key(text).encode(), digest_size=8).digest(), "big")


@dataclass(frozen=True, slots=True)
class PageLine:
    """One non-blank line of a page with the features the classifiers look at."""

    no: int  # 0-based line number in the page text
    text: str  # the line without surrounding whitespace
    words: tuple[str, ...]
    stopword_density: float
    ends_sentence: bool
    upper_ratio: float  # share of words that start with a capital letter

    @property
    def n_words(self) -> int:
        return len(self.words)

    @property
    def key(self) -> str:
        return line_key(self.text)

    @property
    def sentence_like(self) -> bool:
        """Has the shape of prose: enough words and closing punctuation."""
        return self.ends_sentence and self.n_words >= 6


def make_line(no: int, text: str, stopwords: frozenset[str]) -> PageLine:
    text = text.strip()
    words = tuple(_WORD.findall(text))
    n = len(words) or 1
    stop = sum(w.casefold() in stopwords for w in words) / n if words else 0.0
    upper = sum(w[0].isupper() for w in words) / n if words else 0.0
    return PageLine(
        no=no,
        text=text,
        words=words,
        stopword_density=stop,
        ends_sentence=ends_sentence(text),
        upper_ratio=upper,
    )


def ends_sentence(text: str) -> bool:
    """True for "said." or "conflict.\u201d" but not for a headline ending in a quotation."""
    text = text.rstrip()
    if not _SENTENCE_END.search(text):
        return False
    core = text.rstrip(_CLOSERS)
    return bool(core) and core[-1] in ".!?;…:"


def page_lines(text: str, stopwords: frozenset[str]) -> list[PageLine]:
    """Every non-blank line of ``text`` with its features, in page order."""
    return [
        make_line(no, raw, stopwords) for no, raw in enumerate(text.splitlines()) if raw.strip()
    ]
