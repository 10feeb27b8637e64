"""Timeline events dated by the expression that governs them; an axis of the story's
own days (issue 23). Invented coverage, the real language layer and chart."""

from __future__ import annotations

import pytest
from test_findings_cells import article, run

from newsprism.report.charts import timeline_chart

pytestmark = pytest.mark.slow  # runs the spaCy and WordLlama models


def test_a_background_clause_dates_itself_and_later_deadlines_leave_the_axis() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Gunmen attacked a convoy near the Tarsk depot on Tuesday, killing two guards.",
                    "The convoy carried a commander whose predecessor was killed in 2019.",
                    "The company offered the families a guarantee of pensions until 2030.",
                ],
                "2025-04-10T09:00",
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Two guards were killed on Tuesday when gunmen attacked a convoy near the "
                    "Tarsk depot.",
                ],
                "2025-04-10T10:00",
            ),
        ]
    )
    by_year = {e.start[:4]: e for e in out.timeline}
    assert by_year["2019"].description == "a commander whose predecessor was killed", by_year[
        "2019"
    ]
    assert "convoy" not in by_year["2019"].description
    assert by_year["2030"].description == "a guarantee of pensions"
    chart = timeline_chart(out.timeline, out.span)
    assert [r.start[:4] for r in chart.ahead] == ["2030"]
    assert [r.start[:4] for r in chart.background] == ["2019"]
    assert all(t.label.startswith("2025-") for t in chart.ticks), chart.ticks
