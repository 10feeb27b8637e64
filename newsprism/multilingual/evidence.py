"""Whether two articles in different languages report the same happening, and the pass
that joins an article to a story told in other languages.

Within one language, stories are clustered on shared words; across languages there
are none, so the multilingual encoder (``encoder``) is the signal, and it is not
enough alone: it rates a different bombing in the same city 0.4-0.6, the same one
0.75-0.87. So the score adds what does not depend on the language, and an article
joins only on it:

- names matched after transliteration (``names.skeleton``: "Kermán", "كرمان");
- figures: the same outcome with the same number ("84 muertos", "84 killed");
- days: the same resolved day; both dated and no day of one within a day of a day of
  the other counts against (an event on Tuesday and the minister's Wednesday statement
  about it are near; a Tuesday bombing and a Friday gas explosion are not).

A different event in the same place and week shares the place and maybe the week,
but not the day, the figures, nor the encoder's high score, so it stays apart.

``pair_score`` is the function the comparison's alignment and the clustering can
call; ``join_across_languages`` is the pass over stories that the pipeline runs after
clustering (``pipeline.cluster_store``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsprism.model import Annotations, Article, Story
from newsprism.multilingual.annotate import language_group
from newsprism.multilingual.names import UNCASED, name_keys, uncased_name_words
from newsprism.multilingual.options import MultilingualOptions
from newsprism.multilingual.sentences import split_sentences

log = logging.getLogger(__name__)

NAME_BONUS = 0.05  # per shared name key, at most MAX_NAMES
MAX_NAMES = 3
FIGURE_BONUS = 0.1  # the same outcome with the same number
DAY_BONUS = 0.1  # a common event day
OTHER_DAY_PENALTY = 0.25  # both dated, and no day of one near a day of the other
NEAR_DAYS = 1  # the event's day and the next day's statement about it are near
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


@dataclass(frozen=True, slots=True)
class PairScore:
    score: float
    cosine: float
    names: tuple[str, ...] = ()
    figures: tuple[tuple[str, float], ...] = ()
    days: tuple[date, ...] = ()
    other_days: bool = False  # both dated, no day of one near a day of the other

    @property
    def evidence(self) -> bool:
        """Something concrete besides the encoder agrees."""
        return bool(self.names or self.figures or self.days)

    def reasons(self) -> list[str]:
        out = [f"multilingual similarity {self.cosine:.2f}"]
        if self.names:
            out.append("names " + ", ".join(self.names))
        if self.figures:
            out.append("figures " + ", ".join(f"{v:g} {f}" for f, v in self.figures))
        if self.days:
            out.append("days " + ", ".join(d.isoformat() for d in self.days))
        if self.other_days:
            out.append("dated to different days")
        return out


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


def pair_score(a: ArticleEvidence, b: ArticleEvidence, cosine: float) -> PairScore:
    """The encoder's cosine of two articles' leads plus the evidence both carry."""
    names = tuple(sorted(a.names & b.names))
    figures = tuple(sorted(a.figures & b.figures))
    days = tuple(sorted(a.days & b.days))
    near = any(abs((x - y).days) <= NEAR_DAYS for x in a.days for y in b.days)
    other_days = bool(a.days and b.days and not near)
    score = cosine + NAME_BONUS * min(len(names), MAX_NAMES)
    score += FIGURE_BONUS if figures else 0.0
    score += DAY_BONUS if days else 0.0
    score -= OTHER_DAY_PENALTY if other_days else 0.0
    return PairScore(round(score, 4), round(cosine, 4), names, figures, days, other_days)


def same_happening(p: PairScore, options: MultilingualOptions | None = None) -> bool:
    """The decision for one pair: close in meaning, with concrete evidence, on no
    evidence against."""
    options = options or MultilingualOptions()
    return (
        p.cosine >= options.join_cosine
        and p.score >= options.join_score
        and p.evidence
        and not p.other_days
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


# --------------------------------------------------------------------------- the pass


@dataclass(frozen=True, slots=True)
class Join:
    """One article moved into a story told in other languages, and why."""

    article: str
    language: str | None
    source: str  # the story it left
    target: str  # the story it joined
    score: float
    cosine: float
    reasons: tuple[str, ...] = ()


@dataclass(slots=True)
class _Affinity:
    """An article against a story's articles in other languages: mean scores."""

    score: float
    cosine: float
    backed: float  # share of them with concrete evidence
    against: float  # share dated to other days
    reasons: list[str]


def _affinity(
    i: int,
    story: Sequence[int],
    lang: Sequence[str],
    evidence: Sequence[ArticleEvidence],
    cos: np.ndarray,
) -> _Affinity | None:
    others = [m for m in story if lang[m] != lang[i] and m != i]
    if not others:
        return None
    pairs = [pair_score(evidence[i], evidence[m], float(cos[i, m])) for m in others]
    best = max(pairs, key=lambda p: p.score)
    return _Affinity(
        float(np.mean([p.score for p in pairs])),
        float(np.mean([p.cosine for p in pairs])),
        sum(p.evidence for p in pairs) / len(pairs),
        sum(p.other_days for p in pairs) / len(pairs),
        best.reasons(),
    )


def _joins(a: _Affinity, options: MultilingualOptions) -> bool:
    return (
        a.cosine >= options.join_cosine
        and a.score >= options.join_score
        and a.backed >= 0.5
        and a.against < 0.5
    )


@dataclass(slots=True)
class _Link:
    article: int
    target: str
    score: float
    cosine: float
    reasons: list[str] = field(default_factory=list)


def join_across_languages(
    stories: Sequence[Story],
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    vectors: np.ndarray,
    options: MultilingualOptions | None = None,
) -> tuple[list[Story], list[Join]]:
    """Stories after moving articles into the story other languages tell of the same
    happening.

    ``vectors`` are the unit-length multilingual vectors of ``lead_text`` per article,
    in ``articles`` order. An article moves into a story whose articles in other
    languages it matches on average (mean cosine and score above the options' cuts,
    concrete evidence with at least half of them, other days with fewer than half).
    It goes to the largest such story, and only to one larger than its own (of two
    equal ones, into the smaller id), so the result does not depend on the order; a
    story that gives articles away receives none. Within one language nothing changes;
    a story emptied is dropped.
    """
    options = options or MultilingualOptions()
    if len(articles) != len(vectors):
        raise ValueError(f"{len(articles)} articles but {len(vectors)} vectors")
    pos = {a.id: i for i, a in enumerate(articles)}
    lang = [language_group(a.language) for a in articles]
    if len(set(lang)) < 2:
        return list(stories), []
    members = {s.id: [pos[x] for x in s.articles if x in pos] for s in stories}
    home = {i: s.id for s in stories for i in members[s.id]}
    evidence = [article_evidence(a, annotations.get(a.id)) for a in articles]
    cos = np.clip(vectors @ vectors.T, -1.0, 1.0)
    size = {sid: len(m) for sid, m in members.items()}

    def larger(t: str, s: str) -> bool:
        return (size[t], s) > (size[s], t)  # equal sizes: into the smaller id

    best: dict[int, _Link] = {}
    for i in range(len(articles)):
        own = home.get(i)
        if own is None:
            continue
        for s in stories:
            if s.id == own or not larger(s.id, own):
                continue
            there = _affinity(i, members[s.id], lang, evidence, cos)
            if there is None or not _joins(there, options):
                continue
            link = _Link(i, s.id, there.score, there.cosine, there.reasons)
            held = best.get(i)
            if held is None or (size[s.id], link.score) > (size[held.target], held.score):
                best[i] = link  # the largest story it joins; then the closest
    joins: list[Join] = []
    for link in sorted(best.values(), key=lambda k: articles[k.article].id):
        article = articles[link.article]
        joins.append(
            Join(
                article.id,
                article.language,
                home[link.article],
                link.target,
                round(link.score, 4),
                round(link.cosine, 4),
                tuple(link.reasons),
            )
        )
    # a story that loses articles receives none: its articles' new home is decided
    # against the stories as the clustering made them, so no article follows another
    shrunk = {j.source for j in joins}
    joins = [j for j in joins if j.target not in shrunk]
    for j in joins:
        log.info("%s (%s) joins %s: %s", j.article, j.language, j.target, "; ".join(j.reasons))
    if not joins:
        return list(stories), []
    moved: dict[str, list[str]] = {}
    for j in joins:
        moved.setdefault(j.target, []).append(j.article)
    leaving = {j.article for j in joins}
    by_article = {a.id: a for a in articles}
    out: list[Story] = []
    for story in stories:
        ids = [x for x in story.articles if x not in leaving] + moved.get(story.id, [])
        if not ids:
            continue
        if ids == story.articles:
            out.append(story)
            continue
        dates = [d for d in (by_article[x].published for x in ids if x in by_article) if d]
        keeps_title = story.title_article in ids or story.title_article is None
        lead = story.title_article if keeps_title else ids[0]
        title = story.title if keeps_title else (by_article[ids[0]].title or story.title)
        out.append(
            Story(
                id=story.id,
                title=title,
                articles=ids,
                start=min(dates, default=None) if dates else story.start,
                end=max(dates, default=None) if dates else story.end,
                related=list(story.related),
                title_article=lead,
                confidence=story.confidence,
            )
        )
    return out, joins
