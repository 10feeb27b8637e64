"""Story clustering measured on ECB+ (33 topics, 772 documents, 66 gold events).

Each document becomes an Article (title = first sentence; in *ecbplus.xml sentence 0 is
the source URL and is skipped); gold event = topic + "ecb"/"ecbplus". Documents are
annotated by the language layer (cached, see ``eventdata``) and grouped as ``analyze``
groups (``eventdata.story_labels``: the fitted same-event model of
``stories.same_event`` over every signal). ECB+ has no publication dates: only dates
the text states, names and figures add to the text.

Prints B-cubed precision/recall/F1 and cluster counts on our own tune and check splits
(``common.own_split`` over topics: the same-event model was fitted on "tune" only,
``benchmarks/fit_grouping.py``), the usual
training and development topics (2, 5, 12, 18, 21, 23, 34, 35) and all; beside them
plain TF-IDF + average link (threshold tuned on "tune") and one cluster per topic, from
the same run; then one headline line against the goal.

    python benchmarks/bench_cluster_ecbplus.py [--data DIR] [--embedder minilm]
"""

from __future__ import annotations

import argparse
import re
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from common import BENCH, bcubed, machine_line, own_split
from eventdata import annotations_for, pick, score_line, story_labels, tuned_baseline

from newsprism.model import Article, Source, sha256_hex
from newsprism.stories import StoryOptions
from newsprism.stories.same_event import packaged_model

DEFAULT_DATA = BENCH / "ecbplus"
GOAL = 0.93
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a folder with topics/*/*.xml")
    ap.add_argument("--embedder", default="wordllama", help="wordllama, or minilm (extra)")
    ap.add_argument("--cut", type=float, help="override the fitted same-event model's cut")
    args = ap.parse_args()
    print(machine_line())
    print("# timings are wall clock on a shared machine")
    t0 = time.perf_counter()
    articles, gold, topics = load(args.data)
    t1 = time.perf_counter()
    annotations = annotations_for(articles, "ecbplus-" + args.data.name)
    t2 = time.perf_counter()
    options = StoryOptions(embedder=args.embedder, same_event_cut=args.cut)
    pred, embed_s, cluster_s = story_labels(articles, annotations, options)
    tune = [own_split(f"ecbplus-topic-{t}") == "tune" for t in topics]
    splits = {
        "tune": tune,
        "check": [not t for t in tune],
        "train topics": [t not in DEV_TOPICS for t in topics],
        "dev topics": [t in DEV_TOPICS for t in topics],
        "all": [True] * len(topics),
    }
    print(f"data: {args.data} ({len(articles)} documents, {len(set(gold))} events)")
    print(
        f"options: embedder={options.embedder} same-event cut="
        f"{options.same_event_cut or packaged_model().cut} (model fitted with wordllama)"
    )
    for name, keep in splits.items():
        print(score_line(f"newsprism {name}", pred, gold, keep))
    texts = [(a.title or "") + "\n" + a.text for a in articles]
    threshold, base = tuned_baseline(texts, gold, tune)
    for name, keep in splits.items():
        print(score_line(f"tfidf+avg-link@{threshold:.2f} {name}", base, gold, keep))
    topic_pred = [str(t) for t in topics]
    print(score_line("one cluster per topic, all", topic_pred, gold, splits["all"]))
    print(
        f"time: load {t1 - t0:.1f}s  annotate {t2 - t1:.1f}s (cached after the first run)  "
        f"embed {embed_s:.1f}s  cluster {cluster_s:.1f}s"
    )
    p, r, f = bcubed(pick(pred, splits["all"]), pick(gold, splits["all"]))
    verdict = "met" if f >= GOAL else "NOT met"
    print(
        f"headline: ECB+ topics 1-35 B3 F1 {f:.3f} (P {p:.3f} R {r:.3f}); goal >= {GOAL}: {verdict}"
    )


if __name__ == "__main__":
    main()
