"""Choices for reading articles in languages other than English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class MultilingualOptions:
    # A user word file (TSV: language, table, words, value) added to the shipped tables
    # in newsprism.lexicon; see newsprism.language.rules.words.
    words_file: str | None = None
