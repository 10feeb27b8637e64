"""Sentences of one story in different languages scored on the comparison's scale.

The comparison aligns claims by an English embedder blended with shared words; a
Spanish sentence shares neither with its English original, so every foreign sentence
would stand alone as a claim one outlet carries. Measured on the invented Kharzan
coverage (examples/multilingual), the multilingual encoder rates a sentence and its
rendering in another language 0.58-0.80 and the next best sentence of the other
article at most 0.34. So for units in different languages the score is the encoder's
cosine moved so that ``MATCH_COSINE`` sits at the comparison's align cut; pairs in one
language keep the comparison's own score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from newsprism.model import Article
from newsprism.multilingual.annotate import language_group

MATCH_COSINE = 0.55  # multilingual cosine at which two sentences state one claim


def cross_language_scores(
    texts: Sequence[str], groups: Sequence[str], align_cut: float
) -> np.ndarray:
    """Scores for every pair of texts in different language groups (0 within a group)."""
    from newsprism.multilingual.encoder import encode

    n = len(texts)
    out = np.zeros((n, n), dtype=np.float32)
    if n == 0 or len(set(groups)) < 2:
        return out
    vecs = encode(list(texts))
    cos = vecs @ vecs.T
    g = np.array(groups)
    other = g[:, None] != g[None, :]
    out[other] = np.clip(cos[other] + (align_cut - MATCH_COSINE), 0.0, None)
    return out


def with_other_languages(
    sim: np.ndarray,
    texts: Sequence[str],
    owners: Sequence[str],
    articles: Mapping[str, Article],
    align_cut: float,
) -> np.ndarray:
    """``sim`` (the comparison's unit scores) with pairs in different languages scored
    by the multilingual encoder; unchanged, and no encoder loaded, for a story in one
    language. ``owners`` are the units' article ids."""
    groups = [language_group(articles[a].language) for a in owners]
    if len(set(groups)) < 2:
        return sim
    cross = cross_language_scores(texts, groups, align_cut)
    joined: np.ndarray = np.maximum(sim, cross).astype(np.float32)
    return joined
