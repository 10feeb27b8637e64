"""One timeline for a story: each dated happening once, every outlet on it.

Events of related stories of the storyline are on it too, marked ``related``, and
never merged with this story's own. A date that belongs to another happening named
in passing ("for the death of three soldiers in Jordan late last month") dates that
happening, described by its own words, not the sentence's main event; so does a
date inside a clause that tells a participant's past in passing ("a commander whose
predecessor was killed in 2019", "who has led the union since 2017"): it dates that
clause, never the sentence's own event. A vague
expression ("a year ago", "earlier this month") stays approximate, with low
confidence, and is never shown as a single day.

Two mentions are one event when they resolve to the same days and their sentences
are about the same thing: they state one fact (same fact group), or they share the
happening's own words and participants ("clashed", "police", "protesters"), weighed
by how rare those words are among the story's dated sentences. The same day alone is
not enough: a strike and a phone call can share a Tuesday. "The ministry said on
Thursday that ..." dates the saying, not what was said: such a statement is an event
of its own and never merges with the happening it reports.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token

from newsprism.compare.claims import is_date_line, lead_to_cut
from newsprism.compare.context import StoryContext
from newsprism.compare.dates import dated_head, nearest_year
from newsprism.compare.evidence import cite, trim_span
from newsprism.compare.records import DatePrecision, TimelineEvent, TimelineMention
from newsprism.compare.similarity import text_scores
from newsprism.compare.units import Unit
from newsprism.language.rules.words import fold
from newsprism.lexicon import FOREIGN_WEEKDAYS
from newsprism.lexicon import REPORTING_VERBS as SAYING  # a date on one of these dates a statement
from newsprism.model import BORROWED_ANCHORS, Annotations, Article, Span, TimeExpression

_VAGUE = re.compile(
    r"\b(?:ago|recent(?:ly)?|earlier|later|several|few|couple|some|about|around|early|late|mid"
    r"|spring|summer|autumn|fall|winter|decade|century|past|previous|last)\b",
    re.IGNORECASE,
)
SHARED_WEIGHT = 4.0  # summed rarity (idf) of a clause's words found in the other sentence
_CONTENT = ("NOUN", "VERB", "PROPN", "ADJ")
_AT_THE_TIME = {"when", "as", "while"}
_EMBEDDED = {"relcl", "advcl", "acl", "ccomp", "parataxis", "csubj"}


@dataclass(slots=True)
class _Row:
    story: str
    article: str
    articles: Mapping[str, Article]
    t: TimeExpression
    sentence: Span
    text: str
    related: bool = False
    kind: str = "event"
    description: Span | None = None  # the happening the date belongs to, when not the sentence
    terms: set[str] = field(default_factory=set)  # the sentence's, minus any "X said"
    core: set[str] = field(default_factory=set)  # the dated clause's own
    fact: str | None = None

    @property
    def days(self) -> tuple[Any, Any]:
        return (self.t.start, self.t.end or self.t.start)


def _sentence(ann: Annotations, span: Span, text: str) -> Span:
    for s in ann.sentences:
        if s.span[0] <= span[0] and span[1] <= s.span[1]:
            return trim_span(text, s.span)
    return trim_span(text, span)


def _saying_verb(tok: Token) -> Token | None:
    """The verb of saying whose complement holds ``tok``, if any."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in SAYING:
            return node.head
        node = node.head
    return None


def _terms(words: Sequence[Token]) -> set[str]:
    return {
        t.lemma_.lower()
        for t in words
        if t.pos_ in _CONTENT
        and not t.is_stop
        and t.is_alpha
        and t.ent_type_ not in ("DATE", "TIME", "CARDINAL")
        and t.lemma_.lower() not in SAYING
    }


def _core(governor: Token, words: Sequence[Token]) -> list[Token]:
    """The dated clause without the clauses embedded in it ("... in clashes that left 14 hurt")."""
    cut: set[int] = set()
    for t in governor.subtree:
        if t.i == governor.i or t.dep_ not in _EMBEDDED:
            continue
        if t.dep_ == "advcl" and any(c.lower_ in _AT_THE_TIME for c in t.children):
            continue  # "... began on Wednesday when a convoy tried to enter": the same happening
        cut |= {x.i for x in t.subtree}
    keep = {t.i for t in governor.subtree} - cut
    return [t for t in words if t.i in keep]


def _frame(doc: Doc, row: _Row) -> tuple[str, set[str], set[str]]:
    """Statement or event, the words of the sentence around the date, and of its own clause."""
    when = doc.char_span(row.t.span[0], row.t.span[1], alignment_mode="expand")
    sent = doc.char_span(row.sentence[0], row.sentence[1], alignment_mode="expand")
    if when is None or sent is None:
        return "event", set(), set()
    governor = when.root.head
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
    said = [c for c in governor.children if c.dep_ in ("ccomp", "parataxis")]
    skip = {t.i for t in when}
    if governor.lemma_.lower() in SAYING and said:
        kind = "statement"  # who spoke, not what they said, is the happening
        skip |= {t.i for c in said for t in c.subtree}
        words = [t for t in sent if t.i not in skip]
    else:
        kind = "event"
        saying = _saying_verb(governor)
        if saying is not None:  # "Witnesses said the confrontation began on Wednesday"
            clause = next(
                c
                for c in saying.children
                if c.dep_ in ("ccomp", "parataxis")
                and c.left_edge.i <= governor.i <= c.right_edge.i
            )
            words = [t for t in clause.subtree if t.i not in skip]
        else:
            words = [t for t in sent if t.i not in skip]
    return kind, _terms(words), _terms(_core(governor, words))


_COARSE_DAYS = 27  # a date spanning a month or more ("en juin 2021", "in 2019")


def _coarse(t: TimeExpression) -> bool:
    return t.start is not None and t.end is not None and (t.end - t.start).days >= _COARSE_DAYS


_SEGMENT = re.compile(r"[^,;:()«»“”—–]+")


def _segment(text: str, sentence: Span, t: TimeExpression) -> Span | None:
    """The stretch between punctuation that holds the date ("élu président de la République
    en juin 2021"), when it is only part of the sentence: an unparsed sentence's clause."""
    words = text[sentence[0] : sentence[1]]
    for m in _SEGMENT.finditer(words):
        lo, hi = sentence[0] + m.start(), sentence[0] + m.end()
        if lo <= t.span[0] and t.span[1] <= hi:
            if hi - lo >= len(words.strip()) - 2:
                return None
            return trim_span(text, (lo, hi))
    return None


def _beside_finer(
    t: TimeExpression, ann: Annotations, sentence: Span, words: str, language: str
) -> bool:
    """A year or month in a sentence that also names a day ("murió el domingo ...,
    elegido en 2021"): without a parse to say which verb each governs, the coarse date
    belongs to a clause in passing, not to the sentence's own event."""
    if not _coarse(t):
        return False
    days = FOREIGN_WEEKDAYS.get(language, ())
    if any(fold(w).strip(".,،") in days for w in words.split()):
        return True
    return any(
        o.span != t.span
        and sentence[0] <= o.span[0] < sentence[1]
        and not _coarse(o)
        and (o.start is None or o.end is None or o.start == o.end)
        for o in ann.times
    )


def _in_dateline(article: Article, span: Span) -> bool:
    dateline = article.dateline
    return bool(dateline and dateline.span and dateline.span[0] <= span[0] < dateline.span[1])


def _rows(
    sources: Sequence[tuple[str, Mapping[str, Article], Mapping[str, Annotations]]],
    own: str,
    own_day: date | None = None,
) -> list[_Row]:
    """``own_day``: a day of the story, for its undated pages' "own year"."""
    rows: list[_Row] = []
    for story_id, articles, story_annotations in sources:
        for art_id, ann in story_annotations.items():
            if art_id not in articles:
                continue
            text = articles[art_id].text
            for t in ann.times:
                if t.start is None:
                    continue
                t = nearest_year(t)
                published = articles[art_id].published  # its year holds, month-only too
                day = published.date() if published else own_day if story_id == own else None
                if _own_year(t, day):
                    continue  # "the 2024 election" in a 2024 page dates nothing on a day axis
                sent = trim_span(text, t.sentence or _sentence(ann, t.span, text))
                words = text[sent[0] : sent[1]]
                if is_date_line(words) or t.span[1] <= sent[0] + lead_to_cut(words):
                    continue  # the page's date line ("date 2024-05-20 CITY -") dates no event
                if _in_dateline(articles[art_id], t.span):
                    continue  # "CITY | Agency | Monday 20/03/2024 -": the page's, no event
                language = articles[art_id].language or "en"
                if language != "en" and _beside_finer(t, ann, sent, words, language):
                    continue  # unparsed: a year beside a day names another happening
                rows.append(
                    _Row(
                        story_id,
                        art_id,
                        articles,
                        t,
                        sent,
                        text[sent[0] : sent[1]],
                        story_id != own,
                    )
                )
    return rows


def _own_year(t: TimeExpression, published: date | None) -> bool:
    """A whole calendar year that holds the page's own publication day."""
    if t.start is None or t.end is None or published is None:
        return False
    whole = (t.start.month, t.start.day, t.end.month, t.end.day) == (1, 1, 12, 31)
    return whole and t.start.year == t.end.year and t.start <= published <= t.end


def _fact_of(
    units: Sequence[Unit], groups: Mapping[str, Sequence[int]]
) -> dict[tuple[str, Span], str]:
    """Sentences that state a fact other outlets state too, by fact id."""
    out: dict[tuple[str, Span], str] = {}
    for fact_id, members in groups.items():
        if len({units[m].article for m in members}) < 2:
            continue
        for m in members:
            out.setdefault((units[m].article, units[m].sentence), fact_id)
    return out


def precision_of(t: TimeExpression) -> DatePrecision:
    """A single day read from a vague expression is approximate, never a day."""
    if t.start is not None and t.end is not None and t.end != t.start:
        return "range"
    return "approximate" if _VAGUE.search(t.text) or "ago" in t.rule else "day"


def build_timeline(
    ctx: StoryContext,
    sources: Sequence[tuple[str, Mapping[str, Article], Mapping[str, Annotations]]],
    units: Sequence[Unit] = (),
    groups: Mapping[str, Sequence[int]] | None = None,
) -> list[TimelineEvent]:
    """``sources`` are (story id, articles, annotations) for the story and its related
    stories; the related stories' articles are read without a parse."""
    start = ctx.story.start
    rows = _rows(sources, ctx.story.id, start.date() if start else None)
    if not rows:
        return []
    fact_of = _fact_of(units, groups or {})
    for r in rows:
        text = r.articles[r.article].text
        if (r.articles[r.article].language or "en") != "en" and _coarse(r.t):
            r.description = _segment(text, r.sentence, r.t)  # no parse: its clause, by marks
            continue
        doc = ctx.docs.get(r.article)
        if doc is None:
            continue
        r.kind, r.terms, r.core = _frame(doc, r)
        head, nominal = dated_head(doc, r.t)
        when = r.articles[r.article].published
        deadline = _deadline_noun(doc, r.t, when.date() if when else None)
        if deadline is not None:
            head, nominal = deadline, True
        clause = _background_clause(head) if head is not None and not nominal else None
        if nominal and head is not None:
            words = [w for w in head.subtree if not (r.t.span[0] <= w.idx < r.t.span[1])]
            while len(words) > 1 and (words[-1].pos_ == "ADP" or words[-1].is_punct):
                words = words[:-1]
            r.description = (words[0].idx, words[-1].idx + len(words[-1]))
            r.kind = "event"
            r.core = {head.lemma_.lower()}
        elif clause is not None:  # "a commander whose predecessor was killed in 2019"
            r.description = _clause_span(clause, r.t)
            r.kind = "event"
            r.core = {clause.lemma_.lower()}
        else:
            r.fact = fact_of.get((r.article, r.sentence))
    df = Counter(term for r in rows for term in r.terms)
    idf = {term: math.log(1 + len(rows) / n) for term, n in df.items()}
    scores = text_scores([_said(r) for r in rows], ctx.embed)
    parent = list(range(len(rows)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            b = rows[j]
            if a.days != b.days or a.kind != b.kind or a.story != b.story:
                continue
            if (a.description is None) != (b.description is None):
                continue  # a happening named in passing is not the sentence's own event
            shared = a.terms & b.terms
            # one side's own happening is told in the other's sentence, in rare words
            told = max(sum(idf[w] for w in shared & a.core), sum(idf[w] for w in shared & b.core))
            same_fact = a.fact is not None and a.fact == b.fact
            if same_fact or told >= SHARED_WEIGHT or scores[i, j] >= ctx.cuts.same_event:
                parent[find(i)] = find(j)
    events: dict[int, list[int]] = {}
    for i in range(len(rows)):
        events.setdefault(find(i), []).append(i)
    out = [_event(rows, members, scores) for members in events.values()]
    out.sort(key=lambda e: (e.related, e.start, e.end, e.kind, e.description))
    return out


_BACKGROUND = {"relcl", "acl", "appos"}  # clauses that describe a participant in passing
_LEADING = {"WDT", "WP", "WP$", "IN", "DT"}  # "whose", "who", "which", "that"


def _background_clause(head: Token) -> Token | None:
    """The verb of the clause that tells a participant's past or future in passing, when
    the date governs one: "who has led the union since 2017", "whose predecessor was
    killed in 2019". That clause dates only itself, never the sentence's own event."""
    node = head
    while node.head.i != node.i:
        if node.dep_ == "acl" and node.tag_ == "VBG":
            return None  # "lorries entering the terminal late on Wednesday": the happening
        if node.dep_ in _BACKGROUND:
            return head if node.pos_ in ("VERB", "AUX") or head is node else node
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in SAYING:
            return None  # the content of a statement is the sentence's own event
        node = node.head
    return None


_DEADLINE = {"until", "till", "through", "by"}


def _deadline_noun(doc: Doc, t: TimeExpression, published: date | None) -> Token | None:
    """A thing that lasts or is due "until 2028" / "by 2028" ("a guarantee of no
    redundancies until 2028"): the date is the thing's, not the verb's that offers it.
    A verb in the past cannot happen until a later day: "offered a guarantee until
    2030" dates the guarantee, wherever the parse hangs the date."""
    span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    if span is None:
        return None
    prep = span.root if span.root.lower_ in _DEADLINE else span.root.head
    if prep.lower_ not in _DEADLINE:
        return None
    if prep.head.pos_ == "NOUN":
        return prep.head
    later = published is not None and t.start is not None and t.start > published
    if prep.head.tag_ in ("VBD", "VBN") and later:
        return next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    return None


def _clause_span(verb: Token, t: TimeExpression) -> Span:
    """The clause in words, from the noun it tells about ("the ballot, which closes on
    Friday" reads "The ballot, which closes"), without the date or a trailing preposition."""
    words = [w for w in verb.subtree if not (t.span[0] <= w.idx < t.span[1])]
    while len(words) > 1 and (words[-1].pos_ == "ADP" or words[-1].is_punct):
        words = words[:-1]
    clause = verb
    while clause.dep_ not in _BACKGROUND and clause.head.i != clause.i:
        clause = clause.head
    noun = clause.head
    if clause.dep_ in ("relcl", "acl") and noun.i < words[0].i:
        lead = [w for w in noun.lefts if w.dep_ in ("det", "amod", "compound", "poss", "nummod")]
        start = lead[0] if lead else noun
        return (start.idx, words[-1].idx + len(words[-1]))
    while len(words) > 1 and (words[0].tag_ in _LEADING or words[0].is_punct):
        words = words[1:]
    return (words[0].idx, words[-1].idx + len(words[-1]))


def _said(r: _Row) -> str:
    if r.description is not None:
        return r.articles[r.article].text[r.description[0] : r.description[1]]
    return r.text


def _event(rows: Sequence[_Row], members: Sequence[int], scores: Any) -> TimelineEvent:
    central = max(members, key=lambda m: (sum(scores[m, o] for o in members), -m))
    mentions = []
    for m in members:
        r = rows[m]
        mentions.append(
            TimelineMention(
                cite(r.articles, r.article, r.sentence, r.sentence),
                r.t.text,
                r.t.span,
                r.t.rule,
                r.t.anchor_source,
            )
        )
    c = rows[central]
    start, end = c.days
    precision = precision_of(c.t)
    confidence = {"day": 0.9, "range": 0.7, "approximate": 0.3}[precision]
    if any(r.t.anchor_source in BORROWED_ANCHORS for r in (rows[m] for m in members)):
        confidence -= 0.2
    return TimelineEvent(
        start=start.isoformat(),
        end=end.isoformat(),
        precision=precision,
        confidence=round(max(0.1, confidence), 2),
        kind="statement" if c.kind == "statement" else "event",
        description=" ".join(_said(c).split()),
        story=c.story,
        related=c.related,
        outlets=sorted({m.cite.outlet for m in mentions}),
        mentions=mentions,
    )
