"""Sentence-by-sentence alignment of two texts, and the word edits inside shared sentences.

Wire copy is rarely byte-identical: outlets add a dateline, swap "Islamic State" for
"ISIS", drop an adjective, append paragraphs. Aligning sentences (not whole texts) shows
which sentences travelled and exactly what each outlet changed in them.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from newsprism.model import SharedSentence, Span
from newsprism.stories.textunits import Unit, norm_word, sentences, words

MIN_WORDS = 4  # shorter lines (datelines, bylines) are not worth aligning on their own
MAX_EDITS = 8  # a sentence rewritten more than this is described by its shared passage


@dataclass(slots=True)
class Alignment:
    shared: list[SharedSentence] = field(default_factory=list)
    added_a: list[Span] = field(default_factory=list)
    added_b: list[Span] = field(default_factory=list)
    coverage_a: float = 0.0  # share of a's sentence characters found in b
    coverage_b: float = 0.0
    mean_similarity: float = 0.0


def _key(unit: Unit) -> str:
    return _text_key(unit.text)


@functools.lru_cache(maxsize=1 << 16)
def _text_key(text: str) -> str:
    """A sentence's normalised words (cached: a sentence is keyed once per run, not once
    per pair its article is in)."""
    return " ".join(norm_word(w.text) for w in words(text) if w.text[0].isalnum())


def _grams(key: str, n: int) -> set[str]:
    toks = key.split()
    return {" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)}


def align(text_a: str, text_b: str, match: float = 0.72, passage_words: int = 8) -> Alignment:
    """Pair each sentence of ``a`` with at most one sentence of ``b``, best pairs first.

    Two sentences are shared when their normalised words are at least ``match`` similar
    (rapidfuzz ratio) or when they share a verbatim run of ``passage_words`` words (a
    quote carried into a rewritten sentence).
    """
    sa, sb = sentences(text_a), sentences(text_b)
    ka, kb = [_key(u) for u in sa], [_key(u) for u in sb]
    ia = [i for i, k in enumerate(ka) if len(k.split()) >= MIN_WORDS]
    ib = [j for j, k in enumerate(kb) if len(k.split()) >= MIN_WORDS]
    out = Alignment()
    if ia and ib:
        scores = process.cdist([ka[i] for i in ia], [kb[j] for j in ib], scorer=fuzz.ratio) / 100
        grams_b = {j: _grams(kb[j], passage_words) for j in ib}
        cands: list[tuple[float, int, int, bool]] = []
        for x, i in enumerate(ia):
            grams_a = _grams(ka[i], passage_words)
            for y, j in enumerate(ib):
                s = float(scores[x, y])
                if s >= match:
                    cands.append((s, i, j, False))
                elif grams_a and not grams_a.isdisjoint(grams_b[j]):
                    cands.append((s, i, j, True))
        cands.sort(key=lambda c: (-c[0], c[1], c[2]))
        used_a: set[int] = set()
        used_b: set[int] = set()
        for s, i, j, passage in cands:
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            edits = _passage(sa[i], sb[j]) if passage else _edits(sa[i], sb[j])
            out.shared.append(SharedSentence(sa[i].span, sb[j].span, round(s, 3), edits))
    out.shared.sort(key=lambda s: s.a)
    matched_a = {s.a for s in out.shared}
    matched_b = {s.b for s in out.shared}
    out.added_a = [u.span for u in sa if u.span not in matched_a]
    out.added_b = [u.span for u in sb if u.span not in matched_b]
    out.coverage_a = _covered(sa, matched_a)
    out.coverage_b = _covered(sb, matched_b)
    if out.shared:
        out.mean_similarity = sum(s.similarity for s in out.shared) / len(out.shared)
    return out


def _covered(units: list[Unit], matched: set[Span]) -> float:
    total = sum(len(u.text) for u in units)
    return sum(len(u.text) for u in units if u.span in matched) / total if total else 0.0


def _edits(a: Unit, b: Unit) -> tuple[str, ...]:
    """Word-level edits that turn sentence ``a`` into ``b``, quoting each side's own words.

    Punctuation-only differences (a full stop inside or outside the quote marks) are left
    out: they say nothing about how the copy was edited.
    """
    wa, wb = words(a.text), words(b.text)
    na, nb = [norm_word(w.text) for w in wa], [norm_word(w.text) for w in wb]
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, na, nb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if not any(t[0].isalnum() for t in na[i1:i2] + nb[j1:j2]):
            continue
        old = _surface(a.text, wa, i1, i2)
        new = _surface(b.text, wb, j1, j2)
        if op == "replace":
            out.append(f"replaced '{old}' with '{new}'")
        elif op == "delete":
            out.append(f"dropped '{old}'")
        else:
            out.append(f"added '{new}'")
    if len(out) > MAX_EDITS:
        return (*out[:MAX_EDITS], f"... and {len(out) - MAX_EDITS} more edits")
    return tuple(out)


def _passage(a: Unit, b: Unit) -> tuple[str, ...]:
    wa, wb = words(a.text), words(b.text)
    na, nb = [norm_word(w.text) for w in wa], [norm_word(w.text) for w in wb]
    m = difflib.SequenceMatcher(None, na, nb, autojunk=False)
    block = m.find_longest_match(0, len(na), 0, len(nb))
    run = _surface(a.text, wa, block.a, block.a + block.size)
    return (f"rewritten around the shared passage '{run}'",)


def _surface(text: str, toks: list[Unit], i1: int, i2: int) -> str:
    if i1 >= i2:
        return ""
    return text[toks[i1].span[0] : toks[i2 - 1].span[1]]
