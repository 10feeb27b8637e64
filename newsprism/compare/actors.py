"""Which resolved entities of a story are one actor across languages and scripts.

Resolution joins spellings within the bounds it can defend for the whole corpus;
framing needs one row per actor of one story, and outlets in other languages write a
Russian name three ways ("Korzhin", "Korjine", "Korschin"). Two entities are one
actor when their last name words sound the same once the letters transliterations
disagree on are made one (:func:`sound`: "zh", "j", "sch" are one sound, a final "e"
is silent), both long enough to tell names apart, and, where both give a first name,
the first names are close too ("Anders" and "Lena Brandt" stay two). Letters no
transliteration trades stay apart: "Barovo" and "Banovo" are two people. A group
never takes two people whose first names differ, whatever single surname ties them.
A name written as one word ("Brandt", or a given name used alone) is the one longer
name of the story that holds that word; when two do ("Anders Brandt", "Lena Brandt"), it
stays apart, unless one is written far more often (the other a ticket, "Brandt-Lind").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from newsprism.language.names import name_tokens, similarity
from newsprism.language.rules.labels import is_title_word
from newsprism.model import Entity

FIRST_NAME_SIMILARITY = 50.0
MIN_SURNAME = 5  # shorter words ("Kim", "Ali") are shared by too many people
MIN_LONE = 4  # a one-word name this short ("Ali") is too common to join by its word
LONE_DOMINANCE = 3  # the longer name a lone word joins is written this many times as often
# as any other longer name holding that word (a pair's "Brandt-Lind" ticket is not Brandt)


def actor_keys(ids: Iterable[str], entities: Mapping[str, Entity]) -> dict[str, str]:
    """Entity id -> the id of the entity that stands for its actor."""
    ids = sorted(set(ids))
    parent = {i: i for i in ids}
    firsts: dict[str, set[str]] = {}
    last: dict[str, str] = {}
    for i in ids:
        entity = entities.get(i)
        words = name_tokens(entity.name) if entity else ()
        if words:
            last[i] = words[-1]
            firsts[i] = {words[0]} if len(words) >= 2 else set()

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def agree(a: set[str], b: set[str]) -> bool:
        return (
            not a or not b or any(similarity(x, y) >= FIRST_NAME_SIMILARITY for x in a for y in b)
        )

    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            if a not in last or b not in last:
                continue
            sa, sb = last[a], last[b]
            if min(len(sa), len(sb)) < MIN_SURNAME or sound(sa) != sound(sb):
                continue
            ra, rb = find(a), find(b)
            if ra == rb or not agree(firsts[ra], firsts[rb]):
                continue
            parent[ra] = rb
            firsts[rb] |= firsts[ra]
    # a lone "Talesh" is the one longer name of the story it is a word of
    for a in ids:
        words_a = name_tokens(entities[a].name) if a in entities else ()
        if len(words_a) != 1 or len(words_a[0]) < MIN_LONE:
            continue  # (no test by entity label: a lone surname may be read as a place)
        fuller: dict[str, int] = {}
        for b in ids:
            words_b = name_tokens(entities[b].name) if b != a and b in entities else ()
            if len(words_b) < 2 or any(is_title_word(w, "en") for w in words_b):
                continue  # "Tarsk Gov Ilse Dorn" is a title read into a name
            if sound(words_a[0]) in {sound(w) for w in words_b}:
                root = find(b)
                fuller[root] = fuller.get(root, 0) + sum(entities[b].variants.values())
        ranked = sorted(fuller.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] < LONE_DOMINANCE * ranked[1]):
            continue  # two longer names hold the word: "Brandt" may be either
        best = max(fuller, key=lambda r: fuller[r])
        if find(a) != best:
            parent[find(a)] = best
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    out: dict[str, str] = {}
    for members in groups.values():
        best = max(members, key=lambda i: (_weight(entities.get(i)), i))
        for i in members:
            out[i] = best
    return out


# Spellings of one sound across the Latin transliterations of Cyrillic, Arabic and
# Persian names, longest first: English "zh", French "j", German "sch" are one sound.
_SOUNDS = (
    ("sch", "s"), ("zh", "s"), ("sh", "s"), ("ch", "s"), ("kh", "h"), ("gu", "g"),
    ("ou", "u"), ("ck", "k"), ("ph", "f"), ("j", "s"), ("z", "s"), ("c", "k"), ("q", "k"),
    ("w", "v"), ("y", "i"), ("ee", "i"), ("ie", "i"),
)  # fmt: skip


def sound(word: str) -> str:
    """A name word with the letters transliterations disagree on made one."""
    out = word.lower()
    for a, b in _SOUNDS:
        out = out.replace(a, b)
    out = re.sub(r"(.)\1+", r"\1", out)  # "Hassani" is "Hasani"
    return out[:-1] if len(out) > 3 and out.endswith("e") else out


def _weight(entity: Entity | None) -> tuple[int, int]:
    """The entity that names the actor: the most mentioned, then the fullest name."""
    if entity is None:
        return (0, 0)
    return (sum(entity.variants.values()), len(name_tokens(entity.name)))
