"""The coverage matrix: each claim as a whole sentence, and what every outlet does with it.

Rows come from the fact groups (sentences and clauses of different articles aligned
as one claim) and from whole sentences no group took. A row is shown by a whole
sentence, never by a clause or a headline fragment; two rows that rest on the same
sentence of an article and say the same thing are one row.

A cell is decided by looking at every sentence of the outlet, not only at the
group's members: an outlet "omits" a claim only when none of its units carries it,
verbatim or paraphrased. It "states" it in (nearly) the same words, and "differs"
when it carries it in other words (a paraphrase, shown with its similarity) or
with other figures (read from the figure slots). "contradicts" is set from the
findings, for the outlets whose value cannot be true with the claim's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np
from rapidfuzz import fuzz
from spacy.tokens import Doc, Token

from newsprism.clean.chrome import chrome_reason
from newsprism.compare.align import FactGroup, lone_sentences
from newsprism.compare.anchors import (
    Anchors,
    carries,
    conflicting_figures,
    same_words,
    sentence_anchors,
    topic_names,
)
from newsprism.compare.context import StoryContext
from newsprism.compare.copies import Provenance, independent_origins
from newsprism.compare.numbers import FigureSlot, times_in
from newsprism.compare.records import (
    BACKGROUND_DAYS,
    PREDATES,
    UNCONFIRMED,
    Cell,
    Cite,
    FactRow,
    Finding,
    SlotValue,
)
from newsprism.compare.similarity import content_terms
from newsprism.compare.slots import dated_apart, published_before
from newsprism.compare.units import Unit
from newsprism.language.rules.reader import language_group
from newsprism.lexicon import OUTCOMES, REPORTING_VERBS
from newsprism.model import Annotations, TimeExpression

OTHER_FIGURES = "other figures"  # a cell's note: the outlet gives the claim other figures
SAME_FIGURE = "same figure"  # a cell's note: the outlet gives the claim's figure elsewhere
SAME_TEXT = "same wire text as"  # a cell's note: the outlet reprints the page telling it
SAME_WORDING = 90.0  # rapidfuzz ratio of two sentences (or one inside the other) to "state"
MERGE_SHARE = 0.5  # share of a row's articles that must rest on the other row's sentences


@dataclass(slots=True)
class _Words:
    """What each sentence says in words that meet across languages
    (``multilingual.anchors``), and the pairs the encoder rated close whose words
    disagree: the last check before a cell credits an outlet with a claim."""

    near: np.ndarray
    languages: Mapping[str, str | None]
    topic: frozenset[str]
    cache: dict[tuple[str, tuple[int, int]], Anchors] = field(default_factory=dict)

    def of(self, ctx: StoryContext, article: str, sentence: tuple[int, int]) -> Anchors:
        key = (article, sentence)
        if key not in self.cache:
            self.cache[key] = sentence_anchors(ctx.text(article, sentence), self.languages[article])
        return self.cache[key]

    def tells(self, ctx: StoryContext, shown: Unit, other: Unit) -> bool:
        if other.article == shown.article:
            return True  # the row's own article tells it
        if _published_before(ctx, shown, other):
            return False
        claim = self.of(ctx, shown.article, shown.sentence)
        theirs = self.of(ctx, other.article, other.sentence)
        apart = _dated_apart(ctx, (shown.article, shown.sentence), (other.article, other.sentence))
        if apart and not same_words(claim, theirs):
            return False  # another moment, unless one claim is told with another date
        return carries(
            self.of(ctx, shown.article, shown.sentence),
            self.of(ctx, other.article, other.sentence),
            self.topic,
        )


_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_NEAR_ANCHOR = ("weekday", "relative-day", "overnight", "pending-day")  # rules of a nearby day


def _firm_times(ann: Annotations, sentence: tuple[int, int]) -> list[TimeExpression]:
    """The sentence's resolved dates that can be trusted to the year: one that writes
    its year, one read against the page's own date or dateline, or a weekday or "the
    day before" (a few days from any anchor of the story). "5 novembre" on an undated
    page, its year taken from a borrowed day, can land a year off."""
    return [
        t
        for t in times_in(ann, sentence)
        if t.start is not None
        and (
            _YEAR.search(t.text)
            or t.anchor_source in ("published", "dateline")
            or t.rule.startswith(_NEAR_ANCHOR)
        )
    ]


def _published_before(ctx: StoryContext, shown: Unit, other: Unit) -> bool:
    """The other page came out before the day the claim's sentence dates its event
    (``slots.published_before``)."""
    ann = ctx.annotations.get(shown.article)
    if ann is None:
        return False
    days = [t.start for t in _firm_times(ann, shown.sentence) if t.start and t.end == t.start]
    return published_before(
        days, ctx.articles[shown.article].published_day, ctx.articles[other.article].published_day
    )


def _dated_apart(
    ctx: StoryContext, a: tuple[str, tuple[int, int]], b: tuple[str, tuple[int, int]]
) -> bool:
    """Both sentences date what they tell, and no date of one meets a date of the other
    (``slots.dated_apart``): the 2004 quake's toll is no version of this week's, and a
    claim dated to the story's background is told only by a sentence giving its date."""
    spans = []
    for article, sentence in (a, b):
        ann = ctx.annotations.get(article)
        times = _firm_times(ann, sentence) if ann is not None else []
        spans.append([(t.start, t.end or t.start) for t in times if t.start is not None])
    first = ctx.first_day - timedelta(days=BACKGROUND_DAYS) if ctx.first_day else None
    return dated_apart(spans[0], spans[1], first)


@dataclass(slots=True)
class _Row:
    members: list[int]
    cohesion: dict[int, float] = field(default_factory=dict)
    pinned: int | None = None  # the member that shows the row, once chosen by a merge

    def central(self) -> int:
        if self.pinned is not None:
            return self.pinned
        return max(self.members, key=lambda m: (_steady(self.cohesion.get(m, 0.0)), -m))


def _steady(score: float) -> float:
    """A cohesion as a tie-break can trust: two copies of one sentence score the same
    up to the last bits of a float, which change with how the encoder batched them (a
    Dask worker and the local run chose different copies to show)."""
    return round(score, 6)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def same_wording(a: str, b: str) -> bool:
    """The same sentence, give or take a dateline, an added date or punctuation.

    Never with other figures: "34 people" is not the same words as "30 people",
    however close the letters; the shorter sentence's numbers must all be in the
    longer one (an added date only adds numbers)."""
    a, b = _norm(a), _norm(b)
    short_nums, long_nums = sorted((_NUMBER.findall(a), _NUMBER.findall(b)), key=len)
    if not set(short_nums) <= set(long_nums):
        return False
    if fuzz.ratio(a, b) >= SAME_WORDING:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 0.6 * len(long) and fuzz.partial_ratio(short, long) >= SAME_WORDING


def _sentences_of(units: Sequence[Unit], row: _Row) -> set[tuple[str, tuple[int, int]]]:
    return {(units[m].article, units[m].sentence) for m in row.members}


def _merge_rows(units: Sequence[Unit], rows: list[_Row], sim: np.ndarray, cut: float) -> list[_Row]:
    """One row per claim: a row resting on the same sentences as another (a clause
    group beside the group of its whole sentences) joins it when they match."""
    merged = True
    while merged:
        merged = False
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                a, b = rows[i], rows[j]
                shared = _sentences_of(units, a) & _sentences_of(units, b)
                if not shared:
                    continue
                smaller = min(len({units[m].article for m in r.members}) for r in (a, b))
                if len(shared) < MERGE_SHARE * smaller:
                    continue
                if float(sim[np.ix_(a.members, b.members)].max()) < cut:
                    continue
                rows[i] = _join(units, a, b)
                del rows[j]
                merged = True
                break
            if merged:
                break
    return rows


def _join(units: Sequence[Unit], a: _Row, b: _Row) -> _Row:
    """Members of both; per article the whole sentence rather than a clause of it."""
    best: dict[str, int] = {}
    for m in a.members + b.members:
        art = units[m].article
        if art not in best or (units[best[art]].is_clause and not units[m].is_clause):
            best[art] = m
    cohesion = {**b.cohesion, **a.cohesion}
    return _Row(sorted(best.values()), {m: cohesion.get(m, 0.0) for m in best.values()})


def _display(units: Sequence[Unit], row: _Row) -> int | None:
    """The member whose sentence shows the row: the central one, if it reads whole."""
    order = [
        row.central(),
        *sorted(
            (m for m in row.members if m != row.central()),
            key=lambda m: -_steady(row.cohesion.get(m, 0.0)),
        ),
    ]
    return next((m for m in order if units[m].whole), None)


def build_facts(
    ctx: StoryContext,
    units: Sequence[Unit],
    sim: np.ndarray,
    groups: Sequence[FactGroup],
    prov: Provenance,
    slots: Sequence[FigureSlot],
    near: np.ndarray | None = None,
) -> tuple[list[FactRow], dict[str, list[int]]]:
    """Fact rows in order of support, and each row's member units (by row id).

    ``near`` marks the pairs the multilingual encoder rated close but whose words
    disagree (``multilingual.align``): no evidence of one claim, and no evidence of
    its absence either; an "omits" cell over such a sentence says so."""
    if near is None:
        near = np.zeros(sim.shape, dtype=bool)
    languages = {a: art.language for a, art in ctx.articles.items()}
    sentences = {(u.article, u.sentence) for u in units}
    words = _Words(near, languages, frozenset())
    listed = sorted(sentences)
    words.topic = topic_names([words.of(ctx, a, s) for a, s in listed], [a for a, _ in listed])
    rows = [_Row(list(g.members), dict(g.cohesion)) for g in groups]
    rows += [_Row([i], {i: 1.0}) for i in lone_sentences(units, groups)]
    rows = _merge_rows(units, rows, sim, ctx.cuts.align)
    by_outlet: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        by_outlet.setdefault(ctx.outlet_of[u.article], []).append(i)
    figures = _figure_links(units, slots)
    by_sentence: dict[tuple[str, tuple[int, int]], set[str]] = {}
    for u in units:
        key = (u.article, u.sentence)
        if key not in by_sentence:
            by_sentence[key] = core_predicates(ctx.docs.get(u.article), u.sentence)
    preds = [by_sentence[(u.article, u.sentence)] for u in units]
    judged = [
        _Judged(row, *_judge(ctx, units, sim, row, by_outlet, figures, preds, words, prov))
        for row in rows
    ]
    # no whole sentence, or one that is the page's chrome (a note about the page, a
    # credit, a cut-off excerpt): not a claim any outlet can state or omit
    judged = [j for j in judged if j.shown is not None and chrome_reason(j.text) is None]
    judged = _merge_same_claims(ctx, units, sim, judged, by_outlet, figures, preds, words, prov)
    facts: list[tuple[FactRow, list[int], tuple[int, ...]]] = []
    for j in judged:
        assert j.shown is not None
        unit = units[j.shown]
        triples = [
            (units[m].article, units[m].sentence, ctx.text(units[m].article, units[m].sentence))
            for m in j.carriers
        ]
        copy_of, origins = independent_origins(triples, prov, ctx.outlet_of)
        for cell in j.cells:
            for ev in cell.evidence:
                source = copy_of.get(ev.article)
                if source is not None:
                    cell.copy_of = prov.origin.get(source, ctx.outlet_of[source])
        fact = FactRow(
            "",
            j.text,
            ctx.cite(unit.article, unit.sentence, unit.sentence),
            j.cells,
            len(origins),
            origins,
        )
        position = min(units[m].position for m in j.row.members)
        facts.append((fact, j.row.members, (-len(origins), -len(fact.carried_by), position)))
    facts.sort(key=lambda f: (f[2], f[0].cite.article))
    facts = _without_repeats(facts)
    members: dict[str, list[int]] = {}
    out = []
    for n, (fact, idx, _key) in enumerate(facts, 1):
        fact.id = f"f{n}"
        members[fact.id] = idx
        out.append(fact)
    return out, members


def _without_repeats(
    facts: list[tuple[FactRow, list[int], tuple[int, ...]]],
) -> list[tuple[FactRow, list[int], tuple[int, ...]]]:
    """Rows in order, less a row one outlet alone carries whose sentence overlaps the
    sentence of a row kept before it from the same article: the same words read twice
    (a quotation the splitter cut into a sentence and its content, a speaker's line the
    page prints twice), never two claims."""
    kept: list[tuple[FactRow, list[int], tuple[int, ...]]] = []
    shown: dict[str, list[tuple[int, int]]] = {}
    said: dict[str, set[str]] = {}
    for item in facts:
        cite = item[0].cite
        span = cite.sentence or cite.span
        spans = shown.setdefault(cite.article, [])
        words = said.setdefault(cite.article, set())
        key = _norm(item[0].text.strip(_QUOTE_MARKS + " "))
        alone = len(item[0].carried_by) == 1
        if alone and (key in words or any(s < span[1] and span[0] < e for s, e in spans)):
            continue
        spans.append(span)
        words.add(key)
        kept.append(item)
    return kept


_QUOTE_MARKS = "\"'“”‘’«»„"


@dataclass(slots=True)
class _Judged:
    row: _Row
    shown: int | None
    text: str
    cells: list[Cell]
    carriers: list[int]

    def evidence(self) -> dict[str, set[tuple[str, tuple[int, int]]]]:
        return {
            c.outlet: {(e.article, e.span) for e in c.evidence}
            for c in self.cells
            if c.state != "omits"
        }


def _judge(
    ctx: StoryContext,
    units: Sequence[Unit],
    sim: np.ndarray,
    row: _Row,
    by_outlet: Mapping[str, Sequence[int]],
    figures: _FigureLinks,
    preds: Sequence[set[str]],
    words: _Words,
    prov: Provenance,
) -> tuple[int | None, str, list[Cell], list[int]]:
    shown = _display(units, row)
    if shown is None:
        return None, "", [], []
    text = ctx.text(units[shown].article, units[shown].sentence)
    cells, carriers = _cells(
        ctx, units, sim, row, shown, text, by_outlet, figures, preds, words, prov
    )
    return shown, text, cells, carriers


SAME_CLAIM_SHARE = 0.6  # of the outlets carrying both rows, those citing the same sentence


def _same_claim(a: _Judged, b: _Judged, sim: np.ndarray, cut: float) -> bool:
    """Two rows are one claim when the outlets carrying both cite the same sentences for
    both (at least two of them) and their own sentences match."""
    ea, eb = a.evidence(), b.evidence()
    common = set(ea) & set(eb)
    same = [o for o in common if ea[o] & eb[o]]
    if len(same) < 2 or len(same) < SAME_CLAIM_SHARE * len(common):
        return False
    return bool(float(sim[np.ix_(a.row.members, b.row.members)].max()) >= cut)


def _merge_same_claims(
    ctx: StoryContext,
    units: Sequence[Unit],
    sim: np.ndarray,
    judged: list[_Judged],
    by_outlet: Mapping[str, Sequence[int]],
    figures: _FigureLinks,
    preds: Sequence[set[str]],
    words: _Words,
    prov: Provenance,
) -> list[_Judged]:
    """Rows of one claim become one: the headline claim told as a paraphrase, a quote
    and a lede is one row with each outlet's sentences, not three."""
    while True:
        index: dict[tuple[str, tuple[int, int]], list[int]] = {}
        for k, j in enumerate(judged):
            for sentences in j.evidence().values():
                for key in sentences:
                    index.setdefault(key, []).append(k)
        pairs = sorted({(x, y) for ks in index.values() for x in ks for y in ks if x < y})
        found = next(
            ((x, y) for x, y in pairs if _same_claim(judged[x], judged[y], sim, ctx.cuts.carry)),
            None,
        )
        if found is None:
            return judged
        x, y = found
        keep, other = (
            (judged[x], judged[y])
            if _states(judged[x]) >= _states(judged[y])
            else (judged[y], judged[x])
        )
        cohesion = {**other.row.cohesion, **keep.row.cohesion}
        members = sorted(set(keep.row.members) | set(other.row.members))
        row = _Row(members, {m: cohesion.get(m, 0.0) for m in members}, keep.row.central())
        merged = _Judged(row, *_judge(ctx, units, sim, row, by_outlet, figures, preds, words, prov))
        judged = [j for k, j in enumerate(judged) if k not in (x, y)] + [merged]


def _states(j: _Judged) -> tuple[int, int]:
    return (sum(1 for c in j.cells if c.state == "states"), len(j.row.members))


_FigureLinks = Mapping[tuple[str, tuple[int, int]], list[tuple[str, tuple[int, int], str]]]


def _figure_links(
    units: Sequence[Unit], slots: Sequence[FigureSlot]
) -> dict[tuple[str, tuple[int, int]], list[tuple[str, tuple[int, int], str]]]:
    """For each sentence holding a figure, the sentences of other articles holding a
    figure of the same slot (article, sentence, the figure as written, whether it is
    the same figure).

    The same figure in another sentence shows that sentence gives the count, not that
    it tells the claim: "the identities of all 10 dead were established" and "all 10
    people onboard were killed" share the toll and say different things. Such a cell
    says "same figure", never "other figures", and is no support in the digest."""
    links: dict[tuple[str, tuple[int, int]], list[tuple[str, tuple[int, int], str]]] = {}
    sentence_of = {(u.article, u.span): u.sentence for u in units if not u.is_clause}
    for slot in slots:
        for a in slot.counts:
            for b in slot.counts:
                if a.article == b.article:
                    continue
                same = a.q.value is not None and a.q.value == b.q.value
                sa = _enclosing(a.article, a.sentence, sentence_of)
                sb = _enclosing(b.article, b.sentence, sentence_of)
                if sa and sb:
                    note = f"{SAME_FIGURE}: {b.shown}" if same else f"other figures: {b.shown}"
                    links.setdefault((a.article, sa), []).append((b.article, sb, note))
    return links


def _enclosing(
    article: str,
    span: tuple[int, int],
    sentence_of: Mapping[tuple[str, tuple[int, int]], tuple[int, int]],
) -> tuple[int, int] | None:
    for (art, sent), whole in sentence_of.items():
        if art == article and sent[0] <= span[0] < sent[1]:
            return whole
    return None


def _anchored(a: Unit, b: Unit) -> bool:
    """A paraphrase shares something concrete: two content words, or a number."""
    shared = content_terms(a.text) & content_terms(b.text)
    return len(shared) >= 2 or any(t[:1].isdigit() for t in shared)


_CORE_DEPS = ("conj", "xcomp", "advcl", "ccomp")
_OBJECT_DEPS = ("dobj", "attr", "oprd", "nsubjpass", "nsubj")


def core_predicates(doc: Doc | None, span: tuple[int, int]) -> set[str]:
    """What a claim says happened: its main verbs (the reported clause's, not "said")
    and the outcome nouns they take, with outcome words read as their family
    ("death" and "killed" are one). Two sentences that share no such predicate state
    different things, however similar their words."""
    if doc is None:
        return set()
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None:
        return set()
    lo, hi = toks.start, toks.end
    roots = [t for t in toks if t.head.i == t.i or not lo <= t.head.i < hi]
    verbs: list[Token] = []
    for root in roots:
        content = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), None)
        if root.lemma_.lower() in REPORTING_VERBS and content is not None:
            root = content
        verbs.append(root)
        verbs.extend(c for c in root.children if c.dep_ in _CORE_DEPS and c.pos_ in ("VERB", "AUX"))
    out: set[str] = set()
    for verb in verbs:
        lemma = verb.lemma_.lower()
        if lemma not in REPORTING_VERBS and verb.pos_ in ("VERB", "AUX") and lemma != "be":
            out.add(OUTCOMES.get(lemma, lemma))
        for child in verb.children:
            nouns = (
                [child]
                if child.dep_ in _OBJECT_DEPS
                else [g for g in child.children if child.dep_ == "prep" and g.dep_ == "pobj"]
            )
            out.update(OUTCOMES[n.lemma_.lower()] for n in nouns if n.lemma_.lower() in OUTCOMES)
    return out


def _cells(
    ctx: StoryContext,
    units: Sequence[Unit],
    sim: np.ndarray,
    row: _Row,
    shown: int,
    text: str,
    by_outlet: Mapping[str, Sequence[int]],
    figures: Mapping[tuple[str, tuple[int, int]], list[tuple[str, tuple[int, int], str]]],
    preds: Sequence[set[str]],
    words: _Words,
    prov: Provenance,
) -> tuple[list[Cell], list[int]]:
    """Each outlet's cell. Whatever aligned a sentence with the row (a clause, a chain
    of matches, a merge of rows), it is shown as telling the claim only when its words
    agree with the sentence that shows the row; else the cell says it came close."""
    cells: list[Cell] = []
    carriers: list[int] = []
    member_set = set(row.members)
    near = words.near
    told = functools.partial(words.tells, ctx, units[shown])

    for outlet in ctx.outlets:
        mine = [m for m in row.members if ctx.outlet_of[units[m].article] == outlet]
        mine = [m for m in mine if told(units[m])]
        if mine:
            evidence = _sentence_cites(ctx, units, mine)
            same = all(
                same_wording(ctx.text(units[m].article, units[m].sentence), text)
                or same_wording(units[m].text, text)
                for m in mine
            )
            score = max(row.cohesion.get(m, 1.0) for m in mine)
            note = (
                None
                if same
                else _other_figures(ctx, words, units[shown], units, mine) or "other wording"
            )
            cells.append(
                Cell(outlet, "states" if same else "differs", evidence, round(score, 3), note)
            )
            carriers.extend(mine)
            continue
        reprint = _same_text(ctx, units, row, outlet, prov, told, text)
        if reprint is not None:
            cell, carrier = reprint
            cells.append(cell)
            carriers.extend(carrier)
            continue
        candidates = [i for i in by_outlet.get(outlet, []) if i not in member_set]
        # the best sentence whose words agree, not the best sentence if its words agree
        tellers = [i for i in candidates if told(units[i])]
        found = _carrier(ctx, units, sim, row.members, row.central(), tellers, preds)
        close = any(ctx.outlet_of[units[m].article] == outlet for m in row.members) or (
            found is None
            and _carrier(ctx, units, sim, row.members, row.central(), candidates, preds) is not None
        )
        if found is not None:
            best, score, how = found
            note = _other_figures(ctx, words, units[shown], units, [best]) or how
            cells.append(
                Cell(outlet, "differs", _sentence_cites(ctx, units, [best]), round(score, 3), note)
            )
            carriers.append(best)
            continue
        linked = _figure_carrier(ctx, units, row, outlet, figures)
        if linked is not None:
            evidence, note = linked
            cells.append(Cell(outlet, "differs", evidence, None, note))
            continue
        note = _searched(ctx, units, sim, row, candidates)
        if (before := _predates(ctx, units, row, outlet)) is not None:
            note = f"{PREDATES} ({before}); {note}"
        elif close or (candidates and bool(near[np.ix_(row.members, candidates)].any())):
            note = f"{UNCONFIRMED}; {note}"
        cells.append(Cell(outlet, "omits", note=note))
    return cells, carriers


def _other_figures(
    ctx: StoryContext, words: _Words, shown: Unit, units: Sequence[Unit], mine: Sequence[int]
) -> str | None:
    """The "other figures" note of a cell in other words whose sentences give figures
    the claim does not and none of the claim's (12,405,311 votes
    where the claim says 12,403,977). Another figure for one count is another claim, so
    the cell is no support for it. Years are dates, not figures, and one sentence's
    figures inside the other's are the same claim told more fully."""
    claim = _figures_in(words.of(ctx, shown.article, shown.sentence).numbers)
    theirs = set().union(
        *(_figures_in(words.of(ctx, units[m].article, units[m].sentence).numbers) for m in mine)
    )
    if claim and theirs and not (claim <= theirs or theirs <= claim):
        return f"{OTHER_FIGURES}: " + ", ".join(f"{n:,g}" for n in sorted(theirs - claim))
    # a figure inside the claim's set may still fill another slot: "30 of 41" is no "41"
    # (an outlet printing the claim's own sentence is not said to give other figures)
    told = words.of(ctx, shown.article, shown.sentence)
    own = ctx.text(shown.article, shown.sentence)
    if any(same_wording(ctx.text(units[m].article, units[m].sentence), own) for m in mine):
        return None
    clash = {
        f.value
        for m in mine
        for f in conflicting_figures(told, words.of(ctx, units[m].article, units[m].sentence))
    }
    if clash:
        return f"{OTHER_FIGURES}: " + ", ".join(f"{n:,g}" for n in sorted(clash))
    return None


def _figures_in(numbers: Iterable[float]) -> set[float]:
    return {n for n in numbers if not (n.is_integer() and 1900 <= n <= 2100)}


def _predates(ctx: StoryContext, units: Sequence[Unit], row: _Row, outlet: str) -> str | None:
    """The days, when every page of ``outlet`` came out a day or more before the first
    page telling the claim: a page of Sunday cannot omit what was first said on Monday
    (a search called off, a toll announced, a funeral held). None when any page is not
    dated to the day (a month alone says nothing of the day): then nobody can tell."""
    claim_days = [ctx.articles[units[m].article].published_day for m in row.members]
    own_days = [a.published_day for a in ctx.articles.values() if ctx.outlet_of[a.id] == outlet]
    if not claim_days or not own_days or None in claim_days or None in own_days:
        return None
    first = min(d for d in claim_days if d is not None)
    last = max(d for d in own_days if d is not None)
    if last >= first:
        return None
    return f"its last page {last.isoformat()}, the claim first on {first.isoformat()}"


def _same_text(
    ctx: StoryContext,
    units: Sequence[Unit],
    row: _Row,
    outlet: str,
    prov: Provenance,
    told: Callable[[Unit], bool],
    text: str,
) -> tuple[Cell, list[int]] | None:
    """The outlet's page is a copy of a page telling the claim (a ``wire-copy`` or
    ``duplicate`` pair) and carries that sentence of the shared text: the copy
    relation is the evidence, whatever the aligner made of the reprint's sentence
    (split otherwise, edited, or grouped with another row). A reprint never "omits"
    the wire text it prints. Only a member in the row's own words passes its copy on:
    a member the aligner took as a paraphrase is no wire text of this claim."""
    for m in row.members:
        member = units[m]
        if member.is_clause or not same_wording(ctx.text(member.article, member.sentence), text):
            continue  # only the row's own words are the wire text a copy carries
        for other, span in prov.same_text(member.article, member.sentence):
            if ctx.outlet_of.get(other) != outlet:
                continue
            unit = next(
                (
                    i
                    for i, u in enumerate(units)
                    if u.article == other
                    and not u.is_clause
                    and u.sentence[0] < span[1]
                    and span[0] < u.sentence[1]
                ),
                None,
            )
            if unit is not None and not told(units[unit]):
                continue  # the reprint's edit changed what the sentence says
            sentence = units[unit].sentence if unit is not None else span
            same = same_wording(ctx.text(other, sentence), text)
            source = ctx.outlet_of[member.article]
            note = f"{SAME_TEXT} {source}" if same else f"{SAME_TEXT} {source}, edited"
            cell = Cell(
                outlet,
                "states" if same else "differs",
                [ctx.cite(other, sentence, sentence)],
                None,
                note,
            )
            return cell, [unit] if unit is not None else []
    return None


def _group(ctx: StoryContext, unit: Unit) -> str:
    return language_group(ctx.articles[unit.article].language)


def _carrier(
    ctx: StoryContext,
    units: Sequence[Unit],
    sim: np.ndarray,
    members: Sequence[int],
    central: int,
    candidates: Sequence[int],
    preds: Sequence[set[str]],
) -> tuple[int, float, str] | None:
    """The outlet's sentence that carries the claim in other words, best first.

    In the claim's language a paraphrase must also share something concrete and a
    predicate (similar words are not the same claim); in another language, or as a
    longer sentence that holds the claim's words (a lede with more in it), the
    multilingual encoder's score or the words themselves are the evidence."""
    if not candidates:
        return None
    block = sim[np.ix_(list(members), list(candidates))]
    carry = ctx.cuts.carry
    for k in np.argsort(-block.max(axis=0), kind="stable"):
        i = candidates[int(k)]
        score = float(block[:, k].max())
        if score < carry:
            break
        mine = [j for j in members if _group(ctx, units[j]) == _group(ctx, units[i])]
        if not mine:  # told only in other languages: the claim's own sentence decides
            if sim[central, i] >= carry and _mutual(units, sim, central, i):
                return i, float(sim[central, i]), "paraphrase, other language"
            continue
        if any(sim[j, i] >= carry and _anchored(units[j], units[i]) and preds[j] & preds[i]
               for j in mine):  # fmt: skip
            return i, score, "paraphrase"
    for i in candidates:
        if any(_holds(units[j].text, units[i].text) for j in members):
            return i, float(block[:, candidates.index(i)].max()), "inside a longer sentence"
    return None


def _mutual(units: Sequence[Unit], sim: np.ndarray, m: int, i: int) -> bool:
    """Each is the other's closest sentence in the other's article: what a translation
    of one sentence is, and a sentence merely on the same topic seldom is."""
    mine = [j for j, u in enumerate(units) if u.article == units[m].article]
    theirs = [j for j, u in enumerate(units) if u.article == units[i].article]
    return bool(
        mine[int(np.argmax(sim[i, mine]))] == m and theirs[int(np.argmax(sim[m, theirs]))] == i
    )


def _holds(claim: str, sentence: str) -> bool:
    """A longer sentence holding the claim's words (a lede that adds a dateline or more)."""
    (a, a_words, a_numbers), (b, _, b_numbers) = _normed(claim), _normed(sentence)
    if len(a) > len(b) or a_words < 6:
        return False
    return a_numbers <= b_numbers and fuzz.partial_ratio(a, b) >= SAME_WORDING


@functools.lru_cache(maxsize=1 << 14)
def _normed(text: str) -> tuple[str, int, frozenset[str]]:
    """A sentence's normal form, word count and numbers, once per sentence: every
    candidate of every row is held against every member."""
    norm = _norm(text)
    return norm, len(norm.split()), frozenset(_NUMBER.findall(norm))


def _searched(
    ctx: StoryContext, units: Sequence[Unit], sim: np.ndarray, row: _Row, candidates: Sequence[int]
) -> str:
    """How an "omits" was checked: over how many of the outlet's sentences, in which
    languages, and how close the nearest came."""
    if not candidates:
        return "no sentence of this outlet was read"
    closest = float(sim[np.ix_(list(row.members), list(candidates))].max())
    sentences = len({(units[i].article, units[i].sentence) for i in candidates})
    langs = sorted({ctx.articles[units[i].article].language or "und" for i in candidates})
    return (
        f"searched {sentences} sentences ({', '.join(langs)}) for the claim in the same or "
        f"other words and languages: none carries it (closest {closest:.2f}, "
        f"carries from {ctx.cuts.carry:.2f})"
    )


def _best_carrier(
    units: Sequence[Unit], sim: np.ndarray, members: Sequence[int], candidates: Sequence[int]
) -> tuple[int | None, float]:
    if not candidates:
        return None, 0.0
    block = sim[np.ix_(list(members), list(candidates))].max(axis=0)
    k = int(np.argmax(block))
    return candidates[k], float(block[k])


def _figure_carrier(
    ctx: StoryContext,
    units: Sequence[Unit],
    row: _Row,
    outlet: str,
    figures: Mapping[tuple[str, tuple[int, int]], list[tuple[str, tuple[int, int], str]]],
) -> tuple[list[Cite], str] | None:
    """An outlet that gives another figure of the same slot as a member's sentence
    carries the claim with other figures; one that gives the same figure elsewhere is
    said to ("same figure"), no more."""
    claim = units[row.central()]
    for m in row.members:
        u = units[m]
        for other, sentence, shown in figures.get((u.article, u.sentence), []):
            if ctx.outlet_of[other] == outlet and not _dated_apart(
                ctx, (claim.article, claim.sentence), (other, sentence)
            ):
                return [ctx.cite(other, sentence, sentence)], shown
    return None


def _sentence_cites(ctx: StoryContext, units: Sequence[Unit], idx: Sequence[int]) -> list[Cite]:
    seen: set[tuple[str, tuple[int, int]]] = set()
    out: list[Cite] = []
    for m in sorted(idx, key=lambda m: (units[m].article, units[m].sentence)):
        key = (units[m].article, units[m].sentence)
        if key not in seen:
            seen.add(key)
            out.append(ctx.cite(units[m].article, units[m].sentence, units[m].sentence))
    return out


def mark_contradictions(
    ctx: StoryContext, facts: Sequence[FactRow], findings: Sequence[Finding]
) -> None:
    """An outlet whose value for a claim's slot cannot be true with the claim's own
    value contradicts it: its cell says so, with the clashing sentence as evidence.

    The claim's value is what the row's sentence gives (or, when it gives none, the
    outlets stating it in the same words), and every outlet giving that value says
    what the claim says. A clash between two carriers (one says 37, another 41, the
    claim says 37) makes only the 41 a contradiction; the outlet whose sentence
    shows the row never contradicts its own words; and a clash
    with a sentence of the same outlet is no contradiction between outlets."""
    by_id = {f.id: f for f in facts}
    for finding in findings:
        fact = by_id.get(finding.fact or "")
        if fact is None:
            continue
        fact.findings.append(finding.id)
        if finding.grade != "contradict":
            continue
        shown = {v.cite.article for v in finding.values} & {fact.cite.article}
        if not shown:  # the row's sentence gives no value: those stating it do
            shown = {e.article for c in fact.cells if c.state == "states" for e in c.evidence}
        said = {_value_key(v) for v in finding.values if v.cite.article in shown}
        # every article giving the claim's own value says what the claim says
        claim = shown | {v.cite.article for v in finding.values if _value_key(v) in said}
        claim_outlets = {ctx.outlet_of[a] for a in claim if a in ctx.outlet_of}
        for v in finding.values:
            if v.cite.outlet in claim_outlets:
                continue
            against = {a for a in v.clashes_with if a in claim}
            if not any(ctx.outlet_of.get(a) != v.cite.outlet for a in against):
                continue
            cell = next(c for c in fact.cells if c.outlet == v.cite.outlet)
            cell.state = "contradicts"
            cell.note = f"gives {v.value}"
            cell.evidence = [ctx.cite(v.cite.article, v.cite.span, v.cite.sentence)]


def _value_key(v: SlotValue) -> tuple[object, ...]:
    """What a value says, whatever its words: a number's range, a date's days."""
    if v.low is not None or v.high is not None:
        return ("n", v.low, v.high)
    if v.start is not None or v.end is not None:
        return ("d", v.start, v.end)
    return ("v", " ".join(v.value.lower().split()))
