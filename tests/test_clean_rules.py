"""Each cleaning rule on invented pages: what must go, with which reason, and what must stay."""

from __future__ import annotations

import pickle
from datetime import date, datetime

from newsprism.clean import CleanOptions, clean_document, learn_templates
from newsprism.clean.dateline import find_dateline
from newsprism.clean.dates import find_dates, lead_weekday_date
from newsprism.clean.language import detect_language
from newsprism.clean.rules import wire_agencies
from newsprism.model import Article, Metadata, RawDocument, Source, sha256_hex

HARBOUR = [
    "The harbour authority in Valdora said on Monday that the northern quay will close for "
    "repairs after a storm damaged its concrete deck last week.",
    "Engineers found cracks along a 40-metre stretch of the quay, and the authority said "
    "ferries would use the southern terminal until the work is finished.",
    "Local shop owners told reporters they feared losing customers during the busy season, "
    "but the mayor promised a temporary bus link between the two terminals.",
]
ORCHARD = [
    "Apple growers in the Tarsin valley expect their smallest harvest in a decade after a late "
    "frost destroyed most of the blossom in April, the growers' cooperative said.",
    "The cooperative has asked the regional government for emergency loans so that its members "
    "can pay seasonal pickers and keep their cold stores running through the winter.",
    "Prices for dessert apples at wholesale markets have already risen by a fifth since the "
    "start of the month, according to traders in the valley.",
]


def raw(text: str, name: str = "page.txt", meta: Metadata | None = None) -> RawDocument:
    return RawDocument(
        source=Source(f"/invented/{name}", "text"),
        content_sha=sha256_hex(text),
        text=text,
        meta=meta or Metadata(),
    )


def page(*blocks: str | list[str]) -> str:
    out: list[str] = []
    for block in blocks:
        out.extend(block if isinstance(block, list) else [block])
    return "\n\n".join(out)


def reasons(article: Article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


def only(text: str, **kw: object) -> Article:
    (article,) = clean_document(raw(text), **kw)  # type: ignore[arg-type]
    return article


def test_captions_in_other_credit_styles_are_removed() -> None:
    captions = [
        "Workers inspect the damaged quay in Valdora on Sunday. (Getty Images)",
        "A ferry waits at the southern terminal, March 3, 2024. (Photo: Lena Morr/Reuters)",
        "The mayor speaks to shop owners near the harbour (UPI)",
        "Storm waves hit the northern quay. Photo by Ivo Santos / AFP",
        "Photo of the cracked concrete deck taken by harbour engineers",
    ]
    article = only(page("Valdora quay to close for storm repairs", captions, HARBOUR))
    got = reasons(article)
    for caption in captions:
        assert got[caption].startswith("photo-caption"), caption
        assert caption not in article.text
    assert got[captions[1]] == "photo-caption:dated-credit"
    assert article.text.split("\n\n") == HARBOUR


def test_share_counters_and_interface_strings() -> None:
    chrome = ["1.2K shares", "345", "Share this article", "Skip to content", "Sponsored"]
    article = only(page("Valdora quay to close for storm repairs", chrome[:3], HARBOUR, chrome[3:]))
    got = reasons(article)
    assert got["1.2K shares"] == got["345"] == "interface:counter"
    assert got["Share this article"] == "interface:share"
    assert got["Skip to content"] == "interface:navigation"
    assert got["Sponsored"] == "advertisement"
    assert article.text.split("\n\n") == HARBOUR


def test_author_bio_after_the_body() -> None:
    bio = (
        "Mara Lindqvist is a Valdora-based reporter covering shipping, ports and the "
        "regional economy for the paper."
    )
    text = page(
        "Valdora quay to close for storm repairs",
        "By Mara Lindqvist",
        HARBOUR,
        "About the author",
        bio,
    )
    article = only(text)
    assert article.byline == "Mara Lindqvist"
    got = reasons(article)
    assert got["By Mara Lindqvist"] == "byline"
    assert got[bio] == "author-bio:sentence"
    assert got["About the author"] == "author-bio:label"
    assert article.text.split("\n\n") == HARBOUR


def test_a_sentence_about_a_journalist_inside_the_story_stays() -> None:
    inside = (
        "Omar Feld is a freelance journalist who filmed the storm from the quay and whose "
        "footage the authority used to assess the damage."
    )
    article = only(
        page("Valdora quay to close for storm repairs", HARBOUR[:2], inside, HARBOUR[2:])
    )
    assert inside in article.text


def test_newsletter_box() -> None:
    box = [
        "Sign up for the Morning Harbour briefing",
        "Get our best stories sent to your inbox every weekday.",
        "Subscribe",
    ]
    article = only(page("Valdora quay to close for storm repairs", HARBOUR, box))
    got = reasons(article)
    assert all(got[line] == "newsletter-box" for line in box)
    assert article.text.split("\n\n") == HARBOUR


def test_two_articles_in_one_page() -> None:
    text = page(
        "Valdora quay to close for storm repairs",
        "Workers inspect the damaged quay in Valdora on Sunday. (Harbour Authority)",
        HARBOUR,
        "Late frost ruins apple harvest in Tarsin valley",
        "Frost-damaged blossom on a tree near Tarsin. (Photo: Ana Kell)",
        ORCHARD,
    )
    first, second = clean_document(raw(text))
    assert (first.part, second.part) == (0, 1)
    assert first.title == "Valdora quay to close for storm repairs"
    assert second.title == "Late frost ruins apple harvest in Tarsin valley"
    assert first.text.split("\n\n") == HARBOUR
    assert second.text.split("\n\n") == ORCHARD
    assert first.key.endswith("#0") and second.key.endswith("#1") and first.id != second.id


def test_a_subheading_does_not_split_an_article() -> None:
    text = page(
        "Valdora quay to close for storm repairs",
        HARBOUR[:2],
        "What happens to the ferries",
        HARBOUR[2:],
    )
    (article,) = clean_document(raw(text))
    assert "What happens to the ferries" in article.text.split("\n\n")


def test_splitting_can_be_switched_off() -> None:
    text = page(
        "Valdora quay to close for storm repairs",
        HARBOUR,
        "Late frost ruins apple harvest in Tarsin valley",
        "Late frost ruins apple harvest in Tarsin valley",
        ORCHARD,
    )
    assert len(clean_document(raw(text))) == 2
    assert len(clean_document(raw(text), options=CleanOptions(split_pages=False))) == 1


def test_site_template_learned_across_three_pages_of_one_outlet() -> None:
    footer = "The Valdora Courier is an independent paper owned by the people who read it."
    meta = Metadata(outlet="Valdora Courier")
    bodies = [HARBOUR[:1], HARBOUR[1:2], HARBOUR[2:], ORCHARD[:1]]
    pages = [
        raw(page(f"Story number {i} from the Courier", body, footer), f"p{i}.txt", meta)
        for i, body in enumerate(bodies)
    ]
    two_pages = learn_templates(pages[:2], CleanOptions(template_min_pages=3))
    (untouched,) = clean_document(pages[3], two_pages)
    assert footer in untouched.text

    templates = learn_templates(pages[:3], CleanOptions(template_min_pages=3))
    (article,) = clean_document(pages[3], templates)
    assert reasons(article)[footer] == "site-template"
    assert article.text == ORCHARD[0]
    # another outlet's identical line is not that outlet's template
    other = raw(page("Harbour news", HARBOUR, footer), "o.txt", Metadata(outlet="Elsewhere"))
    assert footer in clean_document(other, templates)[0].text


def test_nothing_removed_from_a_clean_page() -> None:
    names = (
        "Ministers from Algeria, Bahrain, Brunei, Chad, Djibouti, Kuwait, Libya, Oman, "
        "Qatar, Somalia and Sudan signed the harbour safety charter in Valdora."
    )
    paragraphs = [*HARBOUR, names]
    article = only("\n\n".join(paragraphs))
    assert article.removed == []
    assert article.text.split("\n\n") == paragraphs
    assert article.title is None


def test_repeated_paragraph_and_teaser() -> None:
    teaser = HARBOUR[0][:95] + "…"  # a preview block repeats the lead, cut short
    text = page("Valdora quay to close for storm repairs", teaser, HARBOUR, HARBOUR[1])
    article = only(text)
    got = reasons(article)
    assert got[teaser] == "teaser-duplicate"
    assert got[HARBOUR[1]] == "repeated-in-page"
    assert article.text.split("\n\n") == HARBOUR


def test_unknown_date_stays_none() -> None:
    text = page(
        "Valdora quay to close for storm repairs",
        "Workers inspect the damaged quay in Valdora, 12 March 2024. (EPA)",
        HARBOUR,
    )
    article = only(text)
    assert article.published is None and article.published_source is None


def test_date_line_formats_and_metadata() -> None:
    # An update time is kept as one, never passed off as the publication time.
    article = only(page("Valdora quay to close", "Updated: 14/03/2024 09:05", HARBOUR))
    assert (article.published, article.published_source) == (None, None)
    assert article.updated == datetime(2024, 3, 14, 9, 5)
    assert article.updated_text == "14/03/2024 09:05"
    us = only(
        page("Valdora quay to close", "Published 03/14/2024", HARBOUR),
        options=CleanOptions(day_first=False),
    )
    assert us.published == datetime(2024, 3, 14)
    given = clean_document(
        raw(page("Valdora quay", HARBOUR), meta=Metadata(published="2024-03-15"))
    )[0]
    assert (given.published, given.published_source) == (datetime(2024, 3, 15), "metadata")


def test_lead_weekday_needs_a_year_that_fits() -> None:
    assert lead_weekday_date("said on Friday (Mar 15).", [2023, 2024]) is not None
    assert lead_weekday_date("said on Monday (Mar 15).", [2024]) is None  # a Friday in 2024
    assert find_dates("20") == [] and find_dates("on Thursday") == []


def test_datelines_and_wire_lines() -> None:
    dl = find_dateline("LISBON, Portugal (AFP) — Ministers met on Monday.")
    assert dl is not None and (dl.place, dl.agency) == ("LISBON, Portugal", "AFP")
    assert find_dateline("US-backed forces said on Monday") is None
    assert find_dateline("The mayor said: nothing") is None
    assert wire_agencies("Source: AFP/Reuters/ab") == ["AFP", "Reuters"]
    assert wire_agencies("Source: a senior official who asked not to be named") is None
    assert wire_agencies("— AFP") == ["AFP"] and wire_agencies("(Reuters)") == ["Reuters"]


def test_wire_credit_lines_after_the_body() -> None:
    credits = "Reporting by Lena Morr; Editing by Ivo Santos"
    article = only(page("Valdora quay to close for storm repairs", HARBOUR, "- AFP", credits))
    assert (article.wire, article.wire_evidence) == (["AFP"], ["- AFP"])
    assert reasons(article) == {
        "Valdora quay to close for storm repairs": "title",
        "- AFP": "wire-attribution",
        credits: "wire-credits",
    }
    assert article.text.split("\n\n") == HARBOUR


def test_language_detection() -> None:
    assert detect_language(" ".join(HARBOUR)) == "en"
    german = "Die Behörde teilte am Montag mit, dass der nördliche Kai nach dem Sturm für die"
    assert (
        detect_language(german + " Reparatur geschlossen wird und die Fähren umgeleitet werden.")
        == "de"
    )
    assert detect_language("Valdora Tarsin 2024") is None


def test_html_input_is_extracted_and_described() -> None:
    body = "".join(f"<p>{p}</p>" for p in HARBOUR)
    html = (
        "<html lang='en'><head><title>Valdora quay to close | Courier</title>"
        "<meta property='og:title' content='Valdora quay to close for storm repairs'>"
        "<meta name='author' content='Mara Lindqvist'>"
        "<meta property='article:published_time' content='2024-03-11T08:00:00'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Valdora quay to close for storm repairs</h1>{body}</article>"
        "<footer>Contact us</footer></body></html>"
    )
    doc = RawDocument(Source("/invented/page.html", "html"), sha256_hex(html), html=html)
    (article,) = clean_document(doc)
    for paragraph in HARBOUR:
        assert paragraph in article.text
    assert "Contact us" not in article.text and "Home" not in article.text
    assert article.title == "Valdora quay to close for storm repairs"
    assert article.published is not None and article.published.date() == date(2024, 3, 11)
    assert article.published_source == "page:html-metadata"


def test_template_index_pickles_and_merges_like_one_pass() -> None:
    meta = Metadata(outlet="Valdora Courier")
    footer = "Contact the newsroom at the Courier office on Harbour Street."
    pages = [raw(page(p, footer), f"s{i}.txt", meta) for i, p in enumerate(HARBOUR + ORCHARD)]
    whole = learn_templates(pages)
    shards = learn_templates(pages[:2]).merge(
        pickle.loads(pickle.dumps(learn_templates(pages[2:])))
    )
    site = "outlet:valdora courier"
    assert shards.pages[site] == whole.pages[site] == 6
    assert shards.page_count(site, footer) == whole.page_count(site, footer) == 6
    assert shards.page_count(site, HARBOUR[0]) == 1
    # the same article read twice (same key) counts once
    again = learn_templates([pages[0], pages[0]])
    assert again.pages[site] == 1


def test_an_agency_in_the_credit_line_of_a_reprint_is_its_wire_credit() -> None:
    """A reprint printing "Reuters Published 21 Mar" above the text, or "| AFP |" in its
    first line, credits the agency: reading it as uncredited made a fact-checker's
    report say the page copied the text "without credit"."""
    stamped = only(
        page(
            "Valdora quay to close for storm repairs",
            "Reuters Published 12 Mar, 2026 05:22am",
            *HARBOUR,
        )
    )
    assert stamped.wire == ["Reuters"]
    barred = only(
        page(
            "Valdora quay to close for storm repairs",
            "Valdora | AFP | jeudi 12/03/2026 - " + HARBOUR[0],
            *HARBOUR[1:],
        )
    )
    assert barred.wire == ["AFP"]


def test_an_agency_alone_before_a_colon_above_the_body_is_its_wire_credit() -> None:
    """ "AP :" on its own line above a reprint credits the agency; a label of the same
    shape that is no agency ("WATCH:") credits nobody."""
    colon = only(page("Valdora quay to close for storm repairs", "AP :", *HARBOUR))
    assert colon.wire == ["AP"]
    label = only(page("Valdora quay to close for storm repairs", "WATCH:", *HARBOUR))
    assert label.wire == []


def test_a_person_or_a_menu_in_the_head_is_no_wire_credit() -> None:
    person = only(
        page(
            "Valdora quay to close for storm repairs", "Lena Morr Published 12 Mar, 2026", *HARBOUR
        )
    )
    menu = only(
        page("Valdora quay to close for storm repairs", "Home | World | Business", *HARBOUR)
    )
    assert person.wire == [] and menu.wire == []


def test_a_body_sentence_saying_an_agency_published_something_is_no_credit() -> None:
    said = only(
        page(
            "Valdora quay to close for storm repairs",
            "Reuters published the port's storm figures on Monday.",
            *HARBOUR,
        )
    )
    assert said.wire == []
