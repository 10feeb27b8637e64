"""Choices for boilerplate removal, page splitting and description."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class CleanOptions:
    template_min_pages: int = 3  # a line on this many pages of one site is site template
    split_pages: bool = True
