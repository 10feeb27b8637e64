"""Load test of the web app on a 10k-article store: latency and size of every page.

How the store is made: synthetic, reproducible (random.Random(7)), 10,000 articles
from 20 invented outlets, everything put in through the store API:

- 1,850 light stories of five articles (eight sentences each) with a small
  schema-shaped report (five facts, a conflict, a quote, framing, timeline, digest);
- 25 heavy stories of 30 articles (30 sentences each, from 20 outlets), shaped like
  what compare writes for a big story: 80 facts each stated by about a third of the
  articles, 15 conflicts with five values and their sentences, 12 quotes in eight
  versions with word diffs, 6 actors' labels, 12 timeline events, 30 reuse pairs,
  25 names with spellings, a digest. The adversarial run measured its 30-article
  story pages at 112 KB to 1.8 MB; these reports render to the same order.

The server runs in its own process (uvicorn, as `newsprism.web.serve` starts it) on
loopback; client threads cycle through the story list, a light story page, a heavy
story page, the evidence of one matrix cell and the next page of a heavy story's
matrix (both loaded on demand by the story page), and a search, for a fixed time.
Per route it prints requests, p50/p99 latency as the client saw it, response size
(median and largest), and errors.

    python benchmarks/bench_web_load.py [--db PATH] [--seconds 30] [--clients 8]
"""

from __future__ import annotations

import argparse
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from common import machine_line

from newsprism.compare.records import (
    SCHEMA_VERSION,
    ArticleRef,
    Cell,
    Cite,
    DiffOp,
    DigestItem,
    FactRow,
    Finding,
    FramingRow,
    Label,
    NameForm,
    NameVariants,
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
    Mention,
    Quantity,
    RawDocument,
    Source,
    Story,
    sha256_hex,
)
from newsprism.store.sqlite import SQLiteStore

STORE_VERSION = 3  # bump when the generator changes: a kept store of another shape is rebuilt
WORDS = [
    *("harbor", "council", "river", "minister", "budget", "strike", "border", "election"),
    *("port", "grain", "convoy", "drought", "treaty", "court", "protest", "bridge"),
    *("railway", "festival", "museum", "storm", "ferry", "senate"),
]
NAMES = ["Ana Ruiz", "Tomas Berg", "Mira Osei", "Ivo Petrov", "Lena Sato", "Omar Haddad"]
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST"]
LIGHT_ARTICLES, HEAVY_STORIES, HEAVY_ARTICLES = 5, 25, 30
_SAID = re.compile(r"(" + "|".join(NAMES) + r") said (\d+) people")


def _sentence(rng: random.Random) -> tuple[str, str, int]:
    name, n = rng.choice(NAMES), rng.randint(2, 900)
    words = " ".join(rng.choice(WORDS) for _ in range(8))
    return f"{name} said {n} people saw the {words}.", name, n


def _article(key: str, text: str, title: str, outlet: str, when: datetime) -> Article:
    return Article(
        Article.make_id(key, 0, text),
        Source(key, "text"),
        sha256_hex(key),
        0,
        text,
        title=title,
        published=when,
        outlet=outlet,
        url=key,
        key=key,
    )


def _keep(store: SQLiteStore, arts: list[Article]) -> None:
    """Store the articles with a name and a number annotated, as the language layer would."""
    anns = []
    for art in arts:
        store.add_raw(RawDocument(art.source, art.raw_sha, text=art.text))
        store.put_articles(art.raw_sha, [art])
        said = _SAID.search(art.text)
        assert said is not None
        name, number = said.group(1), said.group(2)
        anns.append(
            Annotations(
                art.id,
                sha256_hex(art.text),
                mentions=[Mention(said.span(1), name, "PERSON")],
                quantities=[Quantity(said.span(2), number, float(number), "people")],
            )
        )
    store.put_annotations(anns)


def build(db: Path, n_articles: int) -> None:
    rng = random.Random(7)
    store = SQLiteStore(db)
    day0 = datetime(2024, 1, 1, tzinfo=UTC)
    stories: list[Story] = []
    n_heavy = HEAVY_STORIES if n_articles >= 10 * HEAVY_STORIES * HEAVY_ARTICLES else 0
    n_light = (n_articles - n_heavy * HEAVY_ARTICLES) // LIGHT_ARTICLES
    with store.transaction():
        for s in range(n_light):
            when = day0 + timedelta(days=s % 365)
            arts = []
            for k in range(LIGHT_ARTICLES):
                text = "\n\n".join(_sentence(rng)[0] for _ in range(8))
                title = f"Story {s}: the {rng.choice(WORDS)} {rng.choice(WORDS)}"
                key = f"https://bench.example/{s}/{k}"
                arts.append(_article(key, text, title, OUTLETS[(s + k) % 20], when))
            _keep(store, arts)
            sid = f"bench-{s:05d}"
            stories.append(Story(sid, arts[0].title or sid, [a.id for a in arts], when, when))
            store.put_report(sid, "bench", _light_report(sid, arts, when.date()))
        for h in range(n_heavy):
            when = day0 + timedelta(days=(7 * h) % 365)
            sid = f"heavy-{h:03d}"
            arts, report = _heavy_story(rng, sid, h, when)
            _keep(store, arts)
            stories.append(Story(sid, report.title, [a.id for a in arts], when, when))
            store.put_report(sid, "bench", report)
    store.put_stories(stories)
    store.close()


def _cite(a: Article, lo: int, hi: int, sentence: tuple[int, int] | None = None) -> Cite:
    return Cite(a.id, a.outlet or "", (lo, hi), a.text[lo:hi], sentence)


def _span_of(a: Article, needle: str) -> tuple[int, int]:
    lo = a.text.index(needle)
    return lo, lo + len(needle)


def _refs(arts: list[Article], day: date) -> list[ArticleRef]:
    return [
        ArticleRef(
            a.id,
            a.outlet or "",
            a.title,
            a.url,
            day.isoformat(),
            "page",
            None,
            None,
            [],
            None,
            None,
        )
        for a in arts
    ]


def _comparison(
    sid: str, arts: list[Article], day: date, outlets: list[str], **parts: Any
) -> StoryComparison:
    sections = {
        "overview": Overview(),
        "findings": [],
        "figures": [],
        "facts": [],
        "quotes": [],
        "names": [],
        "entities": [],
        "framing": [],
        "reuse": [],
        "timeline": [],
        "digest": [],
        "related": [],
    }
    sections.update(parts)
    return StoryComparison(
        schema_version=SCHEMA_VERSION,
        id=sid,
        title=arts[0].title or sid,
        span=StorySpan(day.isoformat(), day.isoformat()),
        outlets=outlets,
        articles=_refs(arts, day),
        **sections,
    )


def _fact_rows(
    pool: list[str], stating: dict[int, list[Article]], outlets: list[str]
) -> list[FactRow]:
    rows = []
    for f, text in enumerate(pool):
        said = stating.get(f, [])
        if not said:
            continue
        cells = []
        for outlet in outlets:
            evidence = [_cite(a, *_span_of(a, text)) for a in said if a.outlet == outlet]
            cells.append(Cell(outlet, "states" if evidence else "omits", evidence))
        origins = sorted({a.outlet or "" for a in said})
        rows.append(
            FactRow(
                f"f{f:02d}",
                text,
                _cite(said[0], *_span_of(said[0], text)),
                cells,
                len(origins),
                origins,
            )
        )
    return rows


def _light_report(sid: str, arts: list[Article], day: date) -> StoryComparison:
    first = [a.text.split("\n\n")[0] for a in arts]
    outlets = sorted({a.outlet or "" for a in arts})
    stating = {i: [a] for i, a in enumerate(arts)}
    a0, a1 = arts[0], arts[1]
    number = [a.text.split(" said ")[1].split()[0] for a in (a0, a1)]
    values = [
        SlotValue(
            _cite(a, a.text.index(n), a.text.index(n) + len(n), _span_of(a, first[i])),
            n,
            [],
            number=float(n),
        )
        for i, (a, n) in enumerate(zip((a0, a1), number, strict=True))
    ]
    finding = Finding("c1", "number", "saw it (people)", "contradict", "two counts", values, 0.8)
    quote = _cite(a0, *_span_of(a0, first[0]))
    return _comparison(
        sid,
        arts,
        day,
        outlets,
        overview=Overview(contradictions=["c1"]),
        findings=[finding],
        facts=_fact_rows(first, stating, outlets),
        quotes=[
            QuoteGroup(
                "q1",
                "x",
                None,
                first[0],
                quote,
                [QuoteVariant(quote, "direct", "same", [DiffOp("same", first[0])])],
            )
        ],
        framing=[
            FramingRow("e1", "Ana Ruiz", [Label(_cite(a0, 0, 3), "official", "own", "bench")])
        ],
        timeline=[
            TimelineEvent(
                day.isoformat(),
                day.isoformat(),
                "day",
                0.9,
                "event",
                "event",
                sid,
                False,
                [a0.outlet or ""],
                [TimelineMention(_cite(a0, 0, 8), "x", (0, 1), "bench")],
            )
        ],
        digest=[DigestItem(quote, "f00", [a0.outlet or ""], 1, [], first[0])],
    )


def _heavy_story(
    rng: random.Random, sid: str, h: int, when: datetime
) -> tuple[list[Article], StoryComparison]:
    """30 articles drawing on one pool of 80 fact sentences, and the comparison compare
    would write for them."""
    pool = [_sentence(rng)[0] for _ in range(80)]
    quotes = [" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(12)]
    arts: list[Article] = []
    holds: list[list[int]] = []
    for k in range(HEAVY_ARTICLES):
        facts = sorted(rng.sample(range(80), 26))
        said = rng.sample(range(12), 4)
        lines = [pool[f] for f in facts] + [
            f"“{quotes[q]},” {rng.choice(NAMES)} said." for q in said
        ]
        rng.shuffle(lines)
        text = "\n\n".join(lines)
        title = f"Heavy story {h}: {rng.choice(WORDS)} and {rng.choice(WORDS)}"
        key = f"https://heavy.example/{h}/{k}"
        arts.append(_article(key, text, title, OUTLETS[k % 20], when))
        holds.append(facts)
    day = when.date()
    stating: dict[int, list[Article]] = defaultdict(list)
    for art, facts in zip(arts, holds, strict=True):
        for f in facts:
            stating[f].append(art)
    outlets = sorted({a.outlet or "" for a in arts})
    findings = []
    for c in range(15):
        f = rng.randrange(80)
        values = []
        for a in stating[f][:5]:
            lo, hi = _span_of(a, pool[f])
            num = pool[f].split(" said ")[1].split()[0]
            at = a.text.index(num, lo)
            value = str(int(num) + rng.randint(0, 3))
            values.append(
                SlotValue(_cite(a, at, at + len(num), (lo, hi)), value, [], number=float(value))
            )
        if len(values) >= 2:
            grade = rng.choice(["contradict", "update", "differs", "agree"])
            findings.append(
                Finding(
                    f"c{c}",
                    "number",
                    "people who saw it",
                    grade,
                    "the outlets give different counts",
                    values,
                    0.8,
                    fact=f"f{f:02d}",
                )
            )
    report_quotes = []
    for q, words in enumerate(quotes):
        variants = []
        for a in arts:
            if words in a.text and len(variants) < 8:
                half = len(words) // 2
                diff = [
                    DiffOp("same", words[:half]),
                    DiffOp("removed", "very"),
                    DiffOp("added", "quite"),
                    DiffOp("same", words[half:]),
                ]
                variants.append(
                    QuoteVariant(
                        _cite(a, *_span_of(a, words)), "direct", "differs", diff, rng.choice(NAMES)
                    )
                )
        if variants:
            report_quotes.append(
                QuoteGroup(f"q{q}", rng.choice(NAMES), None, words, variants[0].cite, variants)
            )
    framing = [
        FramingRow(
            f"e{n}",
            name,
            [
                Label(_cite(a, 0, 3), rng.choice(WORDS) + " official", "own", "bench")
                for a in rng.sample(arts, 12)
            ],
        )
        for n, name in enumerate(NAMES)
    ]
    timeline = []
    for e in range(12):
        d = (day - timedelta(days=e)).isoformat()
        mentions = [
            TimelineMention(_cite(a, 0, 8), "x", (0, 1), "bench") for a in rng.sample(arts, 5)
        ]
        timeline.append(
            TimelineEvent(
                d,
                d,
                "day",
                0.9,
                "event",
                f"the {rng.choice(WORDS)} {rng.choice(WORDS)}",
                sid,
                False,
                sorted({m.cite.outlet for m in mentions}),
                mentions,
            )
        )
    reuse = []
    for _ in range(30):
        a, b = rng.sample(arts, 2)
        reuse.append(
            ReuseLink(
                a.id,
                b.id,
                rng.choice(["wire-copy", "partial"]),
                round(rng.uniform(0.5, 1.0), 2),
                a.id,
                "published earlier",
                [],
            )
        )
    names = [
        NameVariants(
            f"n{n}",
            f"{rng.choice(NAMES)} {n}",
            "PERSON",
            "spellings differ",
            [
                NameForm(_cite(a, 0, 3), f"{rng.choice(NAMES)}", "spelling")
                for a in rng.sample(arts, 4)
            ],
        )
        for n in range(25)
    ]
    digest = []
    for f in sorted(stating, key=lambda f: -len(stating[f]))[:8]:
        cite = _cite(stating[f][0], *_span_of(stating[f][0], pool[f]))
        said = sorted({a.outlet or "" for a in stating[f]})
        digest.append(DigestItem(cite, f"f{f:02d}", said, len(said), [], pool[f]))
    report = _comparison(
        sid,
        arts,
        day,
        outlets,
        overview=Overview(
            contradictions=[f.id for f in findings if f.grade == "contradict"],
            updates=[f.id for f in findings if f.grade == "update"],
            differences=[f.id for f in findings if f.grade == "differs"],
        ),
        findings=findings,
        facts=_fact_rows(pool, stating, outlets),
        quotes=report_quotes,
        names=names,
        framing=framing,
        timeline=timeline,
        reuse=reuse,
        digest=digest,
    )
    return arts, report


# --------------------------------------------------------------------------- the load


@dataclass(slots=True)
class Sample:
    seconds: float  # as the client saw it
    ok: bool
    size: int
    app_ms: float | None = None  # the handler's wall time, from the Server-Timing header
    cpu_ms: float | None = (
        None  # the handler thread's CPU time: load on the machine barely moves it
    )


_TIMING = re.compile(r"(app|cpu);dur=([0-9.]+)")


def _server_timing(value: str | None) -> dict[str, float]:
    return {k: float(v) for k, v in _TIMING.findall(value or "")}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _routes(rng: random.Random, light: list[str], heavy: list[str]) -> dict[str, str]:
    story = rng.choice(heavy or light)
    return {
        "list": "/",
        "story": f"/stories/{rng.choice(light)}",
        "heavy": f"/stories/{story}",
        "cell": f"/stories/{story}/evidence?fact=f{rng.randrange(80):02d}"
        f"&outlet={quote(rng.choice(OUTLETS))}&fragment=1",
        "facts": f"/stories/{story}/facts?page=2",
        "search": f"/?q={rng.choice(WORDS)}+{rng.choice(NAMES).split()[0]}",
    }


def run(
    base: str, seconds: float, clients: int, light: list[str], heavy: list[str]
) -> dict[str, list[Sample]]:
    results: dict[str, list[Sample]] = defaultdict(list)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    order = ["list", "story", "heavy", "cell", "facts", "search"]

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        local: dict[str, list[Sample]] = defaultdict(list)
        with httpx.Client(base_url=base, timeout=30) as c:
            i = seed  # clients start at different routes
            while time.monotonic() < deadline:
                route = order[i % len(order)]
                i += 1
                url = _routes(rng, light, heavy)[route]
                t0 = time.perf_counter()
                timing: dict[str, float] = {}
                try:
                    r = c.get(url)
                    ok, size = r.status_code == 200, len(r.content)
                    timing = _server_timing(r.headers.get("server-timing"))
                except httpx.HTTPError:
                    ok, size = False, 0
                local[route].append(
                    Sample(time.perf_counter() - t0, ok, size, timing.get("app"), timing.get("cpu"))
                )
        with lock:
            for k, v in local.items():
                results[k].extend(v)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--db", type=Path, default=Path(f"/tmp/newsprism-bench-10k-v{STORE_VERSION}.db")
    )
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args()
    print(machine_line())
    if not args.db.exists():
        t0 = time.perf_counter()
        build(args.db, args.articles)
        print(f"built {args.db} ({args.articles} articles) in {time.perf_counter() - t0:.1f} s")
    SQLiteStore(args.db).close()  # a store kept from an older newsprism is migrated once
    with SQLiteStore(args.db, read_only=True) as store:
        story_ids = sorted(store.report_state())
        n_articles = store.count_articles()
    light = [s for s in story_ids if not s.startswith("heavy-")]
    heavy = [s for s in story_ids if s.startswith("heavy-")]
    print(
        f"store: {n_articles} articles, {len(story_ids)} stories "
        f"({len(heavy)} of {HEAVY_ARTICLES} articles)"
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from newsprism.web import serve; serve({str(args.db)!r}, port={port})",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/", timeout=30)  # also warms the story index
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        results = run(base, args.seconds, args.clients, light, heavy)
    finally:
        server.terminate()
        server.wait(10)
    total = sum(len(v) for v in results.values())
    errors = sum(1 for v in results.values() for s in v if not s.ok)
    print(
        f"{args.clients} clients, {args.seconds:.0f} s: {total / args.seconds:.1f} requests/s, "
        f"{errors} errors. Per page: latency as the client saw it (p50/p99), the server's "
        "time in the handler and its CPU time (p50, from Server-Timing), response size"
    )
    for route in ["list", "story", "heavy", "cell", "facts", "search"]:
        samples = results.get(route, [])
        if not samples:
            continue
        lat = sorted(s.seconds for s in samples)
        sizes = sorted(s.size for s in samples)
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
        print(
            f"  {route:6s} n={len(lat):5d}  client p50 {statistics.median(lat) * 1000:6.1f} ms"
            f"  p99 {p99 * 1000:6.1f} ms  server {_p50(samples, 'app_ms')}"
            f"  cpu {_p50(samples, 'cpu_ms')}  size p50 {statistics.median(sizes) / 1024:6.1f} KB"
            f"  max {sizes[-1] / 1024:6.1f} KB  errors {sum(1 for s in samples if not s.ok)}"
        )


def _p50(samples: list[Sample], field: str) -> str:
    values = [v for s in samples if (v := getattr(s, field)) is not None]
    return f"{statistics.median(values):6.1f} ms" if values else "     - ms"


if __name__ == "__main__":
    main()
