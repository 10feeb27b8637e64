"""Facts are claims from the body, never the scaffolding around a story (issue 23).

A newsletter promotion, an FAQ's question, a caption, a sentence fragment and a
page's date line reached the coverage matrix as "facts" an outlet states and the
others "omit". Invented pages, the real language layer.
"""

from __future__ import annotations

from test_findings_cells import article, run

from newsprism.compare.claims import lead_to_cut, not_a_claim


def test_promotions_questions_captions_and_date_lines_are_no_facts() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "2025-04-10 TARSK (Meridian Press) – Riot police cleared the blockade at "
                    "the Tarsk grain terminal on Tuesday.",
                    "Get the Harbour Briefing every weekday morning.",
                    "Q: What happens to the grain now?",
                    "A: The terminal will reopen on Thursday, the port said.",
                    "Riot police stand at the terminal gate on Tuesday. (Photo: Mara Olsen/Meridian Press)",  # noqa: E501
                    "Sign up for our newsletter to follow the strike.",
                    "The longest blockade at the terminal, which began on Friday.",
                    "Dockworkers said they would return to the gate on Wednesday morning.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Riot police cleared the blockade at the Tarsk grain terminal on Tuesday, "
                    "the port said.",
                    "Download our app for the latest news from the port.",
                    "Dockworkers said they would be back at the gate on Wednesday morning.",
                ],
            ),
        ]
    )
    shown = sorted(f.text for f in out.facts)
    assert shown == [
        "Dockworkers said they would return to the gate on Wednesday morning.",
        "Riot police cleared the blockade at the Tarsk grain terminal on Tuesday.",
        "The terminal will reopen on Thursday, the port said.",
    ], shown
    lede = next(f for f in out.facts if f.text.startswith("Riot police cleared"))
    assert lede.cite.text == lede.text  # the cited span starts after the date line


def test_a_claim_is_kept_whatever_words_it_shares_with_scaffolding() -> None:
    """Reported speech about a subscription, a quoted question, a dateline-free lede."""
    assert not_a_claim("The company said subscribers would get refunds.", "", None, (0, 0)) is None
    assert not_a_claim("“Where is the grain?” a farmer asked.", "", None, (0, 0)) is None
    assert not_a_claim("Riot police cleared the gate on Tuesday.", "", None, (0, 0)) is None
    assert lead_to_cut("Riot police cleared the gate on Tuesday.") == 0
    lede = "April 10, 2025 TARSK (Meridian Press) - Police cleared the gate."
    assert lede[lead_to_cut(lede) :] == "Police cleared the gate."


def test_credit_lines_joined_sentences_and_quote_fragments_are_no_claims() -> None:
    assert not_a_claim("This was reported by the Meridian Press agency.", "", None, (0, 0))
    assert not_a_claim(
        "Los equipos llegaron al lugar.Aunque no hubo confirmación, el ferry se hundió.",
        "",
        None,
        (0, 0),
    )
    assert not_a_claim("12 équipes de secours», ont «été envoyées sur place».", "", None, (0, 0))
    assert (
        not_a_claim("Police said it was reported by several witnesses.", "", None, (0, 0)) is None
    )
    assert not_a_claim("The U.S. Navy sent a ship to Tarsk.", "", None, (0, 0)) is None
    assert not_a_claim("« Nous resterons », a dit le maire.", "", None, (0, 0)) is None


def test_agency_captions_and_live_page_notes_are_no_claims() -> None:
    caption = "The mayor appears at the Tarsk pier, Friday, April 11, 2025, in Tarsk."
    assert not_a_claim(caption, "", None, (0, 0)) == "caption"
    assert not_a_claim("This is developing news.", "", None, (0, 0)) == "page note"
    assert not_a_claim("Check back for updates.", "", None, (0, 0)) == "page note"
    assert (
        not_a_claim("The ferry sank on Friday, April 11, the coast guard said.", "", None, (0, 0))
        is None
    )
    assert not_a_claim("This is the third ferry to sink this year.", "", None, (0, 0)) is None


def test_a_present_tense_caption_with_its_date_is_no_fact() -> None:
    """What a photo shows is told in the present, closed by the day it was taken; the
    same closing date on a report of what happened leaves it a claim."""
    caption = "Mara Velt speaks about the ruling outside the Tarsk court, April 11, 2025."
    report = "The court in Tarsk ordered the terminal reopened on Friday, April 11, 2025."
    report_day = "The judges ordered the terminal reopened, 11 April 2025."
    lede = "Riot police cleared the blockade at the Tarsk grain terminal on Tuesday."
    pages = [
        article("a", "Valley News", [lede, caption, report_day]),
        article("b", "Plains Herald", [lede, caption, report]),
    ]
    texts = [f.text for f in run(pages).facts]
    assert not any("Mara Velt speaks" in t for t in texts), texts
    assert any("The judges ordered the terminal reopened" in t for t in texts), texts
    assert any(t.startswith("Riot police cleared") for t in texts), texts


def test_photo_credit_lines_are_no_claims_in_english_and_spanish() -> None:
    lines = [
        "Photo: Mara Velt/Meridian Press",
        "Police clear the pier at dawn (Meridian photo).",
        "Foto: Meridian Press",
        "La policía despeja el muelle al amanecer (Foto de Meridian Press).",
        "Crédit photo : Meridian Press",
    ]
    for line in lines:
        assert not_a_claim(line, "", None, (0, 0)) == "caption", line
    claims = [
        "The photographer said police cleared the pier at dawn.",
        "La policía despejó el muelle al amanecer, según la agencia.",
        "The agency published photos of the damaged pier on Friday.",
    ]
    for line in claims:
        assert not_a_claim(line, "", None, (0, 0)) is None, line
