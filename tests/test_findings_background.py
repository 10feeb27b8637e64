"""Sentences that share a story's words but not its claim (issue 23).

A count dated to an earlier year is the record a toll is set against, not a figure
of the story; an English sentence that names no injury does not tell that two
guards were injured. Invented articles, the real language layer.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_findings_cells import article, fact, run, states

from newsprism.compare.numbers import Count, is_background
from newsprism.model import Quantity

pytestmark = pytest.mark.slow  # runs the spaCy and WordLlama models


def _flood() -> list:
    return [
        article(
            "a",
            "Vorn Courier",
            [
                "The flood killed 40 people in Vorn on Tuesday, the mayor said.",
                "It was the deadliest flood in the region since 1998.",
            ],
            published="2025-04-10T09:00",
        ),
        article(
            "b",
            "River Times",
            [
                "The mayor said the flood killed 44 people in Vorn on Tuesday.",
                "The toll made it the worst disaster in Vorn, surpassing a storm that killed 120 "
                "people in 1998.",
            ],
            published="2025-04-10T11:00",
        ),
        article(
            "c",
            "Plain Daily",
            [
                "At least 44 people died in the Vorn flood on Tuesday, the mayor said.",
                "The toll of 44 is the highest since 1998, officials said.",
            ],
            published="2025-04-10T12:00",
        ),
    ]


def test_a_count_dated_to_an_earlier_year_joins_no_figure_of_the_story() -> None:
    out = run(_flood())
    shown = {v.value for f in out.findings if f.kind == "number" for v in f.values}
    shown |= {v.value for fig in out.figures for v in fig.values}
    assert not any("120" in s for s in shown), shown
    assert any("44" in s for s in shown)  # "since 1998" bounds the story's span: kept


def _count(context: str, year: int | None) -> Count:
    return Count(
        "a",
        Quantity((0, 2), "61", 61.0),
        (0, len(context)),
        "killed",
        "people",
        context,
        context,
        None,
        [],
        None,
        datetime(year, 8, 20, tzinfo=UTC) if year else None,
        1,
    )


def test_background_counts_are_told_by_an_earlier_year_in_their_own_clause() -> None:
    assert is_background(_count("that killed 61 people in 1960", 2023), None)
    assert is_background(_count("who were killed in a 2018 fire", 2023), None)
    assert is_background(_count("que mató a 61 personas en 1960", None), 2023)  # the story's year
    assert not is_background(_count("killed 61 people, the most since 1960", 2023), None)
    assert not is_background(_count("killed 61 people on Tuesday", 2023), None)
    assert not is_background(_count("killed 61 people in 2023", 2023), None)
    assert not is_background(_count("killed 61 people in 1960", None), None)  # no year known
    # a number the sentence counts people with is no year: "and 2000 fled" is a count
    both = "killed 61 people and 2000 people fled their homes"
    assert is_background(_count(both, 2023), None)  # read as a year, it dated the 61
    assert not is_background(_count(both, 2023), None, {61.0, 2000.0})


def test_a_sentence_naming_no_injury_does_not_tell_one() -> None:
    out = run(
        [
            article(
                "a",
                "Vorn Courier",
                [
                    "Two guards were injured when protesters stormed the Tarsk grain depot.",
                    "The depot reopened on Wednesday.",
                ],
            ),
            article(
                "b",
                "River Times",
                [
                    "Protesters stormed the Tarsk grain depot on Tuesday night.",
                    "The depot reopened on Wednesday morning.",
                ],
            ),
        ]
    )
    row = fact(out, "guards were injured")
    assert states(row)["River Times"] == "omits", [(c.outlet, c.state, c.note) for c in row.cells]
