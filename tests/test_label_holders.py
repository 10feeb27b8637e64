"""A label belongs to the noun phrase it modifies or stands beside (issue 23).

Invented coverage: lists of officials on board a plane, a vote count, a winner and the
outgoing president. In each list the words after one name describe the next person;
a bare office ("become vice president") is nobody's label; a lone surname is the one fuller name
of the story that holds it; role nouns no outlet varies ("passengers", "Velmoran
authorities") frame nobody.
"""

from __future__ import annotations

from datetime import datetime

from test_findings_cells import article, run

from newsprism.compare.actors import actor_keys
from newsprism.compare.records import StoryComparison
from newsprism.language import annotate
from newsprism.language.rules.reader import annotate_foreign
from newsprism.model import Article, Entity, Source


def _page(aid: str, text: str, language: str) -> Article:
    return Article(
        aid,
        Source(f"{aid}.txt", "text"),
        "x",
        0,
        text,
        outlet="Outlet",
        language=language,
        published=datetime(2025, 4, 10, 9),
    )


def _labels(text: str, language: str = "en") -> dict[str, str]:
    """Label text -> the name it describes."""
    page = _page("a", text, language)
    ann = annotate_foreign(page) if language != "en" else next(iter(annotate([page])))
    return {lab.text: text[lab.actor[0] : lab.actor[1]] for lab in ann.labels}


def _rows(out: StoryComparison) -> dict[str, set[str]]:
    return {r.name: {x.label.lower() for x in r.labels} for r in out.framing}


def test_a_title_hung_on_the_name_before_it_is_the_next_persons() -> None:
    """ "Ilse Marrow, Velmora's Friday prayer Imam Omar Vahl": the parse hangs the
    words on Marrow, but they are Vahl's title."""
    got = _labels(
        "The helicopter also carried Governor of Tarsk province Ilse Marrow, "
        "Velmora's Friday prayer Imam Omar Vahl, along with a pilot."
    )
    assert all("Marrow" not in name for label, name in got.items() if "prayer" in label), got


def test_a_plural_title_before_a_list_is_no_ones() -> None:
    got = _labels(
        "Kell a obtenu 58 % des suffrages face aux deux autres candidats Anders Brandt "
        "(24 %) et Lena Vahl (16 %).",
        "fr",
    )
    assert not any("candidats" in label for label in got), got


def test_descriptions_of_listed_officials_stay_with_their_own_names() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Velmoran Foreign Minister Pavel Dorn flew to Tarsk on Sunday with the "
                    "governor of Tarsk province Ilse Marrow and the imam Omar Vahl.",
                    "Also on board were Foreign Minister Pavel Dorn and Omar Vahl, the "
                    "representative of the council in Tarsk.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Foreign Minister Pavel Dorn, a veteran diplomat, flew to Tarsk on Sunday.",
                    "Governor Ilse Marrow was also on board.",
                ],
            ),
        ]
    )
    dorn = next((labels for name, labels in _rows(out).items() if "Dorn" in name), set())
    assert dorn, out.framing
    assert not {"governor", "representative"} & dorn, dorn


def test_a_bare_office_is_no_ones_label() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "President Anders Kell congratulated the winner, Lena Brandt, on Monday.",
                    "The result heralds continuity for President Anders Kell's policies but "
                    "also presents the new president with a divided country.",
                    "Omar Vahl was her running mate and is set to become vice president "
                    "in October.",
                    "Brandt will serve all Velmorans as president, she said.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Outgoing President Anders Kell congratulated Lena Brandt on Monday.",
                    "The outgoing president is serving his second term.",
                ],
            ),
        ]
    )
    kell = next((labels for name, labels in _rows(out).items() if "Kell" in name), set())
    assert kell, out.framing
    assert "vice president" not in kell, kell
    assert sum(1 for label in kell if label == "president") <= 1, kell


def _entity(eid: str, name: str, label: str, count: int) -> Entity:
    return Entity(eid, name, label, {name: count})


def test_a_lone_surname_is_the_one_fuller_name_that_holds_it() -> None:
    entities = {
        e.id: e
        for e in (
            _entity("a", "Subrato", "GPE", 19),  # the model reads a lone name as a place
            _entity("b", "Subrato Kelani", "PERSON", 26),
            _entity("c", "Subrato Kelani-Omar Vahl", "NAME", 3),  # a ticket, not a person
            _entity("d", "Tarsk", "GPE", 12),
            _entity("e", "Tarsk Gov Ilse Marrow", "ORG", 1),  # a title read into a name
            _entity("f", "Omar", "PERSON", 4),
            _entity("g", "Omar Vahl", "PERSON", 5),
            _entity("h", "Omar Dorn", "PERSON", 5),
        )
    }
    keys = actor_keys(entities, entities)
    assert keys["a"] == keys["b"] != keys["c"]
    assert keys["d"] != keys["e"]
    assert keys["f"] not in (keys["g"], keys["h"])  # two Omars: the lone one is either


def test_role_nouns_no_outlet_varies_frame_nobody() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Velmoran authorities said all passengers and senior officials on board "
                    "the ferry were rescued on Sunday.",
                    "State media said the ferry sank near Tarsk.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Authorities said the passengers and officials on the ferry were rescued "
                    "on Sunday.",
                    "Velmoran state media said the ferry sank near Tarsk.",
                ],
            ),
        ]
    )
    shown = {label for labels in _rows(out).values() for label in labels}
    assert not shown & {"authorities", "velmoran authorities", "state media", "passengers"}, (
        out.framing
    )


def test_a_dateline_in_capitals_and_a_places_people_are_no_spellings_of_a_name() -> None:
    from newsprism.compare.names import _relation, is_demonym

    assert _relation("VELMORA", "Velmora", None, False) == "same"
    assert _relation("Velmóra", "Velmora", None, False) == "spelling"
    # the people of a place, in French or German, are the place's word, not a name
    assert is_demonym("Velmoriens", "Velmoria") and is_demonym("Velmorer", "Velmora")
    assert is_demonym("Indonésiens", "Indonesia") and not is_demonym("Indonesia", "Indonesia")
    assert not is_demonym("Velmori", "Velmorí")  # one word spelt two ways


def test_a_date_or_a_header_word_before_a_name_is_no_part_of_its_label() -> None:
    got = _labels(
        "date 2025-08-27 Vorga chief Yevgeny Dravozhin has been confirmed dead after "
        "genetic analysis."
    )
    assert "Vorga chief" in got, got
    got = _labels(
        "date 2025-08-24 Belarusian President Oren Dravozhin on Thursday expressed his condolences."
    )
    assert "date" not in got, got
    got = _labels("Oren Volkov, an 85-year-old tycoon, spoke.")
    assert any("85-year-old" in label for label in got), got


def test_the_president_of_another_body_is_not_the_president() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "A ferry carrying President Anders Kell sank near Tarsk on Sunday.",
                    "Rescuers smelled fuel at the site, the president of the Velmoran Red "
                    "Cross Society told reporters early Monday.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                ["Velmoran President Anders Kell was on the ferry that sank near Tarsk."],
            ),
        ]
    )
    kell = next((r for r in out.framing if "Kell" in r.name), None)
    assert kell is not None, out.framing
    assert not [x for x in kell.labels if x.source == "description"], kell.labels


def test_someones_relation_by_an_unresolved_his_is_no_ones_label() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Lena Brandt beat her rival Omar Vahl in the vote on Sunday.",
                    "Outgoing President Anders Kell was accused of abusing his position to "
                    "favour his former rival, allegations his allies deny.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                ["Lena Brandt beat the former governor Omar Vahl in the vote on Sunday."],
            ),
        ]
    )
    said = {x.label for r in out.framing for x in r.labels}
    assert "former rival" not in said, out.framing
