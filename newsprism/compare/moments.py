"""Figures pinned to one moment by a companion figure, and the clashes between them.

A toll that rose for days is a chain of updates, and two outlets that print different
figures from different updates are a development, never a contradiction. The moment a
figure belongs to is rarely stated, but the page's *other* figures pin it: two pages
that give the same injured figure ("1,315 injured") quote the same update, so their
killed figures for it must agree; when they do not ("1,150 dead" on one, "1,400 dead" on
the other, each beside the same 1,315 injured), the outlets contradict each other at
that update. A fact-checker states exactly that, and this module finds it:

- the sentences that give current, national figures for two outcomes or more (no part
  of a sub-area, no earlier, projected, withdrawn or replaced figure): a sentence states
  one moment, a page updated over the day may not;
- two such sentences of different outlets are at *one moment* when they give the same
  figure for some outcome, large enough not to recur by chance (``COMPANION_MIN``);
- at one moment, their figures for another outcome that cannot both hold, even allowing
  for rounding ("1,300" is "1,315" rounded), contradict.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.compare.context import StoryContext
from newsprism.compare.numbers import Count, FigureSlot, slot_value
from newsprism.compare.records import Finding
from newsprism.lexicon import ranges_overlap

COMPANION_MIN = 50  # a shared figure this large is one update's, not a coincidence
MOMENT_CONFIDENCE = 0.7  # the companion pins the moment; the pages may still differ in scope


def _rounding(value: float) -> float:
    """Half the unit a round figure is written to: 1,200 may stand for 1,150 to 1,249."""
    n = int(value)
    if n != value or n == 0:
        return 0.0
    unit = 1
    while n % (unit * 10) == 0:
        unit *= 10
    return unit / 2 if unit >= 100 else 0.0


def _fit(a: Count, b: Count) -> bool:
    """Whether two figures can both hold: their ranges meet, allowing for rounding."""
    if ranges_overlap(a.range(), b.range()):
        return True
    if a.q.value is None or b.q.value is None:
        return True
    slack = max(_rounding(a.q.value), _rounding(b.q.value))
    return abs(a.q.value - b.q.value) <= slack


Statement = dict[str, Count]  # one sentence's current figure per outcome


def _statements(counts: Sequence[Count], gone: set[float]) -> list[Statement]:
    """The sentences that give current national figures for two outcomes or more ("437
    dead and 318 injured"): one sentence states one moment, while a page updated over
    the day may lead with a new toll and keep an old injured figure further down."""
    by_sentence: dict[tuple[str, tuple[int, int]], Statement] = {}
    for c in sorted(counts, key=lambda c: (c.article, c.q.span[0])):
        if c.previous or c.estimate or c.status or c.area is not None or c.q.value is None:
            continue
        if c.q.value in gone or c.q.part_of:
            continue
        by_sentence.setdefault((c.article, c.sentence), {}).setdefault(c.family, c)
    return [s for s in by_sentence.values() if len(s) >= 2]


def moment_findings(
    ctx: StoryContext, slots: Sequence[FigureSlot], gone: set[float] | None = None
) -> list[Finding]:
    """One ``contradict`` finding per outcome and pair of clashing figures that
    sentences of different outlets give at one moment (pinned by a shared companion
    figure in each sentence). ``gone``: the figures the story says were replaced."""
    unique: dict[int, Count] = {id(c): c for s in slots for c in s.counts}
    statements = _statements(list(unique.values()), gone or set())
    out: list[Finding] = []
    seen: set[tuple[str, float, float]] = set()
    for i, one in enumerate(statements):
        for other in statements[i + 1 :]:
            first = next(iter(one.values()))
            second = next(iter(other.values()))
            if ctx.outlet_of[first.article] == ctx.outlet_of[second.article]:
                continue
            families = set(one) & set(other)
            pinned = [
                f
                for f in sorted(families)
                if one[f].q.value == other[f].q.value and (one[f].q.value or 0) >= COMPANION_MIN
            ]
            if not pinned:
                continue
            for family in sorted(families - set(pinned)):
                x, y = one[family], other[family]
                other_people = x.counted != y.counted and "people" not in (x.counted, y.counted)
                if _fit(x, y) or other_people:
                    continue
                low, high = sorted((x.q.value or 0.0, y.q.value or 0.0))
                key = (family, low, high)
                if key in seen:
                    continue
                seen.add(key)
                out.append(_finding(ctx, family, x, y, one[pinned[0]], pinned[0]))
    return out


def _finding(
    ctx: StoryContext, family: str, x: Count, y: Count, pin: Count, pin_family: str
) -> Finding:
    values = [slot_value(ctx, c, []) for c in (x, y)]
    ox, oy = ctx.outlet_of[x.article], ctx.outlet_of[y.article]
    return Finding(
        id="",
        kind="number",
        slot=f"{family} (at one update: both give {pin.shown} {pin_family})",
        grade="contradict",
        explanation=f"'{x.shown}' ({ox}) and '{y.shown}' ({oy}) for {family}, each beside "
        f"the same {pin.shown} {pin_family}: the same update, figures that cannot both hold",
        values=values,
        confidence=MOMENT_CONFIDENCE,
        caveat="the shared figure pins the update; one outlet may have misprinted, or "
        "mixed figures of two updates: read both sentences",
    )
