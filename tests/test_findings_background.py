"""Sentences that share a story's words but not its claim (issue 23).

A count dated to an earlier year is the record a toll is set against, not a figure
of the story; an English sentence that names no injury does not tell that two
guards were injured. Invented articles, the real language layer.
"""

from __future__ import annotations

import pytest
from test_findings_cells import article, fact, run, states

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
                "A storm killed 120 people in the same valley in 1998.",
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
