"""The story's figure for each outcome ("3 killed, 2 injured"), read across all its slots.

Figure slots are joined cautiously: two outlets' sentences are one slot only when they
plainly report the same happening, so a small story can end with "a man" in one slot,
"one person" in another and "three people" in a third. A reader still asks what the
story's toll is, and whether the outlets agree on it. This module answers both from
each outlet's *first* figure for an outcome (the lede's, where news writing puts the
toll), as a fact-checker would state it:

- a figure some page says the toll changed *from* ("dropped from 115 to 97", "31, down
  from 66") is superseded; one its source withdrew or denied ("withdrew its figure of
  300", "a démenti", "نفت") is set aside and shown so; a projection ("could reach
  20,000") is never the story's figure;
- of the figures given as a change ("rose to 84", "dropped to 97") the latest wins: by
  publication when every one is dated, else by the way the count moves (tolls grow as
  victims are counted, the missing fall as they are found);
- else the latest figure of people an official source gives ("police said", "selon le
  ministère"; not "a neighbour said", not "a 46-year-old man, police said"), unless a
  later page gives another;
- else the figure most independent sources lead with; on a tie, the larger when the
  figures can both hold (a subset is smaller than its whole) or count a job that
  proceeds (bodies recovered: a lower figure is an earlier stage); when they clash,
  the range ("outlets differ: 8–9"), with the larger as its number;
- and when no figure has most sources behind it and outlets lead with figures for the
  same people at the same moment that cannot both hold, the figure says the evidence is
  split ("outlets differ: 200–900; latest official 410") rather than pick one.

Clashing leads are a ``differs`` finding, never a contradiction: their first figures may
count different people or moments. A page that gives two such figures itself (a lead
updated over a stale paragraph or caption) is an internal finding on that page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from newsprism.compare.context import StoryContext
from newsprism.compare.credit import is_official
from newsprism.compare.numbers import (
    Count,
    FigureSlot,
    explained_as_update,
    is_moving,
    set_aside,
    slot_value,
    when,
)
from newsprism.compare.records import Finding, Grade, SlotValue, Toll
from newsprism.lexicon import EARLIER_FIGURE_WORDS, FALLING_OUTCOMES, ranges_overlap

TOLL_CONFIDENCE = 0.5  # first figures may count different groups: a lead, not a verdict
# outcomes counted as a job proceeds (bodies recovered, people rescued, arrested,
# evacuated): a lower figure is most often an earlier stage of the same count, so on a
# tie the larger stands; a toll of dead or injured is counted once, and a tie between
# clashing figures is a split
GROWING_OUTCOMES = frozenset({"recovered", "rescued", "arrested", "evacuated", "displaced"})


def story_tolls(
    ctx: StoryContext,
    slots: Sequence[FigureSlot],
    findings: Sequence[Finding],
    origin: Mapping[str, str],
) -> tuple[list[Toll], list[Finding], dict[str, Finding]]:
    """The story's figure per outcome; a ``differs`` finding per outcome whose outlets
    lead with incompatible figures that no slot finding already shows; and, per outcome,
    the finding (new or a slot's) a reader should open to see the outlets differ. Finding
    ids are given later, so the toll's link is set from the last by the caller. Votes
    count origins (``origin``: article -> the agency or outlet its text comes from), so
    a wire text printed twice leads once."""
    tolls: list[Toll] = []
    extra: list[Finding] = []
    shown_by: dict[str, Finding] = {}
    families = sorted({s.family for s in slots})
    for family in families:
        counts = [c for s in slots if s.family == family for c in s.counts]
        gone = set_aside(counts)
        replaced = superseded(counts) | set(gone)
        current = _first_figures(counts, replaced)
        shown = _first_figures(counts)  # with the figures the story says were replaced
        firsts = shown + [c for c in current if not any(c is s for s in shown)]
        if not current:
            continue
        picked = _choose(current, origin, replaced, family in FALLING_OUTCOMES)
        if picked is None:
            continue  # only projections ("could reach 20,000"): the story states no figure
        chosen, basis = picked
        figure = chosen.shown
        falling = family in FALLING_OUTCOMES
        spread = (
            _split(ctx, current, chosen, origin, falling, counts) if basis != "revision" else None
        )
        number = chosen.q.value
        if spread is not None and basis == "larger" and family not in GROWING_OUTCOMES:
            # no figure has more sources behind it than another: the story states the
            # range, never the single larger value as its figure; the number leans to
            # the larger, as a toll is revised up while victims are counted
            figure = f"outlets differ: {spread}; the larger {_bare(chosen)} if the toll rose"
            basis = "split"
        elif spread is not None:
            figure = f"outlets differ: {spread}; " + (
                f"latest official {_bare(chosen)} ({chosen.source})"
                if basis == "named"
                else f"most lead with {_bare(chosen)}"
            )
            basis = "split"
        values = [slot_value(ctx, c, []) for c in firsts]
        support = sorted({ctx.outlet_of[c.article] for c in firsts if _same(c, chosen)})
        finding, existing = _finding(
            ctx, family, firsts, values, findings, replaced, is_moving(counts)
        )
        tolls.append(
            Toll(
                outcome=family,
                figure=figure,
                number=number,
                outlets=support,
                basis=basis,
                values=values,
                finding=None,
                set_aside=[_set_aside_words(c) for c in gone.values()],
            )
        )
        if finding is not None:
            extra.append(finding)
        link = finding or existing or _holding(chosen, values, firsts, findings)
        if link is not None:
            shown_by[family] = link
    return tolls, extra, shown_by


def _set_aside_words(c: Count) -> str:
    """ "300 (withdrawn: health ministry)": the figure, what became of it, and whose."""
    return f"{_bare(c)} ({c.status}{': ' + c.source if c.source else ''})"


def _bare(c: Count) -> str:
    value = c.q.value
    return f"{value:,.0f}" if value is not None and value == int(value) else c.shown


def _split(
    ctx: StoryContext,
    current: Sequence[Count],
    chosen: Count,
    origin: Mapping[str, str],
    falling: bool,
    counts: Sequence[Count] = (),
) -> str | None:
    """ "200–900" when outlets lead with figures for the same people at the same moment
    that cannot both hold, that nothing explains as a change, and no figure is led with by
    most of the independent sources: the evidence is split, and the story's figure must
    say so rather than pick one. One outlet's odd figure against a clear majority is a
    ``differs`` finding, not a split story."""
    moving = is_moving(counts)
    sources = {origin.get(c.article, c.article) for c in current}
    backing = {origin.get(c.article, c.article) for c in current if _same(c, chosen)}
    if 2 * len(backing) > len(sources):
        return None
    clashing = [
        (a, b)
        for i, a in enumerate(current)
        for b in current[i + 1 :]
        if ctx.outlet_of[a.article] != ctx.outlet_of[b.article]
        and not (a.estimate or b.estimate)
        and _comparable(a, b)
        and not (_more(ctx, a) or _more(ctx, b))
        and not ranges_overlap(a.range(), b.range())
        and not explained_as_update(a, b, moving)
        and not (falling and _fell(a, b))
    ]
    if not clashing:
        return None
    numbers = [c.q.value for pair in clashing for c in pair if c.q.value is not None]
    return f"{min(numbers):,.0f}–{max(numbers):,.0f}"


_MORE = frozenset({"other", "others", "more", "otros", "otras", "autres", "weitere", "آخرين"})


def _more(ctx: StoryContext, c: Count) -> bool:
    """ "two others", "three more", "otras dos personas": people besides those already
    counted, never a rival total for the same people."""
    before = ctx.article(c.article).text[max(0, c.q.span[0] - 30) : c.q.span[0]].split()[-1:]
    words = (c.q.noun or "").split()[:2] + before
    return any(w.lower().strip(",.;:") in _MORE for w in words)


def _fell(a: Count, b: Count) -> bool:
    """Whether the later of two dated counts is the lower: the missing being found."""
    if a.published is None or b.published is None or when(a)[1:] == when(b)[1:]:
        return False
    early, late = sorted((a, b), key=when)
    return late.range()[1] <= early.range()[0]


def replaced_figures(slots: Sequence[FigureSlot]) -> set[float]:
    """Every figure the story says was replaced ("dropped from 115"), withdrawn or denied."""
    counts = [c for s in slots for c in s.counts]
    return superseded(counts) | set(set_aside(counts))


def _first_figures(counts: Sequence[Count], replaced: set[float] | None = None) -> list[Count]:
    """Each page's first current figure for the outcome; of one page's versions, the
    latest's only. A figure the story says was replaced ("fell from 41 to 31") is not a
    page's current figure, even where it comes first."""
    latest: dict[str, int] = {}
    for c in counts:
        page = c.key or c.article
        latest[page] = max(latest.get(page, 0), c.version)
    first: dict[str, Count] = {}
    whole: dict[str, Count] = {}  # each page's first count of people in general
    for c in sorted(counts, key=lambda c: (c.article, c.q.span[0])):
        if c.previous or c.estimate or c.status or c.version != latest[c.key or c.article]:
            continue
        if c.area is not None:
            continue  # "809 in Olen": a part of the page's total, never the story's toll
        if c.q.value is None or c.q.value in (replaced or set()):
            continue
        first.setdefault(c.article, c)
        if c.counted == "people" and not _besides(c):
            whole.setdefault(c.article, c)
    return [_the_whole(c, whole.get(page)) for page, c in first.items()]


def _the_whole(lead: Count, whole: Count | None) -> Count:
    """ "Two daughters" first and "three people found dead" later on the page: a count of
    one kind of person names some of the victims, the count of people the page gives is
    the toll; so the page's figure is the larger count of people in general."""
    if whole is None or lead.counted == "people" or whole is lead:
        return lead
    assert lead.q.value is not None and whole.q.value is not None
    return whole if whole.q.value > lead.q.value else lead


def _besides(c: Count) -> bool:
    """ "three others", "two more": people besides a count, never the whole."""
    words = (c.q.noun or "").lower().split()[:2] + c.shown.lower().split()[:4]
    return any(w.strip(",.;:") in _MORE for w in words)


def _same(a: Count, b: Count) -> bool:
    return a.q.value == b.q.value


Basis = Literal["revision", "named", "split", "agreement", "larger", "single"]


def superseded(counts: Sequence[Count]) -> set[float]:
    """The figures some page gives as the one the count changed from: "dropped from 115
    to 97" supersedes 115 wherever it is printed, also on pages that predate the change."""
    out = {c.q.value for c in counts if c.previous and c.q.value is not None}
    return out | {c.replaces for c in counts if c.replaces is not None}


def _choose(
    firsts: Sequence[Count],
    origin: Mapping[str, str],
    replaced: set[float] | frozenset[float] = frozenset(),
    falling: bool = False,
) -> tuple[Count, Basis] | None:
    stated = [c for c in firsts if not c.estimate]
    if not stated:
        return None
    pool = [c for c in stated if c.q.value not in replaced] or stated
    revised = [c for c in pool if c.cue]
    if revised:
        return _latest(revised, falling), "revision"
    # an official source's figure of people in general: "a 46-year-old man, police said"
    # or "two women" names some of the victims, not the toll; "his grandmother said" is
    # no official
    named = [c for c in pool if is_official(c.source) and c.counted == "people"]
    if named:
        latest = max(when(c) for c in named)
        top = [c for c in named if when(c) == latest]
        pick = max(top, key=lambda c: (sum(_same(c, o) for o in pool), c.q.value or 0.0))
        if not _revised_later(pick, pool):
            return pick, "named"
    votes: dict[float, list[Count]] = {}
    for c in pool:
        assert c.q.value is not None
        votes.setdefault(c.q.value, []).append(c)
    sources = {v: {origin.get(c.article, c.article) for c in cs} for v, cs in votes.items()}
    value = max(votes, key=lambda v: (len(sources[v]), v))
    if len(sources[value]) >= 2:
        return votes[value][0], "agreement"
    return votes[value][0], "larger" if len(votes) > 1 else "single"


def _revised_later(pick: Count, pool: Sequence[Count]) -> bool:
    """Whether a page published after ``pick`` gives another figure for the outcome: the
    official figure has been overtaken ("four dead, police said" on Monday, "five dead"
    on Thursday), so it is no longer the story's by being official."""
    if pick.published is None:
        return False
    return any(
        c.published is not None and when(c) > when(pick) and not _same(c, pick) for c in pool
    )


def _latest(revised: Sequence[Count], falling: bool) -> Count:
    """The latest of figures given as changes: by publication when all are dated, else
    by the way the count moves (a lower missing count, a higher toll is the later)."""
    if all(c.published is not None for c in revised) and len({when(c) for c in revised}) > 1:
        return max(revised, key=when)
    sign = -1.0 if falling else 1.0
    return max(revised, key=lambda c: (sign * (c.q.value or 0.0), when(c)[1:]))


def _finding(
    ctx: StoryContext,
    family: str,
    firsts: Sequence[Count],
    values: Sequence[SlotValue],
    findings: Sequence[Finding],
    replaced: set[float],
    moving: bool = False,
) -> tuple[Finding | None, Finding | None]:
    """(a new finding, or the slot finding that already shows the outlets differ)."""
    clashing = [
        (a, b)
        for i, a in enumerate(firsts)
        for b in firsts[i + 1 :]
        if ctx.outlet_of[a.article] != ctx.outlet_of[b.article]
        and _comparable(a, b)
        and not ranges_overlap(a.range(), b.range())
    ]
    if not clashing:
        return None, None
    involved = {c.article for pair in clashing for c in pair}
    shown = [v for c, v in zip(firsts, values, strict=True) if c.article in involved]
    existing = _already_shown(shown, findings)
    if existing is not None:
        return None, existing
    grade: Grade = (
        "update"
        if all(
            explained_as_update(a, b, moving) or {a.q.value, b.q.value} & replaced
            for a, b in clashing
        )
        else "differs"
    )
    by_outlet = "; ".join(f"'{v.value}' ({v.cite.outlet})" for v in shown)
    new = Finding(
        id="",
        kind="number",
        slot=f"{family} (each outlet's first figure)",
        grade=grade,
        explanation=f"outlets lead with different figures for {family}: {by_outlet}",
        values=list(shown),
        confidence=TOLL_CONFIDENCE,
        caveat="each outlet's first figure for this outcome: they may count different "
        "people or moments; read the sentences before comparing",
    )
    return new, None


def _holding(
    chosen: Count, values: Sequence[SlotValue], firsts: Sequence[Count], findings: Sequence[Finding]
) -> Finding | None:
    """The slot finding that shows outlets differing over the chosen figure itself."""
    value = next(v for c, v in zip(firsts, values, strict=True) if c is chosen)
    found = _already_shown([value], findings)
    if found is None or not any(
        v.number is not None and v.number != chosen.q.value for v in found.values
    ):
        return None  # "one man" and "one person": named differently, the same figure
    return found


def _comparable(a: Count, b: Count) -> bool:
    """Two leads count the same victims only if they name the same kind of people, or
    one names people in general: "three American soldiers" (killed in another attack
    the lede recalls) and "a commander" are different groups, not a disagreement."""
    return a.counted == b.counted or "people" in (a.counted, b.counted)


def _already_shown(values: Sequence[SlotValue], findings: Sequence[Finding]) -> Finding | None:
    """A slot finding that already holds these sentences' figures says it better."""
    cites = {(v.cite.article, v.cite.span) for v in values}
    for f in findings:
        if f.kind != "number" or f.grade == "agree":
            continue
        if cites <= {(v.cite.article, v.cite.span) for v in f.values}:
            return f
    return None


INTERNAL_CONFIDENCE = 0.6  # one page, two figures: plain to see, but which is stale is not


def internal_findings(ctx: StoryContext, slots: Sequence[FigureSlot]) -> list[Finding]:
    """One finding per page that gives two figures for one outcome of the same people
    that cannot both hold, without saying one was earlier or replaced: a lead updated to
    a new toll over a paragraph that keeps the old one, or a caption over a body with
    another. It is the page contradicting itself, shown on that page, never two outlets
    disagreeing (votes already count one figure per page)."""
    out: list[Finding] = []
    by_page: dict[tuple[str, str], list[Count]] = {}
    for slot in slots:
        for c in slot.counts:
            by_page.setdefault((c.article, c.family), []).append(c)
    gone: dict[str, set[float]] = {}
    for (article, family), counts in sorted(by_page.items()):
        if family not in gone:
            every = [c for s in slots if s.family == family for c in s.counts]
            gone[family] = superseded(every) | set(set_aside(every))
        plain = sorted(
            (c for c in counts if _plain(ctx, c) and c.q.value not in gone[family]),
            key=lambda c: c.q.span,
        )
        if not plain:
            continue
        lead = plain[0]
        later = [
            c
            for c in plain[1:]
            if c.counted == lead.counted
            and c.sentence != lead.sentence
            and not ranges_overlap(c.range(), lead.range())
        ]
        if not later:
            continue
        pair = [lead, later[0]]
        values = [slot_value(ctx, c, []) for c in pair]
        outlet = ctx.outlet_of[article]
        out.append(
            Finding(
                id="",
                kind="number",
                slot=f"{family} (within one page: {outlet})",
                grade="differs",
                explanation=f"{outlet}'s page gives two figures for {family} ({lead.counted}): "
                f"'{lead.shown}' first and '{later[0].shown}' further down: the page "
                "contradicts itself (internal, not a second outlet)",
                values=values,
                confidence=INTERNAL_CONFIDENCE,
                caveat="a lead updated to a new figure over a paragraph or caption that keeps "
                "the old one, most often: read the page",
            )
        )
    return out


def _plain(ctx: StoryContext, c: Count) -> bool:
    """A figure the page states as current: not a change, an estimate, a part, or a
    figure its sentence calls earlier ("officials had earlier said ten")."""
    if c.previous or c.cue or c.replaces is not None or c.estimate or c.status:
        return False
    if c.area is not None:
        return False  # a sub-area's part of the page's total, no rival to it
    if c.q.value is None:
        return False
    text = ctx.text(c.article, c.sentence).lower()
    words = {w.strip(",.;:()\"'«»“”") for w in text.split()}
    return not words & EARLIER_FIGURE_WORDS
