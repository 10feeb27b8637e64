"""Load test of the web app on a 10k-article store.

How the store is made: synthetic, reproducible (random.Random(7)). 10,000 articles
from 20 invented outlets, grouped five to a story (2,000 stories); each article is
eight sentences drawn from a fixed vocabulary, with annotations for names and
numbers, and each story gets a schema-shaped report (facts, a conflict, quotes,
framing, timeline, reuse, digest). Everything goes in through the store API.

The server runs in its own process (uvicorn, as `newsprism.web.serve` starts it) on
loopback; client threads hit the story list, a story page and a search for a fixed
time, then print requests/s, p50/p99 latency and error count per route.

    python benchmarks/bench_web_load.py [--db PATH] [--seconds 30] [--clients 8]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

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

WORDS = [
    "harbor",
    "council",
    "river",
    "minister",
    "budget",
    "strike",
    "border",
    "election",
    "port",
    "grain",
    "convoy",
    "drought",
    "treaty",
    "court",
    "protest",
    "bridge",
    "railway",
    "festival",
    "museum",
    "storm",
    "ferry",
    "senate",
]
NAMES = ["Ana Ruiz", "Tomas Berg", "Mira Osei", "Ivo Petrov", "Lena Sato", "Omar Haddad"]
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST"]


def _sentence(rng: random.Random) -> tuple[str, str, int]:
    name, n = rng.choice(NAMES), rng.randint(2, 900)
    words = " ".join(rng.choice(WORDS) for _ in range(8))
    return f"{name} said {n} people saw the {words}.", name, n


def build(db: Path, n_articles: int) -> None:
    rng = random.Random(7)
    store = SQLiteStore(db)
    day0 = datetime(2024, 1, 1, tzinfo=UTC)
    stories: list[Story] = []
    with store.transaction():
        for s in range(n_articles // 5):
            when = day0 + timedelta(days=s % 365)
            arts: list[Article] = []
            anns: list[Annotations] = []
            for k in range(5):
                parts = [_sentence(rng) for _ in range(8)]
                text = "\n\n".join(p[0] for p in parts)
                outlet = OUTLETS[(s + k) % len(OUTLETS)]
                key = f"https://bench.example/{s}/{k}"
                art = Article(
                    Article.make_id(key, 0, text),
                    Source(key, "text"),
                    sha256_hex(key),
                    0,
                    text,
                    title=f"Story {s}: the {rng.choice(WORDS)} {rng.choice(WORDS)}",
                    published=when,
                    outlet=outlet,
                    url=key,
                    key=key,
                )
                store.add_raw(RawDocument(art.source, art.raw_sha, text=text))
                store.put_articles(art.raw_sha, [art])
                first = parts[0]
                name_span = (0, len(first[1]))
                num_at = first[0].index(str(first[2]))
                anns.append(
                    Annotations(
                        art.id,
                        sha256_hex(text),
                        mentions=[Mention(name_span, first[1], "PERSON")],
                        quantities=[
                            Quantity(
                                (num_at, num_at + len(str(first[2]))),
                                str(first[2]),
                                float(first[2]),
                                "people",
                            )
                        ],
                    )
                )
                arts.append(art)
            store.put_annotations(anns)
            sid = f"bench-{s:05d}"
            stories.append(Story(sid, arts[0].title or sid, [a.id for a in arts], when, when))
            store.put_report(sid, "bench", _report(sid, arts, when.date()))
    store.put_stories(stories)
    store.close()


def _ev(a: Article, lo: int, hi: int) -> dict[str, Any]:
    return {"article": a.id, "outlet": a.outlet, "span": [lo, hi], "text": a.text[lo:hi]}


def _report(sid: str, arts: list[Article], day: date) -> dict[str, Any]:
    first = [a.text.split("\n\n")[0] for a in arts]
    outlets = sorted({a.outlet or "" for a in arts})
    return {
        "schema_version": "1",
        "id": sid,
        "title": arts[0].title,
        "related": [],
        "span": {"start": day.isoformat(), "end": day.isoformat()},
        "articles": [
            {
                "id": a.id,
                "outlet": a.outlet,
                "title": a.title,
                "url": a.url,
                "published": day.isoformat(),
                "wire": [],
                "copy_of": None,
            }
            for a in arts
        ],
        "facts": [
            {
                "id": f"f{i}",
                "text": first[i],
                "support": [_ev(arts[i], 0, len(first[i]))],
                "outlets": [arts[i].outlet],
                "omitted_by": [],
                "independent_support": 1,
            }
            for i in range(5)
        ],
        "conflicts": [
            {
                "id": "c1",
                "slot": "people",
                "kind": "number",
                "grade": "contradict",
                "values": [{**_ev(a, 0, 8), "value": i} for i, a in enumerate(arts[:2])],
            }
        ],
        "quotes": [
            {
                "id": "q1",
                "speaker": "x",
                "text": first[0],
                "variants": [
                    {**_ev(arts[0], 0, len(first[0])), "diff": [{"op": "same", "text": first[0]}]}
                ],
            }
        ],
        "entities": [],
        "reuse": [],
        "framing": [
            {
                "entity": "e1",
                "name": "Ana Ruiz",
                "labels": [{**_ev(arts[0], 0, 3), "label": "official", "voice": "own"}],
            }
        ],
        "timeline": [
            {
                "start": day.isoformat(),
                "end": day.isoformat(),
                "description": "event",
                "mentions": [_ev(arts[0], 0, 3)],
            }
        ],
        "digest": [
            {
                "text": first[0],
                "article": arts[0].id,
                "span": [0, len(first[0])],
                "support": 1,
                "outlets": outlets[:1],
            }
        ],
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _machine() -> str:
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.platform()}, {cpu}, {os.cpu_count()} CPUs{mem}, "
        f"Python {platform.python_version()}"
    )


def run(base: str, seconds: float, clients: int, story_ids: list[str]) -> dict[str, list[Any]]:
    results: dict[str, list[Any]] = defaultdict(list)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        local: dict[str, list[Any]] = defaultdict(list)
        with httpx.Client(base_url=base, timeout=30) as c:
            i = 0
            while time.monotonic() < deadline:
                route = ("list", "story", "search")[i % 3]
                i += 1
                url = {
                    "list": "/",
                    "story": f"/stories/{rng.choice(story_ids)}",
                    "search": f"/?q={rng.choice(WORDS)}+{rng.choice(NAMES).split()[0]}",
                }[route]
                t0 = time.perf_counter()
                try:
                    ok = c.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                local[route].append((time.perf_counter() - t0, ok))
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
    ap.add_argument("--db", type=Path, default=Path("/tmp/newsprism-bench-10k.db"))
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    print("machine:", _machine())
    if not args.db.exists():
        t0 = time.perf_counter()
        build(args.db, args.articles)
        print(f"built {args.db} ({args.articles} articles) in {time.perf_counter() - t0:.1f} s")
    SQLiteStore(args.db).close()  # a store kept from an older newsprism is migrated once
    with SQLiteStore(args.db, read_only=True) as store:
        story_ids = list(store.report_state())
        n_articles = store.count_articles()
    print(f"store: {n_articles} articles, {len(story_ids)} stories")
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
        results = run(base, args.seconds, args.clients, story_ids)
    finally:
        server.terminate()
        server.wait(10)
    total = sum(len(v) for v in results.values())
    errors = sum(1 for v in results.values() for _, ok in v if not ok)
    print(
        f"{args.clients} clients, {args.seconds:.0f} s: {total / args.seconds:.1f} requests/s, "
        f"{errors} errors"
    )
    for route, samples in sorted(results.items()):
        lat = sorted(s for s, _ in samples)
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
        print(
            f"  {route:7s} n={len(lat):6d}  p50 {statistics.median(lat) * 1000:7.1f} ms"
            f"  p99 {p99 * 1000:7.1f} ms  errors {sum(1 for _, ok in samples if not ok)}"
        )


if __name__ == "__main__":
    main()
