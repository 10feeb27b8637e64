"""A list of "claims only one outlet carries" is a finding only where another outlet could have
carried them: a story told by one outlet has no such list (the bundled example's
one-article story listed every sentence under "What differs"). Invented text, the real
language layer."""

from __future__ import annotations

import pytest
from test_findings_cells import article, run

pytestmark = pytest.mark.slow  # runs the spaCy and WordLlama models

HARBOUR = [
    "The Orsk harbour bridge reopened to traffic on Monday after eight months of repairs.",
    "Engineers replaced 140 cables and resurfaced the deck.",
]


def test_a_story_told_by_one_outlet_lists_no_claims_only_it_carries() -> None:
    out = run([article("a", "Valley News", HARBOUR)])
    assert out.facts
    assert out.overview.single_outlet == []


def test_with_a_second_outlet_a_claim_only_one_carries_is_listed() -> None:
    out = run(
        [
            article("a", "Valley News", HARBOUR),
            article(
                "b",
                "Plains Herald",
                [
                    "The Orsk harbour bridge was opened to traffic again on Monday after repairs.",
                    "The mayor cut a ribbon at the northern end.",
                ],
            ),
        ]
    )
    single = {f.id for f in out.facts if "ribbon" in f.text or "cables" in f.text}
    assert single and single <= set(out.overview.single_outlet)
