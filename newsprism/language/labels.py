"""The words an English outlet puts around a name, read from the spaCy parse.

A label is a description the text itself ties to a named actor: a title before the
name ("former President Anders Brandt", "Kesmet Gov. Mara Lind"), the head noun a
name modifies ("the Orla container ship"), an apposition on either side ("Mara Lind,
governor of Kesmet", "the militia chief, Volkov,") and the predicate of "NAME is
the ..." or "NAME has become the ...". Forms of address ("Mr."), articles, possessors
and counts are no part of a label, and a quantity word ("scores") or a pronoun is
never one; nor is an adjective before a place ("southern Türkiye"). Only English pages
are read here: the English parse of a page in a language no reader covers (Turkish)
describes nobody. Other languages are read by rule (``rules.labels``); both give
``ActorLabel`` records.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from newsprism.language.rules.labels import is_title_word
from newsprism.lexicon import (
    DURATION_NOUNS,
    EVENT_NOUNS,
    HONORIFICS,
    PEOPLE_NOUNS,
    VAGUE_COUNTS,
)
from newsprism.model import ActorLabel, LabelKind, Mention

_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
_LEADING_SKIP = frozenset({"det", "poss", "case", "predet", "nummod", "punct", "cc", "prep"})
_MAX_WORDS = 10
_TIME_NOUNS = DURATION_NOUNS | {"date", "time", "today"}


def actor_labels(doc: Doc, mentions: Sequence[Mention], offset: int = 0) -> list[ActorLabel]:
    """Labels of the named mentions, in text order, one per phrase."""
    named = [(m.span[0] - offset, m.span[1] - offset) for m in mentions if m.kind == "name"]
    out: dict[tuple[int, int], ActorLabel] = {}
    for m in mentions:
        if m.kind != "name":
            continue
        span = doc.char_span(m.span[0] - offset, m.span[1] - offset, alignment_mode="expand")
        if span is None or not len(span):
            continue
        person = m.label == "PERSON"
        place = m.label in ("GPE", "LOC")
        for tokens, kind in _found(span, person):
            if place and kind == "title":
                continue  # "southern Türkiye", "neighbouring Syria": where, not who
            tokens = _trimmed(tokens)
            if not tokens or not _describes(tokens, named):
                continue
            if person and tokens[-1].tag_ in ("NNS", "NNPS"):
                continue  # one person is never "his lawyers": a list read as an apposition
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if start < span.end_char and span.start_char < end:
                continue
            key = (start + offset, end + offset)
            out.setdefault(key, ActorLabel(key, doc.text[start:end], m.span, kind))
    return sorted(out.values(), key=lambda lab: lab.span)


def _found(span: Span, person: bool) -> Iterator[tuple[list[Token], LabelKind]]:
    doc, root = span.doc, span.root
    inside = set(range(span.start, span.end))
    # the head noun the name modifies: "the Orla container ship" -> "container ship"
    # (not a role: the "Korva chief" is no Korva, the "U.S. president" no U.S.)
    # nor a group of people: "Korva soldiers" are no Korva; and a person's name
    # before a noun is whose the thing is ("the Brandt campaign"), not what he is
    owner = root.head if root.dep_ == "compound" and root.head.i >= span.end else None
    if (
        owner is not None
        and not person
        and owner.tag_ == "NN"
        and not is_title_word(owner.lower_, "en")
        and owner.lemma_.lower() not in PEOPLE_NOUNS | EVENT_NOUNS  # "the bridge collapse"
    ):
        yield list(doc[span.end : owner.i + 1]), "title"
        inside.add(owner.i)
    # a title before the name: its words modify the name (or the noun it modifies)
    tokens: list[Token] = []
    i = span.start - 1
    while i >= 0 and span.start - i <= _MAX_WORDS:
        tok = doc[i]
        if not tokens and tok.ent_type_ == "PERSON" and tok.dep_ == "compound":
            inside.add(tok.i)  # "President Anders Brandt" where the name read is "Brandt"
            i -= 1
            continue
        hyphen = tok.text in ("-", "‐") and not tok.whitespace_  # "President-elect"
        if not hyphen and (
            tok.dep_ not in _TITLE_DEPS or tok.head.i not in inside | {t.i for t in tokens}
        ):
            break
        tokens.insert(0, tok)
        i -= 1
    # a person's title holds a role noun: "Donetsk region Denis Pushilin" is a misparse
    if tokens and (not person or any(is_title_word(t.lower_.rstrip("."), "en") for t in tokens)):
        yield tokens, "title"
    # appositions on either side, unless the commas are a list's
    for child in root.children:
        if (
            child.dep_ == "appos"
            and child.pos_ == "NOUN"
            and not listed(child, root)
            and not titles_another(child, inside)
        ):
            yield _phrase(child), "apposition"
    head = root.head
    reverse = root.dep_ == "appos" and head.pos_ == "NOUN" and head.i not in inside
    if reverse and not listed(root, head):
        yield _phrase(head), "apposition"
    # "Brandt is the first former president ..."
    if root.dep_ == "nsubj" and root.head.lemma_ in ("be", "become"):
        for child in root.head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                yield _phrase(child), "predicate"


def titles_another(noun: Token, inside: set[int] | frozenset[int] = frozenset()) -> bool:
    """The noun is the title of a name of its own: in "Ilse Marrow, Velmora's Friday
    prayer Imam Omar Vahl", the parse hangs "prayer" on Marrow and Vahl on "prayer";
    the words are Vahl's, the next person's in the list."""
    return any(
        c.dep_ in ("appos", "compound", "flat") and c.ent_type_ == "PERSON" and c.i not in inside
        for c in noun.children
    )


def listed(*tokens: Token) -> bool:
    """Commas of a list read as an apposition: "Brandt, the foreign minister, and other
    officials" names three parties, and the minister is not Brandt."""
    return any(c.dep_ in ("conj", "cc") for t in tokens for c in t.children)


def _phrase(noun: Token) -> list[Token]:
    """The noun's own phrase: its left modifiers, and an "of" complement up to that
    complement's noun ("head of the Korva Group security company"), without a
    relative clause or any other right-hand clause."""
    doc = noun.doc
    end = noun.i
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                end = pobj.i
        break
    return list(doc[noun.left_edge.i if noun.left_edge.i <= noun.i else noun.i : end + 1])


def _hyphened(tok: Token) -> bool:
    """One word with the next through a hyphen: "three-time", "85-year-old"; not the
    parts of a date ("2025-08-27 Vorga chief"), whose hyphen joins numbers."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
    return (
        not tok.whitespace_
        and nxt is not None
        and nxt.text in ("-", "‐")
        and after is not None
        and after.is_alpha
    )


def _trimmed(tokens: Sequence[Token]) -> list[Token]:
    out = [t for t in tokens if not t.is_space]
    while (
        out
        and not _hyphened(out[0])  # "three-time", "85-year-old": one word with the next
        and (
            out[0].dep_ in _LEADING_SKIP
            or out[0].tag_ == "POS"
            or out[0].like_num
            or out[0].lower_.rstrip(".") in HONORIFICS
            or out[0].dep_ in ("advmod", "quantmod")
        )
    ):
        out = out[1:]
    while out and (out[-1].is_punct and out[-1].text != "."):
        out = out[:-1]
    return out


def _describes(tokens: Sequence[Token], named: Sequence[tuple[int, int]]) -> bool:
    """A description, not a count, a pronoun or another name: some word of it is no
    part of a named mention, and its head is a noun that is no quantity word."""
    if len(tokens) > _MAX_WORDS:
        return False
    head = tokens[-1]
    if head.pos_ == "PRON" or head.lower_ in VAGUE_COUNTS or head.lemma_.lower() in VAGUE_COUNTS:
        return False
    if head.lemma_.lower() in _TIME_NOUNS:
        return False  # "date 2025-08-24 President Anders Brandt": a page's header, no label
    if all(t.lower_.rstrip(".") in HONORIFICS for t in tokens):
        return False
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return False  # another person's name: a list or a misparse, not a description
    unnamed = [t for t in tokens if not any(s <= t.idx < e for s, e in named)]
    return any(c.isalpha() for t in unnamed for c in t.text)
