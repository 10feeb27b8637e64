"""The units compared across articles: the claims the language layer cut from the parse.

Each article's ``Annotations.clauses`` hold its whole claim sentences (datelines cut,
split quotations joined) and the clauses inside them that state a fact alone
(``newsprism.language.clauses``). The comparison aligns all of them but shows only
whole sentences; a sentence a page repeats is one claim, not two.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsprism.model import Annotations, Article, ClauseKind, Span

MIN_SENTENCE_WORDS = 4
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True, slots=True)
class Unit:
    article: str
    span: Span
    text: str
    sentence: Span  # the whole claim sentence this unit is (or is a part of)
    position: int  # order of that sentence in its article
    kind: ClauseKind = "sentence"
    whole: bool = True  # the sentence reads as a whole sentence
    speaker: Span | None = None  # "X" of "X said ..."

    @property
    def is_clause(self) -> bool:
        return self.kind != "sentence"

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


def article_units(article: Article, annotations: Annotations | None) -> list[Unit]:
    """Sentences in order, each followed by its parts; a repeated sentence once."""
    if annotations is None:
        return []
    text = article.text
    seen: set[str] = set()
    skipped: set[Span] = set()
    positions: dict[Span, int] = {}
    whole: dict[Span, bool] = {}
    out: list[Unit] = []
    for clause in annotations.clauses:
        words = text[clause.span[0] : clause.span[1]]
        if clause.kind == "sentence":
            key = " ".join(words.split()).lower()
            if key in seen or len(_WORD.findall(words)) < MIN_SENTENCE_WORDS:
                skipped.add(clause.sentence)
                continue
            seen.add(key)
            positions[clause.sentence] = len(positions)
            whole[clause.sentence] = clause.whole
        elif clause.sentence in skipped or clause.sentence not in positions:
            continue
        out.append(
            Unit(
                article.id,
                clause.span,
                words,
                clause.sentence,
                positions[clause.sentence],
                clause.kind,
                whole[clause.sentence],
                clause.speaker,
            )
        )
    return out


def story_units(
    articles: Sequence[Article], annotations: Mapping[str, Annotations], split_clauses: bool = True
) -> list[Unit]:
    units: list[Unit] = []
    for article in articles:
        found = article_units(article, annotations.get(article.id))
        units.extend(u for u in found if split_clauses or not u.is_clause)
    return units
