"""Numbers with what they count, on invented texts."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsprism.language import annotate
from newsprism.language.quantities import number_value
from newsprism.model import Article, Quantity, Source


def _quantities(text: str) -> dict[str, Quantity]:
    return {q.text: q for q in _quantity_list(text)}


def _quantity_list(text: str) -> list[Quantity]:
    art = Article(
        id="n",
        source=Source("n.txt", "text"),
        raw_sha="n",
        part=0,
        text=text,
        published=datetime(2024, 3, 14),
    )
    ann = next(annotate([art]))
    for q in ann.quantities:
        assert art.text[q.span[0] : q.span[1]] == q.text
        if q.noun_span:
            assert art.text[q.noun_span[0] : q.noun_span[1]] == q.noun
    return ann.quantities


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["2,500"], 2500),
        (["three"], 3),
        (["2.5", "million"], 2_500_000),
        (["twenty", "-", "five"], 25),
        (["two", "hundred"], 200),
        (["troops"], None),
    ],
)
def test_number_values(words: list[str], value: float | None):
    assert number_value(words) == value


def test_digits_and_words_with_their_nouns():
    qty = _quantities("Rebels freed 12 hostages and seven journalists near Lake Tana.")
    assert (qty["12"].value, qty["12"].noun) == (12, "hostages")
    assert (qty["seven"].value, qty["seven"].noun) == (7, "journalists")


def test_qualifiers_are_part_of_the_span():
    qty = _quantities(
        "At least 40 people died and nearly 300 homes burned. "
        "More than 1,200 volunteers and up to 15 trucks arrived, with some 60 doctors."
    )
    assert qty["At least 40"].qualifier == "at least"
    assert qty["nearly 300"].noun == "homes"
    assert qty["More than 1,200"].value == 1200
    assert qty["up to 15"].qualifier == "up to"
    assert qty["some 60"].noun == "doctors"


def test_elided_noun_is_carried_over_and_marked():
    qty = _quantities("The mission keeps 700 soldiers in Mali and 1,100 in Niger.")
    first, second = qty["700"], qty["1,100"]
    assert (first.noun, first.place) == ("soldiers", "Mali")
    assert (second.noun, second.place) == ("soldiers", "Niger")
    assert second.noun_span == first.noun_span  # points back at the written noun


def test_relational_noun_keeps_its_of_phrase():
    qty = _quantities("Officials said 16 members of the rescue team were hurt.")
    assert qty["16"].noun == "members of the rescue team"


def test_years_and_days_of_month_are_not_quantities():
    qty = _quantities(
        "In 2019 the dam opened. On March 3, 2024 it flooded, and one of the three gates broke."
    )
    assert "2019" not in qty and "2024" not in qty and "3" not in qty
    assert "one" not in qty
    assert qty["three"].noun == "gates"


def test_time_attached_from_the_sentence():
    qty = _quantities("Two rockets hit the base on Tuesday.")
    assert qty["Two"].time == "Tuesday"


def test_others_counts_the_noun_before_it():
    qty = _quantities("Five soldiers were killed and 12 others were wounded.")
    assert qty["12"].noun == "soldiers"


def test_counts_written_as_words():
    qty = _quantities(
        "About a dozen porters were hurt and half a dozen carts burned. "
        "Two dozen barges sank. A hundred guards came."
    )
    assert (qty["About a dozen"].value, qty["About a dozen"].qualifier) == (12, "about")
    assert qty["About a dozen"].noun == "porters"
    assert (qty["half a dozen"].value, qty["half a dozen"].noun) == (6, "carts")
    assert (qty["Two dozen"].value, qty["Two dozen"].noun) == (24, "barges")
    assert qty["A hundred"].value == 100


def test_plural_counts_have_no_value_and_a_range_qualifier():
    qty = _quantity_list(
        "Dozens of millers marched while scores of wardens watched. "
        "Hundreds of farmers gathered and thousands of pilgrims waited. "
        "Tens of thousands of voters stayed home. Dozens were hurt. Her test scores rose."
    )
    for text, qualifier, noun in [
        ("Dozens", "dozens", "millers"),
        ("scores", "scores", "wardens"),
        ("Hundreds", "hundreds", "farmers"),
        ("thousands", "thousands", "pilgrims"),
        ("Tens of thousands", "tens of thousands", "voters"),
    ]:
        q = next(q for q in qty if q.text == text and q.noun == noun)
        assert (q.value, q.qualifier) == (None, qualifier)
    hurt = [q for q in qty if q.text == "Dozens" and q.noun is None]
    assert len(hurt) == 1 and hurt[0].qualifier == "dozens"
    assert len(qty) == 6  # "test scores" is not a count


def _figures(text: str) -> list[Quantity]:
    return _quantity_list(text)


def test_ages_are_never_counts():
    qty = _figures(
        "A 17-year-old was killed on Monday. John Okafor, 17, was also killed. "
        "A woman aged 34 was wounded."
    )
    for q in qty:
        if q.text in ("17", "34"):
            assert q.kind == "age" and q.outcome is None and q.counted is None
    one = [q for q in qty if q.kind == "count"]
    assert [(q.value, q.outcome, q.counted) for q in one] == [(1.0, "injured", "woman")]


def test_outcome_and_counted_noun_come_from_the_parse():
    qty = _quantities(
        "Two sheriff's deputies were killed and three people were wounded. "
        "The blast left five dead. A 23-year-old man was shot and killed."
    )
    assert (qty["Two"].outcome, qty["Two"].counted) == ("killed", "deputy")
    assert (qty["three"].outcome, qty["three"].counted) == ("injured", "people")
    assert (qty["five"].outcome, qty["five"].counted) == ("killed", "people")
    assert (qty["A"].value, qty["A"].outcome, qty["A"].counted) == (1.0, "killed", "man")


def test_each_clause_keeps_its_own_outcome_and_a_killer_is_no_victim():
    """Read from real gun-violence reports: "One person is dead and two are hurt" gave the
    dead person the injured's outcome, and "a gunman killed" counted the gunman as killed."""
    qty = _quantities(
        "One person is dead and at least two people are hurt after a shooting. "
        "Police said a gunman killed three people in the bar."
    )
    assert (qty["One"].outcome, qty["One"].counted) == ("killed", "people")
    assert qty["at least two"].outcome == "injured"
    assert qty["three"].outcome == "killed"
    assert all(q.counted != "gunman" or q.outcome is None for q in qty.values())


def test_the_death_of_a_number_is_a_death_toll():
    """Tasnim's 'resulting in the death of three individuals' and 'the deaths of at least
    16 Iraqis': the outcome is the noun the number hangs from, however deep."""
    qty = _quantities(
        "The strike hit a car, resulting in the death of three individuals. "
        "The raids resulted in the deaths of at least 16 Iraqis, officials said."
    )
    assert (qty["three"].outcome, qty["three"].counted) == ("killed", "people")
    assert qty["at least 16"].outcome == "killed"


def test_a_count_restated_or_followed_by_its_outcome_keeps_it():
    """'among them seven police officers' shares the people's fate; 'clashes that left 14
    people injured' keeps its outcome even where the parser hangs 'injured' elsewhere."""
    qty = _quantities(
        "At least 12 people were injured on Wednesday night, among them seven police "
        "officers, when a crowd hurled stones. Riot police used batons and tear gas to "
        "clear a picket line in clashes that left 14 people injured."
    )
    assert (qty["seven"].outcome, qty["seven"].counted) == ("injured", "officer")
    assert qty["14"].outcome == "injured"


def test_a_count_of_happenings_is_no_toll():
    """'The death toll from two explosions rose to 103': two explosions killed nobody by
    themselves, and the 103 count people, not explosions."""
    qty = _quantities("The death toll from two explosions at the station rose to 103.")
    assert qty["two"].outcome is None
    assert (qty["103"].outcome, qty["103"].counted) == ("killed", "people")
    assert qty["103"].noun is None  # shown as "103", not "103 (explosions)"


def test_other_kinds_of_figure_are_not_counts():
    qty = _quantities(
        "The siege lasted three days and cost $5 million; 40 percent of homes fell "
        "within 10 miles of the river."
    )
    assert qty["three"].kind == "duration"
    assert (
        qty["$5 million"].kind == "money"
        if "$5 million" in qty
        else qty["5 million"].kind == "money"
    )
    assert qty["40"].kind == "percent"
    assert qty["10"].kind == "measure"
    assert all(q.outcome is None for q in qty.values())


def test_a_part_of_a_count_and_an_updated_toll_are_marked():
    qty = _quantities(
        "One of the three people killed was a child. The death toll rose to 84 on Tuesday."
    )
    assert (qty["One"].part_of, qty["One"].outcome) == (True, "killed")
    assert (qty["three"].part_of, qty["three"].outcome) == (False, "killed")
    assert (qty["84"].outcome, qty["84"].update) == ("killed", "rise")
    assert qty["84"].outcome_span is not None


def test_every_qualifier_emitted_is_known_to_the_lexicon():
    from newsprism.lexicon import QUALIFIERS, VAGUE_COUNTS

    qty = _quantity_list(
        "No fewer than 12 boats, just over 30 carts, some 40 mules and 20 or so goats came; "
        "fewer than 10 drivers and dozens of porters left, hundreds of thousands watched."
    )
    emitted = {q.qualifier for q in qty if q.qualifier}
    assert {"no fewer than", "just over", "some", "or so", "fewer than", "dozens"} <= emitted
    assert all(q in QUALIFIERS or q in VAGUE_COUNTS for q in emitted)


@pytest.mark.parametrize(
    ("text", "figure", "outcome"),
    [
        # a verb with "dead" as its complement: "shot dead", "found dead"
        ("Two women were shot dead late Friday in Tarmo.", "Two", "killed"),
        ("Three men were found dead in a car on Lindel Road.", "Three", "killed"),
        # "a total of": the count is the total's subject
        ("A total of 12 people were killed in the attack on the market.", "12", "killed"),
        # "recover" with no object and not passive: the hurt, healing
        ("Four people are recovering at Tarmo General Hospital.", "Four", "injured"),
        ("The two victims recovered in hospital after surgery.", "two", "injured"),
        # brought back: bodies and guns stay "recovered" (or the dead)
        ("Two guns were recovered at the scene, police said.", "Two", "recovered"),
        # a stated condition is the hurt's, and another clause's death is not theirs
        ("A man died at the scene, two people are in critical condition and four others were hospitalized.", "two", "injured"),  # noqa: E501
    ],
)  # fmt: skip
def test_outcomes_read_from_complements_totals_and_conditions(
    text: str, figure: str, outcome: str
) -> None:
    assert _quantities(text)[figure].outcome == outcome


def test_one_of_them_dead_counts_the_dead_and_no_one_is_nobody() -> None:
    dead = _quantities(
        "Two boys played with a loaded gun on Tarmo Street, which left one of them dead."
    )
    assert dead["one"].outcome == "killed" and not dead["one"].part_of
    died = _quantities("Four people were shot and one of them died at Tarmo General Hospital.")
    assert died["one"].outcome == "killed" and not died["one"].part_of
    # a part of a count of the same outcome stays a part, never a rival total
    part = _quantities("One of the three people killed was a child, police said.")
    assert part["One"].part_of
    assert not [
        q for q in _quantity_list("No one was injured in the fire on Tarmo Street.") if q.outcome
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Twenty rescue teams were sent to the Kerav mountains on Monday.",
        "Forty rescue workers searched the rubble of the Kerav market.",
        "Three evacuation buses left the Kerav stadium at noon.",
    ],
)
def test_a_job_named_before_the_counted_noun_is_no_outcome(text: str) -> None:
    """ "Rescue workers" do the rescuing: the compound names their job, not their fate."""
    assert not [q for q in _quantity_list(text) if q.outcome]


def test_the_fate_named_before_the_counted_noun_stays_an_outcome() -> None:
    assert _quantities("Twelve murder victims were buried in Kerav on Sunday.")[
        "Twelve"
    ].outcome == ("killed")
    assert _quantities("Rescuers pulled 12 survivors out and rescued five children.")[
        "five"
    ].outcome == ("rescued")


def test_the_people_of_a_shooting_are_not_the_dead_of_the_clause_above_it() -> None:
    """ "The three men killed in the shooting of five people": the five were shot, three
    of them died; the walk up from "of five people" stops at the noun that owns them."""
    found = _quantities(
        "The three men killed in the Tuesday shooting of five people at the Kerav bar were named."
    )
    assert found["three"].outcome == "killed"
    assert found["five"].outcome != "killed"
