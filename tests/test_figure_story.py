"""The story's figure as a fact-checker states it, on invented coverage in English,
Spanish, French and Arabic: a withdrawn or denied figure is never the story's and is
shown as such; split evidence is said, not settled by a vote; and the latest figure a
named source gives wins over an older majority. Every text is written here."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsprism.compare.credit import is_official
from newsprism.compare.numbers import figure_status
from newsprism.compare.records import StoryComparison, Toll
from tests.test_compare_tolls import grades, page, run


def day(n: int) -> datetime:
    return datetime(2023, 5, n, 9)


def killed(out: StoryComparison) -> Toll:
    return next(t for t in out.tolls if t.outcome == "killed")


STATED = {
    "en": "At least 300 people were killed in the Kerav dam collapse, the health ministry said.",
    "es": "Al menos 300 personas murieron en el colapso de la presa de Kerav, según el ministerio de Salud.",  # noqa: E501
    "fr": "Au moins 300 personnes sont mortes dans l'effondrement du barrage de Kerav, selon le ministère de la Santé.",  # noqa: E501
    "ar": "قتل 300 شخص على الأقل في انهيار سد كيراف بحسب وزارة الصحة.",
}
OTHER = {
    "en": "At least 120 people were killed in the Kerav dam collapse, police said.",
    "es": "Al menos 120 personas murieron en el colapso de la presa de Kerav, según la policía.",
    "fr": "Au moins 120 personnes sont mortes dans l'effondrement du barrage de Kerav, selon la police.",  # noqa: E501
    "ar": "قتل 120 شخصا على الأقل في انهيار سد كيراف بحسب الشرطة.",
}
SET_ASIDE = [
    ("en", "withdrawn", "The health ministry withdrew its figure of 300 dead in the Kerav dam collapse."),  # noqa: E501
    ("en", "denied", "The health ministry denied that 300 people had died in the Kerav dam collapse."),  # noqa: E501
    ("es", "withdrawn", "El ministerio de Salud retiró su cifra de 300 muertos en el colapso de la presa de Kerav."),  # noqa: E501
    ("es", "denied", "El ministerio de Salud desmintió que 300 personas murieran en el colapso de la presa de Kerav."),  # noqa: E501
    ("fr", "withdrawn", "Le ministère de la Santé a retiré son bilan de 300 morts dans l'effondrement du barrage de Kerav."),  # noqa: E501
    ("fr", "denied", "Le ministère de la Santé a démenti la mort de 300 personnes dans l'effondrement du barrage de Kerav."),  # noqa: E501
    ("ar", "withdrawn", "سحبت وزارة الصحة حصيلة 300 قتيل في انهيار سد كيراف."),
    ("ar", "denied", "نفت وزارة الصحة مقتل 300 شخص في انهيار سد كيراف."),
]  # fmt: skip


@pytest.mark.parametrize(("language", "status", "text"), SET_ASIDE)
def test_a_withdrawn_or_denied_figure_is_never_the_story_figure(
    language: str, status: str, text: str
) -> None:
    out = run(
        [
            page("a", "Outlet A", STATED[language], language, day(8)),
            page("b", "Outlet B", text, language, day(9)),
            page("c", "Outlet C", OTHER[language], language, day(9)),
        ]
    )
    toll = killed(out)
    assert toll.number == 120
    assert any("300" in s and status in s for s in toll.set_aside), toll.set_aside
    assert "contradict" not in grades(out, "killed")


@pytest.mark.parametrize(
    ("language", "sentence", "status"),
    [
        ("en", "Police, who denied any wrongdoing, said 12 people were killed.", None),
        ("en", "The army denied involvement in the attack that killed 12 people on Monday.", None),
        ("en", "The figure of 300 dead was later withdrawn by the ministry.", "withdrawn"),
        ("es", "La policía, que negó cualquier responsabilidad, dijo que murieron 12 personas.", None),  # noqa: E501
        ("fr", "La police, qui a nié toute faute, a indiqué que 12 personnes sont mortes.", None),
        ("ar", "نفى الجيش أي تورط في الهجوم الذي أدى في وقت لاحق من يوم الاثنين إلى مقتل 12 شخصا.", None),  # noqa: E501
    ],
)  # fmt: skip
def test_a_denial_of_something_else_leaves_the_figure_alone(
    language: str, sentence: str, status: str | None
) -> None:
    at = sentence.index("12") if "12" in sentence else sentence.index("300")
    span = (at, at + (2 if "12" in sentence else 3))
    assert figure_status(sentence, span, language) == status


SPLIT = {
    "en": ("{n} people were killed in the Kerav dam collapse.",
           "{n} people were killed in the Kerav dam collapse, the health ministry said."),
    "es": ("{n} personas murieron en el colapso de la presa de Kerav.",
           "{n} personas murieron en el colapso de la presa de Kerav, según el ministerio de Salud."),  # noqa: E501
    "fr": ("{n} personnes sont mortes dans l'effondrement du barrage de Kerav.",
           "{n} personnes sont mortes dans l'effondrement du barrage de Kerav, selon le ministère de la Santé."),  # noqa: E501
    "ar": ("قتل {n} شخصا في انهيار سد كيراف.", "قتل {n} شخصا في انهيار سد كيراف بحسب وزارة الصحة."),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(SPLIT))
def test_split_evidence_is_stated_with_the_latest_official_figure(language: str) -> None:
    plain, credited = SPLIT[language]
    out = run(
        [
            page("a", "Outlet A", plain.format(n=200), language),
            page("b", "Outlet B", plain.format(n=900), language),
            page("c", "Outlet C", plain.format(n=900), language),
            page("d", "Outlet D", credited.format(n=410), language),
        ]
    )
    toll = killed(out)
    assert toll.basis == "split"
    assert toll.figure.startswith("outlets differ: 200–900; latest official 410"), toll.figure
    assert toll.number == 410


NAMED = {
    "en": ("At least {n} people were killed in the Kerav dam collapse.",
           "At least {n} people were killed in the Kerav dam collapse, the health ministry said."),
    "es": ("Al menos {n} personas murieron en el colapso de la presa de Kerav.",
           "Al menos {n} personas murieron en el colapso de la presa de Kerav, según el ministerio de Salud."),  # noqa: E501
    "fr": ("Au moins {n} personnes sont mortes dans l'effondrement du barrage de Kerav.",
           "Au moins {n} personnes sont mortes dans l'effondrement du barrage de Kerav, selon le ministère de la Santé."),  # noqa: E501
    "ar": ("قتل {n} شخصا على الأقل في انهيار سد كيراف.",
           "قتل {n} شخصا على الأقل في انهيار سد كيراف بحسب وزارة الصحة."),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(NAMED))
def test_the_latest_figure_of_a_named_source_wins_over_an_older_majority(language: str) -> None:
    plain, credited = NAMED[language]
    out = run(
        [
            page("a", "Outlet A", credited.format(n=40), language, day(8)),
            page("b", "Outlet B", plain.format(n=40), language, day(9)),
            page("c", "Outlet C", plain.format(n=40), language, day(10)),
            page("d", "Outlet D", credited.format(n=52), language, day(10)),
        ]
    )
    toll = killed(out)
    assert toll.number == 52
    assert toll.basis == "named"


@pytest.mark.parametrize("language", sorted(SPLIT))
def test_one_odd_figure_against_a_clear_majority_is_no_split(language: str) -> None:
    plain, _ = SPLIT[language]
    out = run(
        [
            page(k, f"Outlet {k}", plain.format(n=n), language)
            for k, n in zip("abcd", (900, 900, 900, 200), strict=True)
        ]
    )
    toll = killed(out)
    assert toll.basis != "split"
    assert toll.number == 900


@pytest.mark.parametrize(
    ("language", "plain", "one"),
    [
        ("en", "Three people were killed in the Kerav shooting.",
         "A 46-year-old man was killed in the Kerav shooting, police said."),
        ("es", "Tres personas murieron en el tiroteo de Kerav.",
         "Un hombre de 46 años murió en el tiroteo de Kerav, según la policía."),
    ],
)  # fmt: skip
def test_a_named_source_naming_one_victim_does_not_replace_the_toll(
    language: str, plain: str, one: str
) -> None:
    out = run(
        [
            page("a", "Outlet A", plain, language, day(8)),
            page("b", "Outlet B", plain, language, day(9)),
            page("c", "Outlet C", one, language, day(10)),
        ]
    )
    assert killed(out).number == 3


@pytest.mark.parametrize(
    ("source", "official"),
    [("police", True), ("the county coroner", True), ("ministère de la Santé", True),
     ("Ministerio del Interior", True), ("وزارة الصحة", True),
     ("the grandmother of one of the witnesses", False), ("a neighbour", False), (None, False)],
)  # fmt: skip
def test_which_sources_are_official(source: str | None, official: bool) -> None:
    assert is_official(source) is official


def test_a_later_figure_a_witness_gives_does_not_replace_the_toll() -> None:
    plain = "Three people were killed in the Kerav shooting."
    out = run(
        [
            page("a", "Outlet A", plain, "en", day(8)),
            page("b", "Outlet B", plain, "en", day(9)),
            page("c", "Outlet C", "Two people were killed in the Kerav shooting, a neighbour said.", "en", day(10)),  # noqa: E501
        ]
    )  # fmt: skip
    assert killed(out).number == 3


def test_an_official_figure_a_later_page_overtakes_is_not_the_story_figure() -> None:
    out = run(
        [
            page("a", "Outlet A", "Four people were killed in the Kerav shooting, police said.", "en", day(8)),  # noqa: E501
            page("b", "Outlet B", "Five people were killed in the Kerav shooting.", "en", day(11)),
        ]
    )  # fmt: skip
    assert killed(out).number == 5


def test_the_report_shows_a_withdrawn_figure_as_set_aside() -> None:
    from newsprism.report.markdown import story_markdown
    from newsprism.report.pages import render_story_html
    from newsprism.report.views import story_view

    articles = [
        page("a", "Outlet A", STATED["en"], "en", day(8)),
        page("b", "Outlet B", SET_ASIDE[0][2], "en", day(9)),
        page("c", "Outlet C", OTHER["en"], "en", day(9)),
    ]
    view = story_view(run(articles), articles)
    assert "set aside: 300 \\(withdrawn: health ministry\\)" in story_markdown(view)
    assert "set aside: <bdi>300 (withdrawn: health ministry)</bdi>" in render_story_html(view, {})


@pytest.mark.parametrize(
    ("language", "whole", "more"),
    [
        ("en", "Three people were killed in the Kerav shooting.", "Two others were killed in the Kerav shooting."),  # noqa: E501
        ("es", "Tres personas murieron en el tiroteo de Kerav.", "Otras dos personas murieron en el tiroteo de Kerav."),  # noqa: E501
    ],
)  # fmt: skip
def test_two_others_is_no_rival_total_and_no_split(language: str, whole: str, more: str) -> None:
    out = run(
        [
            page("a", "Outlet A", whole, language),
            page("b", "Outlet B", more, language),
            page("c", "Outlet C", whole.replace("Kerav", "Kerav"), language),
            page("d", "Outlet D", more, language),
        ]
    )
    assert killed(out).basis != "split"


def test_the_report_says_how_casualties_are_read() -> None:
    """ "Casualties" may mean the dead or the dead and injured: the count keeps its own
    slot and the report says which reading was taken."""
    from newsprism.report.markdown import story_markdown
    from newsprism.report.pages import render_story_html
    from newsprism.report.views import story_view

    articles = [
        page("a", "Outlet A", "The Kerav dam collapse caused 40 casualties, officials said.", "en", day(8)),  # noqa: E501
        page("b", "Outlet B", "Officials counted 40 casualties after the Kerav dam collapse.", "en", day(9)),  # noqa: E501
    ]  # fmt: skip
    out = run(articles)
    assert {t.outcome for t in out.tolls} == {"casualties"}
    view = story_view(out, articles)
    assert "read as dead, or dead and injured together" in story_markdown(view)
    assert "read as dead, or dead and injured together" in render_story_html(view, {})
