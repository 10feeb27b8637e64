"""Figures that count no one harmed (a share or count of the vote, a verdict's counts)
are figures too: each outlet's figure side by side, graded. Texts are written here
(invented candidates and figures)."""

from __future__ import annotations

import pytest

from newsprism.compare.records import StoryComparison
from tests.test_compare_tolls import page, run

SHARES = {
    "en": ("The commission said Tarlo won 58.59 percent of the vote.",
           "Official results show Tarlo won 58.6% of the vote.",
           "Final results show Tarlo won 58.9 percent of the vote."),
    "es": ("La comisión dijo que Tarlo obtuvo el 58,59 % de los votos.",
           "Los resultados oficiales muestran que Tarlo obtuvo el 58,6 % de los votos.",
           "Los resultados finales muestran que Tarlo obtuvo el 58,9 % de los votos."),
    "fr": ("La commission a indiqué que Tarlo a obtenu 58,59 % des voix.",
           "Les résultats officiels montrent que Tarlo a obtenu 58,6 % des voix.",
           "Les résultats définitifs montrent que Tarlo a obtenu 58,9 % des voix."),
    "id": ("Komisi menyatakan pasangan Tarlo meraih 58,59 persen suara.",
           "Hasil resmi menunjukkan pasangan Tarlo meraih 58,6 persen suara.",
           "Hasil akhir menunjukkan pasangan Tarlo meraih 58,9 persen suara."),
}  # fmt: skip


def _share(out: StoryComparison, kind: str = "share") -> list[tuple[str, str | None, list[float]]]:
    found = []
    for f in out.figures:
        if f.outcome == kind:
            finding = next((x for x in out.findings if x.id == f.finding), None)
            numbers = sorted(v.number for v in f.values if v.number is not None)
            found.append((f.label, finding.grade if finding else None, numbers))
    return found


@pytest.mark.parametrize("language", sorted(SHARES))
def test_shares_that_agree_to_their_precision_agree(language: str) -> None:
    one, other, _ = SHARES[language]
    out = run(
        [page("a", "Valley News", one, language), page("b", "Plains Herald", other, language)]
    )
    assert _share(out) == [("share (Tarlo)", "agree", [58.59, 58.6])]


@pytest.mark.parametrize("language", sorted(SHARES))
def test_shares_that_differ_are_shown_side_by_side(language: str) -> None:
    one, _, other = SHARES[language]
    out = run(
        [page("a", "Valley News", one, language), page("b", "Plains Herald", other, language)]
    )
    [(label, grade, numbers)] = _share(out)
    assert (label, grade, numbers) == ("share (Tarlo)", "differs", [58.59, 58.9])
    figure = next(f for f in out.figures if f.outcome == "share")
    assert figure.figure == "outlets differ: 58.59–58.9"


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("en", "A jury found Varn guilty on 34 counts of fraud.", "Varn was convicted on all 34 counts."),  # noqa: E501
        ("es", "El jurado declaró a Varn culpable de 34 cargos de fraude.", "Varn fue condenado por 34 cargos."),  # noqa: E501
        ("fr", "Le jury a déclaré Varn coupable de 34 chefs d'accusation.", "Varn a été condamné pour 34 chefs d'accusation."),  # noqa: E501
    ],
)  # fmt: skip
def test_a_verdict_s_counts_are_a_figure(language: str, one: str, other: str) -> None:
    out = run(
        [page("a", "Valley News", one, language), page("b", "Plains Herald", other, language)]
    )
    assert _share(out, "charges") == [("charges", "agree", [34, 34])]


def test_a_month_is_no_subject_of_a_share() -> None:
    out = run(
        [
            page("a", "Valley News", "Quick counts on Feb 14 gave about 58 percent.", "en"),
            page("b", "Plains Herald", "Quick counts on Feb 14 gave nearly 59 percent.", "en"),
        ]
    )
    assert not _share(out)


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("en", "Tarlo won 58 percent of the vote, ahead of Vem Osric and Orsa Lund, who received 25 percent and 17 percent of the vote respectively.", "Officials said Vem Osric won 25 percent of the vote."),  # noqa: E501
        ("es", "Tarlo obtuvo el 58 % de los votos, por delante de Vem Osric y Orsa Lund, con el 25 % y el 17 % de los votos respectivamente.", "Según la comisión, Vem Osric obtuvo el 25 % de los votos."),  # noqa: E501
        ("fr", "Tarlo a obtenu 58 % des voix, devant Vem Osric et Orsa Lund, avec respectivement 25 % et 17 % des voix.", "Selon la commission, Vem Osric a obtenu 25 % des voix."),  # noqa: E501
    ],
)  # fmt: skip
def test_respective_figures_go_to_their_names_in_order(language: str, one: str, other: str) -> None:
    """ "Vem and Orsa received 25 % and 17 % respectively": 25 is Vem's, not Orsa's (the
    name nearest before it would give both figures to Orsa)."""
    out = run(
        [page("a", "Valley News", one, language), page("b", "Plains Herald", other, language)]
    )
    assert ("share (Vem Osric)", "agree", [25, 25]) in _share(out), _share(out)
