"""A figure tied to a sub-area that is no larger than its page's total is a part of that
total: never the story's toll, never the page contradicting itself, never joined to a
national figure. Texts are written here (invented places and figures)."""

from __future__ import annotations

import pytest

from newsprism.compare.areas import area_of, is_country, parts
from tests.test_compare_tolls import page, run

# (national lead, a breakdown by sub-area) per language
PAGES = {
    "en": ("The earthquake in Veloria has killed 1,240 people, the interior ministry said.",
           "The number of deaths reached 610 in Tarva province and 390 in Olen."),
    "es": ("El terremoto en Veloria ha causado 1.240 muertos, según el Ministerio del Interior.",
           "La provincia de Tarva, cerca del epicentro, sufrió la peor parte con 610 muertos. "
           "Le sigue Olen con 390 fallecidos."),
    "fr": ("Le séisme a fait 1 240 morts, selon le ministère de l'Intérieur.",
           "Il a fait 610 morts dans la province de Tarva et 390 morts à Olen."),
    "ar": ("أسفر الزلزال عن مقتل 1240 شخصا بحسب وزارة الداخلية.",
           "وتعد ولاية تارفا الأكثر تضررا، حيث سقط 610 قتيلا، تليها ولاية أولين، التي سقط فيها 390 قتيلا."),  # noqa: E501
}  # fmt: skip


def _at(text: str, figure: str) -> str | None:
    start = text.index(figure)
    return area_of(text, (0, len(text)), (start, start + len(figure)))


@pytest.mark.parametrize(
    ("text", "figure", "area"),
    [
        ("The toll reached 610 in Tarva province and 390 in Olen.", "390", "Olen"),
        ("The toll reached 610 in the mountain province of Tarva.", "610", "Tarva"),
        ("Il a fait 610 morts dans la province d'Olen.", "610", "Olen"),
        ("Les morts ont été recensés à Tarva (610) et à Olen (390).", "610", "Tarva"),
        ("Le siguen Olen con 390 fallecidos y Tarva con 12.", "390", "Olen"),
        ("Más al sur está Tarva, cerca de la costa, donde hay 610 víctimas.", "610", "Tarva"),
        ("وتعد ولاية تارفا الأكثر تضررا، حيث سقط 610 قتيلا.", "610", "تارفا"),
        ("The earthquake killed 1,240 people in Morocco.", "1,240", None),  # a country
        ("El sismo dejó 1.240 muertos en Marruecos.", "1.240", None),
        ("Twelve people were killed in September.", "Twelve", None),  # a month
        ("Twelve people were killed in Russian strikes.", "Twelve", None),  # a nationality
        ("Twelve people were killed, officials said.", "Twelve", None),
    ],
)
def test_the_sub_area_a_figure_is_tied_to(text: str, figure: str, area: str | None) -> None:
    assert _at(text, figure) == area


def test_countries_are_known_in_every_language_read() -> None:
    assert all(is_country(n) for n in ("Morocco", "Marruecos", "Maroc", "المغرب", "Marokko"))
    assert not is_country("Tarva")


def test_parts_are_smaller_than_the_total_and_add_up_to_no_more() -> None:
    inf = float("inf")
    assert parts([(0, 1240, 1240, None), (1, 610, 610, "Tarva"), (2, 390, 390, "Olen")]) == {1, 2}
    # more than the whole: rival figures, not parts
    assert parts([(0, 1240, 1240, None), (1, 900, 900, "Tarva"), (2, 800, 800, "Olen")]) == set()
    # "at least thirty" allows the 27 + 4 below it
    assert parts([(0, 30, inf, None), (1, 27, 27, "Tarva"), (2, 4, 4, "Olen")]) == {1, 2}
    # a breakdown whose total the page does not give: every line is a part
    assert parts([(0, 610, 610, "Tarva"), (1, 390, 390, "Olen")]) == {0, 1}
    # the same place twice is no breakdown: "12 killed in Kerav" and "10 in Kerav"
    assert parts([(0, 12, 12, "Kerav"), (1, 10, 10, "Kerav")]) == set()
    assert parts([(0, 12, 12, None), (1, 10, 10, None)]) == set()


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_sub_area_count_is_a_part_not_a_toll_nor_an_internal_clash(language: str) -> None:
    lead, breakdown = PAGES[language]
    out = run(
        [
            page("a", "Valley News", f"{lead}\n\n{breakdown}", language),
            page("b", "Plains Herald", lead, language),
        ]
    )
    assert {t.outcome: t.number for t in out.tolls}.get("killed") == 1240
    assert not [f for f in out.findings if "within one page" in f.slot]
    national = [f for f in out.figures if f.outcome == "killed" and " in " not in f.label]
    assert {v.number for f in national for v in f.values} == {1240}
    shown = {v.number for f in out.figures for v in f.values if " in " in f.label}
    assert shown <= {610, 390}


def test_an_area_noun_deep_in_the_sentence_only_says_where_it_happened() -> None:
    text = "A party in the city of Olen ended in gunfire, leaving three others hurt."
    assert _at(text, "three") is None
