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


def _evidence(art: Article, needle: str) -> dict[str, Any]:
    span = _span_of(art.text, needle)
    return {"article": art.id, "outlet": art.outlet, "span": list(span), "text": needle}


def _sentence(art: Article, needle: str) -> list[int]:
    """The sentence (here: the paragraph) holding ``needle``."""
    i = art.text.index(needle)
    lo = art.text.rfind("\n\n", 0, i)
    hi = art.text.find("\n\n", i)
    return [0 if lo < 0 else lo + 2, len(art.text) if hi < 0 else hi]


def flood_report(story_id: str, arts: dict[str, Article]) -> dict[str, Any]:
    hg, nw, cd = arts["Harbor Gazette"], arts["Northern Wire"], arts["Coastline Daily"]
    lead = "Floodwaters swept through Velmora on Tuesday"
    return {
        "schema_version": "1",
        "id": story_id,
        "title": "Velmora flood kills at least a dozen",
        "span": {"start": "2031-03-18", "end": "2031-03-19"},
        "articles": [
            {
                "id": a.id,
                "outlet": a.outlet,
                "title": a.title,
                "url": a.url,
                "published": a.published.isoformat() if a.published else None,
                "published_source": "page",
                "byline": None,
                "dateline": None,
                "wire": [],
                "copy_of": nw.id if a is cd else None,
            }
            for a in (hg, nw, cd)
        ],
        "facts": [
            {
                "id": "f1",
                "text": hg.text.split(",")[0],
                "support": [_evidence(a, lead) for a in (hg, nw, cd)],
                "outlets": ["Coastline Daily", "Harbor Gazette", "Northern Wire"],
                "omitted_by": [],
                "independent_support": 2,
                "contradicted_by": [],
            },
            {
                "id": "f2",
                "text": "About 300 homes were evacuated, according to the fire service.",
                "support": [_evidence(hg, "About 300 homes were evacuated")],
                "outlets": ["Harbor Gazette"],
                "omitted_by": ["Coastline Daily"],
                "independent_support": 1,
                "contradicted_by": [],
            },
            {
                "id": "f3",
                "text": "killing 12 people",
                "support": [_evidence(hg, "killing 12 people"), _evidence(cd, "killing 12 people")],
                "outlets": ["Coastline Daily", "Harbor Gazette"],
                "omitted_by": [],
                "independent_support": 1,
                "contradicted_by": ["Northern Wire"],
            },
        ],
        "conflicts": [
            {
                "id": "c1",
                "slot": "killed in the flood",
                "kind": "number",
                "grade": "contradict",
                "explanation": "12 vs 14 people killed",
                "caveat": None,
                "confidence": 0.9,
                "fact": "f3",
                "values": [
                    {
                        **_evidence(hg, "12"),
                        "value": 12,
                        "value_text": "12 people",
                        "sentence": _sentence(hg, "killing 12"),
                    },
                    {
                        **_evidence(nw, "14"),
                        "value": 14,
                        "value_text": "14 people",
                        "sentence": _sentence(nw, "killing 14"),
                    },
                ],
            },
        ],
        "quotes": [
            {
                "id": "q1",
                "speaker": "Lina Okafor",
                "speaker_entity": "ent-okafor",
                "text": "We have never seen the river rise this fast",
                "variants": [
                    {
                        **_evidence(hg, "We have never seen the river rise this fast"),
                        "kind": "direct",
                        "speaker_as_written": "Okafor",
                        "diff": [
                            {"op": "same", "text": "We have never seen the river rise "},
                            {"op": "same", "text": "this"},
                            {"op": "same", "text": " fast"},
                        ],
                    },
                    {
                        **_evidence(nw, "We have never seen the river rise so fast"),
                        "kind": "direct",
                        "speaker_as_written": "Mayor Lina Okafor",
                        "diff": [
                            {"op": "same", "text": "We have never seen the river rise "},
                            {"op": "removed", "text": "this"},
                            {"op": "added", "text": "so"},
                            {"op": "same", "text": " fast"},
                        ],
                    },
                ],
            },
        ],
        "entities": [
            {
                "id": "ent-okafor",
                "name": "Lina Okafor",
                "label": "PERSON",
                "variants": [
                    {"text": "Lina Okafor", "articles": [hg.id, nw.id, cd.id], "count": 3},
                    {"text": "Okafor", "articles": [hg.id], "count": 1},
                ],
            },
        ],
        "framing": [
            {
                "entity": "ent-okafor",
                "name": "Lina Okafor",
                "labels": [
                    {**_evidence(hg, "Mayor"), "label": "Mayor", "voice": "own"},
                    {
                        **_evidence(cd, "embattled mayor"),
                        "label": "embattled mayor",
                        "voice": "own",
                    },
                ],
            },
        ],
        "reuse": [
            {
                "a": nw.id,
                "b": cd.id,
                "kind": "wire-copy",
                "score": 0.91,
                "origin": nw.id,
                "origin_reason": "published earlier",
                "shared": [],
            },
        ],
        "timeline": [
            {
                "start": "2031-03-18",
                "end": "2031-03-18",
                "description": "Flood hits Velmora",
                "mentions": [
                    {
                        **_evidence(hg, "Tuesday"),
                        "expression": "Tuesday",
                        "rule": "weekday-before-anchor",
                    }
                ],
            },
            {
                "start": "2031-03-19",
                "end": "2031-03-19",
                "description": "Relief convoys arrive",
                "mentions": [
                    {
                        **_evidence(nw, "Wednesday"),
                        "expression": "Wednesday",
                        "rule": "weekday-before-anchor",
                    }
                ],
            },
        ],
        "digest": [
            {
                "text": hg.text.split(",")[0],
                "article": hg.id,
                "span": list(_span_of(hg.text, lead)),
                "support": 3,
                "outlets": ["Coastline Daily", "Harbor Gazette", "Northern Wire"],
            },
        ],
        "related": [],
    }


def hostile_report(story_id: str, art: Article) -> dict[str, Any]:
    return {
        "schema_version": "1",
        "id": story_id,
        "title": HOSTILE_TITLE,
        "span": {"start": "2031-04-02", "end": "2031-04-02"},
        "articles": [
            {
                "id": art.id,
                "outlet": art.outlet,
                "title": art.title,
                "url": art.url,
                "published": "2031-04-02T09:00:00+00:00",
                "wire": [],
            }
        ],
        "facts": [
            {
                "id": "h1",
                "text": art.text[:60],
                "support": [{"article": art.id, "span": [0, 60], "text": art.text[:60]}],
                "outlets": [art.outlet],
                "omitted_by": [],
                "independent_support": 1,
            }
        ],
        "conflicts": [],
        "quotes": [],
        "entities": [],
        "framing": [],
        "reuse": [],
        "timeline": [],
        "digest": [
            {
                "text": art.text[:60],
                "article": art.id,
                "span": [0, 60],
                "support": 1,
                "outlets": [art.outlet],
            }
        ],
        "related": [],
    }


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
