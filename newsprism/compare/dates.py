"""Date findings: the days outlets give for the same happening, when they cannot all be true.

A date is compared only with a date of the same happening. The language layer reads
which happening a date belongs to (``language.dated.DateReading``): the verb it
modifies ("met ... on Tuesday"), or a noun ("the death of three soldiers late last
month", "the anniversary of the 2004 bombing") when it dates something else than the
sentence's own event. So:

- in two sentences that state one claim (a fact group), the dates of their main
  events are compared, and dates of other events only with dates of the same event
  (the same head word, or clauses that read alike);
- a date on a verb that only attributes ("said on Thursday") dates the statement,
  and outlets may quote statements made on different days: never compared (an
  act of speech such as "urged" or "called for" is an event like any other);
- sentences worded too differently to align still compare when the dated clauses
  name the same person and read alike (``actor_date_findings``).

Days that overlap are compatible and not reported ("October" and "since October").
Disjoint days contradict, unless the evidence is weak (a borrowed publication date:
a relative date of an undated page is no anchor to contradict a dated one; a
sentence with several dates; a bare weekday a week off, which is more often a
resolution slip than a disagreement; adjacent days one of which is told with a time
of day, "Thursday night" against "Friday", one moment in two time zones): then they
are reported as ``differs`` with the caveat.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsprism.compare.context import StoryContext
from newsprism.compare.numbers import overlap, times_in
from newsprism.compare.records import FactRow, Finding, Grade, SlotValue
from newsprism.compare.similarity import text_scores
from newsprism.compare.units import Unit
from newsprism.language.calendar_rules import possible_days
from newsprism.language.dated import nearest_year, stored_reading
from newsprism.model import Annotations, DateReading, Span, TimeExpression

ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GROUP"}
SAME_EVENT_TEXT = 0.7  # two dated clauses with different verbs read alike enough to be one event


@dataclass(slots=True)
class Dated:
    """One date of one article, with what the language layer read it to belong to."""

    article: str
    t: TimeExpression
    reading: DateReading

    @property
    def main(self) -> bool:
        return self.reading.main

    @property
    def phrase(self) -> str:
        return self.reading.phrase


def _days(t: TimeExpression) -> tuple[date, date]:
    assert t.start is not None
    return t.start, t.end or t.start


def read_dated(ctx: StoryContext, article: str, t: TimeExpression) -> Dated:
    t = nearest_year(t)
    return Dated(article, t, stored_reading(ctx.annotations.get(article), t))


def _same_event(a: Dated, b: Dated, score: float) -> bool:
    x, y = a.reading, b.reading
    if x.statement or y.statement:
        return False
    if x.main != y.main or x.word is None or y.word is None:
        return False
    return x.word == y.word or score >= SAME_EVENT_TEXT


def date_findings(
    ctx: StoryContext,
    units: Sequence[Unit],
    facts: Sequence[FactRow],
    members: dict[str, list[int]],
) -> list[Finding]:
    """Dates given for one claim by different outlets that cannot all be true."""
    out: list[Finding] = []
    for fact in facts:
        dated: list[Dated] = []
        for m in members.get(fact.id, []):
            u = units[m]
            ann = ctx.annotations.get(u.article)
            if ann is not None:
                dated.extend(read_dated(ctx, u.article, t) for t in times_in(ann, u.sentence))
        if len({d.article for d in dated}) < 2:
            continue
        scores = text_scores([d.phrase for d in dated], ctx.embed)
        pairs = [
            (dated[i], dated[j])
            for i in range(len(dated))
            for j in range(i + 1, len(dated))
            if dated[i].article != dated[j].article
            and ctx.outlet_of[dated[i].article] != ctx.outlet_of[dated[j].article]
            and _same_event(dated[i], dated[j], float(scores[i, j]))
            and not overlap(dated[i].t, dated[j].t)
        ]
        if pairs:
            finding = _grade(ctx, pairs, dated)
            finding.fact = fact.id
            finding.slot = "date of: " + " ".join(fact.text.split()[:12])
            out.append(finding)
    return out


def _loose_words(pairs: Sequence[tuple[Dated, Dated]]) -> list[str]:
    """The expressions whose every reading ("last week": the previous calendar week, or
    the seven days before publication) overlaps the other date of each pair: their
    pages may not disagree at all."""
    out: list[str] = []
    for a, b in pairs:
        (a0, a1), (b0, b1) = _readings(a.t), _readings(b.t)
        if not (a0 <= b1 and b0 <= a1):
            return []
        out.extend(d.t.text for d in (a, b) if _readings(d.t) != _days(d.t))
    return list(dict.fromkeys(out))


def _readings(t: TimeExpression) -> tuple[date, date]:
    start, end = _days(t)
    return possible_days(t.rule, start, end, t.anchor)


def _weekday_slip(a: TimeExpression, b: TimeExpression) -> bool:
    """A bare weekday seven days from the other date: the week may be resolved wrongly."""
    one_day = _days(a)[0] == _days(a)[1] and _days(b)[0] == _days(b)[1]
    weekday = any(t.rule.startswith("weekday") for t in (a, b))
    return one_day and weekday and abs((_days(a)[0] - _days(b)[0]).days) == 7


# times of day at either end of a day: "Thursday night" in one time zone is "Friday"
# in another, so adjacent days with one of these are one moment as likely as two
_DAY_EDGE = re.compile(
    r"\b(?:night|evening|late|midnight|overnight|early|morning|dawn|daybreak|p\.?m|a\.?m"
    r"|noche|madrugada|nuit|soir|soirée|matin|aube|nacht|abend|morgen|früh|noite|manhã"
    r"|malam|pagi|dini hari|gece|sabah|ليل|مساء|فجر|صباح)\b|\d{1,2}[:h]\d{2}",
    re.I,
)


def _day_edge(a: Dated, b: Dated, ctx: StoryContext) -> bool:
    """Adjacent single days, one of them told with a time of day (in its expression or
    its sentence): the same moment may fall on two dates in two time zones."""
    (a0, a1), (b0, b1) = _days(a.t), _days(b.t)
    if a0 != a1 or b0 != b1 or abs((a0 - b0).days) != 1:
        return False
    for d in (a, b):
        words = ctx.text(d.article, d.t.sentence) if d.t.sentence else d.t.text
        if _DAY_EDGE.search(d.t.text) or _DAY_EDGE.search(words):
            return True
    return False


def _grade(
    ctx: StoryContext, pairs: Sequence[tuple[Dated, Dated]], dated: Sequence[Dated]
) -> Finding:
    involved = {id(x) for p in pairs for x in p}
    shown = [d for d in dated if id(d) in involved]
    borrowed = sorted(
        {
            ctx.outlet_of[d.article]
            for d in shown
            if d.t.anchor_source not in (None, "published", "dateline")
        }
    )
    per_article: dict[str, int] = {}
    for d in dated:
        per_article[d.article] = per_article.get(d.article, 0) + 1
    several = any(per_article[d.article] > 1 and not d.main for d in shown)
    slip = any(_weekday_slip(a.t, b.t) for a, b in pairs)
    edge = all(_day_edge(a, b, ctx) for a, b in pairs)
    loose = _loose_words(pairs)
    caveats = []
    if borrowed:
        caveats.append(
            f"{', '.join(borrowed)}: publication date unknown; relative dates were "
            "resolved against a borrowed date (a dated copy's, else the story's), so they "
            "cannot contradict a dated page"
        )
    if edge:
        caveats.append(
            "adjacent days, one told with a time of day: one moment can fall on two dates "
            "in two time zones"
        )
    if loose:
        caveats.append(
            f"{', '.join(repr(w) for w in loose)} can also mean the seven days before "
            "publication, which overlap the other date"
        )
    if several:
        caveats.append("a sentence holds several dates; they may refer to different events")
    if slip:
        caveats.append(
            "a weekday exactly a week from the other date: it may be resolved to the wrong week"
        )
    # a contradiction about time needs both dates anchored in their own pages
    weak = slip or several or bool(borrowed) or edge or bool(loose)
    grade: Grade = "differs" if weak else "contradict"
    confidence = (
        0.85 - 0.25 * bool(borrowed) - 0.2 * several - 0.3 * slip - 0.3 * edge - 0.3 * bool(loose)
    )
    clashes: dict[int, set[str]] = {}
    for a, b in pairs:
        clashes.setdefault(id(a), set()).add(b.article)
        clashes.setdefault(id(b), set()).add(a.article)
    values = []
    for d in sorted(shown, key=lambda x: (x.article, x.t.span)):
        start, end = _days(d.t)
        article = ctx.articles[d.article]
        values.append(
            SlotValue(
                cite=ctx.cite(d.article, d.t.span, d.t.sentence),
                value=start.isoformat()
                if start == end
                else f"{start.isoformat()} – {end.isoformat()}",
                clashes_with=sorted(clashes.get(id(d), ())) if not weak else [],
                published=article.published.isoformat() if article.published else None,
                version=article.version,
                start=start.isoformat(),
                end=end.isoformat(),
                rule=d.t.rule,
                anchor_source=d.t.anchor_source,
            )
        )
    return Finding(
        id="",
        kind="date",
        slot="",
        grade=grade,
        explanation="the resolved dates do not overlap",
        values=values,
        confidence=round(max(0.1, confidence), 2),
        caveat="; ".join(caveats) or None,
    )


def actor_date_findings(ctx: StoryContext, known: Sequence[Finding]) -> list[Finding]:
    """Dates that disagree about one happening worded too differently to align.

    "the union had met the minister on Tuesday" and "talks between the federation and
    the minister last week ended" share no wording a sentence aligner would trust,
    but the dated clause of each names the same participant and reads alike.
    """
    persons = {
        m.entity
        for ann in ctx.annotations.values()
        for m in ann.mentions
        if m.entity and m.label == "PERSON"
    }
    seen = {(v.cite.article, v.cite.span) for f in known if f.kind == "date" for v in f.values}
    dated: list[tuple[Dated, set[str]]] = []
    for art_id, ann in ctx.annotations.items():
        for t in ann.times:
            if t.start is None or (art_id, t.span) in seen:
                continue
            d = read_dated(ctx, art_id, t)
            r = d.reading
            if r.extent is None or r.statement or r.nominal:
                continue
            if r.negated:
                continue  # "did not respond on Thursday": nothing happened to disagree on
            actors = _actors(ann, r.extent)
            if actors:
                dated.append((d, actors))
    scores = text_scores([d.phrase for d, _ in dated], ctx.embed)
    out: list[Finding] = []
    used: set[int] = set()
    cuts = ctx.cuts
    for i, (a, xa) in enumerate(dated):
        for j in range(i + 1, len(dated)):
            b, xb = dated[j]
            if (
                a.article == b.article
                or i in used
                or j in used
                or not xa & xb
                or ctx.outlet_of[a.article] == ctx.outlet_of[b.article]
                or overlap(a.t, b.t)
            ):
                continue
            people = {e for e in xa & xb if e in persons}
            if scores[i, j] < (cuts.same_happening if people else cuts.same_happening_org):
                continue
            finding = _grade(ctx, [(a, b)], [a, b])
            used.update((i, j))
            sentence = a.t.sentence
            words = ctx.text(a.article, sentence) if sentence else a.t.text
            finding.slot = "date of: " + " ".join(words.split()[:12])
            note = "matched by a shared participant, not by wording"
            if finding.grade == "contradict":
                # the same people on two days may be two happenings (a verdict, then
                # its sentencing): without shared wording it is no proof of one event
                finding.grade = "differs"
                note += ": the two dates may be of different happenings"
            finding.caveat = "; ".join(x for x in (finding.caveat, note) if x)
            out.append(finding)
    return out


def _actors(ann: Annotations, extent: Span) -> set[str]:
    """The actors named in the dated happening's phrase."""
    lo, hi = extent
    return {
        m.entity
        for m in ann.mentions
        if m.entity and m.label in ACTOR_LABELS and lo <= m.span[0] and m.span[1] <= hi
    }
