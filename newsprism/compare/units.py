"""The units compared across articles: sentences, and clauses of compound sentences.

Outlets often fold two facts into one sentence ("X has 2,500 troops there, advising
local forces") or wrap a fact in a subordinate clause ("Despite X maintaining 2,500
troops, ..."); aligning clauses as well as whole sentences lets each fact find its
counterpart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsprism.compare.evidence import trim_span
from newsprism.model import Annotations, Article, Span

MIN_SENTENCE_WORDS = 4
MIN_CLAUSE_WORDS = 6
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")
_CLAUSE_BREAK = re.compile(r"(?:,|;|\s[-–—])\s+")
_WORD = re.compile(r"\w+(?:[-']\w+)*")


@dataclass(frozen=True, slots=True)
class Unit:
    article: str
    span: Span
    text: str
    sentence: Span  # the whole sentence this unit is (or is a clause of)
    position: int  # order of the sentence in its article
    is_clause: bool = False

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


def fallback_sentences(text: str) -> list[Span]:
    """Sentence spans when the language layer gave none (unannotated articles)."""
    spans: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [s for s in (trim_span(text, sp) for sp in spans) if s[1] > s[0]]


def sentence_spans(article: Article, annotations: Annotations | None) -> list[Span]:
    if annotations and annotations.sentences:
        spans = [s.span for s in annotations.sentences if s.role != "caption"]
    else:
        spans = fallback_sentences(article.text)
    spans = [trim_span(article.text, s) for s in spans]
    return sorted(s for s in spans if s[1] > s[0])


def clause_spans(text: str, span: Span) -> list[Span]:
    """Comma/semicolon/dash segments, small pieces merged into a neighbour.

    Returns an empty list when the sentence does not split into at least two
    clauses long enough to state something on their own.
    """
    start = span[0]
    pieces: list[Span] = []
    for m in _CLAUSE_BREAK.finditer(text, span[0], span[1]):
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, span[1]))
    merged: list[Span] = []
    for piece in pieces:
        n = len(_WORD.findall(text[piece[0] : piece[1]]))
        if merged and (
            n < MIN_CLAUSE_WORDS
            or len(_WORD.findall(text[merged[-1][0] : merged[-1][1]])) < MIN_CLAUSE_WORDS
        ):
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    merged = [trim_span(text, p) for p in merged]
    merged = [p for p in merged if len(_WORD.findall(text[p[0] : p[1]])) >= MIN_CLAUSE_WORDS]
    return merged if len(merged) >= 2 else []


def article_units(
    article: Article, annotations: Annotations | None, split_clauses: bool = True
) -> Iterator[Unit]:
    """Sentences in order, each followed by its clauses; repeated sentences once.

    Pages often repeat a paragraph (a "read more" block, a template glitch); the
    repeat is one claim, not two.
    """
    text = article.text
    seen: set[str] = set()
    for position, span in enumerate(sentence_spans(article, annotations)):
        sentence = text[span[0] : span[1]]
        key = " ".join(sentence.split()).lower()
        if key in seen or len(_WORD.findall(sentence)) < MIN_SENTENCE_WORDS:
            continue
        seen.add(key)
        yield Unit(article.id, span, sentence, span, position)
        if split_clauses:
            for clause in clause_spans(text, span):
                yield Unit(article.id, clause, text[clause[0] : clause[1]], span, position, True)


def story_units(
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    split_clauses: bool = True,
) -> list[Unit]:
    units: list[Unit] = []
    for article in articles:
        units.extend(article_units(article, annotations.get(article.id), split_clauses))
    return units
