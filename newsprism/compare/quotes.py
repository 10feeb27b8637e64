"""Quote groups: one statement as each outlet printed it, with word-level differences.

Outlets trim, translate and retype quotes ("factor for instability" / "factor of
instability"); a partial quote lifted from a longer one belongs to the longer one's
group. Grouping needs the same speaker (when both are known) and most of the
shorter quote's words inside the longer one.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from newsprism.compare.evidence import evidence, outlet_name, trim_span
from newsprism.compare.similarity import content_terms
from newsprism.model import Annotations, Article, Entity, Quote

_WORDS = re.compile(r"\S+")
MIN_QUOTE_TERMS = 2  # "aggression" alone is a scare quote, not a statement
UNSURE_SPEAKER_MARGIN = 0.25  # extra overlap needed when a guessed speaker disagrees
# How a speaker was found when it is named in the quote's own sentence: trusted.
SURE_RESOLUTIONS = {"same-sentence", None}


@dataclass(slots=True)
class _Q:
    article: str
    quote: Quote
    span: tuple[int, int]
    text: str
    terms: set[str]


def _containment(a: _Q, b: _Q) -> float:
    small, big = (a, b) if len(a.terms) <= len(b.terms) else (b, a)
    if not small.terms:
        return 0.0
    lexical = len(small.terms & big.terms) / len(small.terms)
    return max(lexical, fuzz.partial_ratio(small.text.lower(), big.text.lower()) / 100.0)


def _same_speaker(a: Quote, b: Quote) -> bool | None:
    """True or False when both speakers are resolved, None when one is unknown."""
    if a.speaker_entity and b.speaker_entity:
        return a.speaker_entity == b.speaker_entity
    return None


def guessed_speaker(q: Quote) -> bool:
    """A speaker reached through "she said" or a neighbouring sentence can be the wrong one."""
    return q.speaker_resolution not in SURE_RESOLUTIONS


def word_diff(canonical: str, variant: str) -> list[dict[str, str]]:
    """same/added/removed runs of words, reading the variant against the canonical text."""
    a = [w.strip('"“”‘’.,;:').lower() for w in _WORDS.findall(canonical)]
    b_words = _WORDS.findall(variant)
    b = [w.strip('"“”‘’.,;:').lower() for w in b_words]
    a_words = _WORDS.findall(canonical)
    ops: list[dict[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append({"op": "same", "text": " ".join(b_words[j1:j2])})
            continue
        if i2 > i1:
            ops.append({"op": "removed", "text": " ".join(a_words[i1:i2])})
        if j2 > j1:
            ops.append({"op": "added", "text": " ".join(b_words[j1:j2])})
    return ops


def _window(canonical: str, variant: str) -> str:
    """The part of a longer canonical quote that a shorter variant corresponds to."""
    if len(variant) >= len(canonical) * 0.8:
        return canonical
    al = fuzz.partial_ratio_alignment(variant.lower(), canonical.lower())
    if al is None:
        return canonical
    start, end = al.dest_start, al.dest_end
    while start > 0 and not canonical[start - 1].isspace():
        start -= 1
    while end < len(canonical) and not canonical[end].isspace():
        end += 1
    return canonical[start:end]


def group_quotes(
    articles: Mapping[str, Article],
    annotations: Mapping[str, Annotations],
    entities: Mapping[str, Entity],
    threshold: float,
) -> list[dict[str, Any]]:
    items: list[_Q] = []
    for art_id, ann in annotations.items():
        if art_id not in articles:
            continue
        text = articles[art_id].text
        for q in ann.quotes:
            if q.where != "text":
                continue  # headline quotes index the title; the body carries the statement
            span = trim_span(text, q.span)
            words = text[span[0] : span[1]]
            terms = content_terms(words)
            if span[1] > span[0] and len(terms) >= MIN_QUOTE_TERMS:
                items.append(_Q(art_id, q, span, words, terms))
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    scored = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[i].article == items[j].article and items[i].span == items[j].span:
                continue
            qi, qj = items[i].quote, items[j].quote
            same = _same_speaker(qi, qj)
            if same is False and not (guessed_speaker(qi) or guessed_speaker(qj)):
                continue  # two speakers named in their own sentences: two statements
            if same is False:  # nearly the same words outweigh a pronoun resolved wrongly
                need = threshold + UNSURE_SPEAKER_MARGIN
            else:
                need = threshold if same else threshold + 0.15
            score = _containment(items[i], items[j])
            if score >= need:
                scored.append((score, i, j))
    # speakers named in the quote's own sentence, per group: a group never gets two
    sure = [
        {q.quote.speaker_entity} if q.quote.speaker_entity and not guessed_speaker(q.quote)
        else set()
        for q in items
    ]  # fmt: skip
    for _score, i, j in sorted(scored, reverse=True):
        ri, rj = find(i), find(j)
        if ri == rj or (sure[ri] and sure[rj] and sure[ri] != sure[rj]):
            continue
        parent[ri] = rj
        sure[rj] |= sure[ri]
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    out = [_group_record(articles, entities, [items[i] for i in m]) for m in groups.values()]
    out = [g for g in out if len({v["article"] for v in g["variants"]}) >= 2]
    out.sort(key=lambda g: (-len({v["outlet"] for v in g["variants"]}), g["text"]))
    for n, g in enumerate(out, 1):
        g["id"] = f"q{n}"
    return out


def _group_record(
    articles: Mapping[str, Article], entities: Mapping[str, Entity], members: Sequence[_Q]
) -> dict[str, Any]:
    # canonical: of the fullest direct versions (the others are read as cuts of them),
    # the one closest to all the others, i.e. the wording most outlets share
    longest = max(len(q.text) for q in members)

    def centrality(q: _Q) -> tuple[bool, bool, float]:
        spread = sum(fuzz.ratio(q.text.lower(), o.text.lower()) for o in members if o is not q)
        return (q.quote.kind == "direct", len(q.text) >= 0.8 * longest, spread)

    canonical = max(members, key=centrality)
    speakers = Counter(q.quote.speaker_entity for q in members if q.quote.speaker_entity)
    speaker_entity = speakers.most_common(1)[0][0] if speakers else None
    if speaker_entity and speaker_entity in entities:
        speaker: str | None = entities[speaker_entity].name
    else:
        written = Counter(q.quote.speaker for q in members if q.quote.speaker)
        speaker = written.most_common(1)[0][0] if written else None
    variants = []
    for q in sorted(members, key=lambda q: (q.article, q.span)):
        item = evidence(articles, q.article, q.span)
        item["kind"] = q.quote.kind
        item["speaker_as_written"] = q.quote.speaker
        item["diff"] = word_diff(_window(canonical.text, q.text), q.text)
        variants.append(item)
    return {
        "id": "",
        "speaker": speaker,
        "speaker_entity": speaker_entity,
        "text": canonical.text,
        "canonical": {
            "article": canonical.article,
            "outlet": outlet_name(articles[canonical.article]),
        },
        "variants": variants,
    }
