"""A page that contradicts itself (a lead updated to a new figure while a later paragraph
keeps the old one, a caption over a body with another) is flagged on that page as
internal, never graded as two outlets disagreeing. Texts are written here."""

from __future__ import annotations

import pytest

from tests.test_compare_tolls import grades, page, run

PAGES = {
    "en": ("Twelve people were killed in the Kerav mine blast, officials said.",
           "Rescuers searched the shafts through the night.",
           "Ten people were killed in the blast, according to the mayor."),
    "es": ("Doce personas murieron en la explosión de la mina de Kerav, según las autoridades.",
           "Los rescatistas buscaron en los pozos durante la noche.",
           "Diez personas murieron en la explosión, según el alcalde."),
    "fr": ("Douze personnes sont mortes dans l'explosion de la mine de Kerav, selon les autorités.",
           "Les secouristes ont fouillé les puits toute la nuit.",
           "Dix personnes sont mortes dans l'explosion, selon le maire."),
    "ar": ("قتل 12 شخصا في انفجار منجم كيراف بحسب السلطات.",
           "وبحث رجال الإنقاذ في الآبار طوال الليل.",
           "وقتل 10 أشخاص في الانفجار بحسب رئيس البلدية."),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_page_that_contradicts_itself_is_flagged_internal(language: str) -> None:
    lead, middle, later = PAGES[language]
    out = run(
        [
            page("a", "Valley News", f"{lead}\n\n{middle}\n\n{later}", language),
            page("b", "Plains Herald", lead, language),
        ]
    )
    internal = [f for f in out.findings if f.kind == "number" and "within one page" in f.slot]
    assert len(internal) == 1, [(f.slot, f.grade) for f in out.findings]
    assert {v.cite.article for v in internal[0].values} == {"a"}
    assert sorted(v.number for v in internal[0].values) == [10, 12]
    assert "contradict" not in grades(out, "killed")
    assert {t.outcome: t.number for t in out.tolls}["killed"] == 12


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_page_that_gives_the_change_is_not_internal(language: str) -> None:
    lead, middle, _ = PAGES[language]
    earlier = {
        "en": "Officials had earlier said that ten people were killed.",
        "es": "Las autoridades habían dicho antes que diez personas murieron.",
        "fr": "Les autorités avaient d'abord indiqué que dix personnes étaient mortes.",
        "ar": "وكانت السلطات قد أعلنت في وقت سابق مقتل 10 أشخاص.",
    }[language]
    out = run([page("a", "Valley News", f"{lead}\n\n{middle}\n\n{earlier}", language),
               page("b", "Plains Herald", lead, language)])  # fmt: skip
    assert not [f for f in out.findings if "within one page" in f.slot]
