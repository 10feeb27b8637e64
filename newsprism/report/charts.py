"""Geometry for the inline SVG charts: the timeline, the reuse graph and a figure's
history (with the chain a fact-checker would write: "12 (police, Mon) → 19 (...)").

Positions are computed in Python so the SVG templates only place shapes; no
charting library, no script, and the charts print as they look on screen.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsprism.compare.records import (
    BACKGROUND_DAYS,
    PREDATES,
    ArticleRef,
    FactRow,
    ReuseLink,
    Step,
    StorySpan,
    TimelineEvent,
)

CHART_WIDTH = 760
LABEL_WIDTH = 250
ROW_HEIGHT = 24
LINE_HEIGHT = 14  # a second label line adds this much to its row
LABEL_CHARS = 36  # characters of a 12 px label line that fit LABEL_WIDTH
LABEL_LINES = 3
TICK_HALF_WIDTH = 34  # half of an 11 px "2024-02-08" label
TOP = 34


@dataclass(slots=True)
class TimelineRow:
    x: float
    y: float
    width: float
    label: str
    description: str
    start: str
    end: str
    when: str  # as a reader should see it: a day, a range, or "about 2023-01"
    precision: str
    kind: str
    related: bool
    n_mentions: int
    outlets: list[str]
    beyond: bool = False  # the range runs on past the axis's last day ("until 2028")
    before: bool = False  # the range began before the axis's first day ("since 2017")
    lines: list[str] = field(default_factory=list)  # the label wrapped to fit its column
    height: int = ROW_HEIGHT


@dataclass(slots=True)
class Tick:
    x: float
    label: str
    anchor: str = "middle"  # "end" when a centred label would run off the chart


@dataclass(slots=True)
class Timeline:
    width: int = CHART_WIDTH
    height: int = 0
    rows: list[TimelineRow] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    background: list[TimelineRow] = field(default_factory=list)  # earlier, listed not drawn
    later: list[TimelineRow] = field(default_factory=list)  # after the story, listed not drawn
    skipped: int = 0  # events whose dates could not be read


LATER_DAYS = 31  # an event starting this long after the story's last report is "later"


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrapped(text: str) -> list[str]:
    """A label in at most ``LABEL_LINES`` lines of ``LABEL_CHARS``, broken between words;
    only what does not fit the last line is cut (the whole text is in the row's title
    and in the list under the chart)."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < LABEL_LINES:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= LABEL_CHARS:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines[-1] = _short(lines[-1] + " " + " ".join(words), LABEL_CHARS)
    return [_short(ln, LABEL_CHARS) for ln in lines]


def _when(start: date, end: date, precision: str) -> str:
    if precision == "approximate":
        return f"about {start.isoformat()[:7]}"
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"


def timeline_chart(events: Sequence[TimelineEvent], span: StorySpan | None = None) -> Timeline:
    """One row per event, a bar from start to end on a day axis that covers the story.

    The axis spans the story's own events: those that ended well before its first
    report (the war that began months earlier, "since 2017") are listed apart as
    background, those that begin well after its last report (an election "in 2028") as
    later, and a range running past the axis ("a ban until 2028") is drawn to its edge
    and marked, so three days are never squeezed into a sliver of a decade."""
    dated: list[tuple[date, date, TimelineEvent]] = []
    skipped = 0
    for e in events:
        start, end = _day(e.start), _day(e.end)
        if start is None:
            skipped += 1
            continue
        dated.append((start, max(end or start, start), e))
    chart = Timeline(skipped=skipped)
    if not dated:
        return chart
    dated.sort(key=lambda t: (t[0], t[1]))
    first = _day(span.start) if span is not None else None
    if first is not None:
        cutoff = date.fromordinal(first.toordinal() - BACKGROUND_DAYS)
        drawn = [d for d in dated if d[1] >= cutoff]
        if drawn:
            chart.background = [_row(s, e, ev, 0.0, 0.0, 0.0) for s, e, ev in dated if e < cutoff]
            dated = drawn
    last = (_day(span.end) or first) if span is not None else None
    if last is not None:
        late = date.fromordinal(last.toordinal() + LATER_DAYS)
        kept = [d for d in dated if d[0] <= late]
        if kept:
            chart.later = [_row(s, e, ev, 0.0, 0.0, 0.0) for s, e, ev in dated if s > late]
            dated = kept
    lo, hi = _axis(dated, first, last)
    days = max((hi - lo).days, 1)
    plot = CHART_WIDTH - LABEL_WIDTH - 20
    per_day = plot / (days + 1)

    def x_of(d: date) -> float:
        return LABEL_WIDTH + max(0, (d - lo).days) * per_day

    y = float(TOP)
    for start, end, e in dated:
        visible_start = max(start, lo)
        visible_end = min(end, hi)
        width = max(per_day * ((visible_end - visible_start).days + 1), 6.0)
        row = _row(start, end, e, x_of(visible_start), y, width)
        row.beyond = end > hi
        row.before = start < lo
        row.lines = _wrapped(("(related) " if e.related else "") + e.description)
        row.height = ROW_HEIGHT + LINE_HEIGHT * (len(row.lines) - 1)
        chart.rows.append(row)
        y += row.height
    n_ticks = min(days + 1, 6)
    for k in range(n_ticks):
        offset = round(k * days / max(n_ticks - 1, 1))
        d = date.fromordinal(lo.toordinal() + offset)
        x = x_of(d) + per_day / 2  # a day is a cell of the axis: its tick in the middle
        anchor = "end" if x + TICK_HALF_WIDTH > CHART_WIDTH else "middle"
        chart.ticks.append(Tick(round(x, 1), d.isoformat(), anchor))
    chart.height = int(y) + 10
    return chart


def _axis(
    dated: Sequence[tuple[date, date, TimelineEvent]], first: date | None, last: date | None
) -> tuple[date, date]:
    """First and last day of the axis: the story's own events (those that start and end
    within a month of its reports) and the days of its reports; a range reaching further
    either way ("since 2017", "until 2028") is cut at the axis, not allowed to stretch it."""
    if first is None:
        return min(s for s, _, _ in dated), max(e for _, e, _ in dated)
    last = last or first
    early = date.fromordinal(first.toordinal() - BACKGROUND_DAYS)
    late = date.fromordinal(last.toordinal() + LATER_DAYS)
    own = [(s, e) for s, e, _ in dated if s >= early and e <= late]
    lo = min([first, *(s for s, _ in own)])
    hi = max([last, *(e for _, e in own)])
    return lo, hi


def _row(start: date, end: date, e: TimelineEvent, x: float, y: float, width: float) -> TimelineRow:
    label = ("(related) " if e.related else "") + e.description
    return TimelineRow(
        x=round(x, 1),
        y=y,
        width=round(width, 1),
        label=_short(label),
        description=e.description,
        start=start.isoformat(),
        end=end.isoformat(),
        when=_when(start, end, e.precision),
        precision=e.precision,
        kind=e.kind,
        related=e.related,
        n_mentions=len(e.mentions),
        outlets=list(e.outlets),
    )


# --------------------------------------------------------------------------- coverage bars

COVERAGE_BAR_WIDTH = 420  # the longest bar: every claim of the story
COVERAGE_LABEL_WIDTH = 180
COVERAGE_ROW = 22
COVERAGE_ORDER = ("states", "differs", "contradicts", "omits")


@dataclass(slots=True)
class BarPart:
    state: str  # a cell state: states, differs, contradicts, omits
    n: int
    x: float
    width: float


@dataclass(slots=True)
class CoverageBar:
    outlet: str
    label: str
    y: float
    parts: list[BarPart]
    carried: int  # claims it states, in its own words or with other details
    left_out: int
    contradicts: int
    total: int  # claims the outlet could have told (not those first told after its pages)


@dataclass(slots=True)
class CoverageBars:
    width: int = COVERAGE_LABEL_WIDTH + COVERAGE_BAR_WIDTH + 150
    height: int = 0
    bars: list[CoverageBar] = field(default_factory=list)


def coverage_bars(facts: Sequence[FactRow], outlets: Sequence[str]) -> CoverageBars:
    """Per outlet, the story's claims it carries, contradicts and leaves out, as one
    stacked bar each (the coverage matrix summed by column), most carried first."""
    chart = CoverageBars()
    if not facts:
        return chart
    counts = {o: dict.fromkeys(COVERAGE_ORDER, 0) for o in outlets}
    for fact in facts:
        for cell in fact.cells:
            # a page out before anyone told the claim neither carries nor leaves it out
            if cell.outlet in counts and not (cell.note or "").startswith(PREDATES):
                counts[cell.outlet][cell.state] += 1
    total = len(facts)
    per_claim = COVERAGE_BAR_WIDTH / total
    ranked = sorted(counts, key=lambda o: (-(counts[o]["states"] + counts[o]["differs"]), o))
    for i, outlet in enumerate(ranked):
        c, x, parts = counts[outlet], float(COVERAGE_LABEL_WIDTH), []
        for state in COVERAGE_ORDER:
            if c[state]:
                parts.append(BarPart(state, c[state], round(x, 1), round(c[state] * per_claim, 1)))
                x += c[state] * per_claim
        chart.bars.append(
            CoverageBar(
                outlet,
                _short(outlet, 26),
                8 + i * COVERAGE_ROW,
                parts,
                c["states"] + c["differs"],
                c["omits"],
                c["contradicts"],
                sum(c.values()),  # the claims it could have told: those after its pages
            )
        )
    chart.height = 8 + len(ranked) * COVERAGE_ROW + 6
    return chart


@dataclass(slots=True)
class Node:
    id: str
    label: str
    x: float
    y: float
    agency: bool = False
    name: str = ""  # the whole name (``label`` may be shortened)
    label_x: float = 0.0  # the label sits outside the circle, away from its centre
    label_y: float = 0.0
    anchor: str = "middle"


@dataclass(slots=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str
    score: float
    directed: bool
    source: str
    target: str


@dataclass(slots=True)
class ReuseGraph:
    width: int = 520
    height: int = 0
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


NODE_RADIUS = 16
NODE_LABEL_CHARS = 26
CHAR_WIDTH = 6.6  # an average letter of the 12 px labels
LABEL_GAP = 6
MAX_RADIUS = 400.0


def _ring_radius(n: int, label_width: float) -> float:
    """A circle wide enough that neighbouring nodes' labels cannot meet: the chord
    between two neighbours is at least a label's width (plus a margin)."""
    if n < 2:
        return 0.0
    needed = (label_width + 8) / (2 * math.sin(math.pi / n))
    return min(max(110.0, needed), MAX_RADIUS)


def _place_label(node: Node, angle: float, alone: bool) -> None:
    """The label outside the circle: to the right of a node on the right, the left of
    one on the left, above the top one and below the bottom one."""
    dx, dy = (0.0, 1.0) if alone else (math.cos(angle), math.sin(angle))
    reach = NODE_RADIUS + LABEL_GAP
    if abs(dx) > 0.3:  # beside the node, and as far out vertically as the node is
        node.anchor = "start" if dx > 0 else "end"
        node.label_x, node.label_y = node.x + dx * reach, node.y + dy * reach + 4
    elif dy > 0:
        node.label_x, node.label_y = node.x, node.y + reach + 10
    else:
        node.label_x, node.label_y = node.x, node.y - reach
    node.label_x, node.label_y = round(node.label_x, 1), round(node.label_y, 1)


def _direction(pair: ReuseLink) -> tuple[str, str, bool]:
    """Who copied whom: from the origin to the copier when the origin is one of the two."""
    a, b, origin = pair.a, pair.b, pair.origin
    if origin == b:
        return b, a, True
    if origin == a:
        return a, b, True
    return a, b, False


def reuse_graph(articles: Sequence[ArticleRef], pairs: Sequence[ReuseLink]) -> ReuseGraph:
    """Articles on a circle; an arrow from the original to the copy, a line when unknown.

    Agencies named as origin (e.g. "Reuters") become extra nodes pointing at both
    articles that carry their copy; "independent" pairs are not drawn.
    """
    graph = ReuseGraph()
    shown = [p for p in pairs if p.kind != "independent"]
    ids = [a.id for a in articles if a.current]
    labels = {a.id: a.outlet or "?" for a in articles}
    agencies = sorted({str(p.origin) for p in shown if p.origin and p.origin not in labels})
    names = ids + [f"agency:{g}" for g in agencies]
    if not names:
        return graph
    full = {n: n.split(":", 1)[1] if n.startswith("agency:") else labels[n] for n in names}
    label_width = CHAR_WIDTH * max(min(len(v), NODE_LABEL_CHARS) for v in full.values())
    radius = _ring_radius(len(names), label_width)
    margin = NODE_RADIUS + LABEL_GAP + label_width + 10
    graph.width = max(graph.width, int(2 * (radius + margin)))
    cx, cy = graph.width / 2, radius + NODE_RADIUS + LABEL_GAP + 20
    pos: dict[str, tuple[float, float]] = {}
    for i, name in enumerate(names):
        angle = -math.pi / 2 + 2 * math.pi * i / len(names)
        x, y = round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1)
        pos[name] = (x, y)
        node = Node(name, _short(full[name], NODE_LABEL_CHARS), x, y, name.startswith("agency:"))
        node.name = full[name]
        _place_label(node, angle, len(names) == 1)
        graph.nodes.append(node)

    def add(src: str, dst: str, pair: ReuseLink, directed: bool) -> None:
        if src not in pos or dst not in pos or src == dst:
            return
        (x1, y1), (x2, y2) = pos[src], pos[dst]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        pad = NODE_RADIUS + 3
        graph.edges.append(
            Edge(
                round(x1 + ux * pad, 1),
                round(y1 + uy * pad, 1),
                round(x2 - ux * pad, 1),
                round(y2 - uy * pad, 1),
                pair.kind,
                float(pair.score),
                directed,
                src,
                dst,
            )
        )

    for p in shown:
        origin = p.origin
        if origin and origin not in labels:
            add(f"agency:{origin}", p.a, p, True)
            add(f"agency:{origin}", p.b, p, True)
        else:
            src, dst, directed = _direction(p)
            add(src, dst, p, directed)
    graph.height = int(cy + radius + NODE_RADIUS + LABEL_GAP + 20)
    return graph


# --------------------------------------------------------------------------- a figure's history


@dataclass(frozen=True, slots=True)
class FigureChartOptions:
    """The figure-history chart's size in pixels: a page that shows it larger (a wide
    screen, a print) or smaller (a sidebar) passes its own."""

    width: int = 420
    height: int = 120
    margin: int = 28  # room for the point labels on every side


def _step_day(published: str | None) -> str | None:
    """ "Mon 8 May": the day a reader places a report by, from its publication time."""
    day = _day(published)
    return f"{day:%a} {day.day} {day:%b}" if day else None


def figure_chain(steps: Sequence[Step]) -> str:
    """A figure's history as a fact-checker would state it, oldest first, each with whom
    it is credited to (else the outlets printing it) and when: "12 (police, Mon 8 May) →
    19 (hospital officials, Tue 9 May) → 17, revised (coroner, Wed 10 May)"."""
    parts = []
    for n, s in enumerate(steps):
        shown_cue = s.cue if s.cue and s.cue != "from" and n else None  # "from": the old one
        label = s.value + (f", {shown_cue}" if shown_cue else "")
        who = s.source or ", ".join(s.outlets)
        day = _step_day(s.published)
        parts.append(f"{label} ({who}{', ' + day if day else ''})")
    return " → ".join(parts)


@dataclass(slots=True)
class FigurePoint:
    x: float
    y: float
    label: str  # the figure as printed
    who: str  # its source, else its outlets
    when: str  # "Mon 8 May", or "" when undated
    anchor: str = "middle"  # its label's text-anchor: kept inside the chart at the edges


@dataclass(slots=True)
class FigureSeries:
    who: str
    points: list[FigurePoint]
    path: str  # an SVG polyline's points


@dataclass(slots=True)
class FigureChart:
    width: int
    height: int
    series: list[FigureSeries]
    top: str  # the largest figure, for the axis
    bottom: str


def figure_chart(
    steps: Sequence[Step], options: FigureChartOptions | None = None
) -> FigureChart | None:
    """Geometry for a small chart of the figure over time, one line per source: the
    picture a reader takes in before the chain. Steps without a number or a date are left
    to the chain; a chart needs two points."""
    points = [(s, _number(s.value), _day(s.published)) for s in steps]
    dated = [(s, v, d) for s, v, d in points if v is not None and d is not None]
    if len(dated) < 2:
        return None
    size = options or FigureChartOptions()
    values = [v for _, v, _ in dated]
    days = [d for _, _, d in dated]
    lo, hi = min(values), max(values)
    first, last = min(days), max(days)
    span_days = max((last - first).days, 1)
    inner_w = size.width - 2 * size.margin
    inner_h = size.height - 2 * size.margin
    by_who: dict[str, list[FigurePoint]] = {}
    for n, (s, v, d) in enumerate(dated):
        x = size.margin + inner_w * (
            (d - first).days / span_days if last != first else n / (len(dated) - 1)
        )
        y = size.margin + inner_h * (1 - ((v - lo) / (hi - lo) if hi != lo else 0.5))
        who = s.source or ", ".join(s.outlets)
        edge = inner_w / 6  # a label centred this near an edge would be cut off
        anchor = "start" if x < size.margin + edge else "middle"
        anchor = "end" if x > size.margin + inner_w - edge else anchor
        by_who.setdefault(who, []).append(
            FigurePoint(
                round(x, 1), round(y, 1), s.value, who, _step_day(s.published) or "", anchor
            )
        )
    series = [
        FigureSeries(who, pts, " ".join(f"{p.x},{p.y}" for p in pts)) for who, pts in by_who.items()
    ]
    return FigureChart(size.width, size.height, series, f"{hi:g}", f"{lo:g}")


_FIGURE = re.compile(r"\d[\d,. ]*\d|\d")


def _number(value: str) -> float | None:
    """The figure of a step as printed ("at least 1,150 people", "2.310"): digits only;
    a figure in words is left to the chain."""
    match = _FIGURE.search(value)
    if match is None:
        return None
    digits = re.sub(r"[,. ]", "", match.group())
    return float(digits) if digits.isdigit() else None
