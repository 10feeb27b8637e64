"""Choices for reading articles in languages other than English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class MultilingualOptions:
    # A user word file (TSV: language, table, words, value) added to the shipped tables
    # in newsprism.lexicon; see newsprism.multilingual.words.
    words_file: str | None = None
    # Cross-language joining (newsprism.multilingual.evidence): the multilingual
    # encoder's cosine an article needs with a story's articles in other languages,
    # and the concrete evidence (names, figures, dates) it needs on top.
    cluster_within_language: bool = True  # stories within each language, then joined
    join_cosine: float = 0.55
    join_score: float = 0.7
