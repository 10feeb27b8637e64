"""Story clustering at incident level on the GVC development half (local shooting reports).

Each page is cleaned as ingest would clean it (``gvcdata``), annotated by the language
layer (cached, see ``eventdata``), and grouped as ``analyze`` groups
(``eventdata.story_labels``, the fitted same-event model); gold is the incident.
Many incidents are alike (same city, same night, same words): what tells them apart is
the date, the victims and the figures.

Prints B-cubed precision, recall and F1 on our own tune and check splits
(``common.own_split`` over "gvc-incident-" + the incident id: the bare id would put the
whole half in one split, as the half itself was cut by that hash; the same-event model
was fitted on "tune" only, ``benchmarks/fit_grouping.py``) and on all, beside plain
TF-IDF + average link (its threshold tuned on "tune") from the same run, then one
headline line against the goal.

    python benchmarks/bench_cluster_gvc.py [--data FILE_OR_DIR] [--embedder minilm]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import bcubed, machine_line, own_split
from eventdata import annotations_for, pick, score_line, story_labels, tuned_baseline
from gvcdata import DEFAULT_DATA, load_gvc

from newsprism.stories import StoryOptions
from newsprism.stories.same_event import packaged_model

GOAL = 0.93


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a GVC-format .jsonl(.gz)")
    ap.add_argument("--embedder", default="wordllama", help="wordllama, or minilm (extra)")
    ap.add_argument("--cut", type=float, help="override the fitted same-event model's cut")
    args = ap.parse_args()
    print(machine_line())
    print("# timings are wall clock on a shared machine")
    t0 = time.perf_counter()
    data = load_gvc(args.data)
    articles, gold = data.articles, data.incident
    t1 = time.perf_counter()
    annotations = annotations_for(articles, "gvc-" + args.data.name)
    t2 = time.perf_counter()
    options = StoryOptions(embedder=args.embedder, same_event_cut=args.cut)
    pred, embed_s, cluster_s = story_labels(articles, annotations, options)
    tune = [own_split(f"gvc-incident-{g}") == "tune" for g in gold]
    check = [not t for t in tune]
    every = [True] * len(gold)
    print(
        f"data: {args.data} ({data.pages} pages, {len(articles)} articles, {len(set(gold))} "
        f"incidents; {data.dropped} pages without an article, {data.duplicates} repeated)"
    )
    print(
        f"options: embedder={options.embedder} same-event cut="
        f"{options.same_event_cut or packaged_model().cut} (model fitted with wordllama)"
    )
    print(score_line("newsprism tune", pred, gold, tune))
    print(score_line("newsprism check", pred, gold, check))
    print(score_line("newsprism all", pred, gold, every))
    texts = [(a.title or "") + "\n" + a.text for a in articles]
    threshold, base = tuned_baseline(texts, gold, tune)
    print(score_line(f"tfidf+avg-link@{threshold:.2f} tune", base, gold, tune))
    print(score_line(f"tfidf+avg-link@{threshold:.2f} check", base, gold, check))
    print(score_line(f"tfidf+avg-link@{threshold:.2f} all", base, gold, every))
    print(
        f"time: load+clean {t1 - t0:.1f}s  annotate {t2 - t1:.1f}s (cached after the first "
        f"run)  embed {embed_s:.1f}s  cluster {cluster_s:.1f}s"
    )
    p, r, f = bcubed(pick(pred, every), pick(gold, every))
    verdict = "met" if f >= GOAL else "NOT met"
    print(f"headline: GVC dev B3 F1 {f:.3f} (P {p:.3f} R {r:.3f}); goal >= {GOAL}: {verdict}")


if __name__ == "__main__":
    main()
