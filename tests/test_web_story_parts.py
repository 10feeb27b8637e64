"""Issue 14.13: a big story's web page shows its matrix a page of facts at a time and
loads a cell's sentences, more facts and a quote's versions on demand.

The big story (30 articles from 20 outlets, 80 facts, quotes in many versions) is
built here in a real SQLite file and served by the real app on loopback; the
on-demand parts are checked over HTTP, and once in Chromium, where the page's
script loads them into the page.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import lxml.html
import pytest
from browser import chromium_browser, live_server

from newsprism.compare.records import (
    SCHEMA_VERSION,
    ArticleRef,
    Cell,
    Cite,
    DiffOp,
    FactRow,
    Overview,
    QuoteGroup,
    QuoteVariant,
    StoryComparison,
    StorySpan,
)
from newsprism.model import Article, RawDocument, Source, Story, sha256_hex
from newsprism.report.write import write_reports
from newsprism.store.sqlite import SQLiteStore
from newsprism.web import create_app
from newsprism.web.story_parts import FACTS_PER_PAGE

WHEN = datetime(2031, 6, 2, 8, 0, tzinfo=UTC)
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST"]
SID = "s-big-0001"


def _facts(rng: random.Random) -> list[str]:
    places = ["Ostrel", "Varna", "Kellin", "Dorva", "Marrow"]
    things = ["bridge", "levee", "market", "mill", "harbour road", "school", "depot"]
    return [
        f"Officials said {rng.randint(2, 900)} people were moved from the {rng.choice(things)} "
        f"in {rng.choice(places)} (fact {n})."
        for n in range(80)
    ]


def build_big_story(db: Path) -> dict[str, Any]:
    rng = random.Random(11)
    pool = _facts(rng)
    quote = "We will rebuild every house that the water took from us"
    arts: list[Article] = []
    holds: dict[str, list[int]] = {}
    for k in range(30):
        facts = sorted(rng.sample(range(80), 26))
        text = "\n\n".join(
            [pool[f] for f in facts] + [f"“{quote},” the mayor said in version {k % 3}."]
        )
        key = f"https://big.example/{k}"
        art = Article(
            Article.make_id(key, 0, text),
            Source(f"/data/big-{k}.txt", "text"),
            sha256_hex(key),
            0,
            text,
            title=f"Flood clean-up, report {k}",
            published=WHEN,
            outlet=OUTLETS[k % 20],
            url=key,
            key=key,
        )
        arts.append(art)
        holds[art.id] = facts

    def cite(a: Article, words: str) -> Cite:
        lo = a.text.index(words)
        return Cite(a.id, a.outlet or "", (lo, lo + len(words)), words, (lo, lo + len(words)))

    rows = []
    for f in range(80):
        stating = [a for a in arts if f in holds[a.id]]
        cells = []
        for outlet in OUTLETS:
            evidence = [cite(a, pool[f]) for a in stating if a.outlet == outlet]
            cells.append(Cell(outlet, "states" if evidence else "omits", evidence))
        said = sorted({a.outlet or "" for a in stating})
        rows.append(
            FactRow(f"f{f:02d}", pool[f], cite(stating[0], pool[f]), cells, len(said), said)
        )
    variants = [
        QuoteVariant(cite(a, quote), "direct", "same", [DiffOp("same", quote)], "the mayor")
        for a in arts[:9]
    ]
    report = StoryComparison(
        schema_version=SCHEMA_VERSION,
        id=SID,
        title="Flood clean-up across the valley",
        span=StorySpan("2031-06-02", "2031-06-02"),
        outlets=list(OUTLETS),
        articles=[
            ArticleRef(a.id, a.outlet or "", a.title, a.url, WHEN.isoformat(), "page", None, None,
                       [], None, None)
            for a in arts
        ],
        overview=Overview(single_outlet=[rows[-1].id]),  # a claim of the last page
        findings=[],
        figures=[],
        facts=rows,
        quotes=[QuoteGroup("q1", "Mayor Ines Ralda", None, quote, variants[0].cite, variants)],
        names=[],
        entities=[],
        framing=[],
        reuse=[],
        timeline=[],
        digest=[],
        related=[],
    )  # fmt: skip
    with SQLiteStore(db) as store:
        for a in arts:
            store.add_raw(RawDocument(a.source, a.raw_sha, text=a.text))
            store.put_articles(a.raw_sha, [a])
        store.put_stories([Story(SID, report.title, [a.id for a in arts], WHEN, WHEN)])
        store.put_report(SID, "sha-big", report)
    return {"report": report, "articles": arts, "pool": pool}


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any], Path]]:
    db = tmp_path_factory.mktemp("big") / "store.db"
    data = build_big_story(db)
    with live_server(create_app(db)) as base:
        yield base, data, db


@pytest.fixture(scope="module")
def client(big: tuple[str, dict[str, Any], Path]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=big[0]) as c:
        yield c


def _rows(html: str) -> list[str]:
    doc = lxml.html.fromstring(
        f"<table>{html}</table>" if html.lstrip().startswith("<tr") else html
    )
    return [th.text_content() for th in doc.xpath("//tr/th[@class='fact']/bdi")]


def test_the_story_page_shows_one_page_of_facts_and_stays_small(
    client: httpx.Client, big: Any, tmp_path: Path
) -> None:
    _, data, db = big
    page = client.get(f"/stories/{SID}")
    assert page.status_code == 200
    assert _rows(page.text) == data["pool"][:FACTS_PER_PAGE]
    doc = lxml.html.fromstring(page.text)
    assert "Claims 1–20 of 80" in doc.xpath("//p[@class='pager']")[0].text_content()
    single = doc.xpath("//section[@class='overview']//details[@class='single']//li")
    assert [li.xpath("./bdi")[0].text_content() for li in single] == [data["pool"][79]]
    assert doc.xpath("//blockquote") == []  # no cell's sentences inline
    with SQLiteStore(db, read_only=True) as store:  # the same story as a whole report page
        whole = write_reports(store, tmp_path / "out", inline_max=0).stories[SID].stat().st_size
    assert len(page.content) < 200 * 1024 < whole
    last = client.get(f"/stories/{SID}", params={"facts": "4"})
    assert _rows(last.text) == data["pool"][60:80]
    assert client.get(f"/stories/{SID}", params={"facts": "5"}).status_code == 400


def test_more_facts_come_as_rows_with_the_next_page_number(client: httpx.Client, big: Any) -> None:
    _, data, _ = big
    part = client.get(f"/stories/{SID}/facts", params={"page": "2"})
    assert part.status_code == 200 and part.headers["x-next-page"] == "3"
    assert _rows(part.text) == data["pool"][20:40]
    assert "<html" not in part.text
    assert "x-next-page" not in client.get(f"/stories/{SID}/facts", params={"page": "4"}).headers


def test_a_cell_link_leads_to_exactly_that_outlets_sentences(
    client: httpx.Client, big: Any
) -> None:
    _, data, _ = big
    doc = lxml.html.fromstring(client.get(f"/stories/{SID}").text)
    fact = data["report"].facts[0]
    cell = next(c for c in fact.cells if c.evidence)
    link = doc.xpath(f"//tr[1]/td[@data-outlet='{cell.outlet}']/a")
    href = link[0].get("href")
    page = client.get(href)
    assert page.status_code == 200
    quotes = lxml.html.fromstring(page.text).xpath("//div[@class='cell-evidence']//blockquote")
    assert [q.text_content() for q in quotes] == [c.text for c in cell.evidence]
    stated = cell.evidence
    omitting = next(c.outlet for c in fact.cells if not c.evidence)
    assert doc.xpath(f"//tr[1]/td[@data-outlet='{omitting}']/a") == []
    part = client.get(href + "&fragment=1")
    assert "<html" not in part.text and part.text.count("<blockquote>") == len(stated)


def test_unknown_cells_and_quotes_are_404s(client: httpx.Client) -> None:
    assert (
        client.get(
            f"/stories/{SID}/evidence", params={"fact": "f99", "outlet": "Outlet A"}
        ).status_code
        == 404
    )
    assert (
        client.get(
            f"/stories/{SID}/evidence", params={"fact": "f01", "outlet": "Nobody"}
        ).status_code
        == 404
    )
    assert client.get(f"/stories/{SID}/quotes/q9").status_code == 404
    assert (
        client.get(f"/stories/{SID}/evidence", params={"fact": "<x>", "outlet": "A"}).status_code
        == 400
    )


def test_a_quotes_versions_are_their_own_page(client: httpx.Client, big: Any) -> None:
    doc = lxml.html.fromstring(client.get(f"/stories/{SID}").text)
    assert doc.xpath("//details[@class='quote']//table") == []
    page = client.get(f"/stories/{SID}/quotes/q1")
    rows = lxml.html.fromstring(page.text).xpath("//table[@class='variants']/tbody/tr")
    assert len(rows) == 9


@pytest.mark.browser
def test_the_page_script_loads_cells_facts_and_quotes(big: Any) -> None:
    base, data, _ = big
    with chromium_browser() as browser:
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(f"{base}/stories/{SID}")
        rows = page.locator("table.coverage tbody tr")
        assert rows.count() == 20
        page.locator("a.more-facts").click()
        rows.nth(39).wait_for()
        assert rows.count() == 40 and page.url.endswith(f"/stories/{SID}")
        page.locator("a.more-facts").click()
        page.locator("a.more-facts").click()
        rows.nth(79).wait_for()
        assert page.locator("a.more-facts").count() == 0  # the last page removes the link
        assert rows.locator("th.fact bdi").all_inner_texts() == data["pool"]
        cell = rows.nth(45).locator("td.cell a").first.locator("xpath=..")
        cell.locator(":scope > a").click()
        cell.locator("blockquote").first.wait_for()
        assert cell.locator("blockquote").first.inner_text() == data["pool"][45]
        cell.locator(":scope > a").click()  # a second click folds it again
        assert cell.locator("blockquote").count() == 0
        page.locator("details.quote summary").click()
        page.locator("details.quote table.variants").wait_for()
        assert page.locator("details.quote table.variants tbody tr").count() == 9
        assert errors == []
        page.close()


def test_pages_say_how_long_the_server_worked_on_them(client: httpx.Client) -> None:
    """The load benchmark tells server work from queueing by this header."""
    timing = client.get(f"/stories/{SID}").headers["server-timing"]
    parts = dict(p.strip().split(";dur=") for p in timing.split(","))
    assert set(parts) == {"app", "cpu"} and all(float(v) >= 0 for v in parts.values())
