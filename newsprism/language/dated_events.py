"""The happening a dated sentence tells, read from the English parse: the timeline's record.

A date that belongs to another happening named in passing ("for the death of three
soldiers in Jordan late last month") dates that happening, described by its own
words, not the sentence's main event; so does a date inside a clause that tells a
participant's past in passing ("a commander whose predecessor was killed in 2019",
"who has led the union since 2017"), and a date a thing lasts to or is due by ("a
guarantee of no redundancies until 2028"). "The ministry said on Thursday that ..."
dates the saying, not what was said: a statement. ``read_dated_event`` gives all
that as a ``DatedEvent``, stored with the annotations, so the timeline never walks
the parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Token

from newsprism.language.dated import date_sentence, dated_head, nearest_year, read_date
from newsprism.lexicon import REPORTING_VERBS as SAYING  # a date on one of these dates a statement
from newsprism.model import (
    Annotations,
    Article,
    DatedEvent,
    DatedKind,
    DateReading,
    Sentence,
    Span,
    TimeExpression,
)

_CONTENT = ("NOUN", "VERB", "PROPN", "ADJ")
_AT_THE_TIME = {"when", "as", "while"}
_EMBEDDED = {"relcl", "advcl", "acl", "ccomp", "parataxis", "csubj"}
_BACKGROUND = {"relcl", "acl", "appos"}  # clauses that describe a participant in passing
_LEADING = {"WDT", "WP", "WP$", "IN", "DT"}  # "whose", "who", "which", "that"
_DEADLINE = {"until", "till", "through", "by"}


def read_dated_event(
    doc: Doc, t: TimeExpression, sentence: Span, published: date | None
) -> DatedEvent:
    """The happening ``t`` dates in its ``sentence``; ``published``, the page's day,
    tells a deadline ahead ("offered a guarantee until 2030") from a past date."""
    kind, terms, core = _frame(doc, t, sentence)
    lemmas = tuple(sorted(terms))
    head, nominal = dated_head(doc, t)
    deadline = _deadline_noun(doc, t, published)
    if deadline is not None:
        head, nominal = deadline, True
    clause = _background_clause(head) if head is not None and not nominal else None
    if nominal and head is not None:
        # the date stays where it modifies the noun ("the March 26 collapse"), and goes
        # where it trails ("the death of three soldiers late last month")
        words = [w for w in head.subtree if not (t.span[0] <= w.idx < t.span[1]) or w.i < head.i]
        while len(words) > 1 and (words[-1].pos_ == "ADP" or words[-1].is_punct):
            words = words[:-1]
        described = (words[0].idx, words[-1].idx + len(words[-1]))
        return DatedEvent(t.span, "event", lemmas, (head.lemma_.lower(),), described)
    if clause is not None:  # "a commander whose predecessor was killed in 2019"
        described = _clause_span(clause, t)
        return DatedEvent(t.span, "event", lemmas, (clause.lemma_.lower(),), described)
    return DatedEvent(t.span, kind, lemmas, tuple(sorted(core)))


def time_readings(
    doc: Doc, article: Article, sentences: Sequence[Sentence], times: Sequence[TimeExpression]
) -> tuple[list[DateReading], list[DatedEvent]]:
    """The readings stored with an article's dates: what each belongs to (for date
    findings) and, for each date with a day, what it dates (for the timeline, which
    reads a yearless day in its nearest year, as here)."""
    day = article.published.date() if article.published else None
    events = [
        read_dated_event(doc, nearest_year(t), date_sentence(article.text, sentences, t), day)
        for t in times
        if t.start is not None
    ]
    return [read_date(doc, t) for t in times], events


def stored_event(ann: Annotations, t: TimeExpression) -> DatedEvent | None:
    """The timeline reading stored for the date at ``t.span``, if the page was parsed."""
    return next((e for e in ann.events if e.span == t.span), None)


def _saying_verb(tok: Token) -> Token | None:
    """The verb of saying whose complement holds ``tok``, if any."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in SAYING:
            return node.head
        node = node.head
    return None


def _terms(words: Sequence[Token]) -> frozenset[str]:
    return frozenset(
        t.lemma_.lower()
        for t in words
        if t.pos_ in _CONTENT
        and not t.is_stop
        and t.is_alpha
        and t.ent_type_ not in ("DATE", "TIME", "CARDINAL")
        and t.lemma_.lower() not in SAYING
    )


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


def _frame(
    doc: Doc, t: TimeExpression, sentence: Span
) -> tuple[DatedKind, frozenset[str], frozenset[str]]:
    """Statement or event, the words of the sentence around the date, and of its own clause."""
    when = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    sent = doc.char_span(sentence[0], sentence[1], alignment_mode="expand")
    if when is None or sent is None:
        return "event", frozenset(), frozenset()
    governor = when.root.head
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
    said = [c for c in governor.children if c.dep_ in ("ccomp", "parataxis")]
    skip = {w.i for w in when}
    kind: DatedKind
    if governor.lemma_.lower() in SAYING and said:
        kind = "statement"  # who spoke, not what they said, is the happening
        skip |= {w.i for c in said for w in c.subtree}
        words = [w for w in sent if w.i not in skip]
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
            words = [w for w in clause.subtree if w.i not in skip]
        else:
            words = [w for w in sent if w.i not in skip]
    return kind, _terms(words), _terms(_core(governor, words))


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
