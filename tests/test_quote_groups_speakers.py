"""Quote groups keep speakers and statements apart (fact-check of the quote groups).

Invented coverage of a ferry sinking: state television and the coast rescue chief say
nearly the same thing in nearly the same words, and a mayor's remarks are printed
whole by one outlet and sentence by sentence, with other sentences, by another. The
real parser, entity resolution and comparison.
"""

from __future__ import annotations

from test_findings_cells import article, run

from newsprism.compare.quotes import introduction
from newsprism.model import Quote

STATE_TV = "After reaching the ferry, there was no sign of the ferry passengers being alive so far,"
CHIEF = "No sign of any living passengers was found after the wreck of the ferry was located,"
RESCUE = (
    "After locating the wreck of the sunken ferry, no sign of any living passengers was "
    "found by the teams,"
)


def test_a_quote_credited_to_state_tv_never_joins_the_rescue_chiefs() -> None:
    """State TV is named with no entity, the rescue chief with one: their near-identical
    words are two statements. The chief, introduced as "Coast Rescue chief", and "the
    Coast Rescue" are one speaker."""
    out = run(
        [
            article("a", "Valley News", [f"“{STATE_TV}” state TV reported."]),
            article("b", "Plains Herald", [f'"{STATE_TV}" state TV reported.']),
            article(
                "c",
                "North Star",
                [f"“{CHIEF}” Coast Rescue chief Marten Oskarsson told Radio Varne."],
            ),
            article("d", "Hill Times", [f"“{RESCUE}” the Coast Rescue said on Monday."]),
        ]
    )
    tv = next(g for g in out.quotes if "so far" in g.text)
    assert {v.cite.outlet for v in tv.variants} == {"Valley News", "Plains Herald"}
    assert tv.speaker == "state TV"
    chief = next(g for g in out.quotes if "living passengers" in g.text)
    assert {v.cite.outlet for v in chief.variants} == {"North Star", "Hill Times"}
    assert chief.speaker and "differ" not in chief.speaker


WHOLE = (
    "That was a corrupt, disgraceful inquiry. The true decision will come on polling day "
    "from the voters of Tarsk,"
)


def test_other_sentences_of_one_speaker_are_no_variants_of_his_statement() -> None:
    """Plains Herald prints one sentence of the mayor's statement and, apart, other
    sentences of his remarks that share a word with it: only the sentence the statement
    holds is shown against it."""
    out = run(
        [
            article("a", "Valley News", [f"“{WHOLE}” Mayor Dorn Halvik said."]),
            article(
                "b",
                "Plains Herald",
                [
                    "“That was a corrupt, disgraceful inquiry,” Mayor Dorn Halvik said.",
                    "“A disgrace. That was a corrupt inquiry run by a biased panel. A "
                    "disgrace,” Halvik added.",
                    "“Our whole town is big corrupt,” Halvik said.",
                ],
            ),
        ]
    )
    group = next(g for g in out.quotes if "polling day" in g.text)
    shown = [v.cite.text for v in group.variants]
    assert any("disgraceful inquiry" in t and "polling" not in t for t in shown)
    assert not any("biased panel" in t or "whole town" in t for t in shown), shown


def test_a_speakers_introduction_is_the_title_before_the_name_not_a_possessor() -> None:
    text = "“We are ready,” Red Crescent chief Ana Berg told reporters. "
    text += "“No,” Tom Rudd's lawyer Ivo Lam said."

    def quote(words: str, speaker: str, sentence: tuple[int, int]) -> Quote:
        start, name = text.index(words), text.index(speaker)
        span, who = (start, start + len(words)), (name, name + len(speaker))
        return Quote(span, words, "direct", speaker, who, sentence=sentence)

    second = text.index("“No")
    chief = quote("We are ready", "Ana Berg", (0, second - 1))
    lawyer = quote("No", "Ivo Lam", (second, len(text)))
    assert introduction(text, chief) == "Red Crescent chief Ana Berg"
    assert introduction(text, lawyer) == "lawyer Ivo Lam"


def test_reported_speech_joins_the_statement_it_restates_and_a_lead_sentence_does_not() -> None:
    """North Star reports the mayor's pledge in its own words; Hill Times's lead holds
    two of the short version's words among twenty of the day's news: no report of it."""
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "“We must stay calm, we must stay patient, this pension must be a pension "
                    "for every family of the docks,” Mayor Odile Marchetti said."
                ],
            ),
            article(
                "b",
                "Plains Herald",
                ["“This pension must be the pension of every docker family,” Marchetti said."],
            ),
            article(
                "c",
                "North Star",
                ["Marchetti said the pension must be a pension for every family of the docks."],
            ),
            article(
                "d",
                "Hill Times",
                [
                    "Mayor Odile Marchetti said a pension fund for every docker family was "
                    "approved on Tuesday after the council voted on the harbour budget, ending a "
                    "strike that had closed the port for weeks."
                ],
            ),
        ]
    )
    group = next(g for g in out.quotes if "pension" in g.text)
    assert {p.cite.outlet for p in group.paraphrases} == {"North Star"}
