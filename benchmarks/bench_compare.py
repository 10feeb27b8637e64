"""Time of compare_story per story against the number of articles in it.

Articles are invented variations of one event (sentences picked, reordered and
reworded per outlet); annotations are built with str.find, so only the compare stage
is timed. Run: python benchmarks/bench_compare.py [sizes...]
"""

from __future__ import annotations

import os
import platform
import random
import sys
import time
from datetime import datetime

from newsprism.compare import compare_story
from newsprism.model import Annotations, Article, Quantity, Quote, Sentence, Source, Story

BASE = [
    "Flooding in the river town of Belmora forced {n} families from their homes on Sunday.",
    "The regional governor said the emergency shelters {verb} enough beds for everyone.",
    'Governor Mira Dalt said the dam "{quote}"',
    "Engineers warned that the old levee could fail if the rain continues overnight.",
    "Volunteers from nearby villages brought food, blankets and drinking water.",
    "The national weather office expects more heavy rain across the northern valleys.",
    "Local farmers said {n2} hectares of wheat fields were under water.",
    "Opposition lawmakers blamed the government for years of neglected flood defences.",
    "Rescue teams used boats to reach elderly residents trapped in the lower streets.",
    "Schools in Belmora will stay closed until the water recedes, officials said.",
]
SWAPS = {
    "forced": ["drove", "pushed"],
    "homes": ["houses", "dwellings"],
    "warned": ["cautioned", "said"],
    "brought": ["delivered", "carried"],
    "expects": ["forecasts", "predicts"],
    "blamed": ["criticised", "faulted"],
}
QUOTES = ["held through the night and will hold again", "held overnight and would hold again"]


def make_article(i: int, rng: random.Random) -> tuple[Article, Annotations]:
    picked = rng.sample(BASE, k=rng.randint(6, len(BASE)))
    sentences = []
    for s in picked:
        s = s.format(
            n=rng.choice([300, 320, 350]),
            n2=rng.choice(["2,000", "about 2,000"]),
            verb=rng.choice(["had", "offered"]),
            quote=rng.choice(QUOTES),
        )
        for word, alts in SWAPS.items():
            if word in s and rng.random() < 0.5:
                s = s.replace(word, rng.choice(alts))
        sentences.append(s)
    text = " ".join(sentences)
    art = Article(
        f"a{i}", Source(f"bench/{i}.txt", "text"), "x", 0, text, outlet=f"Outlet {i % 37}",
        published=datetime(2024, 3, 1 + i % 3),
    )  # fmt: skip
    ann = Annotations(art.id, "x")
    pos = 0
    for n, s in enumerate(sentences):
        start = text.index(s, pos)
        ann.sentences.append(Sentence((start, start + len(s)), n))
        pos = start + len(s)
        for word in ("300", "320", "350"):
            if word in s:
                k = start + s.index(word)
                ann.quantities.append(Quantity((k, k + 3), word, float(word), "families",
                                               sentence=(start, start + len(s))))  # fmt: skip
        for q in QUOTES:
            if q in s:
                k = start + s.index(q)
                ann.quotes.append(Quote((k, k + len(q)), q, "direct", "Dalt"))
    return art, ann


def main(sizes: list[int]) -> None:
    print("command:", " ".join([sys.executable, *sys.argv]))
    print("machine:", platform.platform(), platform.processor() or platform.machine(),
          f"{os.cpu_count()} cpus", f"python {platform.python_version()}")  # fmt: skip
    rng = random.Random(7)
    warm = [make_article(i, rng) for i in range(3)]
    compare_story(Story("w", "warm-up", [a.id for a, _ in warm]), [a for a, _ in warm],
                  {a.id: n for a, n in warm}, {}, [])  # fmt: skip
    print(f"{'articles':>8} {'sentences':>9} {'seconds':>8} {'facts':>6} {'conflicts':>9}")
    for size in sizes:
        pairs = [make_article(i, rng) for i in range(size)]
        story = Story(f"s{size}", "bench", [a.id for a, _ in pairs])
        t0 = time.perf_counter()
        out = compare_story(story, [a for a, _ in pairs], {a.id: n for a, n in pairs}, {}, [])
        dt = time.perf_counter() - t0
        n_sent = sum(len(n.sentences) for _, n in pairs)
        print(f"{size:>8} {n_sent:>9} {dt:>8.2f} {len(out['facts']):>6} {len(out['conflicts']):>9}")


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [5, 20, 50, 100])
