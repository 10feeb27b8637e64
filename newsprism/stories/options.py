"""Choices for reuse detection, story clustering and storylines.

The clustering thresholds and weights were tuned on the tune split (``own_split``) of
ECB+ topics 1-35 and of the GVC development half (``benchmarks/bench_cluster_ecbplus.py``,
``benchmarks/bench_cluster_gvc.py``); the check splits were kept for reporting. The two
similarity cuts depend on the embedder's cosine scale and live in its registry entry
(``newsprism.embedders``): unset here means "the embedder's own".
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.embedders import StoryCuts, embedder
from newsprism.errors import OptionsError


@dataclass(slots=True)
class StoryOptions:
    embedder: str = "wordllama"  # or "minilm" with the transformer extra
    window_days: int = 7  # candidate neighbours are looked for within this time window
    title_weight: float = 2.0  # how much more a headline word counts than a body word

    # --- clustering: pair similarity = weighted sum of cosines (weights need not sum to 1)
    tfidf_weight: float = 0.8
    dense_weight: float = 0.2  # the embedder's cosine in the lexical clustering's pair score
    entity_weight: float = 0.25  # only used when entities_by_article is given
    cluster_threshold: float | None = None  # average-linkage similarity to merge; None: embedder's
    neighbours: int = 30  # approximate nearest neighbours looked at per article
    max_span_days: int = 30  # a story never grows longer than this (dated articles)

    # --- grouping (stories.grouping): the fitted same-event model decides; these bound work
    same_event_cut: float | None = None  # P(same event) to merge; None: the fitted model's cut
    candidate_days: int = 120  # neighbours further apart than this (both dated) are not scored

    # --- event identity (stories.evidence), added to a pair's similarity when annotated
    people_weight: float = 0.1  # up to this for named people both articles mention
    figure_weight: float = 0.05  # up to this for ages and counts both state
    other_people_weight: float = 0.05  # taken when each lead names people the other never does
    other_ages_weight: float = 0.1  # taken when both state ages and none is shared
    same_day_weight: float = 0.03  # both leads state the same day
    date_weight: float = 0.3  # the most a gap between event days takes away
    date_decay_days: float = 3.0  # a gap of this many days takes 63% of date_weight
    published_day_trust: float = 0.3  # share of the penalty when a day is only a publication day

    # --- reuse (wire copy)
    shingle_words: int = 5
    minhash_perm: int = 64  # MinHash permutations to find candidate copies
    lsh_bands: int = 32  # 32 bands x 2 rows: pairs with Jaccard >~ 0.15 usually collide
    reuse_dense_min: float = 0.5  # dense neighbours at least this close are also checked
    min_shared_shingles: int = 3  # ... if they share this many word shingles (a quote)
    sentence_match: float = 0.72  # rapidfuzz ratio / 100 for two sentences to count as shared
    passage_words: int = 8  # or a verbatim run of this many words (a shared quote)
    wire_copy_coverage: float = 0.6  # share of the shorter text found in the other
    duplicate_coverage: float = 0.92  # share of each text found in the other: one text twice
    # translated copy: sentences close in the multilingual encoder's space, in order
    translation_match: float = 0.65  # between "same sentence" (0.75+) and "same event" (<0.65)
    translation_min_sentences: int = 3  # consecutive matched sentences: a run in order is copy
    translation_max_gap: int = 2  # sentences a translator may drop or add inside a run
    translation_min_words: int = 5  # shorter lines (datelines, captions) carry no sentence

    # --- storylines
    related_threshold: float | None = None  # story-centroid similarity to link; None: embedder's
    related_max_days: int = 90  # stories further apart than this are not linked
    related_min_entities: int = 2  # shared resolved entities (when given) to count as related

    def cuts(self) -> StoryCuts:
        """The embedder's cuts, with the values the user set (if any) on top."""
        base = embedder(self.embedder).story
        for name in ("cluster_threshold", "related_threshold"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float)
            ):
                raise OptionsError(f"stories.{name} must be a number, got {value!r}")
        return StoryCuts(
            cluster=base.cluster if self.cluster_threshold is None else self.cluster_threshold,
            related=base.related if self.related_threshold is None else self.related_threshold,
        )
