"""One timeline for a story and its storyline: each dated happening once, every outlet on it.

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
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from newsprism.compare.embed import Embedder
from newsprism.compare.evidence import evidence, trim_span
from newsprism.compare.facts import Fact
from newsprism.compare.nlp import parse_articles
from newsprism.compare.options import WORDLLAMA_CUTS, Cuts
from newsprism.compare.people import SAYING  # a date on one of these dates the statement
from newsprism.compare.similarity import text_scores
from newsprism.compare.units import Unit
from newsprism.model import Annotations, Article, Span, TimeExpression

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
    kind: str = "event"
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


def _rows(
    sources: Sequence[tuple[str, Mapping[str, Article], Mapping[str, Annotations]]],
) -> list[_Row]:
    rows: list[_Row] = []
    for story_id, articles, story_annotations in sources:
        for art_id, ann in story_annotations.items():
            if art_id not in articles:
                continue
            text = articles[art_id].text
            for t in ann.times:
                if t.start is None:
                    continue
                sent = trim_span(text, t.sentence or _sentence(ann, t.span, text))
                rows.append(
                    _Row(story_id, art_id, articles, t, sent, text[sent[0] : sent[1]])
                )  # fmt: skip
    return rows


def _fact_of(units: Sequence[Unit], facts: Sequence[Fact]) -> dict[tuple[str, Span], str]:
    """Sentences that state a fact other outlets state too, by fact id."""
    out: dict[tuple[str, Span], str] = {}
    for fact in facts:
        if len({units[m].article for m in fact.members}) < 2:
            continue
        for m in fact.members:
            out.setdefault((units[m].article, units[m].sentence), fact.id)
    return out


def build_timeline(
    sources: Sequence[tuple[str, Mapping[str, Article], Mapping[str, Annotations]]],
    embed: Embedder,
    docs: Mapping[str, Doc] | None = None,
    units: Sequence[Unit] = (),
    facts: Sequence[Fact] = (),
    cuts: Cuts = WORDLLAMA_CUTS,
) -> list[dict[str, Any]]:
    """``sources`` are (story id, articles, annotations) for the story and its related stories."""
    rows = _rows(sources)
    if not rows:
        return []
    parsed = dict(docs or {})
    missing = {r.article: r.articles[r.article] for r in rows if r.article not in parsed}
    parsed.update(parse_articles(missing) if missing else {})
    fact_of = _fact_of(units, facts)
    for r in rows:
        r.kind, r.terms, r.core = _frame(parsed[r.article], r)
        r.fact = fact_of.get((r.article, r.sentence))
    df = Counter(term for r in rows for term in r.terms)
    idf = {term: math.log(1 + len(rows) / n) for term, n in df.items()}
    scores = text_scores([r.text for r in rows], embed)
    parent = list(range(len(rows)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            b = rows[j]
            if a.days != b.days or a.kind != b.kind:
                continue
            shared = a.terms & b.terms
            # one side's own happening is told in the other's sentence, in rare words
            told = max(sum(idf[w] for w in shared & a.core), sum(idf[w] for w in shared & b.core))
            same_fact = a.fact is not None and a.fact == b.fact
            if same_fact or told >= SHARED_WEIGHT or scores[i, j] >= cuts.same_event:
                parent[find(i)] = find(j)
    events: dict[int, list[int]] = {}
    for i in range(len(rows)):
        events.setdefault(find(i), []).append(i)
    out = [_event(rows, members, scores) for members in events.values()]
    out.sort(key=lambda e: (e["start"], e["end"], e["kind"], e["description"]))
    return out


def _event(rows: Sequence[_Row], members: Sequence[int], scores: Any) -> dict[str, Any]:
    central = max(members, key=lambda m: (sum(scores[m, o] for o in members), -m))
    mentions = []
    for m in members:
        r = rows[m]
        item = evidence(r.articles, r.article, r.sentence)
        item["expression"] = r.t.text
        item["expression_span"] = list(r.t.span)
        item["rule"] = r.t.rule
        mentions.append(item)
    start, end = rows[central].days
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "kind": rows[central].kind,
        "description": rows[central].text,
        "story": rows[central].story,
        "outlets": sorted({m["outlet"] for m in mentions}),
        "mentions": mentions,
    }
