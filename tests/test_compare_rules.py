"""compare_story rules on invented coverage, through the real language layer.

Every article here is written for the test (no outlet's text); each test states a
situation a fact-checker meets and the finding they should get: a paraphrase that
carries a claim, a subset count that is not a conflict, a toll that rose and was
revised, ages and durations next to casualty counts, two translations of one
statement that are not reuse.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import jsonschema

from newsprism.compare import CompareOptions, compare_story
from newsprism.compare.records import FactRow, Finding, StoryComparison
from newsprism.language import annotate, resolve_entities
from newsprism.model import Article, ReusePair, Source, Story

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "newsprism" / "schema" / "story.schema.json").read_text()
)


def article(
    aid: str,
    outlet: str,
    sentences: list[str],
    published: str = "2023-05-12T10:00",
    version: int = 1,
) -> Article:
    text = "\n\n".join(sentences)
    return Article(
        aid,
        Source(f"{aid}.txt", "text"),
        "x",
        0,
        text,
        title=None,
        outlet=outlet,
        published=datetime.fromisoformat(published),
        version=version,
    )


def run(articles: list[Article], reuse: list[ReusePair] | None = None) -> StoryComparison:
    annotations = {a.id: n for a, n in zip(articles, annotate(articles), strict=True)}
    entities = {e.id: e for e in resolve_entities(articles, annotations)}
    story = Story("s", "invented", [a.id for a in articles])
    out = compare_story(
        story, articles, annotations, entities, reuse or [], options=CompareOptions()
    )
    jsonschema.validate(out.to_json(), SCHEMA)
    return out


def fact(out: StoryComparison, phrase: str) -> FactRow:
    return next(f for f in out.facts if phrase in f.text)


def cells(row: FactRow) -> dict[str, str]:
    return {c.outlet: c.state for c in row.cells}


def figure(out: StoryComparison, outcome: str) -> Finding:
    return next(f for f in out.findings if f.kind == "number" and f.slot.startswith(outcome))


def test_a_paraphrase_carries_the_claim_and_a_sentence_sharing_words_does_not() -> None:
    out = run(
        [
            article(
                "a",
                "Harbour Post",
                [
                    "The city council approved a new budget for the harbour bridge repairs on Monday.",  # noqa: E501
                    "Fishermen said the council ignored their complaints about the bridge.",
                ],
            ),
            article(
                "b",
                "Coast Daily",
                [
                    "On Monday the city councillors passed a new budget to repair the harbour bridge.",  # noqa: E501
                    "The bridge was painted blue by the council in 1998 for a festival.",
                ],
            ),
        ]
    )
    budget = fact(out, "approved a new budget")
    assert cells(budget) == {"Harbour Post": "states", "Coast Daily": "differs"}
    painted = fact(out, "painted blue")
    assert cells(painted) == {"Harbour Post": "omits", "Coast Daily": "states"}


def test_a_subset_count_is_a_difference_not_a_conflict() -> None:
    """'two militia officials' among 'three people killed': compatible, never counted."""
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "A drone strike on a car in the town of Marvik killed three people on Wednesday.",  # noqa: E501
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "A drone strike on a car in Marvik on Wednesday killed two militia officials.",
                    "One of the three people killed in the car was identified as a driver.",
                ],
            ),
        ]
    )
    killed = figure(out, "killed")
    assert killed.grade == "differs"
    assert {v.cite.text for v in killed.values} >= {"three", "two"}
    assert out.n_conflicts == 0


def test_a_ceiling_and_a_figure_below_it_fit() -> None:
    """'fewer than 10' allows 9: one table of qualifiers for extraction and grading."""
    out = run(
        [
            article(
                "a",
                "Valley News",
                ["Fewer than 10 people were injured in the fire at the Orvan market on Sunday."],
            ),
            article(
                "b",
                "Plains Herald",
                ["Nine people were injured in the fire at the Orvan market on Sunday."],
            ),
            article(
                "c",
                "North Star",
                ["More than 70 people were arrested after the match in Orvan on Sunday."],
            ),
            article(
                "d",
                "River Times",
                ["Police arrested 73 people after the match in Orvan on Sunday."],
            ),
        ]
    )
    assert figure(out, "injured").grade != "contradict"
    assert figure(out, "arrested").grade != "contradict"
    assert out.n_conflicts == 0


def test_dates_that_cannot_both_be_true_contradict() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                ["The health minister met the striking nurses in the capital on Tuesday."],
            ),
            article(
                "b",
                "Plains Herald",
                ["The health minister met striking nurses in the capital on Friday."],
            ),
        ]
    )
    [c] = [f for f in out.findings if f.grade == "contradict"]
    assert c.kind == "date"
    assert {v.cite.text for v in c.values} == {"Tuesday", "Friday"}
    assert c.caveat is None
    row = fact(out, "on Tuesday")
    assert cells(row)["Plains Herald"] == "contradicts"


def test_ages_and_durations_are_never_counts() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "A 17-year-old was killed and two other people were wounded in a shooting in Orvan on Friday night.",  # noqa: E501
                    "The victim's family had lived in the town for 30 years.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Jon Alder, 17, was shot dead outside a shop in Orvan on Friday, police said.",
                    "Two people were injured and were treated for three days in hospital.",
                ],
            ),
        ]
    )
    numbers = [v for f in out.figures for v in f.values]
    assert all(v.number not in (17.0, 30.0, 3.0) for v in numbers), [v.value for v in numbers]
    injured = next(f for f in out.figures if f.outcome == "injured")
    assert {v.number for v in injured.values} == {2.0}
    assert out.n_conflicts == 0


def test_a_toll_that_rose_and_was_revised_is_an_update_with_its_development() -> None:
    """Five outlets over two days and two versions of one article: the toll rose from
    20 to 73, passed 84, and was revised down from about 100 to 84."""
    bombing = "the bombing at the Kerav bus station on Monday"
    out = run(
        [
            article(
                "a",
                "Valley News",
                [f"At least 20 people were killed in {bombing}, police said."],
                "2023-05-08T08:00",
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "The death toll from Monday's bombing at the Kerav bus station rose to 73, the health ministry said."  # noqa: E501
                ],
                "2023-05-08T13:00",
            ),
            article(
                "c",
                "North Star",
                [f"More than 70 people were killed in {bombing}, hospital officials said."],
                "2023-05-08T19:00",
            ),
            article(
                "d",
                "River Times",
                [f"At least 84 people were killed in {bombing}, officials said on Tuesday."],
                "2023-05-09T08:00",
            ),
            article(
                "e1",
                "Delta Wire",
                [f"Almost 100 people died in {bombing}, rescuers said."],
                "2023-05-09T09:00",
            ),
            article(
                "e2",
                "Delta Wire",
                [
                    f"Officials revised the death toll from {bombing} down from about 100 to 84 on Tuesday."  # noqa: E501
                ],
                "2023-05-09T15:00",
                version=2,
            ),
        ]
    )
    toll = figure(out, "killed")
    assert toll.grade == "update", toll.explanation
    steps = [s.value for s in toll.development]
    assert steps[0] == "At least 20 people" and steps[-1] == "84"
    assert steps.index("73") < steps.index("At least 84 people")
    assert toll.figure == "84"
    assert out.n_conflicts == 0


def test_two_translations_of_one_statement_are_one_quote_group_and_not_reuse() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "The interior minister said the government “will not allow the port to be held hostage by a small minority”.",  # noqa: E501
                    "Dockers blocked the main gate of the port of Orvan for a third day on Monday.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "“The government will not permit the port to be taken hostage by a minority,” the interior minister told parliament.",  # noqa: E501
                    "Striking dockers kept the main gate of Orvan's port closed for a third day on Monday.",  # noqa: E501
                ],
            ),
        ]
    )
    [group] = out.quotes
    assert {v.cite.outlet for v in group.variants} == {"Valley News", "Plains Herald"}
    assert group.note and "translation" in group.note
    assert all(f.independent_support == len(f.carried_by) for f in out.facts)


def test_a_wire_copy_counts_once_and_an_uncredited_copy_traces_to_the_agency() -> None:
    s = "Police arrested three men after the armed robbery of a jewellery shop in Leeds on Monday."
    a = article("a", "Valley News", [s])
    a.wire = ["Meridian Press"]
    b = article("b", "Plains Herald", [s])
    c = article(
        "c",
        "North Star",
        [
            "Three men were detained by police after a jewellery shop in Leeds was robbed on Monday.",  # noqa: E501
        ],
    )
    copy = ReusePair("a", "b", "wire-copy", 0.99, origin="Meridian Press")
    out = run([a, b, c], [copy])
    robbery = fact(out, "Police arrested three men")
    assert robbery.independent_support == 2
    assert set(robbery.origins) == {"Meridian Press", "North Star"}
    assert "Plains Herald prints the same Meridian Press text without credit" in " ".join(
        out.overview.provenance
    )


def test_two_names_for_one_crowd_are_one_actor_in_each_outlets_voice() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Police arrested dozens of looters who broke into shops on Harbour Street on Friday night.",  # noqa: E501
                    "The looters carried away televisions and food, shop owners said.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Police arrested dozens of residents who took food from shops on Harbour Street on Friday.",  # noqa: E501
                    "Many families in the district have had no deliveries for a week.",
                ],
            ),
        ]
    )
    actor = next(f for f in out.framing if any(x.label == "looters" for x in f.labels))
    labels = {(x.cite.outlet, x.label.lower(), x.voice) for x in actor.labels}
    assert ("Valley News", "looters", "own") in labels
    assert ("Plains Herald", "residents", "own") in labels
    words = {x.label.lower() for x in actor.labels}
    assert not words & {"police", "shops", "televisions", "shop owners", "families"}


def test_the_timeline_joins_one_happening_and_keeps_the_same_day_apart() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Police and farmers clashed outside the agriculture ministry in Ardel on Tuesday.",  # noqa: E501
                    "The agriculture minister said on Tuesday that the subsidy would not return.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Farmers fought riot police outside the agriculture ministry in Ardel on Tuesday.",  # noqa: E501
                    "The national football team beat Ruvia two goals to nil in a friendly on Tuesday.",  # noqa: E501
                ],
            ),
        ]
    )
    events = [e for e in out.timeline if e.start == "2023-05-09"]
    clash = next(e for e in events if any("clashed" in m.cite.text for m in e.mentions))
    assert {m.cite.outlet for m in clash.mentions} == {"Valley News", "Plains Herald"}
    assert not any("football" in m.cite.text for m in clash.mentions)
    said = next(e for e in events if "minister said" in e.description)
    assert said.kind == "statement" and len(said.mentions) == 1


def test_a_vague_date_is_never_shown_as_a_day() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "The mayor, who took office a year ago, opened the new bridge in Orvan on Monday."  # noqa: E501
                ],
            ),
            article(
                "b", "Plains Herald", ["The new bridge in Orvan was opened by the mayor on Monday."]
            ),
        ]
    )
    ago = next(e for e in out.timeline if any(m.expression == "a year ago" for m in e.mentions))
    assert ago.precision == "approximate" and ago.confidence <= 0.5


def test_the_digest_is_whole_sentences_with_neutral_labels() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Rioters attacked the police station in Dunmore on Sunday night.",
                    "The rioters later set fire to two parked cars near the station.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Protesters attacked the police station in Dunmore on Sunday night, witnesses said.",  # noqa: E501
                    "Protesters set fire to two parked cars near the police station, witnesses said.",  # noqa: E501
                ],
            ),
            article(
                "c",
                "North Star",
                [
                    "Protesters and police clashed at the police station in Dunmore on Sunday night.",  # noqa: E501
                ],
            ),
        ]
    )
    assert out.digest and len(out.digest[0].outlets) >= 2
    for d in out.digest:
        assert d.cite.text[:1].isupper(), d.cite.text
        assert d.cite.text.rstrip()[-1] in ".!?”"
    texts = [d.cite.text for d in out.digest]
    assert len(texts) == len(set(texts))


def test_the_story_figure_is_what_most_outlets_lead_with_and_their_differences_show() -> None:
    """Small tolls in different words ("one man", "one person", "three injured", "four
    people wounded") rarely join one slot; the story still has one figure per outcome,
    each outlet's first figure votes, and the outlet that leads with another figure is
    shown against the others, never silently outvoted."""
    bar = "at the Lantern bar in Kerav on Saturday night"
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Three people were wounded and one man was killed in a shooting "
                    f"{bar}, police said."
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [f"A shooting {bar} left one person dead and three people injured."],
            ),
            article(
                "c",
                "North Star",
                [f"Police said four people were wounded in the shooting {bar}."],
            ),
        ]
    )
    tolls = {t.outcome: t for t in out.tolls}
    assert (tolls["injured"].number, tolls["killed"].number) == (3, 1)
    assert tolls["injured"].outlets == ["Plains Herald", "Valley News"]
    assert tolls["killed"].finding is None  # nobody leads with another figure
    shown = out.finding(tolls["injured"].finding or "")
    assert {v.cite.outlet for v in shown.values} >= {"North Star"}
    assert shown.grade in ("differs", "contradict")


def test_an_outlet_is_not_contradicted_by_a_figure_it_prints_itself() -> None:
    """Both outlets say four were hurt and, further down, that three of them were found
    at hospitals: the 4 and the 3 differ inside each report, not between the outlets.
    And the 40 guests "some of" whom were hurt are no count of the hurt."""
    home = "in a shooting at a house party in Vellmar on Monday night"
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    f"A man was killed and four other people were hurt {home}, police said.",
                    "Police later learned that three other people had been shot at the party "
                    "and were already being treated at hospitals.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    f"One man was killed and four other people were wounded {home}.",
                    "Three other victims, some of the roughly 40 people who gathered for the "
                    "party, had been taken to hospitals, police said.",
                ],
            ),
        ]
    )
    assert out.n_conflicts == 0, [f.explanation for f in out.findings]
    values = [v.value for f in out.figures for v in f.values]
    assert not any("40" in v for v in values), values
    assert {t.outcome: t.number for t in out.tolls}["injured"] == 4
