"""A figure of the same count is no evidence a sentence tells the claim (issue 23).

On real coverage "the identities of all 10 dead were established" was shown as told,
"with other figures: 10 people", by every outlet printing the toll, and the digest
counted them as its support. Invented articles, the real language layer.
"""

from __future__ import annotations

import pytest
from test_findings_cells import article, fact, run, states

from newsprism.compare.digest import supporting

pytestmark = pytest.mark.slow  # runs the spaCy and WordLlama models


def _ferry() -> list:
    return [
        article(
            "a",
            "Harbour Post",
            [
                "The ferry Aldis sank off Dresk on Monday.",
                "All 41 people on board were killed, the coast guard said.",
                "Investigators said on Wednesday they had named all 41 dead using dental records.",
            ],
        ),
        article(
            "b",
            "Coast Daily",
            [
                "The ferry Aldis went down off Dresk on Monday.",
                "The coast guard said all 41 people on board died.",
            ],
        ),
        article(
            "c",
            "Dresk Herald",
            [
                "The ferry Aldis sank near Dresk on Monday.",
                "The coast guard said 41 people on board were killed.",
            ],
        ),
    ]


def test_the_same_toll_elsewhere_does_not_tell_another_claim() -> None:
    out = run(_ferry())
    row = fact(out, "dental records")
    cells = states(row)
    notes = {c.outlet: c.note or "" for c in row.cells}
    for outlet in ("Coast Daily", "Dresk Herald"):  # they give the toll, not the naming
        assert cells[outlet] == "omits" or notes[outlet].startswith("same figure"), notes
        assert not notes[outlet].startswith("other figures"), notes
    assert supporting(row) == ["Harbour Post"]


def test_digest_support_leaves_out_other_figures_and_contradictions() -> None:
    from newsprism.compare.records import Cell, Cite, FactRow

    cite = Cite("a", "Harbour Post", (0, 10), "41 killed.")
    row = FactRow(
        "f1",
        "41 killed.",
        cite,
        [
            Cell("Harbour Post", "states", [cite]),
            Cell("Coast Daily", "differs", [cite], 0.7, "other wording"),
            Cell("Dresk Herald", "differs", [cite], None, "other figures: 38 people"),
            Cell("Bay Times", "contradicts", [cite], None, "gives 12"),
            Cell("Isle Post", "differs", [cite], None, "same figure: 41 killed"),
            Cell("Quay News", "omits"),
        ],
        2,
        ["Harbour Post", "Coast Daily"],
    )
    assert supporting(row) == ["Harbour Post", "Coast Daily"]


def test_an_unconfirmed_omission_is_shown_as_unclear() -> None:
    from newsprism.compare.records import UNCONFIRMED
    from newsprism.report.views import Cell

    unclear = Cell("Quay News", "omits", note=f"{UNCONFIRMED}; searched 4 sentences (fr)")
    plain = Cell("Quay News", "omits", note="searched 4 sentences (fr)")
    assert (unclear.label, unclear.symbol) == ("unclear", "?")
    assert (plain.label, plain.symbol) == ("omits", "○")
