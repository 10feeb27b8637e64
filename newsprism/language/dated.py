"""What a date belongs to, read from the English parse: the record date findings compare.

A date is compared only with a date of the same happening, and the parse says which
happening that is: the verb it modifies ("met ... on Tuesday"), or a noun ("the death
of three soldiers late last month", "the anniversary of the 2004 bombing") when it
dates something else than the sentence's own event. ``read_date`` gives that as a
``DateReading``, stored with the annotations, so the comparison never walks the parse.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Token

from newsprism.lexicon import ATTRIBUTION_VERBS, EVENT_NOUNS, REPORTING_VERBS, UPDATE_WORDS
from newsprism.model import Annotations, DateReading, Sentence, Span, TimeExpression, trim_span

_PREPS = {"on", "in", "since", "during", "at", "by", "until", "from", "before", "after", "of"}
# a date written before a noun, as its modifier ("the 2016 election", "February's vote")
_NOUN_MODIFIERS = {"nummod", "nmod", "compound", "amod", "poss", "npadvmod"}
_EMBEDDED = {"relcl", "advcl", "acl", "ccomp", "parataxis", "csubj", "appos"}
# "revised the toll ... on Tuesday" dates the revision, like "said on Tuesday"
_STATEMENT_VERBS = ATTRIBUTION_VERBS | UPDATE_WORDS


def dated_head(doc: Doc, t: TimeExpression) -> tuple[Token | None, bool]:
    """The word a date belongs to, and whether it is a noun (a happening named in passing).

    "on Tuesday" hangs from "met"; "late last month" in "the death of three soldiers
    in Jordan late last month" hangs from "death", not from the sentence's verb."""
    span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    if span is None:
        return None, False
    node = span.root
    head = node.head
    while head.i != node.i and head.lower_ in _PREPS and head.pos_ == "ADP":
        node, head = head, head.head
    if head.i == node.i:
        return node, False
    if head.pos_ == "NOUN" and head.lemma_.lower() in EVENT_NOUNS:
        return head, True
    if node.dep_ in _NOUN_MODIFIERS and head.pos_ in ("NOUN", "PROPN") and node.i < head.i:
        return head, True  # "during his 2016 campaign": the campaign's year, not the verb's
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head, False


def read_date(doc: Doc | None, t: TimeExpression) -> DateReading:
    """The happening ``t`` belongs to; without a parse, only the expression's words."""
    head, nominal = dated_head(doc, t) if doc is not None else (None, False)
    if head is None:
        return unread_date(t)
    lemma = head.lemma_.lower()
    return DateReading(
        span=t.span,
        word=lemma,
        nominal=nominal,
        main=not nominal and _is_main(head),
        statement=not nominal and lemma in _STATEMENT_VERBS,
        negated=any(c.dep_ == "neg" for c in head.children),
        phrase=_phrase(head, t),
        extent=(head.left_edge.idx, head.right_edge.idx + len(head.right_edge)),
    )


def stored_reading(ann: Annotations | None, t: TimeExpression) -> DateReading:
    """The reading stored with the annotations for the date at ``t.span``; a date of a
    page read without a parse (or a date unknown to them) reads only its own words."""
    if ann is not None:
        for r in ann.dates:
            if r.span == t.span:
                return r
    return unread_date(t)


def unread_date(t: TimeExpression) -> DateReading:
    """What is known of a date without a parse: its own words."""
    return DateReading(t.span, None, False, False, False, False, t.text, None)


def _is_main(head: Token) -> bool:
    """The sentence's own event: its root, a verb joined to the root, or the content
    of a reported statement ("X said the strike killed ... on Wednesday")."""
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "ROOT":
        return True
    if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in REPORTING_VERBS:
        return node.head.dep_ == "ROOT"
    return False


def _phrase(head: Token, t: TimeExpression) -> str:
    """The dated happening in words: the head's own clause, without the clauses
    embedded in it ("held the gate ..., hours after police used tear gas") and
    without the date itself."""
    cut: set[int] = set()
    for w in head.subtree:
        if w.i != head.i and w.dep_ in _EMBEDDED and w.i not in cut:
            cut |= {x.i for x in w.subtree}
    words = [w for w in head.subtree if w.i not in cut and not (t.span[0] <= w.idx < t.span[1])]
    return " ".join(w.text for w in words if w.ent_type_ not in ("DATE", "TIME"))


def date_sentence(text: str, sentences: Sequence[Sentence], t: TimeExpression) -> Span:
    """The sentence a date is in (its own, else the annotated sentence holding it),
    trimmed of the white space around it."""
    span = t.sentence or next(
        (s.span for s in sentences if s.span[0] <= t.span[0] and t.span[1] <= s.span[1]),
        t.span,
    )
    return trim_span(text, span)


_YEARLESS = ("day-month-near-anchor", "month-near-anchor")


def nearest_year(t: TimeExpression) -> TimeExpression:
    """A day or month written without a year ("le 11 juillet", "5. November") in the year
    that puts it nearest the page's date: a sentencing "le 11 juillet" on a page of 30 May
    is in six weeks, not eleven months ago (the reader of other languages resolves every
    yearless date backwards)."""
    if t.rule not in _YEARLESS or t.start is None or t.anchor is None:
        return t
    start, end = t.start, t.end or t.start
    best = min(
        (-1, 0, 1),
        key=lambda k: abs((_shift_year(start, k) - t.anchor).days),  # type: ignore[operator]
    )
    if best == 0:
        return t
    return dataclasses.replace(
        t, start=_shift_year(start, best), end=_shift_year(end, best), rule=t.rule + "-nearest"
    )


def _shift_year(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
