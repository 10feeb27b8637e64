"""When outlets lead with clashing figures and none has more sources behind it, the
story's figure is the range ("outlets differ: 8–9"), never the single larger value; and
a tally noun far before its figure ("la cifra de muertos ... alcanza los 2.946") still
gives the figure its outcome. Texts are written here."""

from __future__ import annotations

import pytest

from newsprism.language.rules.reader import annotate_foreign
from tests.test_compare_tolls import page, run

TIES = {
    "en": ("All nine people on board have been declared dead.",
           "Eight passengers and crew were killed when the plane crashed near Kerav."),
    "es": ("Murieron nueve personas en el accidente del avión cerca de Kerav.",
           "Murieron ocho personas en el accidente del avión cerca de Kerav."),
    "fr": ("Neuf personnes sont mortes dans l'accident de l'avion près de Kerav.",
           "Huit personnes sont mortes dans l'accident de l'avion près de Kerav."),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(TIES))
def test_a_tie_between_clashing_figures_gives_the_range(language: str) -> None:
    one, other = TIES[language]
    out = run(
        [page("a", "Valley News", one, language), page("b", "Plains Herald", other, language)]
    )
    toll = next(t for t in out.tolls if t.outcome == "killed")
    assert toll.basis == "split"
    assert toll.figure.startswith("outlets differ: 8–9")


def test_a_majority_still_wins_over_one_outlet() -> None:
    one, other = TIES["es"]
    out = run(
        [
            page("a", "Valley News", one, "es"),
            page("b", "Plains Herald", other, "es"),
            page("c", "North Star", other.replace("Murieron", "Fallecieron"), "es"),
        ]
    )
    assert {t.outcome: t.number for t in out.tolls}["killed"] == 8


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        ("es", "La cifra de muertos tras el sismo que sacudió Kerav el pasado viernes "
         "alcanza los 2.946, según el ministerio.", 2946),
        ("fr", "Le bilan des morts du séisme qui a frappé la région de Kerav vendredi soir "
         "s'élève désormais à 2 012.", 2012),
        ("es", "El número de muertos en el sismo de Kerav subió este martes a 120.", 120),
    ],
)  # fmt: skip
def test_a_tally_noun_gives_its_figure_the_outcome(language: str, text: str, figure: int) -> None:
    ann = annotate_foreign(page("a", "Valley News", text, language))
    assert [(q.value, q.outcome) for q in ann.quantities if q.kind == "count"] == [
        (figure, "killed")
    ]


def test_a_threshold_is_not_the_tally_figure() -> None:
    text = "El número de muertos en el sismo de Kerav superó la barrera de los mil."
    ann = annotate_foreign(page("a", "Valley News", text, "es"))
    assert not [q for q in ann.quantities if q.outcome == "killed"]


def test_a_tie_in_a_count_that_grows_as_the_job_proceeds_keeps_the_larger() -> None:
    out = run(
        [
            page("a", "Valley News", "Rescuers have recovered the bodies of four people near Kerav.", "en"),  # noqa: E501
            page("b", "Plains Herald", "The bodies of all ten people were recovered near Kerav.", "en"),  # noqa: E501
        ]
    )  # fmt: skip
    toll = next(t for t in out.tolls if t.outcome == "recovered")
    assert toll.number == 10
