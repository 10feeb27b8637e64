"""Turn one story report (the JSON contract) plus its articles into what templates show.

Templates stay dumb: every table, grid and chart is computed here, in typed
records, so the HTML report, the web app and the tests all see the same numbers.
The report dict is trusted for structure (it validated against the schema) but
not for content: every string in it may be hostile and is escaped at render time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsprism.model import Annotations, Article, Entity, RemovedLine, Span
from newsprism.report.charts import ReuseGraph, Timeline, reuse_graph, timeline_chart
from newsprism.report.highlight import Mark, Paragraph, annotation_marks, highlight, in_context

UNKNOWN_OUTLET = "(unknown outlet)"


@dataclass(slots=True)
class Evidence:
    """One cited piece of text, with the sentence around it when the article is at hand."""

    article: str
    outlet: str
    span: Span
    text: str
    before: str = ""
    hit: str = ""
    after: str = ""
    value: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Cell:
    outlet: str
    state: str  # "states", "omits", "contradicts", "absent"
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def symbol(self) -> str:
        return {"states": "✓", "omits": "○", "contradicts": "✗"}.get(self.state, "·")


@dataclass(slots=True)
class MatrixRow:
    fact_id: str
    text: str
    independent_support: int
    cells: list[Cell]


@dataclass(slots=True)
class ConflictView:
    id: str
    slot: str
    kind: str
    grade: str
    explanation: str
    caveat: str | None
    confidence: float | None
    values: list[Evidence]


@dataclass(slots=True)
class DiffOp:
    op: str  # "same", "added", "removed"
    text: str


@dataclass(slots=True)
class QuoteVariant:
    evidence: Evidence
    kind: str
    speaker_as_written: str | None
    diff: list[DiffOp]


@dataclass(slots=True)
class QuoteView:
    id: str
    speaker: str | None
    text: str
    variants: list[QuoteVariant]


@dataclass(slots=True)
class FramingRow:
    entity: str
    name: str
    cells: list[list[Evidence]]  # one list of labels per outlet, in matrix order


@dataclass(slots=True)
class EntityView:
    id: str
    name: str
    label: str
    variants: list[tuple[str, list[str], int]]  # spelling, outlets, count


@dataclass(slots=True)
class DigestItem:
    text: str
    article: str
    outlet: str
    support: int
    outlets: list[str]


@dataclass(slots=True)
class ArticleView:
    """An article as shown: highlighted paragraphs plus what cleaning removed and why."""

    id: str
    title: str | None
    outlet: str
    url: str | None
    published: str | None
    byline: str | None
    dateline: str | None
    wire: list[str]
    wire_evidence: list[str]
    copy_of: str | None
    paragraphs: list[Paragraph]
    removed: list[RemovedLine]
    counts: dict[str, int]
    story: str | None = None

    @property
    def safe_url(self) -> str | None:
        """Only web links become hrefs: a ``javascript:`` URL from a page must stay text."""
        if self.url and self.url.lower().startswith(("http://", "https://")):
            return self.url
        return None


@dataclass(slots=True)
class StoryView:
    id: str
    title: str
    start: str | None
    end: str | None
    outlets: list[str]
    articles: list[dict[str, Any]]
    matrix: list[MatrixRow]
    conflicts: list[ConflictView]
    quotes: list[QuoteView]
    framing: list[FramingRow]
    entities: list[EntityView]
    timeline: Timeline
    reuse: ReuseGraph
    reuse_rows: list[dict[str, Any]]
    digest: list[DigestItem]
    related: list[dict[str, Any]]
    article_views: list[ArticleView] = field(default_factory=list)

    @property
    def n_conflicts(self) -> int:
        return sum(1 for c in self.conflicts if c.grade != "agree")


def _outlet_map(report: Mapping[str, Any]) -> dict[str, str]:
    return {a["id"]: a.get("outlet") or UNKNOWN_OUTLET for a in report.get("articles", [])}


def story_outlets(report: Mapping[str, Any]) -> list[str]:
    return sorted(set(_outlet_map(report).values()))


def count_conflicts(report: Mapping[str, Any]) -> int:
    """Conflicts worth a reader's attention: an "agree" grade is a check that passed."""
    return sum(1 for c in report.get("conflicts", []) if c.get("grade") != "agree")


class _Cite:
    """Builds Evidence records, looking up outlets and sentence context once per story."""

    def __init__(self, report: Mapping[str, Any], articles: Mapping[str, Article]) -> None:
        self.outlets = _outlet_map(report)
        self.articles = articles

    def outlet(self, item: Mapping[str, Any]) -> str:
        return item.get("outlet") or self.outlets.get(item.get("article", ""), UNKNOWN_OUTLET)

    def __call__(self, item: Mapping[str, Any], value: str = "") -> Evidence:
        span = (int(item["span"][0]), int(item["span"][1]))
        ev = Evidence(item["article"], self.outlet(item), span, str(item.get("text", "")))
        ev.value = value
        art = self.articles.get(ev.article)
        sentence = item.get("sentence")
        if art is not None and sentence:
            ev.before, ev.hit, ev.after = in_context(art.text, span, (sentence[0], sentence[1]))
        if not ev.hit:
            ev.hit = ev.text
        return ev


def _matrix(report: Mapping[str, Any], outlets: list[str], cite: _Cite) -> list[MatrixRow]:
    contradicting: dict[str, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    for c in report.get("conflicts", []):
        if c.get("fact") and c.get("grade") == "contradict":
            for v in c["values"]:
                ev = cite(v, str(v.get("value_text") or v.get("value")))
                contradicting[c["fact"]][ev.outlet].append(ev)
    rows: list[MatrixRow] = []
    for fact in report.get("facts", []):
        by_outlet: dict[str, list[Evidence]] = defaultdict(list)
        for s in fact.get("support", []):
            ev = cite(s)
            by_outlet[ev.outlet].append(ev)
        states = set(fact.get("outlets", []))
        omits = set(fact.get("omitted_by", []))
        contra = set(fact.get("contradicted_by", []) or [])
        cells: list[Cell] = []
        for outlet in outlets:
            if outlet in contra:
                state = "contradicts"
                evidence = contradicting[fact["id"]].get(outlet, []) or by_outlet.get(outlet, [])
            elif outlet in states or outlet in by_outlet:
                state, evidence = "states", by_outlet.get(outlet, [])
            elif outlet in omits:
                state, evidence = "omits", []
            else:
                state, evidence = "absent", []
            cells.append(Cell(outlet, state, evidence))
        rows.append(
            MatrixRow(fact["id"], fact["text"], int(fact.get("independent_support", 0)), cells)
        )
    return rows


def _conflicts(report: Mapping[str, Any], cite: _Cite) -> list[ConflictView]:
    out: list[ConflictView] = []
    for c in report.get("conflicts", []):
        values = [cite(v, str(v.get("value_text") or v.get("value"))) for v in c["values"]]
        out.append(
            ConflictView(
                id=c["id"],
                slot=c["slot"],
                kind=c.get("kind", "other"),
                grade=c["grade"],
                explanation=c.get("explanation", ""),
                caveat=c.get("caveat"),
                confidence=c.get("confidence"),
                values=values,
            )
        )
    order = {"contradict": 0, "uncertain": 1, "precision": 2, "agree": 3}
    return sorted(out, key=lambda c: order.get(c.grade, 9))


def _quotes(report: Mapping[str, Any], cite: _Cite) -> list[QuoteView]:
    out: list[QuoteView] = []
    for q in report.get("quotes", []):
        variants = [
            QuoteVariant(
                cite(v),
                v.get("kind", "direct"),
                v.get("speaker_as_written"),
                [DiffOp(d["op"], d["text"]) for d in v.get("diff", [])],
            )
            for v in q.get("variants", [])
        ]
        out.append(QuoteView(q["id"], q.get("speaker"), q["text"], variants))
    return out


def _framing(report: Mapping[str, Any], outlets: list[str], cite: _Cite) -> list[FramingRow]:
    rows: list[FramingRow] = []
    for f in report.get("framing", []):
        by_outlet: dict[str, list[Evidence]] = defaultdict(list)
        for label in f.get("labels", []):
            ev = cite(label, label["label"])
            ev.extra = {"voice": label.get("voice", "own"), "source": label.get("source")}
            by_outlet[ev.outlet].append(ev)
        rows.append(FramingRow(f["entity"], f["name"], [by_outlet.get(o, []) for o in outlets]))
    return rows


def _entities(report: Mapping[str, Any], outlet_of: Mapping[str, str]) -> list[EntityView]:
    out: list[EntityView] = []
    for e in report.get("entities", []):
        variants = [
            (
                v["text"],
                sorted({outlet_of.get(a, UNKNOWN_OUTLET) for a in v.get("articles", [])}),
                int(v.get("count", len(v.get("articles", [])))),
            )
            for v in e.get("variants", [])
        ]
        out.append(EntityView(e["id"], e["name"], e["label"], variants))
    return out


def _reuse_row(pair: Mapping[str, Any], outlet_of: Mapping[str, str]) -> dict[str, Any]:
    origin = pair.get("origin")
    return {
        **pair,
        "a_outlet": outlet_of.get(pair["a"], pair["a"]),
        "b_outlet": outlet_of.get(pair["b"], pair["b"]),
        "origin_label": outlet_of.get(origin, origin) if origin else None,
    }


def article_view(
    article: Article,
    annotations: Annotations | None,
    entities: dict[str, Entity] | None = None,
    *,
    copy_of: str | None = None,
    story: str | None = None,
    focus: Span | None = None,
) -> ArticleView:
    marks = annotation_marks(annotations, entities)
    if focus is not None:
        marks.append(Mark(focus, "focus", "cited passage"))
    counts = {
        "names": len(annotations.mentions) if annotations else 0,
        "quotes": len(annotations.quotes) if annotations else 0,
        "numbers": len(annotations.quantities) if annotations else 0,
        "dates": len(annotations.times) if annotations else 0,
    }
    return ArticleView(
        id=article.id,
        title=article.title,
        outlet=article.display_outlet,
        url=article.url,
        published=article.published.isoformat() if article.published else None,
        byline=article.byline,
        dateline=article.dateline.text if article.dateline else None,
        wire=list(article.wire),
        wire_evidence=list(article.wire_evidence),
        copy_of=copy_of,
        paragraphs=highlight(article.text, marks),
        removed=list(article.removed),
        counts=counts,
        story=story,
    )


def story_view(
    report: Mapping[str, Any],
    articles: Sequence[Article] = (),
    annotations: Mapping[str, Annotations] | None = None,
    entities: dict[str, Entity] | None = None,
    *,
    with_articles: bool = True,
) -> StoryView:
    """Everything a story page shows, computed once from the report and its articles."""
    by_id = {a.id: a for a in articles}
    annotations = annotations or {}
    cite = _Cite(report, by_id)
    outlets = story_outlets(report)
    span = report.get("span") or {}
    copy_of = {a["id"]: a.get("copy_of") for a in report.get("articles", [])}
    view = StoryView(
        id=report["id"],
        title=report["title"],
        start=span.get("start"),
        end=span.get("end"),
        outlets=outlets,
        articles=list(report.get("articles", [])),
        matrix=_matrix(report, outlets, cite),
        conflicts=_conflicts(report, cite),
        quotes=_quotes(report, cite),
        framing=_framing(report, outlets, cite),
        entities=_entities(report, cite.outlets),
        timeline=timeline_chart(report.get("timeline", [])),
        reuse=reuse_graph(report.get("articles", []), report.get("reuse", [])),
        reuse_rows=[_reuse_row(r, cite.outlets) for r in report.get("reuse", [])],
        digest=[
            DigestItem(
                d["text"], d["article"], cite.outlet(d), int(d["support"]), list(d["outlets"])
            )
            for d in report.get("digest", [])
        ],
        related=list(report.get("related", [])),
    )
    if with_articles:
        for a in report.get("articles", []):
            art = by_id.get(a["id"])
            if art is not None:
                view.article_views.append(
                    article_view(
                        art,
                        annotations.get(art.id),
                        entities,
                        copy_of=copy_of.get(art.id),
                        story=view.id,
                    )
                )
    return view
