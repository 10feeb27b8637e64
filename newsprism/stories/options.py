"""Choices for reuse detection, story clustering and storylines.

The clustering thresholds and weights were tuned on the ECB+ training topics only
(``benchmarks/bench_cluster_ecbplus.py``); the development topics were kept for reporting.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class StoryOptions:
    embedder: str = "wordllama"  # or "minilm" with the transformer extra
    window_days: int = 7  # candidate neighbours are looked for within this time window
    title_weight: float = 2.0  # how much more a headline word counts than a body word

    # --- clustering: pair similarity = weighted sum of cosines (weights need not sum to 1)
    tfidf_weight: float = 0.8
    dense_weight: float = 0.2
    entity_weight: float = 0.25  # only used when entities_by_article is given
    cluster_threshold: float = 0.24  # minimum average-linkage similarity to merge two groups
    neighbours: int = 30  # approximate nearest neighbours looked at per article
    max_span_days: int = 30  # a story never grows longer than this (dated articles)

    # --- reuse (wire copy)
    shingle_words: int = 5
    minhash_perm: int = 64
    lsh_bands: int = 32  # 32 bands x 2 rows: pairs with Jaccard >~ 0.15 usually collide
    reuse_dense_min: float = 0.5  # dense neighbours at least this close are also checked
    min_shared_shingles: int = 3  # ... if they share this many word shingles (a quote)
    sentence_match: float = 0.72  # rapidfuzz ratio / 100 for two sentences to count as shared
    passage_words: int = 8  # or a verbatim run of this many words (a shared quote)
    wire_copy_coverage: float = 0.6  # share of the shorter text found in the other
    duplicate_coverage: float = 0.92

    # --- storylines
    related_threshold: float = 0.20  # story-centroid similarity for "continues this story"
    related_max_days: int = 90  # stories further apart than this are not linked
    related_min_entities: int = 2  # shared resolved entities (when given) to count as related
