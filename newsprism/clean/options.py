"""Choices for boilerplate removal, page splitting and description."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class CleanOptions:
    template_min_pages: int = 3  # a line on this many pages of one site is site template
    split_pages: bool = True  # a page holding several articles (a live page, a digest) is split
    split_min_words: int = 40  # a second article needs at least this many words of body
    split_max_topic_similarity: float = 0.35  # a new title + caption splits only below this
    teaser_similarity: float = 90.0  # rapidfuzz partial_ratio of a teaser to a later paragraph
    day_first: bool = True  # read 05.01.2024 as 5 January
    language_min_ratio: float = 0.15  # stopword share needed to name a language
    outlet_file: str | None = None  # a user outlet table added to the shipped one
    workers: int = 2  # processes cleaning pages at once in a local run (1: no extra process)
