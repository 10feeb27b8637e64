"""Turn one story's comparison (typed records) plus its articles into what templates show.

Templates stay dumb: every table, grid and chart is computed here, so the HTML
report, the web app, the Markdown notes and the tests all see the same numbers.
The comparison is trusted for structure (it is typed) but not for content: every
string in it may be hostile and is escaped at render time.

The page reads in the order a fact-checker needs: what differs (contradictions,
figures that changed, compatible differences, claims only one outlet carries, who
copied whom), then the matrix of claims, quotes, names, framing, timeline, texts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newsprism.compare.records import (
    PREDATES,
    UNCONFIRMED,
    ArticleRef,
    Cite,
    DiffOp,
    Figure,
    Finding,
    Gloss,
    RelatedStory,
    ReuseLink,
    Step,
    StoryComparison,
    Toll,
)
from newsprism.compare.records import DigestItem as DigestRecord
from newsprism.lexicon import OUTCOME_READINGS
from newsprism.model import Annotations, Article, Entity, RemovedLine, Span
from newsprism.report.charts import (
    CoverageBars,
    ReuseGraph,
    Timeline,
    coverage_bars,
    reuse_graph,
    timeline_chart,
)
from newsprism.report.highlight import Mark, Paragraph, annotation_marks, highlight, in_context

GRADE_WORDS = {
    "contradict": "contradiction",
    "update": "figure changed",
    "differs": "differs",
    "agree": "agrees",
}
STATE_SYMBOLS = {
    "states": "✓",
    "differs": "≈",
    "contradicts": "✗",
    "omits": "○",
    "unclear": "?",
    "predates": "–",
}


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
    gloss: str | None = None  # English machine translation of the sentence, when one exists
    language: str | None = None  # the article's, when the article is at hand


@dataclass(slots=True)
class Cell:
    outlet: str
    state: str  # "states", "differs", "contradicts", "omits"
    evidence: list[Evidence] = field(default_factory=list)
    note: str | None = None
    copy_of: str | None = None

    @property
    def label(self) -> str:
        """What the cell says to a reader: an "omits" over a sentence that reads close
        but whose words could not confirm the claim is "unclear", never a plain omission."""
        if self.state == "omits" and (self.note or "").startswith(UNCONFIRMED):
            return "unclear"
        if self.state == "omits" and (self.note or "").startswith(PREDATES):
            return "predates"  # the outlet's pages came out before anyone told the claim
        return self.state

    @property
    def symbol(self) -> str:
        return STATE_SYMBOLS.get(self.label, "·")


@dataclass(slots=True)
class MatrixRow:
    fact_id: str
    text: str
    independent_support: int
    origins: list[str]
    cells: list[Cell]
    findings: list[str]
    gloss: str | None = None  # English machine translation of a claim in another language

    @property
    def carried(self) -> int:
        return sum(1 for c in self.cells if c.state != "omits")


@dataclass(slots=True)
class FindingView:
    id: str
    kind: str
    slot: str
    grade: str
    explanation: str
    caveat: str | None
    confidence: float
    values: list[Evidence]
    development: list[Step]
    figure: str | None

    @property
    def grade_words(self) -> str:
        return GRADE_WORDS.get(self.grade, self.grade)


@dataclass(slots=True)
class FigureView:
    id: str
    label: str
    figure: str | None
    outlets: list[str]
    values: list[Evidence]
    development: list[Step]
    finding: str | None


@dataclass(slots=True)
class TollView:
    outcome: str
    figure: str
    basis: str  # said in words: "3 of 4 outlets lead with it"
    values: list[Evidence]
    finding: str | None
    set_aside: list[str] = field(default_factory=list)  # "300 (withdrawn: health ministry)"
    reading: str | None = None  # how an ambiguous outcome word is read ("casualties")


_BASIS = {
    "revision": "the latest report revises it",
    "named": "the latest official figure, and no later report gives another",
    "split": "the evidence is split",
    "agreement": "most outlets lead with it",
    "larger": "outlets lead with different figures: the larger",
    "single": "one outlet gives it",
}


@dataclass(slots=True)
class SingleClaim:
    fact_id: str
    outlet: str
    text: str
    evidence: Evidence


@dataclass(slots=True)
class Overview:
    contradictions: list[FindingView]
    updates: list[FindingView]
    differences: list[FindingView]
    single_outlet: list[SingleClaim]
    provenance: list[str]

    @property
    def empty(self) -> bool:
        return not (self.contradictions or self.updates or self.differences or self.single_outlet)


@dataclass(slots=True)
class QuoteVariantView:
    evidence: Evidence
    kind: str
    wording: str
    speaker_as_written: str | None
    diff: list[DiffOp]


@dataclass(slots=True)
class QuoteView:
    id: str
    speaker: str | None
    text: str
    note: str | None
    variants: list[QuoteVariantView]
    paraphrases: list[Evidence]


@dataclass(slots=True)
class NameView:
    name: str
    label: str
    explanation: str
    unexplained: bool
    forms: list[tuple[str, str, list[str]]]  # form, relation, outlets


@dataclass(slots=True)
class FramingRow:
    entity: str
    name: str
    cells: list[list[Evidence]]  # one list of labels per outlet, in matrix order


@dataclass(slots=True)
class DigestItem:
    """A digest line with its net support: the outlets that carry it and do not
    contradict it, less those that contradict it (named, so a reader can check)."""

    text: str
    article: str
    outlet: str
    outlets: list[str]  # carry the claim and do not contradict it
    independent: int  # distinct origins among them
    contradicted_by: list[str] = field(default_factory=list)

    @property
    def net(self) -> int:
        return len(self.outlets) - len(self.contradicted_by)


@dataclass(slots=True)
class ReuseRow:
    a: str
    b: str
    a_outlet: str
    b_outlet: str
    kind: str
    score: float
    origin: str | None
    origin_label: str | None
    origin_reason: str | None


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
    articles: list[ArticleRef]
    overview: Overview
    findings: list[FindingView]
    figures: list[FigureView]
    tolls: list[TollView]
    matrix: list[MatrixRow]
    quotes: list[QuoteView]
    names: list[NameView]
    framing: list[FramingRow]
    timeline: Timeline
    coverage: CoverageBars
    reuse: ReuseGraph
    reuse_rows: list[ReuseRow]
    digest: list[DigestItem]
    related: list[RelatedStory]
    n_conflicts: int
    article_views: list[ArticleView] = field(default_factory=list)
    gloss_note: str | None = None  # why sentences in another language have no gloss


def published_with_zone(article: Article) -> str | None:
    """The publication time as ISO text, with the zone the source wrote when it wrote
    one: ``published`` keeps wall-clock time only, its offset stays in the words it was
    read from ("2024-02-08T14:30:00+01:00")."""
    if article.published is None:
        return None
    try:
        written = datetime.fromisoformat((article.published_text or "").strip())
    except ValueError:
        written = None
    if (
        written is not None
        and written.tzinfo
        and written.replace(tzinfo=None) == (article.published.replace(tzinfo=None))
    ):
        return written.isoformat()
    return article.published.isoformat()


class _Cite:
    """Builds Evidence records with the sentence around the cited words."""

    def __init__(self, articles: Mapping[str, Article], glosses: Sequence[Gloss] = ()) -> None:
        self.articles = articles
        self.glosses: dict[str, list[Gloss]] = defaultdict(list)
        for g in glosses:
            self.glosses[g.article].append(g)

    def gloss(self, article: str, span: Span) -> str | None:
        """The gloss of the sentence that holds ``span``, if the story has one."""
        for g in self.glosses.get(article, ()):
            if g.sentence[0] <= span[0] < g.sentence[1]:
                return g.text
        return None

    def __call__(self, c: Cite, value: str = "") -> Evidence:
        ev = Evidence(c.article, c.outlet, c.span, c.text, value=value)
        ev.gloss = self.gloss(c.article, c.span)
        art = self.articles.get(c.article)
        ev.language = art.language if art is not None else None
        if art is not None and c.sentence and c.sentence != c.span:
            ev.before, ev.hit, ev.after = in_context(art.text, c.span, c.sentence)
        if not ev.hit:
            ev.hit = ev.text
        return ev


def _finding(f: Finding, cite: _Cite) -> FindingView:
    return FindingView(
        f.id,
        f.kind,
        f.slot,
        f.grade,
        f.explanation,
        f.caveat,
        f.confidence,
        [cite(v.cite, v.value) for v in f.values],
        list(f.development),
        f.figure,
    )


def _matrix(report: StoryComparison, cite: _Cite) -> list[MatrixRow]:
    rows = []
    for fact in report.facts:
        cells = [
            Cell(c.outlet, c.state, [cite(e) for e in c.evidence], c.note, c.copy_of)
            for c in fact.cells
        ]
        rows.append(
            MatrixRow(
                fact.id,
                fact.text,
                fact.independent_support,
                list(fact.origins),
                cells,
                list(fact.findings),
                cite.gloss(fact.cite.article, fact.cite.span),
            )
        )
    return rows


def _figures(figures: Sequence[Figure], cite: _Cite) -> list[FigureView]:
    return [
        FigureView(
            g.id,
            g.label,
            g.figure,
            list(g.outlets),
            [cite(v.cite, v.value) for v in g.values],
            list(g.development),
            g.finding,
        )
        for g in figures
    ]


def _tolls(tolls: Sequence[Toll], cite: _Cite) -> list[TollView]:
    out = []
    for t in tolls:
        basis = _BASIS[t.basis]
        if t.basis == "agreement":
            basis = f"{len(t.outlets)} outlets lead with it, from 2+ independent sources"
        out.append(
            TollView(
                t.outcome,
                t.figure,
                basis,
                [cite(v.cite, v.value) for v in t.values],
                t.finding,
                list(t.set_aside),
                OUTCOME_READINGS.get(t.outcome),
            )
        )
    return out


def _overview(
    report: StoryComparison, findings: Mapping[str, FindingView], cite: _Cite
) -> Overview:
    single = []
    for fact_id in report.overview.single_outlet:
        fact = report.fact(fact_id)
        cell = next(c for c in fact.cells if c.state != "omits")
        single.append(SingleClaim(fact.id, cell.outlet, fact.text, cite(fact.cite)))
    return Overview(
        contradictions=[findings[i] for i in report.overview.contradictions],
        updates=[findings[i] for i in report.overview.updates],
        differences=[findings[i] for i in report.overview.differences],
        single_outlet=single,
        provenance=list(report.overview.provenance),
    )


def _quotes(report: StoryComparison, cite: _Cite) -> list[QuoteView]:
    return [
        QuoteView(
            q.id,
            q.speaker,
            q.text,
            q.note,
            [
                QuoteVariantView(
                    cite(v.cite), v.kind, v.wording, v.speaker_as_written, list(v.diff)
                )
                for v in q.variants
            ],
            [cite(p.cite) for p in q.paraphrases],
        )
        for q in report.quotes
    ]


def _names(report: StoryComparison) -> list[NameView]:
    out = []
    for n in report.names:
        forms: dict[tuple[str, str], list[str]] = {}
        for f in n.forms:
            outlets = forms.setdefault((f.form, f.relation), [])
            if f.cite.outlet not in outlets:
                outlets.append(f.cite.outlet)
        out.append(
            NameView(
                n.name,
                n.label,
                n.explanation,
                n.unexplained,
                [(form, rel, outs) for (form, rel), outs in forms.items()],
            )
        )
    return out


def _framing(report: StoryComparison, cite: _Cite) -> list[FramingRow]:
    rows: list[FramingRow] = []
    for f in report.framing:
        by_outlet: dict[str, list[Evidence]] = defaultdict(list)
        for label in f.labels:
            ev = cite(label.cite, label.label)
            ev.extra = {"voice": label.voice, "source": label.source}
            by_outlet[ev.outlet].append(ev)
        rows.append(FramingRow(f.actor, f.name, [by_outlet.get(o, []) for o in report.outlets]))
    return rows


def _digest_item(d: DigestRecord) -> DigestItem:
    against = list(dict.fromkeys(d.contradicted_by))
    support = [o for o in d.outlets if o not in against]
    return DigestItem(
        d.cite.text, d.cite.article, d.cite.outlet, support, min(d.independent, len(support)),
        against,
    )  # fmt: skip


def _reuse_rows(links: Sequence[ReuseLink], outlet_of: Mapping[str, str]) -> list[ReuseRow]:
    return [
        ReuseRow(
            p.a,
            p.b,
            outlet_of.get(p.a, p.a),
            outlet_of.get(p.b, p.b),
            p.kind,
            p.score,
            p.origin,
            outlet_of.get(p.origin, p.origin) if p.origin else None,
            p.origin_reason,
        )
        for p in links
    ]


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
        published=published_with_zone(article),
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
    report: StoryComparison,
    articles: Sequence[Article] = (),
    annotations: Mapping[str, Annotations] | None = None,
    entities: dict[str, Entity] | None = None,
    *,
    with_articles: bool = True,
) -> StoryView:
    """Everything a story page shows, computed once from the comparison and its articles."""
    by_id = {a.id: a for a in articles}
    annotations = annotations or {}
    cite = _Cite(by_id, report.glosses)
    outlet_of = {a.id: a.outlet for a in report.articles}
    findings = {f.id: _finding(f, cite) for f in report.findings}
    view = StoryView(
        id=report.id,
        title=report.title,
        start=report.span.start,
        end=report.span.end,
        outlets=list(report.outlets),
        articles=report.current_articles,
        overview=_overview(report, findings, cite),
        findings=list(findings.values()),
        figures=_figures(report.figures, cite),
        tolls=_tolls(report.tolls, cite),
        matrix=_matrix(report, cite),
        quotes=_quotes(report, cite),
        names=_names(report),
        framing=_framing(report, cite),
        timeline=timeline_chart(report.timeline, report.span),
        coverage=coverage_bars(report.facts, report.outlets),
        reuse=reuse_graph(report.current_articles, report.reuse),
        reuse_rows=_reuse_rows(report.reuse, outlet_of),
        digest=[_digest_item(d) for d in report.digest],
        related=list(report.related),
        n_conflicts=report.n_conflicts,
        gloss_note=report.gloss_note,
    )
    if with_articles:
        for a in report.current_articles:
            art = by_id.get(a.id)
            if art is not None:
                view.article_views.append(
                    article_view(
                        art, annotations.get(art.id), entities, copy_of=a.copy_of, story=view.id
                    )
                )
    return view
