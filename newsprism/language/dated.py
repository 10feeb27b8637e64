"""What a date belongs to, read from the English parse: the record date findings compare.

A date is compared only with a date of the same happening, and the parse says which
happening that is: the verb it modifies ("met ... on Tuesday"), or a noun ("the death
of three soldiers late last month", "the anniversary of the 2004 bombing") when it
dates something else than the sentence's own event. ``read_date`` gives that as a
``DateReading``, so the comparison never walks the parse itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsprism.lexicon import ATTRIBUTION_VERBS, EVENT_NOUNS, REPORTING_VERBS, UPDATE_WORDS
from newsprism.model import Span, TimeExpression

_PREPS = {"on", "in", "since", "during", "at", "by", "until", "from", "before", "after", "of"}
_EMBEDDED = {"relcl", "advcl", "acl", "ccomp", "parataxis", "csubj", "appos"}
# "revised the toll ... on Tuesday" dates the revision, like "said on Tuesday"
_STATEMENT_VERBS = ATTRIBUTION_VERBS | UPDATE_WORDS


@dataclass(frozen=True, slots=True)
class DateReading:
    """The happening one date belongs to, as the parse tells it.

    ``word`` is the lemma of the word the date belongs to (None when the parse cannot
    place the date: no parse, or a span that does not align). ``extent`` is the
    characters of that word's whole phrase, where its participants are named."""

    word: str | None
    nominal: bool  # the date modifies a noun: another happening named in passing
    main: bool  # the date is on the sentence's own event
    statement: bool  # the date is on a verb that attributes or revises ("said", "revised")
    negated: bool  # "did not respond on Thursday": nothing happened that day
    phrase: str  # the dated happening in words, without the date
    extent: Span | None


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
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head, False


def read_date(doc: Doc | None, t: TimeExpression) -> DateReading:
    """The happening ``t`` belongs to; without a parse, only the expression's words."""
    head, nominal = dated_head(doc, t) if doc is not None else (None, False)
    if head is None:
        return DateReading(None, False, False, False, False, t.text, None)
    lemma = head.lemma_.lower()
    return DateReading(
        word=lemma,
        nominal=nominal,
        main=not nominal and _is_main(head),
        statement=not nominal and lemma in _STATEMENT_VERBS,
        negated=any(c.dep_ == "neg" for c in head.children),
        phrase=_phrase(head, t),
        extent=(head.left_edge.idx, head.right_edge.idx + len(head.right_edge)),
    )


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
