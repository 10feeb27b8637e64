"""What identifies the event an article reports: when, where, who, and its figures.

Text similarity finds the subject; it cannot tell two shootings in one city, or the
Senate's vow on Monday from its vote a week later, apart. Those differ in the event's
own date, its named participants and its figures, which the language layer has
already read (``Annotations``): this module reduces them to one small record per
article, and scores a pair of records. The score is added to the text similarity of
the pair, so average linkage weighs it like any other evidence.

- **When**: the first calendar day the lead states (a resolved ``TimeExpression`` of
  one day, not after publication, not long before it). Publication dates are only a
  fallback, and a weak one: a follow-up is published days later about the same day.
- **Who**: named people (resolved entity ids): victims, suspects, officials.
- **Figures**: ages and counts (with their outcome when the language layer gives one).
- **Where**: places (GPE/LOC/FAC entities) are shared by every event in a city, so a
  shared place is no evidence of one event; they go to the similarity's entity block.

Time decay: the farther apart two event days, the larger the penalty, so only strong
text similarity and shared names still join them (an article that states a wrong or
unrelated date in its lead must not be cut from its story by that alone).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from newsprism.language.names import surname
from newsprism.language.rules.names import UNCASED, name_keys, uncased_name_words
from newsprism.model import Annotations, Article, Quantity
from newsprism.stories.options import StoryOptions

LEAD_SENTENCES = 4  # the event's own date is stated in the first sentences of a report
PROTAGONIST_SENTENCES = 2  # people named this early are who the event is about
MAX_RANGE_DAYS = 366  # "in March", "in 2009": a range no longer than a year still places it
MAX_DAYS_BEFORE = 45  # a day stated this long before publication is background, not the event
PEOPLE_LABELS = frozenset({"PERSON"})
FIGURE_KINDS = frozenset({"count", "age", "money"})


@dataclass(frozen=True, slots=True)
class EventEvidence:
    """One article's event identity: its day (and where that came from), people, figures."""

    day: int | None = None  # proleptic ordinal of the event's (first) day
    day_from_text: bool = False  # False: the publication day stands in
    last_day: int | None = None  # == day for one day; later for "in March", "in 2009"
    people: frozenset[str] = frozenset()  # surnames of the people named
    figures: frozenset[str] = frozenset()
    lead_people: frozenset[str] = frozenset()  # named in the lead: the event's protagonists


def _ordinal(d: date | datetime | None) -> int | None:
    if d is None:
        return None
    return (d.date() if isinstance(d, datetime) else d).toordinal()


def event_days(article: Article, ann: Annotations | None) -> tuple[int | None, int | None, bool]:
    """The first day the lead states (else the first month or year it states), as
    ``(first, last, from_text)``; else the publication day, which is weak evidence."""
    published = _ordinal(article.published)
    if ann is not None:
        lead_end = _lead_end(ann)
        ranges: list[tuple[int, int]] = []
        for t in sorted(ann.times, key=lambda t: t.span):
            if t.span[0] >= lead_end:
                break
            if t.start is None or t.end is None:
                continue
            first, last = t.start.toordinal(), t.end.toordinal()
            if published is not None and not (
                published - MAX_DAYS_BEFORE <= last and first <= published
            ):
                continue
            if first == last:
                return first, last, True
            if last - first <= MAX_RANGE_DAYS:
                ranges.append((first, last))
        if ranges:
            return ranges[0][0], ranges[0][1], True
    return published, published, False


def _lead_end(ann: Annotations, sentences: int = LEAD_SENTENCES) -> int:
    body = [s for s in ann.sentences if s.role == "body"]
    if len(body) <= sentences:
        return 1 << 60
    return body[sentences].span[0]


_AGE_AFTER = re.compile(r"[- ]years?[- ]old\b|\s*,?\s*\(?age[ds]?\b", re.IGNORECASE)


_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")  # "Kevan Marsh, 24," "Lena Ortis, 31."


def _kind(q: Quantity, text: str) -> str:
    """The quantity's kind; an age written "24-year-old" or "Marsh, 24," is an age even
    where the language layer has not said so yet."""
    kind = getattr(q, "kind", "count") or "count"
    if kind != "count":
        return kind
    if _AGE_AFTER.match(text, q.span[1]):
        return "age"
    after = text[q.span[1] : q.span[1] + 1]
    before = text[max(0, q.span[0] - 40) : q.span[0]]
    if 0 < (q.value or 0) < 110 and after in {",", ".", ")", ";"} and _NAME_BEFORE.search(before):
        return "age"
    return kind


def _figures(ann: Annotations, text: str) -> frozenset[str]:
    out: set[str] = set()
    for q in ann.quantities:
        kind = _kind(q, text)
        value = q.value
        if value is None or kind not in FIGURE_KINDS or getattr(q, "qualifier", None):
            continue
        if kind == "count" and value < 2 and not getattr(q, "outcome", None):
            continue  # "one man", "a car": not distinctive
        what = getattr(q, "outcome", None) or getattr(q, "counted", None) or kind
        out.add(f"{kind}:{value:g}:{what}" if kind == "count" else f"{kind}:{value:g}")
    return frozenset(out)


def event_evidence(article: Article, ann: Annotations | None) -> EventEvidence:
    first, last, from_text = event_days(article, ann)
    if ann is None:
        return EventEvidence(first, from_text, last)
    named = [m for m in ann.mentions if m.label in PEOPLE_LABELS and surname(m)]
    lead_end = _lead_end(ann, PROTAGONIST_SENTENCES)
    return EventEvidence(
        first,
        from_text,
        last,
        frozenset(surname(m) for m in named),
        _figures(ann, article.text),
        frozenset(surname(m) for m in named if m.span[0] < lead_end),
    )


def evidence_by_article(
    articles: list[Article], annotations: Mapping[str, Annotations]
) -> dict[str, EventEvidence]:
    return {a.id: event_evidence(a, annotations.get(a.id)) for a in articles}


def pair_score(a: EventEvidence, b: EventEvidence, options: StoryOptions) -> float:
    """Added to the pair's text similarity: shared names and figures raise it, event
    days apart lower it (more the farther apart), nothing known leaves it at 0."""
    score = 0.0
    shared_people = len(a.people & b.people)
    if shared_people:
        score += options.people_weight * min(shared_people, 3) / 3
    shared_figures = len(a.figures & b.figures)
    if shared_figures:
        score += options.figure_weight * min(shared_figures, 3) / 3
    if (
        a.lead_people
        and b.lead_people
        and not (a.lead_people & b.people or b.lead_people & a.people)
    ):
        score -= options.other_people_weight  # each report is about someone the other never names
    ages_a, ages_b = _ages(a), _ages(b)
    if ages_a and ages_b and not ages_a & ages_b:
        score -= options.other_ages_weight  # the victims' (or suspects') ages all differ
    if a.day is not None and b.day is not None:
        a_last = a.day if a.last_day is None else a.last_day
        b_last = b.day if b.last_day is None else b.last_day
        gap = max(0, a.day - b_last, b.day - a_last)
        both_text = a.day_from_text and b.day_from_text
        if gap == 0 and both_text and a.day == a_last and b.day == b_last:
            score += options.same_day_weight
        elif gap > 0:
            scale = 1.0 if both_text else options.published_day_trust
            score -= scale * options.date_weight * (1.0 - math.exp(-gap / options.date_decay_days))
    return score


def _ages(e: EventEvidence) -> set[str]:
    return {f for f in e.figures if f.startswith("age:")}


# --------------------------------------------------------------------------- in any language
# Across languages there are no shared words, and the encoder alone rates a different
# bombing in the same city close to the same one. What does not depend on the language
# tells them apart: names matched after transliteration ("Kermán", "كرمان"), figures
# (the outcome and the number: "84 muertos", "84 killed") and the single days the dates
# resolve to.


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
