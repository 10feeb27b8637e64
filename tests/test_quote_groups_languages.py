"""Quotes grouped across outlets and languages (issue 23's quote bullet).

One statement printed twice is one group whoever each page credits it to; its
renderings in other languages join it through the multilingual encoder; two
statements of one speaker stay apart. Invented sentences; the real readers and encoder.
"""

from __future__ import annotations

from test_findings_cells import run
from test_quotes_languages import _article

SAID_A = "superintendent of the Varne harbour police, said."
LONG = (
    "With great sorrow, today we close the search for the four dockers who were lost in "
    "the collapse of the Varne quay"
)


def test_an_identical_quote_credited_to_two_spellings_of_one_man_is_one_group() -> None:
    """One outlet writes "Col. Arlen Voss Jr.", the other "Arlen Voss": one group."""
    out = run(
        [
            _article("a", "Valley News", "en", [f"“{LONG},” Col. Arlen Voss Jr. said."]),
            _article("b", "Plains Herald", "en", [f'"{LONG}," Arlen Voss, {SAID_A}']),
        ]
    )
    [group] = [g for g in out.quotes if "sorrow" in g.text]
    assert {v.cite.outlet for v in group.variants} == {"Valley News", "Plains Herald"}
    # one man written fuller in one outlet: no "different speakers" finding
    assert [f for f in out.findings if f.kind == "speaker"] == []


def test_an_english_and_a_french_wording_of_one_statement_are_one_group() -> None:
    out = run(
        [
            _article(
                "a",
                "Valley News",
                "en",
                ["“The whole quay just fell into the river,” a harbour worker told reporters."],
            ),
            _article(
                "b",
                "Le Courrier",
                "fr",
                ["« Le quai tout entier est tombé dans la rivière », a déclaré un docker."],
                "2025-04-10T11:00",
            ),
        ]
    )
    [group] = [g for g in out.quotes if "quay" in g.text or "quai" in g.text]
    assert {v.cite.outlet for v in group.variants} == {"Valley News", "Le Courrier"}
    # the original English wording, printed first, is canonical over its rendering
    assert group.canonical.outlet == "Valley News"
    assert {v.cite.outlet: v.wording for v in group.variants}["Le Courrier"] == "translation"


def test_two_statements_of_one_speaker_in_two_languages_stay_apart() -> None:
    out = run(
        [
            _article(
                "a",
                "Valley News",
                "en",
                [
                    "“The whole quay just fell into the river,” Mayor Odile Marchetti said.",
                    "“We will pay every family of the lost dockers a full pension,” "
                    "Marchetti said.",
                ],
            ),
            _article(
                "b",
                "Le Courrier",
                "fr",
                [
                    "« Le quai tout entier est tombé dans la rivière », a déclaré Odile Marchetti.",
                    "« Les travaux de reconstruction commenceront en juin », a ajouté Odile "
                    "Marchetti.",
                ],
            ),
        ]
    )
    for group in out.quotes:
        texts = [v.cite.text for v in group.variants]
        assert not any("pension" in t for t in texts) or not any("juin" in t for t in texts)
        assert not any("pension" in t for t in texts) or not any("rivière" in t for t in texts)
        assert not any("juin" in t for t in texts) or not any("river" in t for t in texts)


def test_a_statement_is_shown_in_the_language_most_of_its_outlets_print() -> None:
    """Two English pages quote a phrase of the statement, one French page prints it
    whole: the group is shown in English, the French its rendering."""
    out = run(
        [
            _article(
                "a",
                "Valley News",
                "en",
                ["State television said there was “no sign of life” at the pier."],
            ),
            _article(
                "b",
                "Plains Herald",
                "en",
                ["Rescuers found “no sign of life” near the sunken ferry, state television said."],
            ),
            _article(
                "c",
                "Le Courrier",
                "fr",
                ["« Aucun signe de vie n'a été trouvé », a annoncé la télévision d'État."],
                "2025-04-10T07:00",
            ),
        ]
    )
    [group] = [g for g in out.quotes if "Le Courrier" in {v.cite.outlet for v in g.variants}]
    assert group.canonical.outlet in {"Valley News", "Plains Herald"}
    assert {v.cite.outlet: v.wording for v in group.variants}["Le Courrier"] == "translation"
