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

from newsprism.compare.records import ArticleRef, ReuseLink, Step, StorySpan, TimelineEvent

CHART_WIDTH = 760
LABEL_WIDTH = 250
ROW_HEIGHT = 24
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


@dataclass(slots=True)
class Tick:
    x: float
    label: str


@dataclass(slots=True)
class Timeline:
    width: int = CHART_WIDTH
    height: int = 0
    rows: list[TimelineRow] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    background: list[TimelineRow] = field(default_factory=list)  # earlier, listed not drawn
    skipped: int = 0  # events whose dates could not be read


BACKGROUND_DAYS = 31  # an event ending this long before the story's first report is background


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _when(start: date, end: date, precision: str) -> str:
    if precision == "approximate":
        return f"about {start.isoformat()[:7]}"
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"


def timeline_chart(events: Sequence[TimelineEvent], span: StorySpan | None = None) -> Timeline:
    """One row per event, a bar from start to end on a day axis that covers the story.

    Events that ended well before the story's first report (the war that began months
    earlier, a year cited as background) are listed apart, so the story's own days are
    not squeezed into a sliver of a decade-long axis."""
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
    lo = min(s for s, _, _ in dated)
    if first is not None:  # a long range reaching into the story is drawn from the cutoff
        lo = max(lo, date.fromordinal(first.toordinal() - BACKGROUND_DAYS))
    hi = max(e for _, e, _ in dated)
    days = max((hi - lo).days, 1)
    plot = CHART_WIDTH - LABEL_WIDTH - 20
    per_day = plot / (days + 1)

    def x_of(d: date) -> float:
        return LABEL_WIDTH + max(0, (d - lo).days) * per_day

    for i, (start, end, e) in enumerate(dated):
        visible_start = max(start, lo)
        width = max(per_day * ((end - visible_start).days + 1), 6.0)
        chart.rows.append(_row(start, end, e, x_of(visible_start), TOP + i * ROW_HEIGHT, width))
    n_ticks = min(days + 1, 6)
    for k in range(n_ticks):
        offset = round(k * days / max(n_ticks - 1, 1))
        d = date.fromordinal(lo.toordinal() + offset)
        chart.ticks.append(Tick(round(x_of(d), 1), d.isoformat()))
    chart.height = TOP + len(dated) * ROW_HEIGHT + 10
    return chart


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


@dataclass(slots=True)
class Node:
    id: str
    label: str
    x: float
    y: float
    agency: bool = False


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
    cx, cy = graph.width / 2, 150.0
    radius = 110.0 if len(names) > 1 else 0.0
    pos: dict[str, tuple[float, float]] = {}
    for i, name in enumerate(names):
        angle = -math.pi / 2 + 2 * math.pi * i / len(names)
        x, y = round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1)
        pos[name] = (x, y)
        agency = name.startswith("agency:")
        label = name.split(":", 1)[1] if agency else labels[name]
        graph.nodes.append(Node(name, label, x, y, agency))

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
    graph.height = int(cy + radius + 40)
    return graph


# --------------------------------------------------------------------------- a figure's history

FIGURE_CHART_WIDTH = 420
FIGURE_CHART_HEIGHT = 120
FIGURE_MARGIN = 28


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


def figure_chart(steps: Sequence[Step]) -> FigureChart | None:
    """Geometry for a small chart of the figure over time, one line per source: the
    picture a reader takes in before the chain. Steps without a number or a date are left
    to the chain; a chart needs two points."""
    points = [(s, _number(s.value), _day(s.published)) for s in steps]
    dated = [(s, v, d) for s, v, d in points if v is not None and d is not None]
    if len(dated) < 2:
        return None
    values = [v for _, v, _ in dated]
    days = [d for _, _, d in dated]
    lo, hi = min(values), max(values)
    first, last = min(days), max(days)
    span_days = max((last - first).days, 1)
    inner_w = FIGURE_CHART_WIDTH - 2 * FIGURE_MARGIN
    inner_h = FIGURE_CHART_HEIGHT - 2 * FIGURE_MARGIN
    by_who: dict[str, list[FigurePoint]] = {}
    for n, (s, v, d) in enumerate(dated):
        x = FIGURE_MARGIN + inner_w * (
            (d - first).days / span_days if last != first else n / (len(dated) - 1)
        )
        y = FIGURE_MARGIN + inner_h * (1 - ((v - lo) / (hi - lo) if hi != lo else 0.5))
        who = s.source or ", ".join(s.outlets)
        edge = inner_w / 6  # a label centred this near an edge would be cut off
        anchor = "start" if x < FIGURE_MARGIN + edge else "middle"
        anchor = "end" if x > FIGURE_MARGIN + inner_w - edge else anchor
        by_who.setdefault(who, []).append(
            FigurePoint(
                round(x, 1), round(y, 1), s.value, who, _step_day(s.published) or "", anchor
            )
        )
    series = [
        FigureSeries(who, pts, " ".join(f"{p.x},{p.y}" for p in pts)) for who, pts in by_who.items()
    ]
    return FigureChart(FIGURE_CHART_WIDTH, FIGURE_CHART_HEIGHT, series, f"{hi:g}", f"{lo:g}")


_FIGURE = re.compile(r"\d[\d,. ]*\d|\d")


def _number(value: str) -> float | None:
    """The figure of a step as printed ("at least 1,037 people", "2.012"): digits only;
    a figure in words is left to the chain."""
    match = _FIGURE.search(value)
    if match is None:
        return None
    digits = re.sub(r"[,. ]", "", match.group())
    return float(digits) if digits.isdigit() else None
