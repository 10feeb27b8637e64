"""Story clustering measured on ECB+ (33 topics, 772 documents, 66 gold events).

Each document becomes an Article (title = first sentence; in *ecbplus.xml sentence 0 is
the source URL and is skipped); gold event = topic + "ecb"/"ecbplus". Prints B-cubed
precision/recall/F1 and cluster counts for the training topics, the development topics
(2, 5, 12, 18, 21, 23, 34, 35) and all, plus a topic-level baseline (cluster = topic).
ECB+ has no dates, so only text decides.

    python benchmarks/bench_cluster_ecbplus.py [--data DIR] [--threshold T] [--tfidf-weight W]
    python benchmarks/bench_cluster_ecbplus.py --grid   # the tuning grid, on training topics
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import numpy as np
from common import bcubed

from newsprism.model import Article, Source, sha256_hex
from newsprism.stories import StoryOptions, cluster_stories, embed_articles

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ecbplus"
DEV_TOPICS = {2, 5, 12, 18, 21, 23, 34, 35}
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}'])|(\() |(\$) | (n't|'s|'re|'ll|'ve|'d)\b")


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return _NO_SPACE_BEFORE.sub(lambda m: next(g for g in m.groups() if g), text)


def load_document(path: Path) -> tuple[str, str]:
    """(title, body) rebuilt from the token stream, one sentence per line."""
    sentences: dict[int, list[str]] = defaultdict(list)
    for tok in ET.parse(path).getroot().iter("token"):
        sentences[int(tok.get("sentence", "0"))].append(tok.text or "")
    order = sorted(sentences)
    if path.name.endswith("ecbplus.xml") and order and order[0] == 0:
        order = order[1:]  # sentence 0 is the article's URL
    lines = [detokenise(sentences[s]) for s in order]
    return (lines[0] if lines else ""), "\n".join(lines[1:])


def load(data: Path) -> tuple[list[Article], list[str], list[int]]:
    articles: list[Article] = []
    gold: list[str] = []
    topics: list[int] = []
    for path in sorted(data.glob("topics/*/*.xml")):
        m = re.match(r"(\d+)_\d+(ecb|ecbplus)\.xml$", path.name)
        if not m:
            continue
        title, body = load_document(path)
        key = f"ecbplus:{path.name}"
        articles.append(
            Article(
                id=Article.make_id(key, 0, body),
                source=Source(str(path), "text"),
                raw_sha=sha256_hex(path.read_bytes()),
                part=0,
                text=body,
                title=title,
                key=key,
            )
        )
        gold.append(m.group(1) + m.group(2))
        topics.append(int(m.group(1)))
    return articles, gold, topics


def report(name: str, pred: list[str], gold: list[str], keep: list[bool]) -> str:
    p = [x for x, k in zip(pred, keep, strict=True) if k]
    g = [x for x, k in zip(gold, keep, strict=True) if k]
    bp, br, bf = bcubed(p, g)
    return (
        f"{name:<22} docs={len(p):4d}  B3 P={bp:.3f} R={br:.3f} F1={bf:.3f}  "
        f"clusters={len(set(p)):4d} gold={len(set(g)):3d}"
    )


def run(articles: list[Article], vectors: np.ndarray, options: StoryOptions) -> list[str]:
    stories = cluster_stories(articles, vectors, options=options)
    label = {aid: s.id for s in stories for aid in s.articles}
    return [label[a.id] for a in articles]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--threshold", type=float)
    ap.add_argument("--tfidf-weight", type=float)
    ap.add_argument("--grid", action="store_true", help="tune on the training topics only")
    ap.add_argument(
        "--embedder", default="wordllama", help="wordllama, or minilm (the transformer extra)"
    )
    args = ap.parse_args()

    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    print(
        f"machine: {platform.node()} {platform.machine()} {platform.processor() or ''} "
        f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.1f} python={platform.python_version()}"
    )
    t0 = time.perf_counter()
    articles, gold, topics = load(args.data)
    t1 = time.perf_counter()
    options = StoryOptions(embedder=args.embedder)
    vectors = embed_articles(articles, options)
    t2 = time.perf_counter()
    train = [t not in DEV_TOPICS for t in topics]
    dev = [t in DEV_TOPICS for t in topics]

    if args.grid:
        best = None
        for w in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
            for th in np.arange(0.10, 0.46, 0.02):
                opts = dataclasses.replace(
                    options, tfidf_weight=w, dense_weight=1 - w, cluster_threshold=float(th)
                )
                pred = run(articles, vectors, opts)
                p = [x for x, k in zip(pred, train, strict=True) if k]
                g = [x for x, k in zip(gold, train, strict=True) if k]
                f1 = bcubed(p, g)[2]
                if best is None or f1 > best[0]:
                    best = (f1, w, float(th))
                print(f"tfidf_weight={w:.1f} threshold={th:.2f} train F1={f1:.3f}")
        f1, w, th = best
        print(f"best on training topics: F1={f1:.3f} tfidf_weight={w:.1f} threshold={th:.2f}")
        return

    if args.threshold is not None:
        options.cluster_threshold = args.threshold
    if args.tfidf_weight is not None:
        options.tfidf_weight = args.tfidf_weight
        options.dense_weight = 1 - args.tfidf_weight
    pred = run(articles, vectors, options)
    t3 = time.perf_counter()
    topic_pred = [str(t) for t in topics]
    every = [True] * len(articles)
    print(
        f"options: tfidf_weight={options.tfidf_weight} dense_weight={options.dense_weight} "
        f"threshold={options.cluster_threshold} neighbours={options.neighbours} "
        f"embedder={options.embedder}"
    )
    print(report("newsprism train", pred, gold, train))
    print(report("newsprism dev", pred, gold, dev))
    print(report("newsprism all", pred, gold, every))
    print(report("baseline topic train", topic_pred, gold, train))
    print(report("baseline topic dev", topic_pred, gold, dev))
    print(report("baseline topic all", topic_pred, gold, every))
    print(
        f"time: load {t1 - t0:.1f}s  embed {t2 - t1:.1f}s  cluster {t3 - t2:.1f}s "
        f"({len(articles)} documents)"
    )


if __name__ == "__main__":
    main()
