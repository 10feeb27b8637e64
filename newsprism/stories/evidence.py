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
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from newsprism.model import Annotations, Article
from newsprism.stories.options import StoryOptions

LEAD_SENTENCES = 4  # the event's own date is stated in the first sentences of a report
MAX_DAYS_BEFORE = 45  # a day stated this long before publication is background, not the event
PEOPLE_LABELS = frozenset({"PERSON"})
FIGURE_KINDS = frozenset({"count", "age", "money"})


@dataclass(frozen=True, slots=True)
class EventEvidence:
    """One article's event identity: its day (and where that came from), people, figures."""

    day: int | None = None  # proleptic ordinal of the event's day
    day_from_text: bool = False  # False: the publication day stands in
    people: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()


def _ordinal(d: date | datetime | None) -> int | None:
    if d is None:
        return None
    return (d.date() if isinstance(d, datetime) else d).toordinal()


def event_day(article: Article, ann: Annotations | None) -> tuple[int | None, bool]:
    """The first single day the lead states, else the publication day (weak)."""
    published = _ordinal(article.published)
    if ann is not None:
        lead_end = _lead_end(ann)
        for t in sorted(ann.times, key=lambda t: t.span):
            if t.span[0] >= lead_end:
                break
            if t.start is None or t.end != t.start:
                continue
            day = t.start.toordinal()
            if published is not None and not (published - MAX_DAYS_BEFORE <= day <= published):
                continue
            return day, True
    return published, False


def _lead_end(ann: Annotations) -> int:
    body = [s for s in ann.sentences if s.role == "body"]
    if len(body) <= LEAD_SENTENCES:
        return 1 << 60
    return body[LEAD_SENTENCES].span[0]


def _figures(ann: Annotations) -> frozenset[str]:
    out: set[str] = set()
    for q in ann.quantities:
        kind = getattr(q, "kind", "count") or "count"
        value = q.value
        if value is None or kind not in FIGURE_KINDS or getattr(q, "qualifier", None):
            continue
        if kind == "count" and value < 2 and not getattr(q, "outcome", None):
            continue  # "one man", "a car": not distinctive
        what = getattr(q, "outcome", None) or getattr(q, "counted", None) or kind
        out.add(f"{kind}:{value:g}:{what}" if kind == "count" else f"{kind}:{value:g}")
    return frozenset(out)


def event_evidence(article: Article, ann: Annotations | None) -> EventEvidence:
    day, from_text = event_day(article, ann)
    if ann is None:
        return EventEvidence(day, from_text)
    people = frozenset(m.entity for m in ann.mentions if m.entity and m.label in PEOPLE_LABELS)
    return EventEvidence(day, from_text, people, _figures(ann))


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
    if a.day is not None and b.day is not None:
        gap = abs(a.day - b.day)
        both_text = a.day_from_text and b.day_from_text
        if gap == 0 and both_text:
            score += options.same_day_weight
        elif gap > 0:
            scale = 1.0 if both_text else options.published_day_trust
            score -= scale * options.date_weight * (1.0 - math.exp(-gap / options.date_decay_days))
    return score
