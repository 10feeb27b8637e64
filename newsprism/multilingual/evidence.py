"""What an article says that reads the same in any language, for story grouping.

Within one language, shared words tell two reports of one event; across languages
there are none, so the multilingual encoder (``encoder``) is a signal, and it is not
enough alone: it rates a different bombing in the same city 0.4-0.6, the same one
0.75-0.87. What does not depend on the language tells them apart, and grouping
(``stories.signals``) reads it from here:

- names matched after transliteration (``names.skeleton``: "Kermán", "كرمان");
- figures: the outcome and the number ("84 muertos", "84 killed");
- days: the single days the text's dates resolve to (an event on Tuesday and the
  minister's Wednesday statement about it are near; a Tuesday bombing and a Friday
  gas explosion are not).

``lead_text`` is what the encoder reads of an article.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsprism.model import Annotations, Article
from newsprism.multilingual.names import UNCASED, name_keys, uncased_name_words
from newsprism.multilingual.sentences import split_sentences

LEAD_SENTENCES = 2
LEAD_CHARS = 600


@dataclass(frozen=True, slots=True)
class ArticleEvidence:
    """What an article says that reads the same in any language."""

    article: str
    language: str | None
    names: frozenset[str] = frozenset()  # name skeletons ("krmn")
    figures: frozenset[tuple[str, float]] = frozenset()  # (outcome family, value)
    days: frozenset[date] = frozenset()  # single days its dates resolve to


def article_evidence(article: Article, annotations: Annotations | None) -> ArticleEvidence:
    """Names, figures and days of one article (from its annotations, any language)."""
    if annotations is None:
        return ArticleEvidence(article.id, article.language)
    names = [m.text for m in annotations.mentions]
    if article.dateline and article.dateline.place:
        names.append(article.dateline.place)
    if article.language in UNCASED:
        names.extend(uncased_name_words(article.text, article.language or ""))
    figures = {
        (q.outcome, q.value)
        for q in annotations.quantities
        if q.kind == "count" and q.outcome and q.value is not None
    }
    days = {t.start for t in annotations.times if t.start is not None and t.start == t.end}
    return ArticleEvidence(
        article.id,
        article.language,
        frozenset(name_keys(names)),
        frozenset(figures),
        frozenset(days),
    )


def lead_text(article: Article) -> str:
    """The headline and the first sentences: where a story says what happened."""
    text = article.text[: LEAD_CHARS * 2]
    sentences = [s for s in split_sentences(text) if s.span[1] - s.span[0] > 20]
    body = " ".join(text[s.span[0] : s.span[1]] for s in sentences[:LEAD_SENTENCES])
    head = (article.title or "").strip()
    if (head and body.startswith(head)) or head.isupper():
        head = ""  # a title in capitals throughout is more often the masthead
    return " ".join(p for p in (head, body[:LEAD_CHARS]) if p) or article.text[:LEAD_CHARS]
