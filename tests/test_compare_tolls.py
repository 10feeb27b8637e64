"""The story's figure per outcome, on invented coverage in English, Spanish, French and
Arabic: a figure the text says was revised is no longer the story's, a projection never
is, and a count that moved ("down from 41") is the latest. Every text is written here.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from newsprism.compare import CompareOptions, compare_story
from newsprism.compare.numbers import is_estimate, replaced_figure
from newsprism.compare.records import StoryComparison
from newsprism.language import annotate, resolve_entities
from newsprism.language.rules.reader import annotate_foreign, is_foreign
from newsprism.model import Article, Source, Story

SAME_HOUR = datetime(2023, 5, 9, 10)  # no publication order to go by: the text must say


def page(
    aid: str, outlet: str, text: str, language: str = "en", published: datetime | None = SAME_HOUR
) -> Article:
    return Article(
        aid,
        Source(f"{aid}.txt", "text"),
        "x",
        0,
        text,
        title=None,
        outlet=outlet,
        published=published,
        language=language,
    )


def run(articles: list[Article]) -> StoryComparison:
    english = [a for a in articles if not is_foreign(a.language)]
    annotations = {a.id: n for a, n in zip(english, annotate(english), strict=True)}
    annotations |= {a.id: annotate_foreign(a) for a in articles if is_foreign(a.language)}
    entities = {e.id: e for e in resolve_entities(articles, annotations)}
    story = Story("s", "invented", [a.id for a in articles])
    return compare_story(story, articles, annotations, entities, [], options=CompareOptions())


def toll(out: StoryComparison, outcome: str) -> float | None:
    return {t.outcome: t.number for t in out.tolls}.get(outcome)


def grades(out: StoryComparison, outcome: str) -> set[str]:
    return {f.grade for f in out.findings if f.kind == "number" and f.slot.startswith(outcome)}


def test_a_toll_revised_down_is_the_story_figure_over_the_earlier_majority() -> None:
    out = run(
        [
            page("a", "Valley News", "The death toll from the Tarmo county wildfire rose to 115, officials said."),  # noqa: E501
            page("b", "Plains Herald", "The toll of the Tarmo county wildfire climbed to 115, the governor said."),  # noqa: E501
            page("c", "North Star", "The death toll from the Tarmo county wildfire has dropped from 115 to 97 after DNA tests, the governor said."),  # noqa: E501
        ]
    )  # fmt: skip
    assert toll(out, "killed") == 97
    assert "contradict" not in grades(out, "killed")


@pytest.mark.parametrize(
    ("language", "earlier", "revised"),
    [
        ("es", "Al menos 115 personas murieron en el incendio de Tarmo, según las autoridades.",
         "La cifra de muertos bajó de 115 a 97 tras las pruebas de ADN, según el gobernador."),
        ("fr", "Au moins 115 personnes sont mortes dans l'incendie de Tarmo, selon les autorités.",
         "Le bilan est passé de 115 à 97 morts après des tests ADN, selon le gouverneur."),
    ],
)  # fmt: skip
def test_a_revision_in_another_language_is_an_update_to_the_later_figure(
    language: str, earlier: str, revised: str
) -> None:
    out = run(
        [
            page("a", "Outlet A", earlier, language),
            page("b", "Outlet B", earlier, language),
            page("c", "Outlet C", revised, language),
        ]
    )
    assert toll(out, "killed") == 97
    assert "contradict" not in grades(out, "killed")
    assert "update" in grades(out, "killed")


def test_a_missing_count_down_from_an_earlier_one_is_the_latest() -> None:
    out = run(
        [
            page("a", "Valley News", "Forty-one people were missing after the Tarmo county wildfire, police said."),  # noqa: E501
            page("b", "Plains Herald", "Thirty-one people remain missing after the Tarmo county wildfire, down from 41, police said."),  # noqa: E501
            page("c", "North Star", "Police said 41 people were still missing after the Tarmo county wildfire."),  # noqa: E501
        ]
    )  # fmt: skip
    assert toll(out, "missing") == 31


@pytest.mark.parametrize(
    ("language", "stated", "projected"),
    [
        ("en", "At least 2,000 people were killed in the earthquake in Kerav province, the interior ministry said.",  # noqa: E501
         "The death toll from the Kerav earthquake could rise to 20,000, experts warned."),
        ("fr", "Au moins 2 000 personnes sont mortes dans le séisme de la province de Kerav, selon le ministère de l'Intérieur.",  # noqa: E501
         "Le bilan du séisme de Kerav pourrait dépasser 20 000 morts, selon des experts."),
        ("es", "Al menos 2.000 personas murieron en el terremoto de la provincia de Kerav, según el ministerio del Interior.",  # noqa: E501
         "Los expertos advierten que el número de muertos podría superar los 20.000 en el terremoto de Kerav."),  # noqa: E501
    ],
)  # fmt: skip
def test_a_projection_is_never_the_story_figure(language: str, stated: str, projected: str) -> None:
    out = run([page("a", "Outlet A", stated, language), page("b", "Outlet B", projected, language)])
    assert toll(out, "killed") == 2000
    assert "contradict" not in grades(out, "killed")


def test_only_projections_give_no_story_figure() -> None:
    out = run(
        [
            page("a", "Outlet A", "The death toll from the Kerav earthquake could rise to 20,000, experts warned."),  # noqa: E501
            page("b", "Outlet B", "As many as 20,000 people may have been killed in the Kerav earthquake, experts said."),  # noqa: E501
        ]
    )  # fmt: skip
    assert toll(out, "killed") is None


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("The toll could reach 20,000, experts said.", "20,000", True),
        ("The toll reached 20,000 on Monday.", "20,000", False),
        ("In May 12 people were killed.", "12", False),  # the month, not "may"
        ("Le bilan pourrait dépasser 20 000 morts.", "20 000", True),
        ("El número de muertos podría superar los 20.000.", "20.000", True),
        ("وقد يصل عدد القتلى إلى 20000 قتيل.", "20000", True),
        ("ارتفع عدد القتلى إلى 20000 قتيل.", "20000", False),
    ],
)
def test_projection_words_before_or_after_the_figure(
    text: str, figure: str, expected: bool
) -> None:
    start = text.index(figure)
    assert is_estimate(text, (start, start + len(figure))) is expected


@pytest.mark.parametrize(
    ("text", "figure", "language", "expected"),
    [
        ("Thirty-one remain missing, down from 66 last week.", "Thirty-one", "en", 66.0),
        ("The toll rose to 84, up from 73.", "84", "en", 73.0),
        ("The toll rose to 84 on Monday.", "84", "en", None),
        ("Le bilan est passé de 115 à 97 morts.", "97", "fr", 115.0),
        ("La cifra bajó de 115 a 97 muertos.", "97", "es", 115.0),
        ("انخفض عدد القتلى من 115 الى 97 قتيلا.", "97", "ar", 115.0),
    ],
)
def test_the_figure_a_count_changed_from(
    text: str, figure: str, language: str, expected: float | None
) -> None:
    start = text.index(figure)
    assert replaced_figure(text, (start, start + len(figure)), language) == expected


def test_a_missing_count_that_fell_is_the_latest_even_after_according_to() -> None:
    """ "decreased from 41 to 31, according to police": the 31 is the new figure (the "to"
    of "according to" does not make it the figure changed from), and the 41 is no page's
    current figure."""
    out = run(
        [
            page("a", "Valley News", "The number of people missing after the Tarmo county fire stood at 388, officials said.", published=datetime(2023, 5, 2)),  # noqa: E501
            page("b", "Plains Herald", "The number of missing individuals has also decreased from 41 to 31, according to the county police chief."),  # noqa: E501
            page("c", "North Star", "The number of those who were missing also fell from 41 to 31, the county police chief said."),  # noqa: E501
        ]
    )  # fmt: skip
    assert toll(out, "missing") == 31
    assert "contradict" not in grades(out, "missing")


@pytest.mark.parametrize(
    ("text", "figure", "outcome"),
    [
        ("The death toll from the Kerav earthquake has surpassed 50,000, officials said.", "50,000", "killed"),  # noqa: E501
        ("The number of those who were missing fell to 31, police said.", "31", "missing"),
        ("The company's revenue surpassed 5,000 units last year.", "5,000", None),
    ],
)  # fmt: skip
def test_a_toll_that_a_verb_takes_as_its_object_is_read_with_its_outcome(
    text: str, figure: str, outcome: str | None
) -> None:
    art = page("q", "Outlet", text)
    found = {q.text: q.outcome for q in next(annotate([art])).quantities}
    assert found.get(figure) == outcome


@pytest.mark.parametrize(
    ("language", "stated", "changed"),
    [
        ("en", "About 385 people remain missing after the Tarmo county fire, officials said.",
         "The number of people missing after the Tarmo county fire has decreased to 31, the police chief said."),  # noqa: E501
        ("es", "Unas 385 personas siguen desaparecidas tras el incendio de Tarmo, según las autoridades.",  # noqa: E501
         "La cifra de desaparecidos tras el incendio de Tarmo bajó de 385 a 31, según la policía."),
    ],
)  # fmt: skip
def test_an_undated_figure_given_as_a_change_is_an_update_not_a_contradiction(
    language: str, stated: str, changed: str
) -> None:
    out = run(
        [
            page("a", "Outlet A", stated, language, published=None),
            page("b", "Outlet B", changed, language, published=None),
        ]
    )
    assert "contradict" not in grades(out, "missing")
    assert toll(out, "missing") == 31


def test_a_count_of_one_kind_of_victim_names_some_of_the_people_counted() -> None:
    """ "Two sisters" opens one page and "three people" comes later on it and on another:
    the sisters are some of the dead, the story's figure is the people counted."""
    out = run(
        [
            page("a", "Harbor Post", "Two sisters were killed in a house on Lindel Road on Sunday. Three people died in the house, among them the girls' father."),  # noqa: E501
            page("b", "Coast Daily", "A woman was killed in the Lindel Road house on Sunday. Three people were killed in the house, neighbours said."),  # noqa: E501
        ]
    )  # fmt: skip
    assert toll(out, "killed") == 3


def test_a_count_of_others_is_never_the_page_s_whole_count() -> None:
    out = run(
        [
            page("a", "Harbor Post", "A man was shot dead on Lindel Road on Sunday, and three other people were killed nearby in a separate attack, police said."),  # noqa: E501
            page("b", "Coast Daily", "One man was killed in a shooting on Lindel Road on Sunday, police said."),  # noqa: E501
        ]
    )  # fmt: skip
    assert toll(out, "killed") == 1
