"""Choices for comparing coverage inside a story.

Thresholds live here, not in the modules, so that a user options file can tune them
and ``newsprism options`` shows every value the comparison used; a field's ``help``
(its metadata) is printed above it, as datasette's settings carry theirs.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from newsprism.embedders import REGISTRY, Cuts, embedder
from newsprism.errors import OptionsError

# The cuts live in the embedder registry (one entry per embedder); these names stay for
# the modules and tests that read them.
EMBEDDER_CUTS: dict[str, Cuts] = {name: spec.compare for name, spec in REGISTRY.items()}
WORDLLAMA_CUTS = EMBEDDER_CUTS["wordllama"]
MINILM_CUTS = EMBEDDER_CUTS["minilm"]


@dataclass(slots=True)
class CompareOptions:
    embedder: str = "wordllama"  # or "minilm" with the transformer extra
    lexicon_file: str | None = None  # user framing lexicon added to what is found in text
    align_threshold: float | None = None  # None: the embedder's own cut (its registry entry)
    align_linkage: float | None = None  # None: the embedder's own cut (its registry entry)
    split_clauses: bool = True  # also try the clauses of compound sentences
    quote_threshold: float = 0.6  # share of a quote's words found in another to join them
    digest_sentences: int = 6  # items in the story's digest
    max_entity_mentions: int = 20  # evidence listed per entity in the report
    # Processes comparing stories at once in a local run: 0 picks one per CPU when there
    # are enough stories to repay starting them (stories are independent of each other).
    workers: int = 0
    estimate_reach: int = field(
        default=5,
        metadata={"help": "words before a figure searched for a projection word ('could "
                  "reach 20,000', 'pourrait dépasser', 'قد يصل'): an estimate is never the "
                  "story's figure"},
    )  # fmt: skip
    estimate_after: int = field(
        default=3,
        metadata={"help": "words after a figure searched for one ('20,000 people may have "
                  "been killed')"},
    )  # fmt: skip
    status_reach: int = field(
        default=6,
        metadata={"help": "words before a figure, inside its clause, searched for 'withdrew', "
                  "'denied', 'desmintió', 'نفت': a withdrawn or denied figure is set aside"},
    )  # fmt: skip
    status_after: int = field(
        default=4,
        metadata={"help": "words after a figure searched for one ('the figure of 300 was "
                  "later withdrawn')"},
    )  # fmt: skip

    def cuts(self) -> Cuts:
        """The embedder's cuts, with the align values the user set (if any) on top."""
        base = embedder(self.embedder).compare
        align, linkage = base.align, base.linkage
        for name, value in (("align_threshold", self.align_threshold),
                            ("align_linkage", self.align_linkage)):  # fmt: skip
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float)
            ):
                raise OptionsError(f"compare.{name} must be a number, got {value!r}")
        if self.align_threshold is not None:
            align = float(self.align_threshold)
        if self.align_linkage is not None:
            linkage = float(self.align_linkage)
        return dataclasses.replace(base, align=align, linkage=linkage)
