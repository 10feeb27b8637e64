"""Choices for comparing coverage inside a story.

Thresholds live here, not in the modules, so that a user options file can tune them
and ``newsprism options`` shows every value the comparison used.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class CompareOptions:
    embedder: str = "wordllama"  # or "minilm" with the transformer extra
    lexicon_file: str | None = None  # user framing lexicon added to what is found in text
    align_threshold: float = 0.66  # combined similarity for two sentences to state one fact
    align_linkage: float = 0.6  # mean similarity a merged fact group must keep (no chaining)
    split_clauses: bool = True  # also try the clauses of compound sentences
    quote_threshold: float = 0.6  # share of a quote's words found in another to join them
    digest_sentences: int = 6
    max_entity_mentions: int = 20  # evidence listed per entity in the report
