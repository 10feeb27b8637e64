"""Descriptions of named actors: "the North Korean leader", "the president", "Japan's
prime minister", joined to the name they stand for in the same article.

Outlets label one actor many ways, and the framing table compares exactly those
labels, so a description must be joined to its actor, not left as loose words. The
join is made only on evidence the article itself gives: an apposition ("Shinzo Abe,
Japan's prime minister"), or a role word the article has put before the name as a
title ("President Trump", "North Korean leader Kim Jong Un") and then uses alone
("the president", "the North Korean leader"). A description with no such evidence is
left out rather than guessed. The joined mention keeps the description's words as its
text, ``kind="description"``, and the name in ``head``, so cross-article resolution
gives it the actor's entity.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsprism.language.speech import TITLE_GENDER
from newsprism.model import Mention

_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GROUP"})
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "appos"})
_NOT_ROLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "former", "late", "then"})


def describe_actors(doc: Doc, names: Sequence[Mention], offset: int = 0) -> list[Mention]:
    """Description mentions joined to a named actor of the same document."""
    actors = [m for m in names if m.label in _ACTOR_LABELS and m.kind == "name"]
    if not actors:
        return []
    roles = _titles(doc, actors, offset)
    taken = [(m.span[0] - offset, m.span[1] - offset) for m in names]
    out: list[Mention] = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ != "NOUN" or any(s <= root.idx < e for s, e in taken):
            continue
        actor = _apposed(root, actors, offset) or _by_role(root, roles)
        if actor is None:
            continue
        start, end = _trim(chunk)
        if end <= start:
            continue
        out.append(
            Mention(
                span=(start + offset, end + offset),
                text=doc.text[start:end],
                label=actor.label,
                head=actor.head or actor.text,
                kind="description",
            )
        )
        roles.setdefault(root.lemma_.lower(), []).append((root.idx, actor))
    return out


def _titles(
    doc: Doc, actors: Sequence[Mention], offset: int
) -> dict[str, list[tuple[int, Mention]]]:
    """Role word -> (position, actor) for each title written before a name: "President"
    in "President Trump", "leader" in "North Korean leader Kim Jong Un"."""
    roles: dict[str, list[tuple[int, Mention]]] = {}
    for m in actors:
        first = _token_at(doc, m.span[0] - offset)
        if first is None:
            continue
        tok = doc[first.i - 1] if first.i > 0 else None
        while tok is not None and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in _TITLE_DEPS:
            word = tok.lemma_.lower().rstrip(".")
            if word in _NOT_ROLES or word in TITLE_GENDER or tok.ent_type_ in ("GPE", "NORP"):
                break
            if tok.head.i >= first.i or tok.head.i == tok.i + 1:
                roles.setdefault(word, []).append((tok.idx, m))
                break  # the title's last word is its head ("Prime Minister" -> minister)
            tok = doc[tok.i - 1] if tok.i > 0 else None
    return roles


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _apposed(root: Token, actors: Sequence[Mention], offset: int) -> Mention | None:
    """ "Shinzo Abe, Japan's prime minister" (and the reverse order)."""
    other: Token | None = root.head if root.dep_ == "appos" else None
    if other is None:
        other = next((c for c in root.children if c.dep_ == "appos"), None)
    if other is None:
        return None
    for m in actors:
        if m.span[0] - offset <= other.idx < m.span[1] - offset:
            return m
    return None


def _by_role(root: Token, roles: dict[str, list[tuple[int, Mention]]]) -> Mention | None:
    """The actor the article titled with this role word, the latest one before it (or
    the first after, for a description that comes before the name). Two different
    actors with the same title before it leave it unjoined, and so does a plural
    ("armed groups" are not the one group named)."""
    if root.tag_ != "NN":
        return None
    seen = roles.get(root.lemma_.lower())
    if not seen:
        return None
    before = [(pos, m) for pos, m in seen if pos < root.idx]
    if before:
        keys = {(m.head or m.text).split()[-1] for _, m in before[-3:]}
        return before[-1][1] if len(keys) == 1 else None
    return min(seen, key=lambda p: p[0])[1]


def _trim(chunk: Span) -> tuple[int, int]:
    """The description's words: the noun phrase without a leading "that"/"which"."""
    tokens = [t for t in chunk if not t.is_space]
    while tokens and tokens[0].dep_ in ("punct", "cc"):
        tokens = tokens[1:]
    if not tokens:
        return 0, 0
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
