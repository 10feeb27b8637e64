"""Choices for reuse detection, story clustering and storylines."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class StoryOptions:
    embedder: str = "wordllama"  # or "minilm" with the transformer extra
    window_days: int = 7  # candidate neighbours are looked for within this time window
