"""Cleaning the five real scraped pages in shared/seeds, file by file.

Prose lines are named by their 0-based line number in the seed file, so the seed
text never enters the repository; each test reads the lines from the file itself.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from newsprism.clean import clean_document
from newsprism.clean.lines import line_key
from newsprism.model import Article, Metadata, RawDocument, Source, sha256_hex
from tests.conftest import seed_path

# Article prose, per article of each seed: the lines that must be the body, in order.
PROSE: dict[str, list[list[int]]] = {
    "000": [[12, 13, 14, 15, 16], [32, 34, 36, 38]],
    "001": [[21, 23, 25, 27, 29, 31, 33, 35]],
    "002": [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    "003": [[2, 8, 10, 12, 14, 16, 18]],
    "004": [[9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35]],
}
TITLE_LINE = {"000": [0, 20], "001": [13], "002": [0], "003": [0], "004": [2]}
CHROME = [
    "Advertisement",
    "AP Photo",
    "(EPA)",
    "REUTERS/",
    "/ AFP",
    "Skip to main content",
    "min read",
    "NEWSLETTER",
    "Profile picture",
    "Abone Ol",
    "Most Read News",
    "New: You can now listen",
    "This audio is generated",
    "Hamburger Menu",
    "Also worth reading",
    "Source: Reuters",
    "Erbil-based Kurdish journalist",
    "inbox",
    "Media Awards",
]


def read_seed(prefix: str, meta: Metadata | None = None) -> RawDocument:
    data = seed_path(prefix).read_bytes()
    return RawDocument(
        source=Source(str(seed_path(prefix)), "text"),
        content_sha=sha256_hex(data),
        text=data.decode("utf-8"),
        meta=meta or Metadata(),
        size=len(data),
    )


def seed_lines(prefix: str) -> list[str]:
    return seed_path(prefix).read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def cleaned() -> dict[str, list[Article]]:
    return {prefix: clean_document(read_seed(prefix)) for prefix in PROSE}


def test_six_articles_from_five_files(cleaned: dict[str, list[Article]]) -> None:
    assert {p: len(a) for p, a in cleaned.items()} == {p: len(v) for p, v in PROSE.items()}
    assert sum(len(a) for a in cleaned.values()) == 6
    ids = [a.id for arts in cleaned.values() for a in arts]
    assert len(set(ids)) == 6
    for prefix, arts in cleaned.items():
        assert [a.part for a in arts] == list(range(len(arts)))
        for a in arts:
            assert a.key == f"{seed_path(prefix)}#{a.part}"
            assert a.id == Article.make_id(a.key, a.part, a.text)


@pytest.mark.parametrize("prefix", sorted(PROSE))
def test_body_is_exactly_the_article_prose(cleaned: dict[str, list[Article]], prefix: str) -> None:
    lines = seed_lines(prefix)
    for article, expected in zip(cleaned[prefix], PROSE[prefix], strict=True):
        assert article.text.split("\n\n") == [lines[i].strip() for i in expected]


@pytest.mark.parametrize("prefix", sorted(PROSE))
def test_every_prose_line_in_exactly_one_body(
    cleaned: dict[str, list[Article]], prefix: str
) -> None:
    lines = seed_lines(prefix)
    bodies = [a.text for a in cleaned[prefix]]
    for i in (n for part in PROSE[prefix] for n in part):
        line = lines[i].strip()
        assert len(line.split()) >= 6, f"line {i} is not a prose line"
        holders = [b for b in bodies if line in b]
        assert len(holders) == 1, f"{prefix} line {i} is in {len(holders)} bodies"
        assert holders[0].count(line) == 1, f"{prefix} line {i} repeated in body"


@pytest.mark.parametrize("prefix", sorted(PROSE))
def test_no_chrome_or_caption_in_bodies(cleaned: dict[str, list[Article]], prefix: str) -> None:
    for article in cleaned[prefix]:
        for phrase in CHROME:
            assert phrase not in article.text, (prefix, phrase)
        paragraphs = article.text.split("\n\n")
        assert "TT" not in paragraphs and "20" not in paragraphs
        assert article.title not in paragraphs


def test_every_page_line_is_kept_or_removed_with_a_reason(
    cleaned: dict[str, list[Article]],
) -> None:
    for prefix, arts in cleaned.items():
        lines = seed_lines(prefix)
        nonblank = {i for i, line in enumerate(lines) if line.strip()}
        removed = {r.line_no for a in arts for r in a.removed}
        kept = {n for part in PROSE[prefix] for n in part}
        assert removed | kept == nonblank and not removed & kept, prefix
        for a in arts:
            for r in a.removed:
                assert r.reason and lines[r.line_no].strip() == r.text


def test_repeated_paragraphs_of_001_appear_once(cleaned: dict[str, list[Article]]) -> None:
    (article,) = cleaned["001"]
    lines = seed_lines("001")
    reasons = {r.line_no: r.reason for r in article.removed}
    for first, again in ((27, 37), (29, 39)):
        assert lines[first] != "" and line_key(lines[first]) == line_key(lines[again])
        assert article.text.count(lines[first]) == 1
        assert line_key(article.text).count(line_key(lines[again])) == 1
        assert reasons[again] == "repeated-in-page"


def test_removal_reasons_are_specific(cleaned: dict[str, list[Article]]) -> None:
    def reasons(prefix: str) -> dict[int, str]:
        return {r.line_no: r.reason for a in cleaned[prefix] for r in a.removed}

    r000, r001, r003, r004 = reasons("000"), reasons("001"), reasons("003"), reasons("004")
    assert all(r000[i].startswith("photo-caption") for i in (2, 3, 9, 10, 22, 23, 29, 30))
    assert r000[4].startswith("interface") and r000[5] == "interface:counter"
    assert r000[0] == "title" and r000[7] == "repeated-title"
    assert r001[16].startswith("photo-caption") and r001[41] == "wire-attribution"
    assert r001[17] == r001[19] == "audio-player" and r001[7] == "advertisement"
    assert r003[4] == "date-line" and r003[5] == "repeated-title"
    assert r004[4] == "byline" and r004[7] == "photo-caption:alt-text"
    assert r004[40] == "author-bio:sentence" and r004[44] == "newsletter-box"


def test_titles(cleaned: dict[str, list[Article]]) -> None:
    for prefix, title_lines in TITLE_LINE.items():
        lines = seed_lines(prefix)
        assert [a.title for a in cleaned[prefix]] == [lines[i].strip() for i in title_lines]


def test_bylines(cleaned: dict[str, list[Article]]) -> None:
    assert cleaned["004"][0].byline == "Dilan Sirwan"
    for prefix in ("000", "001", "002", "003"):
        assert all(a.byline is None for a in cleaned[prefix])


def test_datelines_stay_in_body_with_span(cleaned: dict[str, list[Article]]) -> None:
    expected = {
        "001": ("DUBAI:", "DUBAI", None),
        "002": ("TEHRAN (Tasnim) -", "TEHRAN", "Tasnim"),
        "004": ("ERBIL, Kurdistan Region of Iraq -", "ERBIL, Kurdistan Region of Iraq", None),
    }
    for prefix, (text, place, agency) in expected.items():
        article = cleaned[prefix][0]
        assert article.dateline is not None
        assert (article.dateline.text, article.dateline.place) == (text, place)
        assert article.dateline.agency == agency
        assert article.dateline.span is not None
        start, end = article.dateline.span
        assert article.text[start:end] == text
    assert cleaned["004"][0].dateline.span[0] > 0  # after the standfirst paragraph
    assert all(a.dateline is None for a in cleaned["000"] + cleaned["003"])


def test_publication_dates(cleaned: dict[str, list[Article]]) -> None:
    (a001,), (a002,), (a003,), (a004,) = (cleaned[p] for p in ("001", "002", "003", "004"))
    assert (a003.published, a003.published_source) == (datetime(2024, 1, 5, 16, 24), "page")
    assert a003.published_text == "05.01.2024 - 16:24"
    assert (a004.published, a004.published_source) == (datetime(2024, 2, 8), "page")
    assert (a001.published, a001.published_source) == (datetime(2024, 2, 8), "page:lead-weekday")
    assert a001.published_text == "Thursday (Feb 8)"
    # seed 000 states dates only in photo captions; seed 002 states none
    for article in [*cleaned["000"], a002]:
        assert (article.published, article.published_source) == (None, None)


def test_wire_attribution(cleaned: dict[str, list[Article]]) -> None:
    a001, a002 = cleaned["001"][0], cleaned["002"][0]
    assert (a001.wire, a001.wire_evidence) == (["Reuters"], ["Source: Reuters/fs"])
    assert (a002.wire, a002.wire_evidence) == (["Tasnim"], ["TEHRAN (Tasnim) -"])
    for prefix in ("000", "003", "004"):
        assert all(a.wire == [] for a in cleaned[prefix])


def test_language_and_unknown_outlet(cleaned: dict[str, list[Article]]) -> None:
    for arts in cleaned.values():
        for a in arts:
            assert a.language == "en"
            assert a.outlet is None and a.url is None


def test_metadata_overrides_what_the_page_says() -> None:
    meta = Metadata(
        url="https://example.org/iraq-story",
        outlet="Example Daily",
        published="2024-02-09T07:30:00",
        title="A headline given by the feed",
        byline="Given Author",
    )
    (article,) = clean_document(read_seed("004", meta))
    assert article.published == datetime(2024, 2, 9, 7, 30)
    assert article.published_source == "metadata"
    assert (article.title, article.byline) == ("A headline given by the feed", "Given Author")
    assert (article.outlet, article.url) == ("Example Daily", "https://example.org/iraq-story")
    assert article.key == "https://example.org/iraq-story#0"
    # the page's own headline line is still recognised and kept out of the body
    assert {r.line_no: r.reason for r in article.removed}[2] == "title"
    assert article.text.split("\n\n")[0] == seed_lines("004")[9]
