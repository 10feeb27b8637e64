"""Page chrome written as sentences (notes about the page, signposts, credits, cut-off
excerpts) and a publication stamp read as an agency, on invented text."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_document
from newsprism.clean.chrome import chrome_reason
from newsprism.clean.rules import wire_agencies
from newsprism.model import Article, Metadata, RawDocument, Source, sha256_hex

QUAY = [
    "The harbour authority in Valdora said on Monday that the northern quay will close for "
    "repairs after a storm damaged its concrete deck last week.",
    "Engineers found cracks along a 40-metre stretch of the quay, and the authority said "
    "ferries would use the southern terminal until the work is finished.",
    "Local shop owners told reporters they feared losing customers during the busy season, "
    "but the mayor promised a temporary bus link between the two terminals.",
]


def _clean(text: str) -> Article:
    raw = RawDocument(
        source=Source("/invented/chrome.txt", "text"),
        content_sha=sha256_hex(text),
        meta=Metadata(),
        text=text,
    )
    (article,) = clean_document(raw)
    return article


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Cet article sera mis à jour au fil de la journée.", "page note"),
        ("This story is being updated as the count goes on. Reload this page later.", "page note"),
        ("Please reload this page for the latest count.", "page note"),
        (
            "Editor's note: an earlier version misspelled the name of the ferry.",
            "page note",
        ),
        ("Dieser Artikel wird laufend aktualisiert.", "page note"),
        ("Esta nota se actualiza constantemente.", "page note"),
        ("This article was originally published by the Valdora Courier.", "page note"),
        ("Voici ce que l'on sait sur la fermeture du quai.", "signpost"),
        ("Here's what we know about the storm.", "signpost"),
        ("What we know so far:", "signpost"),
        ("(Imagen: cortesía de la capitanía de Valdora).", "credit"),
        ("(Foto: Lena Morr)", "credit"),
        ("Visit valdorafund.org to donate to the repair fund.", "direction"),
        ("Pour plus d'informations, consultez port-valdora.fr.", "direction"),
        (
            "Il est douteux que les élus aient compris le message du maire, qui disait ...",
            "cut off",
        ),
        ("The ferry operators warned that …", "cut off"),
    ],
)
def test_sentences_about_the_page_are_chrome(sentence: str, reason: str) -> None:
    assert chrome_reason(sentence) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The report was updated in May to include two more ferries.",
        "The story of the quay is developing into a local legend.",
        "What we know about the storm is little, the mayor said.",
        'He said: "I do not know..."',
        "The article of the harbour law was amended in 2019.",
        "Six people were hurt (two of them seriously) when the deck gave way.",
        "Visit the harbour museum, officials urged residents at 5 p.m. on Friday.",
        "See you at the quay, the mayor told reporters.",
    ],
)
def test_reporting_sentences_are_not_chrome(sentence: str) -> None:
    assert chrome_reason(sentence) is None


def test_a_headline_and_cut_off_excerpt_are_a_teaser_of_another_article() -> None:
    heading = "Can the harbour survive another storm?"
    excerpt = "It is doubtful that the council understood what the engineers told it when ..."
    article = _clean("\n\n".join([*QUAY, heading, excerpt]))
    removed = {r.text: r.reason for r in article.removed}
    assert removed[heading] == removed[excerpt] == "teaser:excerpt"
    # a body paragraph the page truncated keeps its lines, and so does a writer's
    # cliffhanger inside the body
    cut = QUAY[1] + " The mayor then said that ..."
    kept = _clean("\n\n".join([QUAY[0], cut, QUAY[2]]))
    assert cut in kept.text
    pause = "And the engineers said the cracks along the quay were only the start of it ..."
    inside = _clean("\n\n".join([QUAY[0], heading, pause, QUAY[1], QUAY[2]]))
    assert pause in inside.text


def test_a_publication_stamp_is_no_agency_credit() -> None:
    assert wire_agencies("- Published") is None
    assert wire_agencies("(Updated)") is None
    assert wire_agencies("- AFP") == ["AFP"]
