"""Sentences of one story in other languages scored on the comparison's scale.

The comparison aligns claims by an English embedder blended with shared words; a
Spanish sentence shares neither with its English original, so every foreign sentence
would stand alone as a claim one outlet carries. Measured on the invented Kharzan
coverage (examples/multilingual), the multilingual encoder rates a sentence and its
rendering in another language 0.58-0.80 and the next best sentence of the other
article at most 0.34.

So every pair with a sentence read by rule (``newsprism.language.rules``) is scored by
the encoder: pairs in two languages, and pairs in one language other than English,
which the English embedder can only match by shared names and digits. Its cosine is
mapped linearly so that ``MATCH_COSINE`` sits at the comparison's align cut and
``CARRY_COSINE`` at its carry cut (a claim told in other words). A plain shift would
put the carry cut at a cosine of 0.39, where a different bombing already scores: two
rows of different claims (the toll and "41 of the injured are critical", told in one
Indonesian sentence) were then merged into one fact carried by every outlet. English
pairs (and languages no rule reads) keep the comparison's own score.

Within one story the encoder rates sentences that say different things about the same
event as close as a translation, so a pair it scores keeps its score only when the
sentences' words agree too (``anchors``: the same outcome, and a name, figure or
outcome in common); otherwise it stays just under the carry cut, close but no claim.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from newsprism.compare.anchors import failing_pairs, sentence_anchors
from newsprism.language.rules.reader import language_group
from newsprism.model import Article

MATCH_COSINE = 0.55  # multilingual cosine at which two sentences state one claim
CARRY_COSINE = 0.45  # ... at which one carries the other's claim in other words
BELOW_CARRY = 0.01  # how far under the carry cut a pair whose words disagree is put
DEFAULT_GROUP = "default"  # English and the languages no rule reads (reader.language_group)


def encoder_pairs(groups: Sequence[str]) -> np.ndarray:
    """Which pairs the encoder scores: two languages, or one language read by rule."""
    g = np.array(groups)
    return np.asarray((g[:, None] != g[None, :]) | (g[:, None] != DEFAULT_GROUP))


def cross_language_scores(
    texts: Sequence[str], groups: Sequence[str], align_cut: float, carry_cut: float
) -> np.ndarray:
    """Scores for the pairs ``encoder_pairs`` picks, on the comparison's scale (0 for
    the others, which the comparison scores itself)."""
    from newsprism.multilingual_encoder import encode

    n = len(texts)
    out = np.zeros((n, n), dtype=np.float32)
    if n == 0 or set(groups) == {DEFAULT_GROUP}:
        return out
    vecs = encode(list(texts))
    cos = vecs @ vecs.T
    slope = (align_cut - carry_cut) / (MATCH_COSINE - CARRY_COSINE)
    mask = encoder_pairs(groups)
    out[mask] = np.clip(carry_cut + (cos[mask] - CARRY_COSINE) * slope, 0.0, 1.0)
    return out


def with_other_languages(
    sim: np.ndarray,
    texts: Sequence[str],
    owners: Sequence[str],
    articles: Mapping[str, Article],
    align_cut: float,
    carry_cut: float,
) -> tuple[np.ndarray, np.ndarray]:
    """``sim`` (the comparison's unit scores) with the pairs of sentences read by rule
    scored by the multilingual encoder; unchanged, and no encoder loaded, for a story
    told only in English. ``owners`` are the units' article ids. Second, the pairs the
    encoder rated close whose words disagree (put under the carry cut)."""
    groups = [language_group(articles[a].language) for a in owners]
    owner = np.array(owners)
    others = owner[:, None] != owner[None, :]  # one article's sentences keep their score
    joined: np.ndarray = sim.astype(np.float32, copy=True)
    if not set(groups) <= {DEFAULT_GROUP}:
        cross = cross_language_scores(texts, groups, align_cut, carry_cut)
        mask = encoder_pairs(groups) & others
        joined[mask] = cross[mask]
    near = _unless_words_agree(joined, others, texts, owners, articles, carry_cut)
    return joined, near


def _unless_words_agree(
    cross: np.ndarray,
    mask: np.ndarray,
    texts: Sequence[str],
    owners: Sequence[str],
    articles: Mapping[str, Article],
    carry_cut: float,
) -> np.ndarray:
    """Pairs at or above the carry cut whose words disagree are put just under it;
    returned marked."""
    near = np.zeros(cross.shape, dtype=bool)
    rows, cols = np.nonzero(np.triu(mask & (cross >= carry_cut), k=1))
    if len(rows) == 0:
        return near
    languages = [articles[o].language for o in owners]
    anchors = [sentence_anchors(t, lang) for t, lang in zip(texts, languages, strict=True)]
    pairs = [(int(i), int(j)) for i, j in zip(rows, cols, strict=True)]
    for i, j in failing_pairs(anchors, owners, pairs):
        low = min(float(cross[i, j]), carry_cut - BELOW_CARRY)
        cross[i, j] = cross[j, i] = low
        near[i, j] = near[j, i] = True
    return near
