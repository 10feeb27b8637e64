"""Names and labels: a demonym is its place, a framing row is one actor (issue 23).

Invented coverage of a strike near a border: one outlet writes "Iraqi officials",
another "officials in Iraq"; Iranian officials are someone else; "scores" counts
mourners and is nobody.
"""

from __future__ import annotations

from test_findings_cells import article, run

from newsprism.compare.records import StoryComparison


def border_story() -> StoryComparison:
    return run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Iraqi officials said a drone struck a car near the border town of Qaim "
                    "on Sunday.",
                    "Iran denied any role in the strike on Sunday evening.",
                    "Scores of mourners gathered in the town on Monday.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Officials in Iraq said a drone hit a car near the border town of Qaim on "
                    "Sunday.",
                    "Iranian officials denied any role in the strike.",
                    "Scores of people attended the funeral on Monday.",
                ],
            ),
        ]
    )


def test_a_demonym_is_no_misspelling_nor_a_transliteration() -> None:
    out = border_story()
    relations = {f.form: f.relation for n in out.names for f in n.forms}
    for word in ("Iraqi", "Iranian", "Iraq", "Iran"):
        assert relations.get(word) not in ("misspelling", "transliteration", "spelling"), out.names


def test_a_framing_row_is_one_actor_and_a_quantity_word_is_none() -> None:
    out = border_story()
    for row in out.framing:
        said = {lab.label.lower() for lab in row.labels}
        assert not ({"iraqi officials", "iranian officials"} <= said), said
        assert not any(s.startswith("scores") for s in said), said


def test_demonyms_of_known_and_invented_places() -> None:
    from newsprism.compare.names import is_demonym

    assert is_demonym("Iraqi", "Iraq") and is_demonym("Velmoran", "Velmora")
    assert is_demonym("Thai", "Thailand") and is_demonym("Chinese", "China")
    assert not is_demonym("Irak", "Iraq") and not is_demonym("Velmora", "Velmora")
    # the people of a place: "Indonesians", "Iraqis", "Velmorans" are no transliterations
    assert is_demonym("Indonesians", "Indonesia") and is_demonym("Iraqis", "Iraq")
    assert is_demonym("Velmorans", "Velmora") and not is_demonym("Velmoras", "Velmora")


def test_a_role_naming_another_person_is_not_this_persons_role() -> None:
    """In a list of who was on board, the words after one name describe the next person."""
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Also on board were Foreign Minister Pavel Dorn, governor of Tarsk province "
                    "Ilse Marrow and the Tarsk imam of Friday prayers Omar Vahl.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                ["Pavel Dorn, the country's top diplomat since 2021, was also on board."],
            ),
        ]
    )
    for f in out.findings:
        if f.kind == "role":
            assert not any("Marrow" in v.value or "Vahl" in v.value for v in f.values), f
