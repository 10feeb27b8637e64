"""Quotes are the words inside quotation marks; a reworded copy is no translation (issue 23).

Invented coverage: two outlets print a minister's words, a later one rewords them in
the same language; the ministry's pledge is quoted inside reported speech.
"""

from __future__ import annotations

from test_findings_cells import article, run

SAID = "Interior Minister Katja Morrow said on Tuesday."
WORDS = "“The state will not allow the port of Tarsk to be held hostage by a minority,”"
REWORDED = (
    "“The state will not permit the harbour of Tarsk to be taken hostage by a small minority,”"
)
PLEDGE = (
    'The ministry said on Tuesday that the terminal would be kept open "by every lawful means".'
)


def test_the_credited_version_is_canonical_and_quoted_words_are_no_paraphrase() -> None:
    """A later page rewords the minister (listed first); the agency-credited page that
    printed her words first is the canonical version the rewording is shown against."""
    original = article("a", "Valley News", [f"{WORDS} {SAID}", PLEDGE], "2025-04-10T08:00")
    original.wire = ["Meridian Press"]
    out = run(
        [
            article(
                "c",
                "North Star",
                [
                    f"{REWORDED} {SAID}",
                    "The ministry vowed to keep it open “by every lawful means”.",
                ],
                "2025-04-10T11:00",
            ),
            original,
            article("b", "Plains Herald", [PLEDGE], "2025-04-10T09:00"),
        ]
    )
    hostage = next(g for g in out.quotes if "hostage" in g.text)
    assert hostage.canonical.outlet == "Valley News"
    assert {v.cite.outlet: v.wording for v in hostage.variants}["Valley News"] == "same"
    pledge = next(g for g in out.quotes if "lawful means" in g.text)
    assert len({v.cite.outlet for v in pledge.variants}) == 3
    # the words inside quotation marks are the quote, never a "paraphrase" cut mid-quote
    assert pledge.paraphrases == []
    for group in out.quotes:
        for p in group.paraphrases:
            assert p.cite.text.count('"') % 2 == 0, p.cite.text


def test_a_guessed_speaker_is_no_finding_and_quoted_words_are_no_paraphrase() -> None:
    """Valley News names the coast guard's chief in the quote's sentence; Plains
    Herald's "he said" was resolved to the minister of the sentence before: no finding
    rests on that guess.
    Reported speech holding quoted words is not shown as "no quotation marks"."""
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "“No one on board the ferry survived the crash,” coast guard chief Ilse "
                    "Marrow said.",
                    "State television said there was “no sign” of survivors near the pier.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Transport Minister Arvo Lind visited the pier on Monday.",
                    "“No one on board the ferry survived the crash,” he said.",
                ],
            ),
        ]
    )
    assert [f for f in out.findings if f.kind == "speaker"] == []
    [group] = [g for g in out.quotes if "survived" in g.text]
    assert all("“" not in p.cite.text and '"' not in p.cite.text for p in group.paraphrases)


def test_a_short_scare_quote_joins_no_statement_it_is_not_part_of() -> None:
    """«helicopter wreckage» shares words with a statement about the helicopter, but is
    no part of it: a phrase that short is lifted verbatim or is another phrase."""
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "“President Dorn, the foreign minister and all the passengers in the "
                    "helicopter were killed in the crash,” an official told Meridian Press.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "The «helicopter wreckage» was found on the road to the village of Orsk.",
                    "“We will soon inform people about the precise situation,” Kolvan said.",
                ],
            ),
        ]
    )
    for group in out.quotes:
        assert not any("wreckage" in v.cite.text for v in group.variants), group
