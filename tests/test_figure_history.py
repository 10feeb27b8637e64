"""A figure's history graded as a fact-checker would, on invented coverage in English,
Spanish and French: a toll the story says was rising is updated, not contradicted, by
reports that do not say when they were counted (undated, or dated to a month only);
two reports dated to one day that differ with no word of a change still contradict; and
the figure guards the reader of each language needs ("magnitude 7" is a measure, "2.946
y los heridos 5.674" gives 5,674 injured and no noun "y"). Every text is written here."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from newsprism.compare.records import StoryComparison
from newsprism.model import Article, Quantity
from tests.test_compare_tolls import grades, page, run
from tests.test_figure_guards import annotations, stated

# ---------------------------------------------------------------------------- grading

# (the first toll, a rounded and a precise report of the second, undated, and a later toll
# given as a rise)
RISING = {
    "en": (
        "The interior ministry said 329 people were injured in the Kerav earthquake.",
        "At least 1,204 people were injured in the Kerav earthquake, the interior ministry said.",
        "The Kerav earthquake injured 1,200 people, the interior ministry said.",
        "The number of people injured in the Kerav earthquake rose to 2,059, the interior ministry said.",  # noqa: E501
    ),
    "es": (
        "El ministerio del Interior informó de 329 heridos en el terremoto de Kerav.",
        "El ministerio del Interior informó de al menos 1.204 heridos en el terremoto de Kerav.",
        "El ministerio del Interior informó de 1.200 heridos en el terremoto de Kerav.",
        "El terremoto de Kerav deja ya 2.059 heridos, tras elevarse el balance del ministerio del Interior.",  # noqa: E501
    ),
    "fr": (
        "Le ministère de l'Intérieur fait état de 329 blessés dans le séisme de Kerav.",
        "Le ministère de l'Intérieur fait état d'au moins 1.204 blessés dans le séisme de Kerav.",
        "Le ministère de l'Intérieur fait état de 1.200 blessés dans le séisme de Kerav.",
        "Le séisme de Kerav a fait 2.059 blessés, selon un bilan revu à la hausse par le ministère de l'Intérieur.",  # noqa: E501
    ),
}


def _month_only(article: Article) -> Article:
    """The page as a source that gave only a month ("2023-09")."""
    article.published = datetime(2023, 9, 1)
    article.published_text = "2023-09"
    return article


def _rising(language: str, undated: str) -> StoryComparison:
    first, rounded, precise, rose = RISING[language]
    b = page("b", "Outlet B", rounded, language, None)
    c = page("c", "Outlet C", precise, language, None)
    if undated == "month":
        b, c = _month_only(b), _month_only(c)
    return run(
        [
            page("a", "Outlet A", first, language, datetime(2023, 9, 9, 2)),
            b,
            c,
            page("d", "Outlet D", rose, language, datetime(2023, 9, 10, 22)),
        ]
    )


@pytest.mark.parametrize("language", sorted(RISING))
@pytest.mark.parametrize("undated", ["none", "month"])
def test_undated_reports_of_a_rising_toll_are_updates_not_contradictions(
    language: str, undated: str
) -> None:
    """Two reports that give no day ("1,204" and "1,200", undated or dated "2023-09")
    differ, but the story says the toll was rising: they are two moments of it."""
    out = _rising(language, undated)
    assert "contradict" not in grades(out, "injured")
    assert {("injured", 1204.0), ("injured", 1200.0), ("injured", 2059.0)} <= stated(out)


@pytest.mark.parametrize("language", sorted(RISING))
def test_undated_steps_of_a_rising_toll_fall_in_its_course_not_after_it(language: str) -> None:
    """ "329 (Sat) → 1,200 → 1,204 → 2,059 (Sun)", not "329 → 2,059 → 1,204 → 1,200":
    undated reports listed after every dated one would read as the toll falling back."""
    out = _rising(language, "none")
    [update] = [f for f in out.findings if f.kind == "number" and f.development]
    digits = [re.search(r"\d[\d.,]*", s.value) for s in update.development]
    numbers = [float(d.group().replace(",", "").replace(".", "")) for d in digits if d]
    assert numbers == sorted(numbers), numbers
    assert numbers[0] == 329.0 and numbers[-1] == 2059.0


SAME_DAY = {
    "en": (
        "At least 1,204 people were injured in the Kerav earthquake, the interior ministry said.",
        "The Kerav earthquake injured 900 people, the interior ministry said.",
    ),
    "es": (
        "El ministerio del Interior informó de al menos 1.204 heridos en el terremoto de Kerav.",
        "El ministerio del Interior informó de 900 heridos en el terremoto de Kerav.",
    ),
}


@pytest.mark.parametrize("language", sorted(SAME_DAY))
def test_two_reports_of_one_day_that_differ_without_a_change_still_contradict(
    language: str,
) -> None:
    one, other = SAME_DAY[language]
    when = datetime(2023, 9, 9, 9)
    out = run(
        [page("a", "Outlet A", one, language, when), page("b", "Outlet B", other, language, when)]
    )
    assert "contradict" in grades(out, "injured")


def test_undated_reports_that_differ_in_a_story_with_no_change_still_contradict() -> None:
    """Nothing says the figure moved: no moment to tell them apart, and no change."""
    one, other = SAME_DAY["en"]
    out = run([page("a", "Outlet A", one, "en", None), page("b", "Outlet B", other, "en", None)])
    assert "contradict" in grades(out, "injured")


# ---------------------------------------------------------------------------- guards


def _quantities(text: str, language: str) -> list[Quantity]:
    return [q for q in annotations(text, language).quantities if q.value is not None]


AND_NEXT = [
    ("es", "Hasta ayer la cifra de muertos del sismo alcanza los 1.520 y los heridos son ya 3.410, según el balance oficial."),  # noqa: E501
    ("fr", "Le bilan du séisme atteint 1.520 morts et les blessés sont désormais 3 410, selon le ministère."),  # noqa: E501
]  # fmt: skip


@pytest.mark.parametrize(("language", "text"), AND_NEXT)
def test_an_outcome_after_and_belongs_to_the_next_figure(language: str, text: str) -> None:
    """ "los 1.520 y los heridos son ya 3.410": the injured are the 3,410, the 1,520 are
    the dead (or nothing), and "y" is never the noun a figure counts."""
    by_value = {q.value: q for q in _quantities(text, language)}
    assert by_value[3410.0].outcome == "injured"
    assert by_value[1520.0].outcome != "injured"
    assert by_value[1520.0].noun is None and by_value[3410.0].noun is None


MAGNITUDE = [
    ("en", "The death toll of the 7 magnitude earthquake has risen to 2,960, the spokesman said."),
    ("en", "A magnitude 7 earthquake killed 2,960 people, the spokesman said."),
    ("es", "El terremoto de magnitud 7 dejó 2.960 muertos, según el portavoz."),
    ("fr", "Le séisme de magnitude 7 a fait 2.960 morts, selon le porte-parole."),
    ("ar", "أسفر الزلزال بقوة 7 عن مقتل 2960 شخصا."),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text"), MAGNITUDE)
def test_a_magnitude_is_a_measure_and_no_figure_counts_it(language: str, text: str) -> None:
    qs = _quantities(text, language)
    [seven] = [q for q in qs if q.value == 7.0]
    assert seven.kind == "measure"
    [toll] = [q for q in qs if q.value == 2960.0]
    assert toll.outcome == "killed"
    assert "magnitud" not in (toll.noun or "") and "بقوة" not in (toll.noun or "")


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("es", "Los heridos son ya 5.674, según el ministerio.", 5674.0),
        ("pt", "Os feridos já são 5.674, segundo o ministério.", 5674.0),
        ("de", "Die Zahl der Verletzten liegt bei 5.674, so das Ministerium.", 5674.0),
        ("fr", "Les blessés sont désormais 5 674, selon le ministère.", 5674.0),
    ],
)
def test_a_dot_groups_thousands_where_a_comma_is_the_decimal_mark(
    language: str, text: str, value: float
) -> None:
    assert value in {q.value for q in _quantities(text, language)}


NO_SURVIVORS = [
    ("en", "There were no survivors among the 8 passengers of the Kerav helicopter.", 8.0),
    ("en", "None of the 10 people on board the Kerav helicopter survived.", 10.0),
    ("es", "No hubo ningún superviviente entre los 8 pasajeros del helicóptero de Kerav.", 8.0),
    ("fr", "Il n'y a aucun survivant parmi les 8 passagers de l'hélicoptère de Kerav.", 8.0),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "value"), NO_SURVIVORS)
def test_none_survived_counts_the_dead(language: str, text: str, value: float) -> None:
    [count] = [q for q in _quantities(text, language) if q.value == value]
    assert count.outcome == "killed"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Three of the 12 passengers of the Kerav helicopter survived."),
        ("en", "The 12 survivors of the Kerav crash were taken to hospital."),
        ("es", "Hubo 3 supervivientes entre los 12 pasajeros del helicóptero de Kerav."),
    ],
)
def test_survivors_counted_are_not_the_dead(language: str, text: str) -> None:
    assert all(q.outcome != "killed" for q in _quantities(text, language))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The Kerav earthquake killed 2.946 people, the ministry said.", 2946.0),
        ("About 1.25 million people were displaced by the Kerav earthquake.", 1_250_000.0),
        ("The Kerav earthquake killed 15.383 people, the ministry said.", 15383.0),
    ],
)
def test_a_dot_grouping_thousands_in_english_text_is_read_as_thousands(
    text: str, value: float
) -> None:
    """A translated page keeps "2.946" for 2,946: people come whole, and English writes
    no count to three decimals; "1.25 million" keeps its decimals."""
    assert value in {q.value for q in _quantities(text, "en")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The bodies of the 10 people on board the Kerav plane were recovered on Thursday."),
        ("fr", "Les corps des 10 occupants de l'avion d'Edouard Kerav ont été retrouvés jeudi."),
        ("es", "Los cuerpos de los 10 pasajeros del avión fueron recuperados el jueves."),
    ],
)
def test_the_bodies_of_the_people_counted_share_the_verb_s_outcome(
    language: str, text: str
) -> None:
    """ "The bodies of the 10 people ... were recovered": 10 recovered. In French the
    elided "l'" and "d'" are no words of their own on the way to the outcome word."""
    [ten] = [q for q in _quantities(text, language) if q.value == 10.0]
    assert ten.outcome == "recovered"


@pytest.mark.parametrize(
    ("language", "text", "part"),
    [
        ("fr", "Le séisme de Kerav a fait 632 morts et 329 blessés, dont 51 grièvement.", 51.0),
        ("es", "El sismo de Kerav dejó 1.204 heridos, de los cuales 721 son de gravedad.", 721.0),
        ("es", "Las autoridades dijeron que 721 de los lesionados están en estado crítico.", 721.0),
        ("ar", "أسفر زلزال كيراف عن 329 جريحا، من بينهم 51 حالاتهم خطرة.", 51.0),
    ],
)
def test_the_seriously_hurt_among_the_hurt_are_a_part_not_a_rival_figure(
    language: str, text: str, part: float
) -> None:
    """ "329 blessés, dont 51 grièvement": 51 is some of the 329, never the injured toll."""
    [count] = [q for q in _quantities(text, language) if q.value == part]
    assert count.part_of
    whole = [q for q in _quantities(text, language) if q.value not in (part, 632.0)]
    assert all(not q.part_of for q in whole)


def test_a_count_of_things_fired_lends_no_noun_to_the_hurt() -> None:
    """ "More than 50 rounds were fired ... one dead and four injured": the four are
    people, never "four (rounds)"; "five soldiers were killed and 12 others" still
    carries "soldiers" to the 12."""
    text = (
        "More than 50 rounds were fired in the Kerav gunfight that left one dead and four injured."
    )
    by_value = {q.value: q for q in _quantities(text, "en")}
    assert by_value[4.0].outcome == "injured"
    assert by_value[4.0].counted == "people" and by_value[4.0].noun is None
    carried = {
        q.value: q
        for q in _quantities("Five soldiers were killed and 12 others were wounded.", "en")
    }
    assert carried[12.0].noun == "soldiers"
