"""Cut an article's clean text into marked segments for display.

Annotations overlap (a number inside a quote, a name inside a quote), and nested
``<mark>`` elements built from overlapping spans would need the spans to nest,
which they need not. So the text is cut at every span boundary and each piece
carries the set of kinds covering it: no nesting, and no span is lost.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsprism.model import Annotations, Entity, Span


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotation to show: where, what kind (a CSS class) and a hover note."""

    span: Span
    kind: str  # "ent", "quote", "num", "date", "focus"
    note: str = ""


@dataclass(slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    start: int = 0

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)

    @property
    def title(self) -> str:
        return "; ".join(n for n in self.notes if n)


@dataclass(slots=True)
class Paragraph:
    span: Span
    segments: list[Segment] = field(default_factory=list)


def annotation_marks(
    ann: Annotations | None, entities: dict[str, Entity] | None = None
) -> list[Mark]:
    """Marks for every mention, quote, quantity and time the language layer found."""
    if ann is None:
        return []
    entities = entities or {}
    marks: list[Mark] = []
    for m in ann.mentions:
        ent = entities.get(m.entity or "")
        note = f"{m.label}: {ent.name}" if ent and ent.name != m.text else m.label
        marks.append(Mark(m.span, "ent", note))
    for q in ann.quotes:
        if q.where != "text":
            continue  # a headline quote: its span indexes the title, not this text
        who = q.speaker or "unattributed"
        marks.append(Mark(q.span, "quote", f"{q.kind} quote, speaker: {who}"))
    for n in ann.quantities:
        what = f"{n.value:g}" if n.value is not None else n.text
        marks.append(Mark(n.span, "num", f"number {what} {n.noun or ''}".strip()))
    for t in ann.times:
        if t.start is None:
            note = f"date unresolved ({t.reason or t.rule})"
        elif t.end and t.end != t.start:
            note = f"date {t.start.isoformat()} to {t.end.isoformat()} ({t.rule})"
        else:
            note = f"date {t.start.isoformat()} ({t.rule})"
        marks.append(Mark(t.span, "date", note))
    return marks


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs are separated by blank lines in clean text; single newlines stay inside."""
    spans: list[Span] = []
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n\n", start)
        if end == -1:
            end = n
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            spans.append((start + lead, start + trail))
        start = end + 2
    return spans


def segment(text: str, span: Span, marks: Iterable[Mark]) -> list[Segment]:
    """The piece ``text[span]`` cut at every mark boundary inside it."""
    lo, hi = span
    inside = [m for m in marks if m.span[0] < hi and m.span[1] > lo and m.span[0] < m.span[1]]
    cuts = {lo, hi}
    for m in inside:
        cuts.add(max(lo, m.span[0]))
        cuts.add(min(hi, m.span[1]))
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in itertools.pairwise(points):
        covering = [m for m in inside if m.span[0] <= a and m.span[1] >= b]
        kinds = tuple(sorted({m.kind for m in covering}))
        notes = tuple(dict.fromkeys(m.note for m in covering if m.note))
        out.append(Segment(text[a:b], kinds, notes, a))
    return out


def highlight(text: str, marks: Iterable[Mark]) -> list[Paragraph]:
    """The whole text as paragraphs of marked segments; spans outside the text are ignored."""
    valid = [m for m in marks if 0 <= m.span[0] < m.span[1] <= len(text)]
    return [Paragraph(p, segment(text, p, valid)) for p in paragraph_spans(text)]


def in_context(text: str, span: Span, sentence: Span | None = None) -> tuple[str, str, str]:
    """(before, hit, after) for showing a cited span inside its sentence."""
    lo, hi = span
    if not (0 <= lo <= hi <= len(text)):
        return "", "", ""
    s_lo, s_hi = sentence if sentence else (lo, hi)
    s_lo, s_hi = max(0, min(s_lo, lo)), min(len(text), max(s_hi, hi))
    return text[s_lo:lo], text[lo:hi], text[hi:s_hi]
