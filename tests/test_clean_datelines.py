"""Datelines in every wire style, and the date stamp scraped text runs into a lead:
recorded so no claim, fact row or timeline entry starts with them. Invented text."""

from __future__ import annotations

import pytest

from newsprism.clean.dateline import find_dateline
from newsprism.language.clauses import after_dateline, apart_from_dateline
from newsprism.model import Sentence


@pytest.mark.parametrize(
    ("paragraph", "text", "place", "agency"),
    [
        ("date 2024-02-15 Ferries resumed on Monday.", "date 2024-02-15", None, None),
        ("date 2024-05 Ferries resumed.", "date 2024-05", None, None),
        (
            "date 2024-05-07 VALDORA — Ferries resumed.",
            "date 2024-05-07 VALDORA —",
            "VALDORA",
            None,
        ),
        ("Valdora — Le port a rouvert lundi.", "Valdora —", "Valdora", None),
        (
            "Tarsk, Sep. 9 (Korpress) -- Ferries resumed.",
            "Tarsk, Sep. 9 (Korpress) --",
            "Tarsk",
            "Korpress",
        ),
        ("Tarsk, May 20: All ferries resumed.", "Tarsk, May 20:", "Tarsk", None),
        (
            "VALDORA, OSTLAND, (KPA).- El puerto reabrió.",
            "VALDORA, OSTLAND, (KPA).-",
            "VALDORA, OSTLAND",
            "KPA",
        ),
        (
            "TARSK, August 23. /KORPRESS/. A ferry sank.",
            "TARSK, August 23. /KORPRESS/.",
            "TARSK",
            "KORPRESS",
        ),
        (
            "Valdora, Ostland | KPA | lundi 20/03/2024 - Le port a rouvert.",
            "Valdora, Ostland | KPA | lundi 20/03/2024 -",
            "Valdora, Ostland",
            "KPA",
        ),
        ("date 2019-05 (KPA) Le port a rouvert.", "date 2019-05 (KPA)", None, "KPA"),
        ("harbournews.co – Pelabuhan dibuka.", "harbournews.co –", None, None),
        ("TARSK, harbour.info – Pelabuhan dibuka.", "TARSK, harbour.info –", "TARSK", None),
        (
            "Port Selene, Mare Nubium - Ferries resumed.",
            "Port Selene, Mare Nubium -",
            "Port Selene, Mare Nubium",
            None,
        ),
    ],
)
def test_datelines_in_other_wire_styles(
    paragraph: str, text: str, place: str | None, agency: str | None
) -> None:
    found = find_dateline(paragraph)
    assert found is not None
    assert (found.text, found.place, found.agency) == (text, place, agency)
    assert found.span == (0, len(text))


@pytest.mark.parametrize(
    "paragraph",
    [
        "The mayor — who resigned — said the quay would close.",
        "Tarsk: the ferries resumed.",
        "U.S. officials said the ferries resumed.",
        "In the morning, the mayor said the quay would close.",
        "Valdora. The port reopened.",
    ],
)
def test_sentences_that_open_on_a_name_are_no_dateline(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_the_dateline_is_a_sentence_of_its_own_and_no_claim_starts_with_it() -> None:
    text = "TARSK, August 23. /KORPRESS/. A ferry sank. Two were hurt."
    cut = _span(text, "TARSK, August 23. /KORPRESS/.")
    # a splitter that ended a sentence inside the dateline
    split = [
        Sentence(_span(text, "TARSK, August 23."), 0),
        Sentence(_span(text, "/KORPRESS/. A ferry sank."), 1),
        Sentence(_span(text, "Two were hurt."), 2),
    ]
    apart = apart_from_dateline(text, split, cut)
    assert [text[s.span[0] : s.span[1]] for s in apart] == [
        "TARSK, August 23.",
        "/KORPRESS/.",
        "A ferry sank.",
        "Two were hurt.",
    ]
    assert [s.index for s in apart] == [0, 1, 2, 3]
    assert after_dateline(text, split[0].span, cut) is None
    assert after_dateline(text, split[1].span, cut) == _span(text, "A ferry sank.")
    assert after_dateline(text, split[2].span, cut) == split[2].span


def test_a_dateline_below_a_standfirst_and_a_caption_is_found() -> None:
    from newsprism.clean import clean_document
    from newsprism.model import Metadata, RawDocument, Source, sha256_hex

    text = "\n\n".join(
        [
            "Six ferries were stranded in Valdora after the storm closed the northern quay, "
            "and the harbour authority said repairs would take weeks.",
            "The authority said the southern terminal would take the ferries until then, "
            "and shop owners fear a lost season.",
            "Valdora, Ostland — Engineers found cracks along a 40-metre stretch of the quay "
            "on Monday, the harbour authority said.",
        ]
    )
    raw = RawDocument(
        source=Source("/invented/quay.txt", "text"),
        content_sha=sha256_hex(text),
        text=text,
        meta=Metadata(),
    )
    (article,) = clean_document(raw)
    assert article.dateline is not None and article.dateline.place == "Valdora, Ostland"
    start = article.text.index("Valdora, Ostland —")
    assert article.dateline.span == (start, start + len("Valdora, Ostland —"))


def test_an_unlabelled_month_is_no_date_stamp() -> None:
    assert find_dateline("2024-02 figures are out, the port said.") is None
    stamp = find_dateline("2024-02-15 Ferries resumed.")
    assert stamp is not None and stamp.text == "2024-02-15"


def test_a_story_title_from_a_lead_never_starts_with_its_dateline() -> None:
    from newsprism.stories.textunits import lead_line

    assert lead_line("VALDORA, OSTLAND, (KPA).- El puerto reabrió.\nMás.") == "El puerto reabrió."
    assert lead_line("Valdora — Le port a rouvert.") == "Le port a rouvert."
    assert lead_line("VALDORA -") == "VALDORA -"  # nothing after it: the line stays


def test_an_agency_dateline_on_the_agencys_own_page_credits_no_source() -> None:
    from newsprism.compare.copies import credited_agency
    from newsprism.model import Article, Dateline, Source

    line = Dateline("TARSK, May 3. /KORPRESS/.", "TARSK", "KORPRESS", (0, 25))
    own = Article("a", Source("a.txt", "text"), "s", 0, "x", outlet="Korpress", dateline=line)
    reprint = Article(
        "b", Source("b.txt", "text"), "s", 0, "x", outlet="Valley News", dateline=line
    )
    assert credited_agency(own) is None
    assert credited_agency(reprint) == "KORPRESS"
