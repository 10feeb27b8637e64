"""Translated copies: one agency text carried by outlets in different languages.

An agency story reprinted in translation shares no words with its original, so
neither MinHash nor the word alignment of ``reuse.py`` can see it. What a
translation keeps is the sentences, one by one and in their order. Each sentence is
placed in the multilingual encoder's space (the same sentence in two languages scores
about 0.75-0.9 there, two sentences about the same event 0.4-0.65) and the longest
chain of close pairs that keeps the order of both texts is the evidence: two outlets
covering one event independently share facts scattered through their texts (the
encoder scores a fact told in other words as high as its translation), a translation
shares a run of consecutive sentences in the same order.

Sentences inside quotation marks are left out: two outlets quoting one speaker in
their own languages quote the same source, they do not copy each other.

Only articles in one story and in different languages are compared, so the cost is
that of the stories with more than one language, not of the store.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence

import numpy as np

from newsprism.model import Article, ReusePair, SharedSentence, Story
from newsprism.stories.options import StoryOptions
from newsprism.stories.reuse import QUOTED_SHARE, likely_origin, order_pair
from newsprism.stories.textunits import Unit, quoted_share, sentences

log = logging.getLogger(__name__)

Encoder = Callable[[Sequence[str]], np.ndarray]


def find_translations(
    articles: Sequence[Article],
    stories: Sequence[Story],
    options: StoryOptions | None = None,
    encode: Encoder | None = None,
) -> list[ReusePair]:
    """``translation`` reuse pairs among the articles of each story, strongest first.

    ``encode`` maps sentences to unit vectors in one space for all languages (the
    multilingual encoder by default)."""
    options = options or StoryOptions()
    if encode is None:
        from newsprism.multilingual_encoder import encode as multilingual

        encode = multilingual
    by_id = {a.id: a for a in articles}
    found: list[ReusePair] = []
    for story in stories:
        members = [by_id[a] for a in story.articles if a in by_id]
        if len({a.language for a in members if a.language}) < 2:
            continue
        units = {a.id: own_sentences(a.text, options.translation_min_words) for a in members}
        vectors = _encode_all(units, encode)
        for x, y in itertools.combinations(members, 2):
            if not x.language or not y.language or x.language == y.language:
                continue
            pair = compare_translation(x, y, units, vectors, options)
            if pair is not None:
                found.append(pair)
    found.sort(key=lambda p: (-p.score, p.a, p.b))
    log.debug("translations: %d pairs", len(found))
    return found


def own_sentences(text: str, min_words: int) -> list[Unit]:
    """The sentences an outlet wrote itself: long enough to carry a fact, not quoted."""
    return [
        u
        for u in sentences(text)
        if len(u.text.split()) >= min_words and quoted_share(text, u.span) < QUOTED_SHARE
    ]


def _encode_all(units: dict[str, list[Unit]], encode: Encoder) -> dict[str, np.ndarray]:
    order = [(aid, u) for aid, us in units.items() for u in us]
    if not order:
        return {aid: np.zeros((0, 1), dtype=np.float32) for aid in units}
    matrix = encode([u.text for _, u in order])
    out: dict[str, np.ndarray] = {}
    row = 0
    for aid, us in units.items():
        out[aid] = matrix[row : row + len(us)]
        row += len(us)
    return out


def compare_translation(
    x: Article,
    y: Article,
    units: dict[str, list[Unit]],
    vectors: dict[str, np.ndarray],
    options: StoryOptions,
) -> ReusePair | None:
    """A ``translation`` pair when enough sentences of x and y match in order; ``a`` is
    the likely original (it credits an agency the other does not, or came first)."""
    a, b = order_pair(x, y)
    va, vb = vectors[a.id], vectors[b.id]
    if not len(va) or not len(vb):
        return None
    sims = va @ vb.T
    chain = ordered_matches(sims, options.translation_match)
    if longest_run(chain, options.translation_max_gap) < options.translation_min_sentences:
        return None
    ua, ub = units[a.id], units[b.id]
    shared = [SharedSentence(ua[i].span, ub[j].span, round(float(sims[i, j]), 3)) for i, j in chain]
    matched_a, matched_b = {i for i, _ in chain}, {j for _, j in chain}
    coverage = len(chain) / min(len(ua), len(ub))
    origin, reason = likely_origin(a, b, "translation", len(shared))
    return ReusePair(
        a=a.id,
        b=b.id,
        kind="translation",
        score=round(coverage * float(np.mean([s.similarity for s in shared])), 3),
        shared=shared,
        added_a=[u.span for i, u in enumerate(ua) if i not in matched_a],
        added_b=[u.span for j, u in enumerate(ub) if j not in matched_b],
        origin=origin,
        origin_reason=reason,
    )


def longest_run(chain: Sequence[tuple[int, int]], max_gap: int) -> int:
    """The most matches in a row, each at most ``max_gap`` sentences after the last in
    both texts: a translator may drop or add a sentence, an independent account shares
    facts scattered through the text."""
    best = current = 1 if chain else 0
    for (i0, j0), (i1, j1) in itertools.pairwise(chain):
        current = current + 1 if i1 - i0 <= max_gap and j1 - j0 <= max_gap else 1
        best = max(best, current)
    return best


def ordered_matches(similarity: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """The longest chain of sentence pairs at or above ``threshold`` that keeps the order
    of both texts (a longest common subsequence over the similarity matrix); among
    chains of one length, the one with the higher total similarity."""
    n, m = similarity.shape
    hit = similarity >= threshold
    # score = (pairs, total similarity), compared as a tuple
    count = np.zeros((n + 1, m + 1), dtype=np.int32)
    total = np.zeros((n + 1, m + 1), dtype=np.float64)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best_c, best_t = count[i - 1, j], total[i - 1, j]
            if (count[i, j - 1], total[i, j - 1]) > (best_c, best_t):
                best_c, best_t = count[i, j - 1], total[i, j - 1]
            if hit[i - 1, j - 1]:
                c, t = count[i - 1, j - 1] + 1, total[i - 1, j - 1] + similarity[i - 1, j - 1]
                if (c, t) > (best_c, best_t):
                    best_c, best_t = c, t
            count[i, j], total[i, j] = best_c, best_t
    chain: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        here = (count[i, j], total[i, j])
        if hit[i - 1, j - 1] and here == (
            count[i - 1, j - 1] + 1,
            total[i - 1, j - 1] + similarity[i - 1, j - 1],
        ):
            chain.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif here == (count[i - 1, j], total[i - 1, j]):
            i -= 1
        else:
            j -= 1
    return chain[::-1]
