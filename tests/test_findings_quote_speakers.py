"""A quote group is credited to one speaker only when the quotes' own sentences agree
(issue 23): state TV's words were credited to a Red Crescent chief whom another outlet
named for a near-identical quote. Invented articles, the real language layer."""

from __future__ import annotations

import pytest
from test_findings_cells import article, run

from newsprism.compare.quotes import SPEAKERS_DIFFER

pytestmark = pytest.mark.slow  # runs the spaCy and WordLlama models

WORDS = "There is no sign yet that anyone on board the ferry survived"


def test_quotes_credited_to_different_speakers_name_no_single_speaker() -> None:
    out = run(
        [
            article("a", "Harbour Post", [f'"{WORDS}," state TV reported on Monday.']),
            article(
                "b",
                "Coast Daily",
                [f'"{WORDS}," Red Crescent chief Amir Talesh told reporters on Monday.'],
            ),
            article("c", "Dresk Herald", [f'"{WORDS}," state TV reported.']),
        ]
    )
    [group] = [q for q in out.quotes if "no sign yet" in q.text]
    assert group.speaker is not None and group.speaker.startswith(SPEAKERS_DIFFER), group.speaker
    assert group.speaker_entity is None


def test_one_speaker_named_alike_keeps_the_group_speaker() -> None:
    out = run(
        [
            article("a", "Harbour Post", [f'"{WORDS}," Amir Talesh told reporters on Monday.']),
            article(
                "b",
                "Coast Daily",
                [f'"{WORDS}," Red Crescent chief Amir Talesh said on Monday.'],
            ),
        ]
    )
    [group] = [q for q in out.quotes if "no sign yet" in q.text]
    assert group.speaker is not None and "Talesh" in group.speaker


def test_a_person_and_the_body_named_in_his_title_are_no_conflicting_speakers() -> None:
    """ "the Coast Rescue" and "Coast Rescue chief Amir Talesh" are one voice: the body
    and the man who speaks for it. Two people each named for the words still clash."""
    said = "We have found no sign of life at the site of the crash"
    out = run(
        [
            article("a", "Harbour Post", [f'"{said}," Coast Rescue chief Amir Talesh said.']),
            article("b", "Coast Daily", [f'"{said}," the Coast Rescue said in a statement.']),
        ]
    )
    assert [f for f in out.findings if f.kind == "speaker"] == [], out.findings
    out = run(
        [
            article("a", "Harbour Post", [f'"{said}," Coast Rescue chief Amir Talesh said.']),
            article("b", "Coast Daily", [f'"{said}," provincial governor Lena Okri said.']),
        ]
    )
    assert [f.kind for f in out.findings if f.kind == "speaker"] == ["speaker"], out.findings
