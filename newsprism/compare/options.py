"""Choices for comparing coverage inside a story."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class CompareOptions:
    embedder: str = "wordllama"
    lexicon_file: str | None = None  # user framing lexicon added to what is found in text
