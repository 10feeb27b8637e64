"""The comparison of one story, as typed records: made by compare, read by report, web and store.

``StoryComparison`` is what ``compare_story`` returns. Its JSON form (``to_dict``) is
the published contract described by ``schema/story.schema.json``; ``from_json``
reads it back for the report and the web app, so no reader picks fields out of a
dictionary by name.

Every record that cites text holds a ``Cite``: the article, its outlet, the
character span and the exact words at that span (``text == Article.text[span]``).

Grades are the words a fact-checker reads:

- a fact's cell per outlet: ``states`` (prints the claim in the same words),
  ``differs`` (carries it in other words or with other figures, shown),
  ``contradicts`` (gives a value that cannot be true with the claim's), ``omits``
  (none of its sentences carries the claim, verbatim or paraphrased);
- a finding (one slot compared across outlets): ``contradict`` (values that cannot
  both be true for the same slot of the same event), ``update`` (a figure that
  changed over time, in order of publication or said to have changed),
  ``differs`` (compatible but different: precision, a subset, other role nouns, the
  same person described in other terms; worth reading, not a conflict), ``agree``.
  Only ``contradict`` counts as a conflict, anywhere.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

from newsprism.codec import from_dict
from newsprism.model import Span, to_dict

SCHEMA_VERSION = "2"

CellState = Literal["states", "differs", "contradicts", "omits"]
UNCONFIRMED = (
    "a sentence of this outlet reads close to it, but the two share no name, figure or"
    " outcome (or report different outcomes): not counted as carrying it"
)
"""How an "omits" cell's note starts when a close sentence could not be confirmed:
reports show such a cell as "unclear"."""
BACKGROUND_DAYS = 31
"""A happening that ends this many days before a story's first report is background:
the record the story is set against, folded off the timeline and kept out of the
digest."""
PREDATES = "this outlet's pages were all published before any outlet reported the claim"
"""How an "omits" cell's note starts when the outlet could not have told the claim yet:
reports show such a cell as "predates", never as an omission."""
Grade = Literal["contradict", "update", "differs", "agree"]
FindingKind = Literal["number", "date", "role", "speaker"]
NameRelation = Literal[
    "same", "spelling", "transliteration", "misspelling", "shorter", "abbreviation",
    "alternative-name", "demonym", "unexplained",
]  # fmt: skip
QuoteWording = Literal["same", "trimmed", "differs", "translation"]
EventKind = Literal["event", "statement"]
DatePrecision = Literal["day", "range", "approximate"]


@dataclass(slots=True)
class Cite:
    """Exact words of one article: ``text == Article.text[span[0]:span[1]]``."""

    article: str
    outlet: str
    span: Span
    text: str
    sentence: Span | None = None  # the sentence around the cited words, for context


# --------------------------------------------------------------------------- facts


@dataclass(slots=True)
class Cell:
    """What one outlet does with one claim, with the sentences that show it."""

    outlet: str
    state: CellState
    evidence: list[Cite] = field(default_factory=list)
    similarity: float | None = None  # how closely its sentence matches the claim
    note: str | None = None  # why "differs": "other wording", "other figures: 16 vs ..."
    copy_of: str | None = None  # the outlet or agency whose text this cell reprints


@dataclass(slots=True)
class FactRow:
    """One claim, stated by one or more outlets; ``text`` is a whole sentence."""

    id: str
    text: str
    cite: Cite  # where ``text`` is from
    cells: list[Cell]  # one per outlet of the story, in the story's outlet order
    independent_support: int  # distinct origins among the outlets that carry it
    origins: list[str]  # those origins: outlets, or the agency a copy traces back to
    findings: list[str] = field(default_factory=list)  # ids of findings about this claim

    @property
    def carried_by(self) -> list[str]:
        return [c.outlet for c in self.cells if c.state != "omits"]


# --------------------------------------------------------------------------- findings


@dataclass(slots=True)
class SlotValue:
    """One outlet's value for a slot, cited; kind-specific fields are set per kind."""

    cite: Cite
    value: str  # as shown: "16", "at least 16", "2024-02-06", "senior commander"
    clashes_with: list[str] = field(default_factory=list)  # articles it cannot agree with
    published: str | None = None  # the article's publication time, for updates
    version: int = 1  # the article's version (a later version of one URL)
    # numbers
    number: float | None = None
    low: float | None = None  # the range the stated figure allows
    high: float | None = None
    qualifier: str | None = None
    counted: str | None = None
    outcome: str | None = None
    update_cue: str | None = None  # "rose to", "revised down from 100 to": said to change
    # dates
    start: str | None = None
    end: str | None = None
    rule: str | None = None  # how the date was resolved
    anchor_source: str | None = None  # "published", "dateline", "story" (borrowed)


@dataclass(slots=True)
class Step:
    """One stage of a figure's development: "20 → 73 → 103 → revised to 84"."""

    value: str
    outlets: list[str]
    published: str | None
    cue: str | None = None  # the update words, when the text says it changed
    source: str | None = None  # who the sentence credits it to: "police", "the coroner"
    cite: Cite | None = None  # the words of the first report of this step


@dataclass(slots=True)
class Finding:
    """One slot (a count, a date, a role, a speaker) as each outlet gives it."""

    id: str
    kind: FindingKind
    slot: str  # what is compared, in words: "killed (people)", "date of: the phone call"
    grade: Grade
    explanation: str
    values: list[SlotValue]
    confidence: float
    caveat: str | None = None
    fact: str | None = None  # the fact row this finding is about, if any
    development: list[Step] = field(default_factory=list)  # for "update": in time order
    figure: str | None = None  # the story's figure for an evolving count: latest well-supported


@dataclass(slots=True)
class Figure:
    """A counted outcome of the story (also one only one outlet gives) and its figure."""

    id: str
    outcome: str  # "killed", "injured", ...
    label: str  # "killed (people)"
    figure: str | None  # the story's figure: the latest well-supported one
    outlets: list[str]
    values: list[SlotValue]
    development: list[Step] = field(default_factory=list)
    finding: str | None = None  # the finding comparing it across outlets, if any


@dataclass(slots=True)
class Toll:
    """The story's figure for one outcome, read across all its slots: what a reader would
    quote as "3 killed": an explicit revision in the latest report, else the latest figure
    a named source gives, else the figure most outlets lead with; split evidence is said
    ("outlets differ: 200–900; latest official 410"), and a withdrawn or denied figure is
    set aside, never the story's (``compare/tolls.py``)."""

    outcome: str
    figure: str  # as written: "three people"
    number: float | None
    outlets: list[str]  # the outlets whose first figure it is
    basis: Literal["revision", "named", "split", "agreement", "larger", "single"]
    values: list[SlotValue]  # each article's first figure for the outcome
    finding: str | None = None  # the finding showing outlets lead with other figures
    set_aside: list[str] = field(default_factory=list)  # "300 (withdrawn: health ministry)"


# --------------------------------------------------------------------------- quotes


@dataclass(slots=True)
class DiffOp:
    op: Literal["same", "added", "removed"]
    text: str


@dataclass(slots=True)
class QuoteVariant:
    cite: Cite  # the words inside the quotation marks
    kind: Literal["direct", "partial"]
    wording: QuoteWording  # against the canonical text
    diff: list[DiffOp]
    speaker_as_written: str | None = None


@dataclass(slots=True)
class Paraphrase:
    """Reported speech of the same statement, without quotation marks: never shown as a quote."""

    cite: Cite
    speaker_as_written: str | None = None


@dataclass(slots=True)
class QuoteGroup:
    id: str
    speaker: str | None
    speaker_entity: str | None
    text: str  # the canonical wording: the fullest direct version most outlets share
    canonical: Cite
    variants: list[QuoteVariant]
    paraphrases: list[Paraphrase] = field(default_factory=list)
    note: str | None = None  # "translation variants: ..."


# --------------------------------------------------------------------------- names, framing


@dataclass(slots=True)
class NameForm:
    cite: Cite
    form: str
    relation: NameRelation


@dataclass(slots=True)
class NameVariants:
    """How the outlets write one name: a matter of spelling, never a conflict by itself."""

    entity: str
    name: str
    label: str
    explanation: str
    forms: list[NameForm]
    unexplained: bool = False  # forms joined by name resolution that nothing explains


@dataclass(slots=True)
class Label:
    cite: Cite
    label: str
    voice: Literal["own", "quoted"]
    # how it was found: "apposition", "title" (before the name), "predicate",
    # "description" (a title used again alone), "body" (a ministry by its portfolio),
    # "compound", "noun-phrase", "people-noun", "lexicon"
    source: str
    refers_to: str | None = None  # the actor's entity id, or "body:ministry:<portfolio>"


@dataclass(slots=True)
class FramingRow:
    actor: str  # entity id, "body:ministry:<portfolio>", or "actor:" + the neutral label
    name: str
    labels: list[Label]


@dataclass(slots=True)
class EntitySummary:
    id: str
    name: str
    label: str
    spellings: dict[str, list[str]]  # spelling -> articles that use it
    mentions: list[Cite] = field(default_factory=list)


# --------------------------------------------------------------------------- timeline, digest


@dataclass(slots=True)
class TimelineMention:
    cite: Cite  # the sentence
    expression: str
    expression_span: Span
    rule: str
    anchor_source: str | None = None


@dataclass(slots=True)
class TimelineEvent:
    start: str
    end: str
    precision: DatePrecision  # "approximate": a vague expression ("a year ago"), never a day
    confidence: float
    kind: EventKind
    description: str  # the clause the date governs, or the sentence
    story: str
    related: bool  # an event of a related story of the storyline, not of this one
    outlets: list[str]
    mentions: list[TimelineMention]


@dataclass(slots=True)
class Replacement:
    span: Span
    text: str
    replacement: str


@dataclass(slots=True)
class DigestItem:
    cite: Cite  # a whole sentence
    fact: str
    outlets: list[str]  # every outlet that carries the fact
    independent: int  # distinct origins among them
    contradicted_by: list[str]
    neutral_text: str
    replacements: list[Replacement] = field(default_factory=list)


# --------------------------------------------------------------------------- glosses


@dataclass(slots=True)
class Gloss:
    """An English rendering of one sentence in another language: machine translation,
    shown beside the original and never read as evidence."""

    article: str
    sentence: Span  # the sentence of the article it renders
    text: str
    language: str  # of the original
    method: str  # "apertium:spa-eng", "apertium:pt-es+spa-eng"
    note: str = "machine translation"


# --------------------------------------------------------------------------- the story


@dataclass(slots=True)
class ArticleRef:
    id: str
    outlet: str
    title: str | None
    url: str | None
    published: str | None
    published_source: str | None
    byline: str | None
    dateline: str | None
    wire: list[str]
    copy_of: str | None  # article id whose text this one reprints
    origin: str | None  # the agency or outlet its text traces back to
    version: int = 1
    current: bool = True  # False: a superseded version, read only for its figures
    language: str | None = None  # ISO 639-1, detected or given by metadata


@dataclass(slots=True)
class SharedSentence:
    a: Span
    b: Span
    similarity: float
    edits: list[str]


@dataclass(slots=True)
class ReuseLink:
    a: str
    b: str
    kind: str
    score: float
    origin: str | None
    origin_reason: str | None
    shared: list[SharedSentence]


@dataclass(slots=True)
class StorySpan:
    start: str | None
    end: str | None


@dataclass(slots=True)
class RelatedStory:
    id: str
    title: str
    span: StorySpan
    relation: str = "storyline"


@dataclass(slots=True)
class Overview:
    """What a reader should see first: what differs, how figures moved, who is alone."""

    contradictions: list[str] = field(default_factory=list)  # finding ids
    differences: list[str] = field(default_factory=list)  # finding ids graded "differs"
    updates: list[str] = field(default_factory=list)  # finding ids graded "update"
    single_outlet: list[str] = field(default_factory=list)  # fact ids only one outlet carries
    provenance: list[str] = field(default_factory=list)  # "CNA credits Reuters", ...


@dataclass(slots=True)
class StoryComparison:
    schema_version: str
    id: str
    title: str
    span: StorySpan
    outlets: list[str]  # the column order of every per-outlet table
    articles: list[ArticleRef]
    overview: Overview
    findings: list[Finding]
    figures: list[Figure]
    facts: list[FactRow]
    quotes: list[QuoteGroup]
    names: list[NameVariants]
    entities: list[EntitySummary]
    framing: list[FramingRow]
    reuse: list[ReuseLink]
    timeline: list[TimelineEvent]
    digest: list[DigestItem]
    related: list[RelatedStory]
    tolls: list[Toll] = field(default_factory=list)
    glosses: list[Gloss] = field(default_factory=list)
    gloss_note: str | None = None  # why sentences in another language have no gloss

    @property
    def n_conflicts(self) -> int:
        """Contradictions only: compatible differences and updates are not conflicts."""
        return sum(1 for f in self.findings if f.grade == "contradict")

    @property
    def current_articles(self) -> list[ArticleRef]:
        """The story's articles as a reader counts them: one per URL, its newest version
        (``articles`` also holds superseded versions, read only for their figures)."""
        return [a for a in self.articles if a.current]

    def finding(self, finding_id: str) -> Finding:
        return next(f for f in self.findings if f.id == finding_id)

    def fact(self, fact_id: str) -> FactRow:
        return next(f for f in self.facts if f.id == fact_id)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = to_dict(self)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoryComparison:
        return from_dict(cls, data)

    def index_row(self) -> IndexRow:
        return IndexRow(
            id=self.id,
            title=self.title,
            span=dataclasses.replace(self.span),
            outlets=list(self.outlets),
            n_articles=len(self.current_articles),
            n_conflicts=self.n_conflicts,
        )


@dataclass(slots=True)
class IndexRow:
    """One story in a list: what the store keeps in columns so listing never parses JSON."""

    id: str
    title: str
    span: StorySpan
    outlets: list[str]
    n_articles: int
    n_conflicts: int
