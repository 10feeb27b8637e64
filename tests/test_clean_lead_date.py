"""A page whose scraped text runs its date line into the first paragraph ("date
2025-04-11 TARSK — ...") is dated by it: without it such pages were undated, their
relative dates had no anchor and grouping could not tell a report filed years earlier.
Texts written here, the real cleaning stage."""

from __future__ import annotations

from datetime import datetime

from newsprism.clean import clean_document
from newsprism.model import Metadata, RawDocument, Source, sha256_hex
from newsprism.wording import date_source

BODY = (
    "Rescue crews recovered the last two missing fishermen on Tuesday, the harbour "
    "authority said, ending a three-day search off the Tarsk coast.\n\n"
    "The trawler sank in a storm on Saturday night with nine men aboard. Seven were "
    "pulled from the water by a passing ferry within an hour of the mayday call.\n\n"
    "The harbour authority said an inquiry into the sinking would open next week."
)


def _page(text: str) -> RawDocument:
    return RawDocument(
        source=Source("/tmp/page.txt", "text"),
        content_sha=sha256_hex(text.encode()),
        text=text,
        meta=Metadata(),
        size=len(text),
    )


def test_a_labelled_iso_date_opening_the_lead_dates_the_page() -> None:
    (article,) = clean_document(
        _page("Last missing fishermen found\n\n date 2025-04-15 TARSK — " + BODY)
    )
    assert article.published == datetime(2025, 4, 15)
    assert article.published_source == "page:lead-date"
    assert date_source(article.published_source) == "from the date opening its lead"


def test_a_labelled_month_opening_the_lead_is_no_part_of_its_claim() -> None:
    """ "date 2019-05 ..." opens the lead: the label is the page's date line (grouping
    reads the month from it, ``stories.written``), not words of the claim its sentence
    makes. It does not date the page: a month stored as its 1st would order the page
    before an event of the 8th."""
    from newsprism.compare.claims import lead_to_cut

    (article,) = clean_document(_page("Last missing fishermen found\n\n date 2019-05 " + BODY))
    assert article.published is None
    first = article.text[article.text.index("date 2019-05") :].split("\n")[0]
    assert first[lead_to_cut(first) :].startswith("Rescue crews recovered")
    assert lead_to_cut("2019-05 Rescue crews recovered the last two men.") == 0


def test_a_written_date_before_the_dateline_dates_the_page() -> None:
    (article,) = clean_document(
        _page("Last missing fishermen found\n\nApril 15, 2025 - TARSK - " + BODY)
    )
    assert article.published == datetime(2025, 4, 15)


def test_a_date_inside_the_lead_or_an_update_label_does_not() -> None:
    inside = BODY.replace("on Tuesday", "on 15 April 2025", 1)
    (article,) = clean_document(_page("Last missing fishermen found\n\n" + inside))
    assert article.published is None
    (updated,) = clean_document(_page("Last missing fishermen found\n\nUpdated 2025-04-16 " + BODY))
    assert updated.published_source != "page:lead-date"


def test_a_labelled_iso_day_opening_a_title_or_caption_dates_the_page() -> None:
    """The stamp may run into the page's title or a photo caption, not only into its
    prose lead: it is the scraper's date of the page either way."""
    for first in (
        " date 2025-04-15 Last missing fishermen found",
        " date 2025-04-15 Crews carry a stretcher along the Tarsk quay on Tuesday. PHOTO DESK",
    ):
        (article,) = clean_document(_page(first + "\n\n" + BODY))
        assert article.published == datetime(2025, 4, 15), first
        assert article.published_source == "page:date-stamp"
        assert date_source(article.published_source) == "from the date stamp opening the page"


def test_an_unlabelled_or_month_only_stamp_on_a_title_dates_nothing() -> None:
    for first in (" date 2025-04 Last missing fishermen found", "2025-04 figures for the coast"):
        (article,) = clean_document(_page(first + "\n\n" + BODY))
        assert article.published is None, first
