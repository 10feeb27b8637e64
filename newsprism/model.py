"""The typed records that flow through newsprism, stage by stage.

One input file becomes one or more ``RawDocument``; cleaning turns each into one
or more ``Article``; the language layer adds ``Annotations``; grouping makes
``Story`` and ``ReusePair``; comparison makes a ``StoryReport`` (plain JSON
described by ``schema/story.schema.json``).

Every record that cites text carries the article id and a ``Span`` of character
offsets into that article's clean ``text``, so any number or name in a report can
be traced back to the exact words it came from.

Records are plain dataclasses so that they pickle (for Dask workers) and turn into
JSON with :func:`to_dict` and back with ``codec.from_dict``, which follows each
record's declared field types.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from newsprism.codec import from_dict

# a day of the month beside a year or a month: "2023-09-08", "08/09/2023", "8 Sept",
# "September 8", a Unix time; a bare "2023-09" or "September 2023" states none
_STATES_A_DAY = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?<![\d/:-])\d{1,2}(?![\d/:-])|\d{9,}"
)

Span = tuple[int, int]


def trim_span(text: str, span: Span) -> Span:
    """Shrink a span so it starts and ends on a non-space character (inside ``text``)."""
    start, end = max(0, span[0]), min(len(text), span[1])
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


"""Half-open character offsets ``(start, end)`` into an article's clean text."""

InputFormat = Literal["text", "html", "json", "warc", "feed"]
ReuseKind = Literal["duplicate", "wire-copy", "translation", "partial", "independent"]
WHOLE_ARTICLE_KINDS: tuple[ReuseKind, ...] = ("duplicate", "wire-copy", "translation")
"""Reuse kinds where one page reprints the other whole (in its language or another)."""
QuantityKind = Literal[
    "count",
    "age",
    "year",
    "day",
    "duration",
    "ordinal",
    "money",
    "percent",
    "measure",
    "typo",
    "other",
]


UNKNOWN_OUTLET = "unknown outlet"
"""What an article whose outlet nobody stated (no name, no URL) is shown as, with its
file: "unknown outlet (b.txt)". Never a guess, and never a file name posing as one."""


def is_unknown_outlet(name: str) -> bool:
    return name == UNKNOWN_OUTLET or name.startswith(f"{UNKNOWN_OUTLET} (")


def outlet_count(names: Iterable[str]) -> int:
    """How many outlets these display names are: every unknown one counts once
    together, since nothing says whether two unnamed files came from one outlet."""
    distinct = set(names)
    known = {n for n in distinct if not is_unknown_outlet(n)}
    return len(known) + (1 if len(known) < len(distinct) else 0)


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from: a file, and the record inside it when a file holds many."""

    path: str
    format: InputFormat
    record: str | None = None  # JSONL line number, WARC record id, feed entry id

    @property
    def label(self) -> str:
        return f"{self.path}#{self.record}" if self.record else self.path


@dataclass(slots=True)
class Metadata:
    """What the input says about a document, before cleaning looks at the text.

    Fields set here (from JSON fields, feed entries, ``NAME.meta.json`` or a manifest)
    override what cleaning infers from the page; ``None`` means "not given".
    """

    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # as given (ISO or free text); parsed by describe
    title: str | None = None
    byline: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def merged_with(self, override: Metadata) -> Metadata:
        """Fields set in ``override`` win; ``extra`` dictionaries are merged."""
        out = dataclasses.replace(self, extra={**self.extra, **override.extra})
        for f in ("url", "outlet", "published", "title", "byline", "language"):
            value = getattr(override, f)
            if value not in (None, ""):
                setattr(out, f, value)
        return out


@dataclass(slots=True)
class RawDocument:
    """One decoded input unit, exactly as read: the page text or the page HTML.

    ``content_sha`` hashes the raw bytes (or the record's canonical JSON) and is what
    makes ingest idempotent: the same content read twice is stored once.
    """

    source: Source
    content_sha: str
    text: str | None = None  # plain page text (format "text", or JSON "text")
    html: str | None = None  # HTML to extract from (html, warc, feed, JSON "html")
    encoding: str = "utf-8"
    meta: Metadata = field(default_factory=Metadata)
    size: int = 0  # bytes of the raw input

    @property
    def key(self) -> str:
        """What identifies "the same article" across versions: its canonical URL (the feed's
        "?utm_source=rss" link and the sitemap's are one page), else its source."""
        if not self.meta.url:
            return self.source.label
        from newsprism.sources.urls import canonical_url

        return canonical_url(self.meta.url)


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A file or record that could not be read; reported, never fatal to the run."""

    path: str
    reason: str
    record: str | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.path}#{self.record}" if self.record else self.path
        return f"{where}: {self.reason}"


# --------------------------------------------------------------------------- clean


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of the page that is not in the body, with why, so removals can be audited."""

    line_no: int  # 0-based line number in the page text the article was cut from
    text: str
    reason: str  # e.g. "repeated-in-page", "photo-caption", "interface", "site-template"


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place/agency opener of a story: "TEHRAN (Tasnim) -", "DUBAI:"."""

    text: str
    place: str | None = None
    agency: str | None = None
    span: Span | None = None  # in the article's clean text, when the dateline is kept there


@dataclass(slots=True)
class Article:
    """One news article, cleaned and described. The unit every later stage works on."""

    id: str
    source: Source
    raw_sha: str  # content_sha of the RawDocument it was cut from
    part: int  # 0 for the first (or only) article of a page, 1 for the second, ...
    text: str  # clean body, paragraphs separated by a blank line
    title: str | None = None
    byline: str | None = None
    dateline: Dateline | None = None
    published: datetime | None = None
    published_text: str | None = None  # the words on the page the date was read from
    published_source: str | None = None  # "page", "metadata", "feed", "story" (borrowed) ...
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    wire: list[str] = field(default_factory=list)  # agencies: ["Reuters"]
    wire_evidence: list[str] = field(default_factory=list)  # "Source: Reuters/fs"
    removed: list[RemovedLine] = field(default_factory=list)
    key: str = ""  # RawDocument.key plus part: same key, new content = new version
    version: int = 1
    # Where the outlet name came from: "metadata", "url" (the outlet table),
    # "html-metadata" (og:site_name), "page:copyright", "url:domain" (not in the table).
    outlet_source: str | None = None
    updated: datetime | None = None  # an "Updated ..." time the page states
    updated_text: str | None = None

    @property
    def display_outlet(self) -> str:
        """A name to show in tables: the outlet when known, else the URL's registered
        domain, else "unknown outlet" with the source file it came from."""
        if self.outlet:
            return self.outlet
        if self.url:
            from newsprism.sources.domains import registered_domain

            domain = registered_domain(self.url)
            if domain:
                return domain
        return f"{UNKNOWN_OUTLET} ({self.source.path.rsplit('/', 1)[-1]})"

    @property
    def published_day(self) -> date | None:
        """The publication day, when the source stated it to the day.

        A page dated "2023-09" or "September 2023" is stored as the 1st of the month;
        "on Friday" read against that invented day lands a week or more off, so relative
        dates get no anchor from it (the month still orders and groups the article)."""
        if self.published is None:
            return None
        if self.published_text and not _STATES_A_DAY.search(self.published_text):
            return None
        return self.published.date()

    @staticmethod
    def make_id(key: str, part: int, text: str) -> str:
        return sha256_hex(f"{key}\x00{part}\x00{text}")[:16]


@dataclass(slots=True)
class ArticleVersion:
    """One stored version of an article (same key, other content), with its times."""

    article: Article
    stored_at: datetime  # when this content entered the store (naive UTC)
    fetched_at: datetime | None = None  # when ``fetch``/``watch`` downloaded it (naive UTC)
    current: bool = False


@dataclass(slots=True)
class FetchState:
    """What the last request for a URL returned, for the next conditional request."""

    url: str
    fetched_at: datetime
    status: int  # HTTP status of the last answer (304 when unchanged)
    etag: str | None = None
    last_modified: str | None = None
    content_sha: str | None = None  # RawDocument.content_sha of the last body stored


# --------------------------------------------------------------------------- language


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    index: int
    role: Literal["body", "title", "caption"] = "body"


@dataclass(slots=True)
class Mention:
    """A name in the text. ``entity`` is filled by cross-article resolution."""

    span: Span
    text: str
    label: str  # PERSON, ORG, GPE, NORP, GROUP, ... (a hint: the model mislabels)
    entity: str | None = None  # canonical Entity.id
    head: str | None = None  # in-article full form this mention was joined to
    # How the actor is referred to: by a "name" ("Kim Jong Un", "Mr. Kim"), a
    # "description" ("the North Korean leader", "the dictator") or a "pronoun" ("he").
    # Descriptions and pronouns are kept only when joined to a named actor of their
    # article (``head`` is that name), so ``entity`` is the actor's.
    kind: Literal["name", "description", "pronoun"] = "name"


@dataclass(slots=True)
class Quote:
    span: Span  # the quoted words, without the quotation marks
    text: str
    kind: Literal["direct", "partial", "indirect"]
    speaker: str | None = None  # as written ("Rasool", "the spokesperson")
    speaker_span: Span | None = None
    speaker_entity: str | None = None  # canonical entity id when resolved
    speaker_resolution: str | None = None  # "same-sentence", "pronoun", "previous", ...
    sentence: Span | None = None
    cue: str | None = None  # the reporting verb: "said", "stated", "according to"
    in_title: bool = False
    where: Literal["text", "title", "caption"] = "text"  # which string ``span`` indexes
    line_no: int | None = None  # for a caption quote: the removed line (RemovedLine.line_no)


@dataclass(slots=True)
class Quantity:
    span: Span  # the number words ("2,500", "three", "at least 16")
    text: str
    value: float | None
    noun: str | None = None  # what it counts ("troops")
    noun_span: Span | None = None
    qualifier: str | None = None  # a key of lexicon.QUALIFIERS or VAGUE_COUNTS; None = exact
    place: str | None = None
    time: str | None = None
    sentence: Span | None = None
    # What sort of figure this is. Only a "count" counts people or things; an age
    # ("a 17-year-old"), a year, a day of the month ("el 8 de septiembre"), a duration
    # ("three days"), an ordinal ("second"), an amount of money, a percentage or a
    # measure is never compared as a count; a "typo"
    # ("1O0": digits mixed with letters that look like them) is flagged and never read.
    kind: QuantityKind = "count"
    outcome: str | None = None  # family from lexicon.OUTCOMES: "killed", "injured", ...
    outcome_span: Span | None = None  # the word that says the outcome ("killed", "dead")
    counted: str | None = None  # counted class: "people" for generic people nouns, else a lemma
    # "two of the five wounded": this figure is a part of another count, not a total.
    part_of: bool = False
    # Lemma of the verb that says the figure changed ("rise" in "the toll rose to 84",
    # "revise"): the comparison reads such a figure as an update, not a rival count.
    update: str | None = None


@dataclass(slots=True)
class TimeExpression:
    span: Span
    text: str
    start: date | None  # None when unresolved
    end: date | None  # == start for a single day
    rule: str  # how it was resolved, e.g. "weekday-before-anchor", "absolute", "unresolved"
    anchor: date | None = None  # the date it was resolved against
    anchor_source: str | None = None  # "published", "dateline", or borrowed: "copy", "story"
    reason: str | None = None  # why unresolved, or a caveat
    sentence: Span | None = None


BORROWED_ANCHORS = frozenset({"copy", "story"})
"""Anchors an undated article borrows after clustering: the publication day of a dated
copy of it (its twin), else its story's day."""

ClauseKind = Literal["sentence", "content", "main", "coordinate", "subordinate"]


@dataclass(frozen=True, slots=True)
class Clause:
    """A claim as the comparison reads it, cut from the parse.

    Every body sentence is one claim (``kind="sentence"``), with its dateline or
    credit cut off and a quotation that the sentence splitter cut in two joined back.
    "X said Y" stays one claim by X (``speaker``, ``cue``); its content ("Y"), the
    two halves of "A did this, and B did that" and a subordinate clause long enough
    to state something are extra units (``content``, ``coordinate``, ``main``,
    ``subordinate``) that help align a fact another outlet states on its own; they
    are never shown as fact text, which is always a whole sentence.
    """

    span: Span
    sentence: Span  # the whole claim sentence this unit belongs to
    kind: ClauseKind = "sentence"
    speaker: Span | None = None  # who makes the claim: "the ministry" in "the ministry said"
    cue: str | None = None  # the reporting verb's lemma, or "according to"
    whole: bool = True  # reads as a sentence: capital start, a verb, a closing stop


LabelKind = Literal["apposition", "title", "predicate", "body", "description"]


@dataclass(frozen=True, slots=True)
class ActorLabel:
    """A descriptive phrase an outlet attaches to a named actor: the words framing
    compares across outlets ("former president", "l'ancien président", "Söldnerchef").

    Read where the text itself ties the words to the name: an apposition ("Brandt, the
    former president,"), a title or description before the name ("former President
    Anders Brandt", "el expresidente Anders Brandt") or a predicate ("Brandt is the first
    former president ..."). ``actor`` is the span of the name it describes, so the
    label takes that mention's entity once names are resolved. A government body named
    by its portfolio ("ministère de l'Intérieur", kind "body") is its own actor: ``key``
    ("ministry:interior") is what makes it one across languages."""

    span: Span
    text: str
    actor: Span
    kind: LabelKind
    key: str | None = None


@dataclass(frozen=True, slots=True)
class DateReading:
    """The happening one date belongs to, as the parse tells it (``language.dated``):
    what date findings compare, so the comparison never walks the parse.

    ``span`` is the date's (the ``TimeExpression`` it reads). ``word`` is the lemma of
    the word the date belongs to: the verb it modifies ("met ... on Tuesday") or an
    event noun ("the death of two divers last month"). ``extent`` is the characters of
    that word's whole phrase, where its participants are named."""

    span: Span
    word: str | None  # None when the parse cannot place the date
    nominal: bool  # the date modifies a noun: another happening named in passing
    main: bool  # the date is on the sentence's own event
    statement: bool  # on a verb that attributes or revises ("said", "revised")
    negated: bool  # "did not respond on Thursday": nothing happened that day
    phrase: str  # the dated happening in words, without the date
    extent: Span | None = None


DatedKind = Literal["event", "statement"]


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """What one date dates, for the timeline (``language.dated_events``).

    "The ministry said on Thursday that ..." dates the saying (``statement``). ``terms``
    are the content lemmas of the sentence around the date (of the reported clause when
    the date is inside one; without what was said when the date is on the saying);
    ``core`` those of the dated clause alone. ``description`` is set when the date
    belongs to a happening named in passing (an event noun, a clause about a
    participant, a thing due "until 2030"): the characters that name it, and ``core``
    is then its head lemma alone."""

    span: Span
    kind: DatedKind
    terms: tuple[str, ...] = ()
    core: tuple[str, ...] = ()
    description: Span | None = None


RoleKind = Literal["title", "description"]


@dataclass(frozen=True, slots=True)
class PersonRole:
    """Words that say what the person named at ``mention`` is (``language.roles``): an
    apposition, a role noun before the name, "described as ..."."""

    mention: Span
    start: int
    end: int
    kind: RoleKind  # a title before the name, or a description around it
    noun: str  # the description's head noun lemma ("" when the span does not align)


@dataclass(slots=True)
class Annotations:
    """Everything the language layer read from one article's clean text."""

    article: str
    text_sha: str  # sha256 of the text annotated; a change re-annotates
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    labels: list[ActorLabel] = field(default_factory=list)
    # readings of the parse the comparison needs, one record per date or role
    dates: list[DateReading] = field(default_factory=list)
    events: list[DatedEvent] = field(default_factory=list)  # dates with a resolved day
    roles: list[PersonRole] = field(default_factory=list)
    version: str = ""  # annotator version: a new version re-annotates
    # The spaCy parse these were read from (``language.parses``), kept for the
    # comparison; stored apart from the JSON and loaded only when asked for.
    parse: bytes | None = field(default=None, metadata={"json": False})


@dataclass(slots=True)
class Entity:
    """One referent across the corpus, with every spelling the outlets used."""

    id: str
    name: str  # canonical display name
    label: str  # PERSON, ORG, GPE, GROUP, ...
    variants: dict[str, int] = field(default_factory=dict)  # spelling -> mention count
    articles: list[str] = field(default_factory=list)
    aliases_from: list[str] = field(default_factory=list)  # why variants joined: "alias-table"...


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True, slots=True)
class SharedSentence:
    a: Span
    b: Span
    similarity: float
    edits: tuple[str, ...] = ()  # "replaced 'Islamic State' with 'ISIS'", "dropped 'hardline'"


@dataclass(slots=True)
class ReusePair:
    a: str
    b: str
    kind: ReuseKind
    score: float
    shared: list[SharedSentence] = field(default_factory=list)
    added_a: list[Span] = field(default_factory=list)  # sentences only in a
    added_b: list[Span] = field(default_factory=list)
    origin: str | None = None  # article id, agency name, or None when it cannot be told
    origin_reason: str | None = None


@dataclass(slots=True)
class Story:
    id: str
    title: str
    articles: list[str]
    start: datetime | None = None
    end: datetime | None = None
    related: list[str] = field(default_factory=list)  # story ids in the same storyline
    title_article: str | None = None
    confidence: float | None = None


# --------------------------------------------------------------------------- (de)serialisation


_PLAIN = frozenset({str, int, float, bool, type(None)})


_JSON_FIELDS: dict[type, tuple[str, ...]] = {}


def _json_fields(cls: type) -> tuple[str, ...]:
    names = _JSON_FIELDS.get(cls)
    if names is None:
        fields = dataclasses.fields(cls)
        names = _JSON_FIELDS[cls] = tuple(f.name for f in fields if f.metadata.get("json", True))
    return names


def to_dict(obj: Any) -> Any:
    """JSON-ready form of any record: dates as ISO strings, tuples as lists.

    A field marked ``metadata={"json": False}`` (a binary parse) is left out: the store
    keeps it in a column of its own. Plain values return first and each record type's
    fields are listed once: a story report holds hundreds of thousands of values."""
    cls = type(obj)
    if cls in _PLAIN:
        return obj
    if hasattr(cls, "__dataclass_fields__"):
        return {name: to_dict(getattr(obj, name)) for name in _json_fields(cls)}
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def article_from_dict(d: dict[str, Any]) -> Article:
    return from_dict(Article, d)


def annotations_from_dict(d: dict[str, Any]) -> Annotations:
    return from_dict(Annotations, d)


def entity_from_dict(d: dict[str, Any]) -> Entity:
    return from_dict(Entity, d)


def story_from_dict(d: dict[str, Any]) -> Story:
    return from_dict(Story, d)


def reuse_from_dict(d: dict[str, Any]) -> ReusePair:
    return from_dict(ReusePair, d)
