"""Shared helpers for the report and web tests: an invented store, a live server, a browser.

The invented store holds real records in a real SQLite file (three outlets covering
a made-up flood, plus a hostile article) with hand-written story reports that
validate against the schema, so report and web tests do not wait on the pipeline.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from newsprism.compare.records import (
    SCHEMA_VERSION,
    ArticleRef,
    Cell,
    Cite,
    DiffOp,
    DigestItem,
    EntitySummary,
    FactRow,
    Figure,
    Finding,
    FramingRow,
    Label,
    Overview,
    QuoteGroup,
    QuoteVariant,
    ReuseLink,
    SlotValue,
    StoryComparison,
    StorySpan,
    TimelineEvent,
    TimelineMention,
)
from newsprism.model import (
    Annotations,
    Article,
    Dateline,
    Entity,
    Mention,
    Quantity,
    Quote,
    RawDocument,
    RemovedLine,
    ReusePair,
    Source,
    Story,
    TimeExpression,
    sha256_hex,
)
from newsprism.store.sqlite import SQLiteStore

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

HOSTILE_TITLE = "Council <script>window.__pwned = 1; alert(1)</script> vote"
HOSTILE_BODY = (
    'The council met on Monday. <img src=x onerror="window.__pwned = 2; alert(2)"> '
    "Residents asked about <script>window.__pwned = 3</script> the budget.\n\n"
    'A link: <a href="javascript:alert(4)">click</a> and "quoted </blockquote> words".'
)

FLOOD_TEXTS = {
    "Harbor Gazette": (
        "VELMORA (HG) - Floodwaters swept through Velmora on Tuesday, killing 12 people, "
        "Mayor Lina Okafor said.\n\n"
        '"We have never seen the river rise this fast," Okafor said at the town hall.\n\n'
        "About 300 homes were evacuated, according to the fire service."
    ),
    "Northern Wire": (
        "Floodwaters swept through Velmora on Tuesday, killing 14 people, the regional "
        "police said.\n\n"
        '"We have never seen the river rise so fast," Mayor Lina Okafor told reporters.\n\n'
        "Relief convoys reached the town on Wednesday."
    ),
    "Coastline Daily": (
        "Floodwaters swept through Velmora on Tuesday, killing 12 people, the regional "
        "police said.\n\n"
        "The embattled mayor Lina Okafor promised an inquiry into the failed levee."
    ),
}


def _span_of(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return (i, i + len(needle))


def _article(outlet: str, title: str, text: str, day: int, removed: list[RemovedLine]) -> Article:
    key = f"https://{outlet.lower().replace(' ', '')}.example/{day}/{sha256_hex(title)[:6]}"
    return Article(
        id=Article.make_id(key, 0, text),
        source=Source(path=f"/data/{outlet.replace(' ', '_')}.html", format="html"),
        raw_sha=sha256_hex(f"raw:{key}"),
        part=0,
        text=text,
        title=title,
        published=datetime(2031, 3, day, 9, 0, tzinfo=UTC),
        published_source="page",
        outlet=outlet,
        url=key,
        language="en",
        removed=removed,
        key=key,
        dateline=Dateline("VELMORA (HG) -", "VELMORA", "HG", (0, 14))
        if outlet == "Harbor Gazette"
        else None,
    )


def _annotate(art: Article, okafor: str) -> Annotations:
    t = art.text
    mentions = [
        Mention(_span_of(t, "Velmora"), "Velmora", "GPE", entity="ent-velmora"),
        Mention(_span_of(t, "Lina Okafor"), "Lina Okafor", "PERSON", entity=okafor),
    ]
    quotes, numbers, times = [], [], []
    if "never seen" in t:
        lo = t.index('"') + 1
        hi = t.index('"', lo)
        quotes.append(Quote((lo, hi), t[lo:hi], "direct", speaker="Okafor", cue="said"))
    for n in ("12", "14", "300"):
        if f" {n} " in t:
            span = _span_of(t, f" {n} ")
            span = (span[0] + 1, span[1] - 1)
            numbers.append(Quantity(span, n, float(n), noun="people"))
    for word, d in (("Tuesday", 18), ("Wednesday", 19)):
        if word in t:
            day = date(2031, 3, d)
            times.append(TimeExpression(_span_of(t, word), word, day, day, "weekday-before-anchor"))
    return Annotations(
        art.id,
        sha256_hex(t),
        mentions=mentions,
        quotes=quotes,
        quantities=numbers,
        times=times,
        version="test",
    )


def _cite(art: Article, needle: str, sentence: bool = False) -> Cite:
    span = _span_of(art.text, needle)
    around = _sentence(art, needle) if sentence else None
    return Cite(art.id, art.outlet or "", span, needle, around)


def _sentence(art: Article, needle: str) -> tuple[int, int]:
    """The sentence (here: the paragraph) holding ``needle``."""
    i = art.text.index(needle)
    lo = art.text.rfind("\n\n", 0, i)
    hi = art.text.find("\n\n", i)
    return (0 if lo < 0 else lo + 2, len(art.text) if hi < 0 else hi)


def _whole(art: Article, needle: str) -> Cite:
    """The sentence holding ``needle``, cited whole."""
    lo, hi = _sentence(art, needle)
    return Cite(art.id, art.outlet or "", (lo, hi), art.text[lo:hi], (lo, hi))


def _ref(a: Article, copy_of: str | None = None) -> ArticleRef:
    return ArticleRef(a.id, a.outlet or "", a.title, a.url,
                      a.published.isoformat() if a.published else None, "page", None, None, [],
                      copy_of, None)  # fmt: skip


def flood_report(story_id: str, arts: dict[str, Article]) -> StoryComparison:
    hg, nw, cd = arts["Harbor Gazette"], arts["Northern Wire"], arts["Coastline Daily"]
    lead = "Floodwaters swept through Velmora on Tuesday"
    outlets = ["Coastline Daily", "Harbor Gazette", "Northern Wire"]
    killed = Finding(
        id="c1",
        kind="number",
        slot="killed (people)",
        grade="contradict",
        explanation="figures for one count (people) that cannot both be true",
        values=[
            SlotValue(_cite(hg, "12", sentence=True), "12", [nw.id], number=12.0),
            SlotValue(_cite(nw, "14", sentence=True), "14", [hg.id], number=14.0),
        ],
        confidence=0.9,
        fact="f3",
    )
    return StoryComparison(
        schema_version=SCHEMA_VERSION,
        id=story_id,
        title="Velmora flood kills at least a dozen",
        span=StorySpan("2031-03-18", "2031-03-19"),
        outlets=outlets,
        articles=[_ref(hg), _ref(nw), _ref(cd, copy_of=nw.id)],
        overview=Overview(contradictions=["c1"], single_outlet=["f2"],
                          provenance=["Coastline Daily prints the same Northern Wire text"]),
        findings=[killed],
        figures=[Figure("n1", "killed", "killed (people)", "14", outlets, killed.values,
                        finding="c1")],
        facts=[
            FactRow("f1", hg.text[_sentence(hg, lead)[0]:_sentence(hg, lead)[1]], _whole(hg, lead),
                    [Cell("Coastline Daily", "states", [_whole(cd, lead)], copy_of="Northern Wire"),
                     Cell("Harbor Gazette", "states", [_whole(hg, lead)]),
                     Cell("Northern Wire", "differs", [_whole(nw, lead)], note="other figures")],
                    2, ["Harbor Gazette", "Northern Wire"]),
            FactRow("f2", "About 300 homes were evacuated, according to the fire service.",
                    _whole(hg, "About 300 homes"),
                    [Cell("Coastline Daily", "omits"),
                     Cell("Harbor Gazette", "states", [_whole(hg, "About 300 homes")]),
                     Cell("Northern Wire", "omits")], 1, ["Harbor Gazette"]),
            FactRow("f3", cd.text[: cd.text.index("\n")], _whole(cd, "killing 12 people"),
                    [Cell("Coastline Daily", "states", [_whole(cd, "killing 12 people")]),
                     Cell("Harbor Gazette", "states", [_whole(hg, "killing 12 people")]),
                     Cell("Northern Wire", "contradicts", [_cite(nw, "14", sentence=True)],
                          note="gives 14")], 2, ["Harbor Gazette", "Northern Wire"], ["c1"]),
        ],
        quotes=[
            QuoteGroup(
                id="q1",
                speaker="Lina Okafor",
                speaker_entity="ent-okafor",
                text="We have never seen the river rise this fast",
                canonical=_cite(hg, "We have never seen the river rise this fast"),
                variants=[
                    QuoteVariant(_cite(hg, "We have never seen the river rise this fast"),
                                 "direct", "same",
                                 [DiffOp("same", "We have never seen the river rise this fast")],
                                 "Okafor"),
                    QuoteVariant(_cite(nw, "We have never seen the river rise so fast"),
                                 "direct", "translation",
                                 [DiffOp("same", "We have never seen the river rise"),
                                  DiffOp("removed", "this"), DiffOp("added", "so"),
                                  DiffOp("same", "fast")], "Mayor Lina Okafor"),
                ],
            ),
        ],
        names=[],
        entities=[EntitySummary("ent-okafor", "Lina Okafor", "PERSON",
                                {"Lina Okafor": [hg.id, nw.id, cd.id], "Okafor": [hg.id]})],
        framing=[
            FramingRow("ent-okafor", "Lina Okafor", [
                Label(_cite(hg, "Mayor"), "Mayor", "own", "compound", "ent-okafor"),
                Label(_cite(cd, "embattled mayor"), "embattled mayor", "own", "compound",
                      "ent-okafor"),
            ]),
        ],
        reuse=[ReuseLink(nw.id, cd.id, "wire-copy", 0.91, nw.id, "published earlier", [])],
        timeline=[
            TimelineEvent("2031-03-18", "2031-03-18", "day", 0.9, "event", "Flood hits Velmora",
                          story_id, False, ["Harbor Gazette"],
                          [TimelineMention(_whole(hg, "Tuesday"), "Tuesday",
                                           _span_of(hg.text, "Tuesday"), "weekday-before-anchor")]),
            TimelineEvent("2031-03-19", "2031-03-19", "day", 0.9, "event",
                          "Relief convoys arrive", story_id, False, ["Northern Wire"],
                          [TimelineMention(_whole(nw, "Wednesday"), "Wednesday",
                                           _span_of(nw.text, "Wednesday"),
                                           "weekday-before-anchor")]),
        ],
        digest=[DigestItem(_whole(hg, lead), "f1", outlets, 2, [], _whole(hg, lead).text)],
        related=[],
    )  # fmt: skip


def hostile_report(story_id: str, art: Article) -> StoryComparison:
    first = Cite(art.id, art.outlet or "", (0, 60), art.text[:60])
    return StoryComparison(
        schema_version=SCHEMA_VERSION,
        id=story_id,
        title=HOSTILE_TITLE,
        span=StorySpan("2031-04-02", "2031-04-02"),
        outlets=[art.outlet or ""],
        articles=[_ref(art)],
        overview=Overview(single_outlet=["h1"]),
        findings=[],
        figures=[],
        facts=[FactRow("h1", art.text[:60], first, [Cell(art.outlet or "", "states", [first])], 1,
                       [art.outlet or ""])],
        quotes=[],
        names=[],
        entities=[],
        framing=[],
        reuse=[],
        timeline=[],
        digest=[DigestItem(first, "h1", [art.outlet or ""], 1, [], first.text)],
        related=[],
    )  # fmt: skip


def build_store(path: Path) -> dict[str, Any]:
    """Fill a real SQLite store with the invented stories; returns the ids tests need."""
    store = SQLiteStore(path)
    removed = [
        RemovedLine(0, "Subscribe to our newsletter", "interface"),
        RemovedLine(3, "Photo: river banks <b>at dawn</b>", "photo-caption"),
    ]
    arts = {
        outlet: _article(outlet, f"{outlet}: Velmora flood", text, 18 + i, removed)
        for i, (outlet, text) in enumerate(FLOOD_TEXTS.items())
    }
    hostile = _article("<b>Evil</b> Outlet", HOSTILE_TITLE, HOSTILE_BODY, 2, [])
    hostile.url = "javascript:alert(5)"
    for a in [*arts.values(), hostile]:
        store.add_raw(RawDocument(a.source, a.raw_sha, text=a.text))
        store.put_articles(a.raw_sha, [a])
    okafor = "ent-okafor"
    store.put_annotations([_annotate(a, okafor) for a in arts.values()])
    store.put_entities(
        [
            Entity(
                okafor, "Lina Okafor", "PERSON", {"Lina Okafor": 3}, [a.id for a in arts.values()]
            ),
            Entity("ent-velmora", "Velmora", "GPE", {"Velmora": 3}, [a.id for a in arts.values()]),
        ]
    )
    flood_id, hostile_id = "s-flood-0001", "s-hostile-0002"
    store.put_stories(
        [
            Story(
                flood_id,
                "Velmora flood",
                [a.id for a in arts.values()],
                datetime(2031, 3, 18, tzinfo=UTC),
                datetime(2031, 3, 20, tzinfo=UTC),
            ),
            Story(
                hostile_id,
                HOSTILE_TITLE,
                [hostile.id],
                datetime(2031, 4, 2, tzinfo=UTC),
                datetime(2031, 4, 2, tzinfo=UTC),
            ),
        ]
    )
    nw, cd = arts["Northern Wire"], arts["Coastline Daily"]
    store.put_reuse([ReusePair(nw.id, cd.id, "wire-copy", 0.91, origin=nw.id)])
    store.put_report(flood_id, "sha-flood", flood_report(flood_id, arts))
    store.put_report(hostile_id, "sha-hostile", hostile_report(hostile_id, hostile))
    store.close()
    return {"flood": flood_id, "hostile": hostile_id, "articles": arts, "hostile_article": hostile}


# --------------------------------------------------------------------------- live server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """The real app under uvicorn in a thread, on a free loopback port."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(500):  # bounded wait for startup, not a timing assertion
        if server.started:
            break
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


# --------------------------------------------------------------------------- browser


def require_chromium() -> None:
    """Skip when Chromium is absent on a laptop; in CI a missing browser is a failure."""
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: run scripts/install_browser.sh"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def chromium_browser() -> Iterator[Any]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
