"""Invented news articles in JSONL(.gz) shards, for scale tests and benchmarks.

Why invented: a throughput or fault-tolerance measurement needs thousands of
articles of realistic length and shape (titles, outlets, dates, URLs, quotes,
numbers, several outlets per event) but no real text may be copied into the
repository. Every article is drawn from templates about fictional events in
fictional places, seeded, so the same arguments always write the same bytes.
"""

from __future__ import annotations

import gzip
import json
import random
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

PLACES = ["Velmora", "Caldera", "Ostrava Bay", "Keswin", "Marrow Point", "Tallis", "Dunmere"]
ACTORS = [
    ("Ilse Varnak", "harbour authority spokeswoman"),
    ("Tomas Relling", "regional governor"),
    ("Aida Kostel", "union leader"),
    ("Piet Ardun", "coast guard commander"),
    ("Mara Lindqvist", "transport minister"),
]
EVENTS = [
    ("storm", "A storm closed the port of {place}", "boats stayed in harbour"),
    ("strike", "Dock workers in {place} walked out", "containers waited on the quay"),
    ("fire", "A warehouse fire burned through the night in {place}", "families were evacuated"),
    ("flood", "The river rose above its banks in {place}", "homes were flooded"),
    ("vote", "The council of {place} voted on the new bridge", "members abstained"),
]
OUTLETS = ["Velmora Post", "Caldera Courier", "Coastal Ledger", "Northern Wire", "Bay Herald"]
FILLER = [
    "Officials said more details would follow later in the day.",
    "Residents described a tense evening as crews worked through the dark.",
    "The regional office did not answer requests for comment by publication time.",
    "Local businesses said the disruption would cost them dearly this month.",
    "Earlier this year a similar incident drew criticism from opposition members.",
    "Analysts said the episode showed how exposed the coast remains to such shocks.",
]


def _article(rng: random.Random, event_no: int, outlet: str, day: date) -> dict[str, str]:
    kind, lead, effect = EVENTS[event_no % len(EVENTS)]
    place = PLACES[(event_no // len(EVENTS)) % len(PLACES)]
    name, role = ACTORS[rng.randrange(len(ACTORS))]
    count = rng.choice([12, 40, 150, 2500, 3]) + event_no % 7
    weekday = day.strftime("%A")
    paragraphs = [
        f"{lead.format(place=place)} on {weekday}, and at least {count} {effect}.",
        f'"We are doing everything we can," said {name}, the {role}, speaking to reporters.',
        f"The {kind} in {place} was event number {event_no % 9 + 2} recorded there this year.",
        *rng.sample(FILLER, 3),
    ]
    slug = f"{kind}-{place.lower().replace(' ', '-')}-{event_no}"
    host = outlet.lower().replace(" ", "")
    return {
        "url": f"https://{host}.example/{day.isoformat()}/{slug}",
        "outlet": outlet,
        "title": f"{lead.format(place=place)} ({kind} #{event_no})",
        "published": day.isoformat(),
        "text": "\n\n".join(paragraphs),
    }


def write_synthetic_corpus(
    folder: str | Path,
    n_articles: int,
    n_shards: int,
    *,
    seed: int = 7,
    start: date = date(2031, 1, 1),
    per_event: int = 4,
    compress: bool = True,
) -> list[Path]:
    """``n_articles`` invented articles in ``n_shards`` JSONL files; each event is
    covered by ``per_event`` outlets on consecutive days. Returns the shard paths."""
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = ".jsonl.gz" if compress else ".jsonl"
    paths = [folder / f"shard-{i:04d}{suffix}" for i in range(n_shards)]
    with ExitStack() as stack:
        handles = [
            stack.enter_context(
                gzip.open(p, "wt", encoding="utf-8")  # noqa: SIM115
                if compress
                else p.open("w", encoding="utf-8")
            )
            for p in paths
        ]
        for i in range(n_articles):
            event_no = i // per_event
            outlet = OUTLETS[i % per_event % len(OUTLETS)]
            day = start + timedelta(days=event_no // 3 + i % per_event)
            handles[i % n_shards].write(json.dumps(_article(rng, event_no, outlet, day)) + "\n")
    return paths
