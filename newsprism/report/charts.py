"""Geometry for the two inline SVG charts: the timeline and the reuse graph.

Positions are computed in Python so the SVG templates only place shapes; no
charting library, no script, and the charts print as they look on screen.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

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
    skipped: int = 0  # events whose dates could not be read


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def timeline_chart(events: Sequence[Mapping[str, Any]]) -> Timeline:
    """One row per event, a bar from start to end on a shared day axis."""
    dated = []
    skipped = 0
    for e in events:
        start, end = _day(e.get("start")), _day(e.get("end"))
        if start is None:
            skipped += 1
            continue
        dated.append((start, max(end or start, start), e))
    chart = Timeline(skipped=skipped)
    if not dated:
        return chart
    dated.sort(key=lambda t: (t[0], t[1]))
    lo = min(s for s, _, _ in dated)
    hi = max(e for _, e, _ in dated)
    days = max((hi - lo).days, 1)
    plot = CHART_WIDTH - LABEL_WIDTH - 20
    per_day = plot / (days + 1)

    def x_of(d: date) -> float:
        return LABEL_WIDTH + (d - lo).days * per_day

    for i, (start, end, e) in enumerate(dated):
        mentions = e.get("mentions", [])
        chart.rows.append(
            TimelineRow(
                x=round(x_of(start), 1),
                y=TOP + i * ROW_HEIGHT,
                width=round(max(per_day * ((end - start).days + 1), 6.0), 1),
                label=_short(str(e.get("description", ""))),
                description=str(e.get("description", "")),
                start=start.isoformat(),
                end=end.isoformat(),
                n_mentions=len(mentions),
                outlets=sorted({str(m.get("outlet")) for m in mentions if m.get("outlet")}),
            )
        )
    n_ticks = min(days + 1, 6)
    for k in range(n_ticks):
        offset = round(k * days / max(n_ticks - 1, 1))
        d = date.fromordinal(lo.toordinal() + offset)
        chart.ticks.append(Tick(round(x_of(d), 1), d.isoformat()))
    chart.height = TOP + len(dated) * ROW_HEIGHT + 10
    return chart


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


def _direction(pair: Mapping[str, Any]) -> tuple[str, str, bool]:
    """Who copied whom: from the origin to the copier when the origin is one of the two."""
    a, b, origin = pair["a"], pair["b"], pair.get("origin")
    if origin == b:
        return b, a, True
    if origin == a:
        return a, b, True
    return a, b, False


def reuse_graph(
    articles: Sequence[Mapping[str, Any]], pairs: Sequence[Mapping[str, Any]]
) -> ReuseGraph:
    """Articles on a circle; an arrow from the original to the copy, a line when unknown.

    Agencies named as origin (e.g. "Reuters") become extra nodes pointing at both
    articles that carry their copy; "independent" pairs are not drawn.
    """
    graph = ReuseGraph()
    shown = [p for p in pairs if p.get("kind") != "independent"]
    ids = [a["id"] for a in articles]
    labels = {a["id"]: f"{a.get('outlet') or '?'}" for a in articles}
    agencies = sorted(
        {str(p["origin"]) for p in shown if p.get("origin") and p["origin"] not in labels}
    )
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

    def add(src: str, dst: str, pair: Mapping[str, Any], directed: bool) -> None:
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
                str(pair.get("kind")),
                float(pair.get("score", 0.0)),
                directed,
                src,
                dst,
            )
        )

    for p in shown:
        origin = p.get("origin")
        if origin and origin not in labels:
            add(f"agency:{origin}", p["a"], p, True)
            add(f"agency:{origin}", p["b"], p, True)
        else:
            src, dst, directed = _direction(p)
            add(src, dst, p, directed)
    graph.height = int(cy + radius + 40)
    return graph
