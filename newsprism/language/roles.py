"""What a person is said to be, read from the English parse around a mention of them.

An apposition ("X, a senior commander of ..."), the role noun before the name
("military spokesperson Dana Orrin"), "described as/to be ..." ("X, described to be
in charge of logistics") and "identified as X" on a role noun ("a senior commander ...
identified as X"). ``person_roles`` gives each as a ``PersonRole``, stored with the
annotations, so the comparison of roles never walks the parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsprism.model import Mention, PersonRole, RoleKind, Span

_DESCRIBE = {"describe", "identify", "name", "know", "believe", "say", "report"}
_ROLE_POS = ("NOUN",)


def person_roles(doc: Doc, mentions: Sequence[Mention]) -> list[PersonRole]:
    """The roles the text gives the person at each mention, each with its head noun.

    Read at every mention, whatever its label: which mentions are people the
    comparison decides, once names are resolved across articles."""
    spans = dict.fromkeys(m.span for m in mentions)  # one reading per place named
    return [
        PersonRole(at, s, e, kind, _head_noun(doc, s, e))
        for at in spans
        for s, e, kind in _role_spans(doc, at)
    ]


def _tokens(doc: Doc, at: Span) -> list[Token]:
    span = doc.char_span(at[0], at[1], alignment_mode="expand")
    return list(span) if span is not None else []


def _bounds(tokens: Sequence[Token]) -> tuple[int, int]:
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last)


def _phrase(tok: Token, skip: set[int]) -> tuple[int, int] | None:
    words = [w for w in tok.subtree if w.i not in skip and not w.is_punct]
    while words and words[0].dep_ in ("det", "punct", "cc"):
        words = words[1:]
    if not words or not any(w.pos_ in _ROLE_POS for w in words):
        return None
    return _bounds(words)


def _role_spans(doc: Doc, at: Span) -> list[tuple[int, int, RoleKind]]:
    """The spans that describe the person named at ``at``, each a title or a description."""
    toks = _tokens(doc, at)
    if not toks:
        return []
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[-1])
    described: list[tuple[int, int] | None] = []
    for child in head.children:
        if child.dep_ == "appos" and child.i not in inside and child.pos_ in _ROLE_POS:
            described.append(_phrase(child, inside))  # "X, a senior commander of ..."
        elif child.dep_ in ("acl", "relcl") and child.lemma_.lower() in _DESCRIBE:
            rest = [w for w in child.subtree if w.i != child.i and w.dep_ != "aux"]
            if rest:
                described.append(_bounds(rest))  # "X, described to be in charge of logistics"
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        verb = head.head.head
        if verb.lemma_.lower() in _DESCRIBE and verb.dep_ == "acl" and verb.head.pos_ in _ROLE_POS:
            noun = verb.head
            while (
                noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN"
            ):
                noun = noun.head.head  # "a senior commander of ... group identified as X"
            skip = {w.i for w in verb.subtree}
            described.append(_phrase(noun, skip))  # "a senior commander ... identified as X"
    described.append(_described_after(doc, at))
    out: list[tuple[int, int, RoleKind]] = [
        (s, e, "description") for s, e in (d for d in described if d is not None)
    ]
    left = [
        t
        for t in head.lefts
        if t.i not in inside and t.dep_ in ("compound", "amod", "nmod") and t.pos_ in _ROLE_POS
    ]
    if left:
        words = [w for t in left for w in t.subtree if w.i not in inside]
        words = [w for w in words if w.dep_ not in ("det",) and not w.is_punct]
        if words:
            s, e = _bounds(sorted(words, key=lambda w: w.i))  # "spokesperson Dana Orrin"
            out.append((s, e, "title"))
    return out


def _head_noun(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    nouns = [t for t in span if t.pos_ == "NOUN"]
    root = span.root if span.root.pos_ == "NOUN" else (nouns[-1] if nouns else span.root)
    return root.lemma_.lower()


_DESCRIBED = re.compile(
    r"^\s*,\s*(?:who\s+(?:is|was)\s+)?(?:described|identified|known)\s+(?:to\s+be|as)\s+"
)


def _described_after(doc: Doc, at: Span) -> tuple[int, int] | None:
    """ "X, described to be in charge of logistics": the words after the cue, to the end of
    the clause (the parse often hangs them elsewhere)."""
    text = doc.text
    cue = _DESCRIBED.match(text[at[1] : at[1] + 40])
    if cue is None:
        return None
    start = at[1] + cue.end()
    end = start
    while end < len(text) and text[end] not in ".;,\n":
        end += 1
    return (start, end) if end - start > 3 else None
