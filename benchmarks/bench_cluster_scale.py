"""Story clustering time and peak memory at 1k, 10k and 100k synthetic articles.

Each size runs in its own subprocess so peak memory (ru_maxrss) is per size. The corpus
comes from ``benchmarks/synthetic.py`` (its docstring says how it is made); generation is
not timed, embedding (wordllama) and clustering are. B-cubed F1 against the synthetic
events is printed as a sanity check.

    python benchmarks/bench_cluster_scale.py                 # 1000 and 10000
    python benchmarks/bench_cluster_scale.py --sizes 1000 10000 100000
    python benchmarks/bench_cluster_scale.py --minhash       # numpy MinHash vs datasketch
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bcubed
from synthetic import generate


def one_size(n: int) -> None:
    from newsprism.stories import StoryOptions, cluster_stories, embed_articles

    t0 = time.perf_counter()
    pairs = list(generate(n))
    articles = [a for a, _ in pairs]
    gold = [g for _, g in pairs]
    words = sum(len(a.text.split()) for a in articles) / n
    t1 = time.perf_counter()
    options = StoryOptions()
    vectors = embed_articles(articles, options)
    t2 = time.perf_counter()
    stories = cluster_stories(articles, vectors, options=options)
    t3 = time.perf_counter()
    label = {aid: s.id for s in stories for aid in s.articles}
    p, r, f1 = bcubed([label[a.id] for a in articles], gold)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"n={n:>6}  words/article={words:.0f}  generate={t1 - t0:6.1f}s  "
        f"embed={t2 - t1:6.1f}s ({n / (t2 - t1):,.0f} art/s)  cluster={t3 - t2:6.1f}s  "
        f"total(embed+cluster)={t3 - t1:6.1f}s  peak_rss={peak_mb:,.0f} MB  "
        f"stories={len(stories)} gold={len(set(gold))}  B3 P={p:.3f} R={r:.3f} F1={f1:.3f}",
        flush=True,
    )


def minhash_comparison(n: int = 2000) -> None:
    import numpy as np
    from datasketch import MinHash

    from newsprism.stories.minhash import MinHasher, shingles
    from newsprism.stories.textunits import content_words

    docs = [a.text for a, _ in generate(n)]
    hashes = [shingles(content_words(d), 5) for d in docs]
    t0 = time.perf_counter()
    hasher = MinHasher(64)
    for h in hashes:
        hasher.signature(h)
    t1 = time.perf_counter()
    for h in hashes:
        m = MinHash(num_perm=64, seed=1)
        m.update_batch([int(x).to_bytes(8, "little") for x in h])
    t2 = time.perf_counter()
    print(
        f"minhash of {n} docs ({np.mean([h.size for h in hashes]):.0f} shingles each, 64 perm): "
        f"numpy {t1 - t0:.2f}s, datasketch update_batch {t2 - t1:.2f}s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--minhash", action="store_true")
    args = ap.parse_args()
    if args.one:
        one_size(args.one)
        return
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    print(
        f"machine: {platform.node()} {platform.machine()} cpus={os.cpu_count()} "
        f"python={platform.python_version()}"
    )
    if args.minhash:
        minhash_comparison()
        return
    for n in args.sizes:
        load = os.getloadavg()
        print(f"load average before n={n}: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", flush=True)
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)


if __name__ == "__main__":
    main()
