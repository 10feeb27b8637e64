"""The tuning grid for story clustering: tune splits of ECB+ (topics 1-35) and GVC only.

Every combination of the given option values is clustered on both sets; the B-cubed F1
of each set's tune split (``common.own_split``) and their mean are printed, best last.
The check splits are never looked at here: ``bench_cluster_ecbplus.py`` and
``bench_cluster_gvc.py`` report them with the values chosen.

    python benchmarks/tune_clustering.py --grid cluster_threshold=0.2,0.24 date_weight=0.1,0.2
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
from dataclasses import dataclass

import numpy as np
from bench_cluster_ecbplus import DEFAULT_DATA as ECB_DATA
from bench_cluster_ecbplus import load as load_ecbplus
from common import bcubed, machine_line, own_split
from eventdata import annotations_for, pick
from gvcdata import DEFAULT_DATA as GVC_DATA
from gvcdata import load_gvc

from newsprism import pipeline
from newsprism.model import Article
from newsprism.stories import StoryOptions, cluster_stories, embed_articles
from newsprism.stories.evidence import EventEvidence, evidence_by_article


@dataclass(slots=True)
class Set:
    name: str
    articles: list[Article]
    gold: list[str]
    tune: list[bool]
    vectors: np.ndarray
    ents: dict[str, set[str]]
    evidence: dict[str, EventEvidence]


def _prepare(name: str, articles: list[Article], gold: list[str], keys: list[str], emb: str) -> Set:
    annotations = annotations_for(articles, name)
    return Set(
        name,
        articles,
        gold,
        [own_split(k) == "tune" for k in keys],
        embed_articles(articles, StoryOptions(embedder=emb)),
        pipeline.entities_by_article(annotations),
        evidence_by_article(articles, annotations),
    )


def _value(text: str) -> float | int | str:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--grid", nargs="*", default=[], help="option=v1,v2,...")
    ap.add_argument("--embedder", default="wordllama")
    ap.add_argument("--only", choices=["ecbplus", "gvc"])
    args = ap.parse_args()
    print(machine_line())
    sets = []
    if args.only != "gvc":
        arts, gold, topics = load_ecbplus(ECB_DATA)
        keys = [f"ecbplus-topic-{t}" for t in topics]
        sets.append(_prepare("ecbplus-ecbplus", arts, gold, keys, args.embedder))
    if args.only != "ecbplus":
        g = load_gvc(GVC_DATA)
        keys = [f"gvc-incident-{i}" for i in g.incident]
        sets.append(_prepare("gvc-dev.jsonl.gz", g.articles, g.incident, keys, args.embedder))
    names = [spec.split("=")[0] for spec in args.grid]
    values = [[_value(v) for v in spec.split("=")[1].split(",")] for spec in args.grid]
    results = []
    for combo in itertools.product(*values):
        options = dataclasses.replace(
            StoryOptions(embedder=args.embedder), **dict(zip(names, combo, strict=True))
        )
        scores = []
        for s in sets:
            stories = cluster_stories(
                s.articles, s.vectors, (), s.ents, options, evidence=s.evidence
            )
            label = {aid: st.id for st in stories for aid in st.articles}
            pred = [label[a.id] for a in s.articles]
            scores.append(bcubed(pick(pred, s.tune), pick(s.gold, s.tune)))
        mean = sum(f for _, _, f in scores) / len(scores)
        desc = " ".join(f"{n}={v}" for n, v in zip(names, combo, strict=True))
        parts = "  ".join(
            f"{s.name.split('-')[0]} P={p:.3f} R={r:.3f} F1={f:.3f}"
            for s, (p, r, f) in zip(sets, scores, strict=True)
        )
        print(f"{desc:<60} {parts}  mean={mean:.4f}", flush=True)
        results.append((mean, desc))
    results.sort()
    for mean, desc in results[-3:]:
        print(f"best: mean tune F1 {mean:.4f}  {desc}")


if __name__ == "__main__":
    main()
