"""A figure's history as a fact-checker states it: each figure with whom the page credits
it to and when, oldest first, as a chain and a small chart. Texts are written here."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsprism.compare.credit import credited_to
from newsprism.compare.records import Step
from newsprism.report.charts import figure_chain, figure_chart
from tests.test_compare_tolls import page, run


@pytest.mark.parametrize(
    ("sentence", "language", "source"),
    [
        ("At least 12 people were killed, police said on Monday.", "en", "police"),
        ("The toll rose to 19, hospital officials said.", "en", "hospital officials"),
        ("The toll was revised to 17, according to the county coroner.", "en", "county coroner"),
        ("Au moins 2 000 morts, selon le ministère de l'Intérieur.", "fr", "ministère de l'Intérieur"),  # noqa: E501
        ("Al menos 2.000 muertos, según el Ministerio del Interior.", "es", "Ministerio del Interior"),  # noqa: E501
        ("قتل 2000 شخص بحسب وزارة الداخلية.", "ar", "وزارة الداخلية"),
        ("Twelve people died in the fire.", "en", None),  # nobody named: no guess
        ("At least 12 people were killed, he said.", "en", None),  # a pronoun names nobody
        ("The toll was 2,946, authorities had previously said.", "en", None),  # a clause
        ("Ten people died, according to their results.", "en", None),  # a possessive
    ],
)  # fmt: skip
def test_whom_a_sentence_credits_its_figure_to(
    sentence: str, language: str, source: str | None
) -> None:
    assert credited_to(sentence, language) == source


def test_the_chain_names_source_and_day_oldest_first_and_marks_a_revision() -> None:
    steps = [
        Step("12", ["Valley News"], "2023-05-08T09:00", None, "police"),
        Step("19", ["Plains Herald"], "2023-05-09T09:00", "rose to", "hospital officials"),
        Step("17", ["North Star"], "2023-05-10T09:00", "revised", "coroner"),
    ]
    assert figure_chain(steps) == (
        "12 (police, Mon 8 May) → 19, rose to (hospital officials, Tue 9 May) → "
        "17, revised (coroner, Wed 10 May)"
    )
    chart = figure_chart(steps)
    assert chart is not None
    assert [s.who for s in chart.series] == ["police", "hospital officials", "coroner"]
    xs = [s.points[0].x for s in chart.series]
    ys = [s.points[0].y for s in chart.series]
    assert xs == sorted(xs)  # later reports to the right
    assert ys[1] < ys[2] < ys[0]  # 19 highest on the page, 12 lowest


def test_a_chart_needs_two_dated_figures_and_the_chain_falls_back_to_outlets() -> None:
    steps = [Step("12", ["Valley News", "Delta Wire"], None), Step("19", ["Plains Herald"], None)]
    assert figure_chart(steps) is None
    assert figure_chain(steps) == "12 (Valley News, Delta Wire) → 19 (Plains Herald)"


def test_a_story_figure_history_carries_each_source_and_its_words() -> None:
    out = run(
        [
            page("a", "Valley News", "At least 12 people were killed in the Kerav mine blast, police said.", published=datetime(2023, 5, 8, 9)),  # noqa: E501
            page("b", "Plains Herald", "The death toll from the Kerav mine blast rose to 19, hospital officials said.", published=datetime(2023, 5, 9, 9)),  # noqa: E501
            page("c", "North Star", "The death toll from the Kerav mine blast was revised to 17, the county coroner said.", published=datetime(2023, 5, 10, 9)),  # noqa: E501
        ]
    )  # fmt: skip
    updates = [f for f in out.findings if f.kind == "number" and f.development]
    assert updates, [(f.grade, f.slot) for f in out.findings]
    steps = updates[0].development
    assert [s.source for s in steps] == ["police", "hospital officials", "county coroner"]
    assert all(s.cite is not None and s.cite.text for s in steps)  # every figure cites its span


def test_the_chart_size_is_an_option_the_report_receives() -> None:
    from newsprism.report.charts import FigureChartOptions

    steps = [
        Step("12", ["Valley News"], "2023-05-08T09:00", None, "police"),
        Step("19", ["Plains Herald"], "2023-05-09T09:00", "rose to", "hospital officials"),
    ]
    wide = figure_chart(steps, FigureChartOptions(width=800, height=200, margin=40))
    assert wide is not None and (wide.width, wide.height) == (800, 200)
    xs = [p.x for s in wide.series for p in s.points]
    assert min(xs) == 40 and max(xs) == 760  # the margins of the options, not the defaults
