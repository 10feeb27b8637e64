"""Time of compare_story per story against the number of articles in it, and what each
embedder finds on two real stories.

Scale table: articles are invented variations of one event (sentences picked, reordered
and reworded per outlet), annotated by the real language stage before the clock starts,
so only the compare stage is timed (it reads the kept parse; it never parses). Embedder
table: the seeds' February 2024 story (/work/shared/seeds, four
articles) and the example corpus strike story, each through the real upstream stages,
compared with every embedder that can be loaded (minilm needs the transformer extra).

Run: python benchmarks/bench_compare.py [--sizes 5 20 50 100] [--embedders wordllama minilm]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from newsprism.compare import CompareOptions, compare_story
from newsprism.errors import MissingExtra
from newsprism.model import (
    Annotations,
    Article,
    Entity,
    RawDocument,
    ReusePair,
    Source,
    Story,
    sha256_hex,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS = ROOT / "examples" / "corpus"
STORY_SEEDS = ("000", "001", "002", "004")
Inputs = tuple[Story, list[Article], dict[str, Annotations], dict[str, Entity], list[ReusePair]]

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


def make_article(i: int, rng: random.Random) -> Article:
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
    return Article(
        f"a{i}", Source(f"bench/{i}.txt", "text"), "x", 0, " ".join(sentences),
        outlet=f"Outlet {i % 37}", published=datetime(2024, 3, 1 + i % 3),
    )  # fmt: skip


def annotated(articles: Sequence[Article]) -> dict[str, Annotations]:
    from newsprism.language import annotate

    return {a.id: n for a, n in zip(articles, annotate(articles), strict=True)}


def seed_story() -> Inputs:
    """The seeds' February 2024 story as tests/test_compare_seeds.py builds it."""
    from newsprism.clean import clean_document
    from newsprism.language import annotate, reanchor_times, resolve_entities
    from newsprism.stories import find_reuse

    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        if path.name[:3] in STORY_SEEDS:
            text = path.read_text(encoding="utf-8")
            raw = RawDocument(
                Source(str(path), "text"), sha256_hex(text), text=text, size=len(text)
            )
            articles.append(clean_document(raw)[0])  # 000's second part is another story
    annotations = {a.id: n for a, n in zip(articles, annotate(articles), strict=True)}
    for a in articles:
        if a.published is None:
            annotations[a.id] = reanchor_times(a, annotations[a.id], date(2024, 2, 8), "story")
    entities = {e.id: e for e in resolve_entities(articles, annotations)}
    story = Story("feb-2024", "Iraq and the US-led coalition", [a.id for a in articles])
    return story, articles, annotations, entities, list(find_reuse(articles))


def corpus_story() -> Inputs:
    """The example corpus's strike story (the one holding the Herald's article)."""
    from newsprism.pipeline import analyze
    from newsprism.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "e.db")
        analyze([CORPUS], store)
        herald = next(
            a for a in store.articles() if Path(a.source.path).name.startswith("velmora-herald")
        )
        story = next(s for s in store.stories() if s.id == store.story_of(herald.id))
        out = (
            story,
            list(store.get_articles(story.articles)),
            dict(store.get_annotations(story.articles, with_parse=True)),
            dict(store.entities()),
            list(store.reuse_pairs(story.articles)),
        )
        store.close()
    return out


def embedder_table(embedders: Sequence[str]) -> None:
    stories = {"seeds feb-2024": seed_story(), "corpus strike": corpus_story()}
    print()
    print("embedder comparison (seconds = compare_story once, model already loaded)")
    head = f"{'story':<15} {'embedder':<9} {'arts':>4} {'seconds':>7} {'claims':>6}"
    print(head + f" {'2+ outlets':>10} {'quotes':>6}  findings by grade")
    for emb in embedders:
        options = CompareOptions(embedder=emb)
        try:
            warm = stories["seeds feb-2024"]
            compare_story(*warm, options=options)
        except MissingExtra as exc:
            print(f"{'-':<15} {emb:<9} skipped: {exc}")
            continue
        for name, (story, arts, anns, ents, reuse) in stories.items():
            t0 = time.perf_counter()
            out = compare_story(story, arts, anns, ents, reuse, options=options)
            dt = time.perf_counter() - t0
            multi = [f for f in out.facts if len(f.carried_by) >= 2]
            grades = Counter(f"{f.kind}:{f.grade}" for f in out.findings)
            graded = ", ".join(f"{k} {v}" for k, v in sorted(grades.items())) or "none"
            print(
                f"{name:<15} {emb:<9} {len(arts):>4} {dt:>7.2f} {len(out.facts):>6}"
                f" {len(multi):>10} {len(out.quotes):>6}  {graded}"
            )


def scale_table(sizes: Sequence[int], repeat: int) -> None:
    rng = random.Random(7)
    warm = [make_article(i, rng) for i in range(3)]
    compare_story(Story("w", "warm-up", [a.id for a in warm]), warm, annotated(warm), {}, [])
    print(f"{'articles':>8} {'sentences':>9} {'seconds':>8} {'claims':>6} {'findings':>8}")
    for size in sizes:
        arts = [make_article(i, rng) for i in range(size)]
        anns = annotated(arts)
        story = Story(f"s{size}", "bench", [a.id for a in arts])
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            out = compare_story(story, arts, anns, {}, [])
            best = min(best, time.perf_counter() - t0)
        n_sent = sum(len(n.sentences) for n in anns.values())
        print(f"{size:>8} {n_sent:>9} {best:>8.2f} {len(out.facts):>6} {len(out.findings):>8}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        default=[5, 20, 50, 100],
        help="articles per synthetic story for the timing table (none: skip it)",
    )
    parser.add_argument(
        "--embedders",
        nargs="*",
        default=["wordllama", "minilm"],
        help="embedders for the real-story table (none: skip it)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs per size")
    args = parser.parse_args(argv)
    print("command:", " ".join([sys.executable, *sys.argv]))
    print("machine:", platform.platform(), platform.processor() or platform.machine(),
          f"{os.cpu_count()} cpus", f"python {platform.python_version()}")  # fmt: skip
    if args.sizes:
        scale_table(args.sizes, args.repeat)
    if args.embedders:
        embedder_table(args.embedders)


if __name__ == "__main__":
    main()
