"""Roles: how each outlet describes the same person ("senior commander" / "in charge of logistics").

What a person is said to be is often the claim that matters most about them: the
man killed in a strike is "a senior commander" in one outlet and "in charge of
logistics" in another. Descriptions are read from the parse around each mention of
a resolved person: an apposition ("X, a senior commander of ..."), the role noun
before the name ("military spokesperson Yehia Rasool"), "described as/to be ..."
("X, described to be in charge of logistics") and "identified as X" on a role noun
("a senior commander ... identified as X"). Descriptions of one person that read
alike are one; when outlets' descriptions differ, the finding shows them side by
side as ``differs``: a difference to read, not a contradiction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from newsprism.compare.context import StoryContext
from newsprism.compare.records import Finding, SlotValue
from newsprism.compare.similarity import text_scores
from newsprism.model import Mention

SAME_ROLE = 0.6  # two descriptions scoring at least this are one description
_DESCRIBE = {"describe", "identify", "name", "know", "believe", "say", "report"}
_ROLE_POS = ("NOUN",)


RoleKind = Literal["title", "description"]


@dataclass(slots=True)
class Role:
    article: str
    entity: str
    start: int
    end: int
    kind: RoleKind  # a title before the name, or a description around it
    head: str  # the description's head noun lemma, when it has one


def _tokens(doc: Doc, m: Mention) -> list[Token]:
    span = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
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


def roles_of(doc: Doc, m: Mention) -> list[tuple[int, int, RoleKind]]:
    """The spans that describe the person named at ``m``, each a title or a description."""
    toks = _tokens(doc, m)
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
    described.append(_described_after(doc, m))
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
            s, e = _bounds(sorted(words, key=lambda w: w.i))  # "spokesperson Yehia Rasool"
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


def _described_after(doc: Doc, m: Mention) -> tuple[int, int] | None:
    """ "X, described to be in charge of logistics": the words after the cue, to the end of
    the clause (the parse often hangs them elsewhere)."""
    text = doc.text
    cue = _DESCRIBED.match(text[m.span[1] : m.span[1] + 40])
    if cue is None:
        return None
    start = m.span[1] + cue.end()
    end = start
    while end < len(text) and text[end] not in ".;,\n":
        end += 1
    return (start, end) if end - start > 3 else None


def role_findings(ctx: StoryContext) -> list[Finding]:
    found: list[Role] = []
    for art_id, ann in ctx.annotations.items():
        doc = ctx.docs.get(art_id)
        if doc is None:
            continue
        people = [p for p in ann.mentions if p.label == "PERSON" and p.kind == "name"]
        for m in ann.mentions:
            if m.entity and m.label == "PERSON":
                found.extend(
                    Role(art_id, m.entity, s, e, kind, _head_noun(doc, s, e))
                    for s, e, kind in roles_of(doc, m)
                    # a description naming another person is that person's, or a list's
                    if not any(
                        s < p.span[1] and p.span[0] < e and p.entity != m.entity for p in people
                    )
                )
    by_entity: dict[str, list[Role]] = {}
    for r in found:
        by_entity.setdefault(r.entity, []).append(r)
    out: list[Finding] = []
    for entity, roles in by_entity.items():
        if len({ctx.outlet_of[r.article] for r in roles}) < 2:
            continue
        texts = [ctx.text(r.article, (r.start, r.end)) for r in roles]
        scores = text_scores(texts, ctx.embed)
        differing = [
            (i, j)
            for i in range(len(roles))
            for j in range(i + 1, len(roles))
            if ctx.outlet_of[roles[i].article] != ctx.outlet_of[roles[j].article]
            and roles[i].kind == roles[j].kind  # a title is compared with titles only
            and roles[i].head != roles[j].head  # "Federation president" / "HDWF president"
            and scores[i, j] < SAME_ROLE
        ]
        if not differing:
            continue
        involved = {k for pair in differing for k in pair}
        roles = [r for k, r in enumerate(roles) if k in involved]
        texts = [t for k, t in enumerate(texts) if k in involved]
        name = ctx.entities[entity].name if entity in ctx.entities else texts[0]
        values = [
            SlotValue(ctx.cite(r.article, (r.start, r.end), _sentence(ctx, r)), " ".join(t.split()))
            for r, t in zip(roles, texts, strict=True)
        ]
        shown = sorted({f"'{v.value}' ({v.cite.outlet})" for v in values})
        out.append(
            Finding(
                id="",
                kind="role",
                slot=f"role of {name}",
                grade="differs",
                explanation=f"outlets describe {name} differently: " + "; ".join(shown),
                values=values,
                confidence=0.6,
                caveat="descriptions are read from the grammar around each mention",
            )
        )
    return out


def _sentence(ctx: StoryContext, r: Role) -> tuple[int, int] | None:
    ann = ctx.annotations[r.article]
    for s in ann.sentences:
        if s.span[0] <= r.start < s.span[1]:
            return s.span
    return None
