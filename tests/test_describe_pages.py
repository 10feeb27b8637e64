"""Saved text pages with only a URL beside them: outlet, title and dates found.

The pages are invented (fictional people and events) and imitate the layouts users
save: an outlet's name bar, section labels, a standfirst, a byline, date lines written
several ways ("date 2024-01-04", "Published: ...", "Updated ..."), a copyright footer,
and pages whose only date is in the URL path.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from newsprism.clean import clean_document
from newsprism.clean.options import CleanOptions
from newsprism.model import Article, Metadata, RawDocument, Source, sha256_hex

BODY = [
    "Negotiators from both chambers worked through the night on Wednesday to finish the "
    "text of the package, which pairs new funding for border staff with a change to asylum "
    "rules that several members had resisted for months.",
    "The agreement still has to pass a procedural vote next week, and two senators who "
    "backed an earlier version said on Thursday that they had not yet read the final draft "
    "and would not commit to supporting it.",
    "Leaders of both parties called the deal the best chance in years to change the system, "
    "while advocacy groups warned that the new rules would leave thousands of families "
    "waiting longer for a hearing in crowded courts.",
]


def page(*lines: str) -> str:
    return "\n".join([*lines, "", *(p + "\n" for p in BODY)])


PAGES: dict[str, tuple[str, str | None]] = {
    # name: (page text, url)
    "politico-like": (
        page(
            "POLITICO",
            "Congress",
            "Senate negotiators reach deal on border package after weeks of talks",
            "The agreement still faces a difficult path in the House.",
            "By Mara Ellison and Tom Reyes",
            "01/04/2024 06:12 PM EST",
            "Updated: 01/05/2024 09:30 AM EST",
        )
        + "\nLink Copied\n© 2024 POLITICO LLC\n",
        "https://www.politico.com/news/2024/01/04/senate-border-deal-00134567",
    ),
    "date-label": (
        page(
            "Home | World | Business | Sport",
            "Flooding closes coastal highway for a second day",
            "date 2024-01-04",
            "author Lena Park",
        ),
        "https://www.harborgazette.example/world/flooding-highway",
    ),
    "title-with-site": (
        page(
            "Storm knocks out power to thousands across the valley - Lakeside Tribune",
            "Lakeside Tribune",
            "Storm knocks out power to thousands across the valley",
            "January 3, 2024",
        )
        + "\nCopyright 2024 Lakeside Tribune. All rights reserved.\n",
        "https://lakesidetribune.example/news/storm-power",
    ),
    "url-date-only": (
        page("Rail strike talks resume as unions weigh new offer"),
        "https://www.example-news.org/2024/01/03/rail-strike-talks/",
    ),
    "published-label": (
        page(
            "Menu",
            "Search",
            "Markets tumble as the central bank signals a longer wait for cuts",
            "Published: Jan. 3, 2024 at 2:15 p.m. ET",
            "By Sam Ortiz",
        ),
        "https://www.reuters.com/markets/central-bank-signals-wait",
    ),
    "updated-only": (
        page(
            "Ferry operator suspends night crossings after engine fault",
            "Updated 4 January 2024, 08:40",
        ),
        "https://www.bbc.co.uk/news/articles/ferry-crossings",
    ),
    "updated-time-same-line": (
        page(
            "PORT",
            "Ferry strike ends after overnight talks at the harbour office",
            "By Tove Lindqvist, Port reporter",
            "Mar. 12, 2026, 7:45 p.m. | Updated 8:10 p.m.",
        ),
        "https://www.thecoastobserver.example/port/ferry-strike-ends",
    ),
    "byline-after-title": (
        page(
            "Opinion",
            "Why the water board keeps missing its own repair targets",
            "Dana Whitfield",
            "Thursday 4 January 2024",
        ),
        "https://thewaterpost.example/opinion/why-repairs-lag",
    ),
    "agency-own-dateline": (
        "Iranian officials review new port tariff plan\n\n"
        "TEHRAN (Tasnim) - " + BODY[0] + "\n\n" + "\n\n".join(BODY[1:]) + "\n",
        "https://www.tasnimnews.com/en/news/2024/01/04/3012345/iranian-officials-tariff",
    ),
    "carried-agency-dateline": (
        "Port tariff plan reviewed in Tehran\n\n"
        "TEHRAN (Tasnim) - " + BODY[0] + "\n\n" + "\n\n".join(BODY[1:]) + "\n",
        "https://www.dawn.com/news/1800000/port-tariff-plan",
    ),
    "no-url-no-clue": (page("Council approves new budget for the harbour district"), None),
}

EXPECTED = {
    # name: (outlet, outlet_source, title, published, published_source, updated)
    "politico-like": (
        "Politico",
        "url",
        "Senate negotiators reach deal on border package after weeks of talks",
        datetime(2024, 1, 4, 18, 12),
        "page",
        datetime(2024, 1, 5, 9, 30),
    ),
    "date-label": (
        "harborgazette.example",
        "url:domain",
        "Flooding closes coastal highway for a second day",
        datetime(2024, 1, 4),
        "page",
        None,
    ),
    "title-with-site": (
        "Lakeside Tribune",
        "page:copyright",
        "Storm knocks out power to thousands across the valley",
        datetime(2024, 1, 3),
        "page",
        None,
    ),
    "url-date-only": (
        "example-news.org",
        "url:domain",
        "Rail strike talks resume as unions weigh new offer",
        datetime(2024, 1, 3),
        "url",
        None,
    ),
    "published-label": (
        "Reuters",
        "url",
        "Markets tumble as the central bank signals a longer wait for cuts",
        datetime(2024, 1, 3, 14, 15),
        "page",
        None,
    ),
    "updated-only": (
        "BBC",
        "url",
        "Ferry operator suspends night crossings after engine fault",
        None,
        None,
        datetime(2024, 1, 4, 8, 40),
    ),
    "updated-time-same-line": (
        "thecoastobserver.example",
        "url:domain",
        "Ferry strike ends after overnight talks at the harbour office",
        datetime(2026, 3, 12, 19, 45),
        "page",
        datetime(2026, 3, 12, 20, 10),
    ),
    "byline-after-title": (
        "thewaterpost.example",
        "url:domain",
        "Why the water board keeps missing its own repair targets",
        datetime(2024, 1, 4),
        "page",
        None,
    ),
    "agency-own-dateline": (
        "Tasnim News Agency",
        "url",
        "Iranian officials review new port tariff plan",
        datetime(2024, 1, 4),
        "url",
        None,
    ),
    "carried-agency-dateline": (
        "Dawn",
        "url",
        "Port tariff plan reviewed in Tehran",
        None,
        None,
        None,
    ),
    "no-url-no-clue": (
        None,
        None,
        "Council approves new budget for the harbour district",
        None,
        None,
        None,
    ),
}


def clean_page(name: str) -> Article:
    text, url = PAGES[name]
    raw = RawDocument(
        Source(f"saved/{name}.txt", "text"),
        sha256_hex(text),
        text=text,
        meta=Metadata(url=url),
        size=len(text),
    )
    (article,) = clean_document(raw)
    return article


@pytest.mark.parametrize("name", sorted(PAGES))
def test_outlet_title_and_dates_of_saved_pages(name: str) -> None:
    article = clean_page(name)
    outlet, outlet_source, title, published, published_source, updated = EXPECTED[name]
    assert (article.outlet, article.outlet_source) == (outlet, outlet_source)
    assert article.title == title
    assert (article.published, article.published_source) == (published, published_source)
    assert article.updated == updated
    assert article.title not in article.text.split("\n\n")
    assert all(p in article.text for p in BODY)


def test_a_page_with_a_url_never_shows_its_file_name() -> None:
    for name, (_, url) in PAGES.items():
        article = clean_page(name)
        if url:
            assert f"{name}.txt" not in article.display_outlet
            assert article.display_outlet


def test_unknown_outlet_without_url_stays_unknown() -> None:
    article = clean_page("no-url-no-clue")
    assert article.outlet is None and article.outlet_source is None


def test_agency_on_its_own_site_is_the_outlet_not_a_wire_credit() -> None:
    own = clean_page("agency-own-dateline")
    assert own.wire == [] and own.dateline is not None and own.dateline.agency == "Tasnim"
    carried = clean_page("carried-agency-dateline")
    assert carried.wire == ["Tasnim"] and carried.wire_evidence == ["TEHRAN (Tasnim) -"]


def test_bylines_of_saved_pages() -> None:
    bylines = {name: clean_page(name).byline for name in PAGES}
    assert bylines["politico-like"] == "Mara Ellison, Tom Reyes"
    assert bylines["published-label"] == "Sam Ortiz"
    assert bylines["byline-after-title"] == "Dana Whitfield"
    assert bylines["date-label"] == "Lena Park"
    assert bylines["updated-time-same-line"] == "Tove Lindqvist"
    assert bylines["no-url-no-clue"] is None


def test_us_outlet_reads_numeric_dates_month_first() -> None:
    """01/04/2024 on a US outlet's page is 4 January, not 1 April (the URL agrees)."""
    article = clean_page("politico-like")
    assert article.published == datetime(2024, 1, 4, 18, 12)
    assert article.published_text == "01/04/2024 06:12 PM"


def test_user_outlet_file_names_an_unknown_domain(tmp_path: Path) -> None:
    extra = tmp_path / "outlets.tsv"
    extra.write_text("harborgazette.example\tHarbor Gazette\tUS\ten\tnewspaper\n", "utf-8")
    text, url = PAGES["date-label"]
    raw = RawDocument(
        Source("saved/date-label.txt", "text"), sha256_hex(text), text=text, meta=Metadata(url=url)
    )
    (article,) = clean_document(raw, options=CleanOptions(outlet_file=str(extra)))
    assert (article.outlet, article.outlet_source) == ("Harbor Gazette", "url")


def test_the_outlet_name_after_a_title_line_is_not_part_of_the_headline() -> None:
    text = page("Rail strike talks resume as unions weigh new offer | POLITICO")
    url = "https://www.politico.com/news/rail-strike-talks"
    raw = RawDocument(
        Source("saved/t.txt", "text"), sha256_hex(text), text=text, meta=Metadata(url=url)
    )
    (article,) = clean_document(raw)
    assert article.title == "Rail strike talks resume as unions weigh new offer"
    other = page("Rail strike talks resume: what the unions want")  # not a site name
    raw = RawDocument(
        Source("saved/u.txt", "text"), sha256_hex(other), text=other, meta=Metadata(url=url)
    )
    assert clean_document(raw)[0].title == "Rail strike talks resume: what the unions want"


def test_an_agency_copyright_line_does_not_name_the_site() -> None:
    text = page("Council approves new budget for the harbour district") + (
        "\n© Copyright Thomson Reuters 2024. All rights reserved.\n"
    )
    raw = RawDocument(Source("saved/wire.txt", "text"), sha256_hex(text), text=text)
    (article,) = clean_document(raw)
    assert article.outlet is None and article.display_outlet == "unknown outlet (wire.txt)"


def test_seed_pages_named_by_their_url() -> None:
    """The seeds carry no URL; given the one their outlet uses, the outlet is named and
    Tasnim's own dateline on Tasnim's site stops being a wire credit."""
    from tests.conftest import seed_path

    def with_url(prefix: str, url: str) -> list[Article]:
        data = seed_path(prefix).read_bytes()
        raw = RawDocument(
            Source(str(seed_path(prefix)), "text"),
            sha256_hex(data),
            text=data.decode("utf-8"),
            meta=Metadata(url=url),
        )
        return clean_document(raw)

    tasnim = with_url("002", "https://www.tasnimnews.com/en/news/2024/02/08/3040000/iraq")
    assert [(a.outlet, a.outlet_source, a.wire) for a in tasnim] == [
        ("Tasnim News Agency", "url", [])
    ]
    assert tasnim[0].published == datetime(2024, 2, 8) and tasnim[0].published_source == "url"
    aawsat = with_url("000", "https://english.aawsat.com/arab-world/4840000-iraq")
    assert [a.outlet for a in aawsat] == ["Asharq Al-Awsat", "Asharq Al-Awsat"]
    cna = with_url("001", "https://www.channelnewsasia.com/world/iraq-us-strikes-4110000")
    assert cna[0].outlet == "CNA" and cna[0].wire == ["Reuters"]  # a wire credit stays


@pytest.mark.slow
def test_saved_folder_with_url_sidecars_lists_outlets_titles_and_dates(tmp_path: Path) -> None:
    """The issue's case end to end: a folder of saved text pages, each with a
    NAME.meta.json holding only its URL, ingested and listed by the CLI."""
    import json
    import subprocess
    import sys

    folder = tmp_path / "saved"
    folder.mkdir()
    for name, (text, url) in PAGES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        if url:
            (folder / f"{name}.meta.json").write_text(json.dumps({"url": url}), "utf-8")
    db = tmp_path / "saved.db"
    cli = [sys.executable, "-m", "newsprism.cli"]
    subprocess.run([*cli, "ingest", str(folder), "--db", str(db), "-q"], check=True, timeout=300)
    listed = subprocess.run(
        [*cli, "articles", "--json", "--db", str(db)],
        check=True, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    rows = {Path(r["source"]).stem: r for r in json.loads(listed.stdout)}
    assert set(rows) == set(PAGES)
    for name, (outlet, _, title, published, _, _) in EXPECTED.items():
        row = rows[name]
        assert row["outlet"] == (outlet or f"unknown outlet ({name}.txt)"), name
        assert row["title"] == title, name
        assert row["published"] == (published.isoformat() if published else None), name
