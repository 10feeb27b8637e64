"""Fit the same-event model of story grouping and write ``newsprism/data/grouping.json``.

What it is fitted on (development data only; the held-back halves are scored, never
fitted):

- ECB+ topics 1-35, the topics ``common.own_split`` puts in "tune": every pair of
  documents inside a topic (two events of one kind each: the hard negatives) and as
  many pairs across topics;
- the GVC development half, incidents in "tune": each article's nearest neighbours
  (shootings look alike: the hard negatives) and every pair of one incident;
- ``../shared/bench/pages``, the tune half of its fixed split: every pair of pages.

Each set weighs the same in the fit, whatever its number of pairs. Gradient-boosted
trees (scikit-learn, ``BOOSTING``) give P(same event) for a pair; the
merge cut on the average probability is then chosen on the same tune parts by
grouping them with ``stories.grouping`` (mean B-cubed F1 of the three sets). The
check parts are grouped with the result and their scores written beside it.

Then the keep-apart gap (``grouping._keep_apart``: the pages of a period written that
long from the group's largest period leave it) is chosen on the tune parts the same way:
the smallest of ``APART_DAYS`` whose tune score is the best, or never.

    python benchmarks/fit_grouping.py               # fit, score, write the model file
    python benchmarks/fit_grouping.py --dry-run     # fit and score only
    python benchmarks/fit_grouping.py --apart-only  # keep the trees, fit only the gap
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bcubed, machine_line, own_split
from eventdata import annotations_for, grouping_signals
from pages_gold import CHECK, PAGES, TUNE, load_gold, page_files, stem_of

from newsprism.model import Annotations, Article
from newsprism.stories.grouping import PairScores, group_stories
from newsprism.stories.options import StoryOptions
from newsprism.stories.same_event import MODEL_FILE, SameEventModel, model_from_sklearn
from newsprism.stories.signals import PAIR_FEATURES, ArticleSignals, pair_rows

CUTS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
APART_DAYS = (30, 61, 91, 182, 365, 730)
"""Candidate gaps (days) for keeping a page written far from the rest of its group
apart (``grouping._keep_apart``); ``None`` (never) is always a candidate too."""


@dataclass(slots=True)
class LabelledSet:
    name: str
    articles: list[Article]
    gold: list[str]
    signals: ArticleSignals
    pairs: list[tuple[int, int]]


def signals_for(articles: Sequence[Article], annotations: dict[str, Annotations]) -> ArticleSignals:
    return grouping_signals(articles, annotations, StoryOptions())


def subset(
    articles: list[Article], gold: list[str], keep: Sequence[bool]
) -> tuple[list[Article], list[str]]:
    return (
        [a for a, k in zip(articles, keep, strict=True) if k],
        [g for g, k in zip(gold, keep, strict=True) if k],
    )


# --------------------------------------------------------------------------- the sets


def ecbplus(half: str) -> LabelledSet:
    from bench_cluster_ecbplus import DEFAULT_DATA, load

    articles, gold, topics = load(DEFAULT_DATA)
    annotations = annotations_for(articles, "ecbplus-" + DEFAULT_DATA.name)
    keep = [own_split(f"ecbplus-topic-{t}") == half for t in topics]
    arts, labels = subset(articles, gold, keep)
    tops = [t for t, k in zip(topics, keep, strict=True) if k]
    signals = signals_for(arts, {a.id: annotations[a.id] for a in arts})
    rng = random.Random(0)
    within = [
        (i, j) for i in range(len(arts)) for j in range(i + 1, len(arts)) if tops[i] == tops[j]
    ]
    across = [
        (i, j) for i in range(len(arts)) for j in range(i + 1, len(arts)) if tops[i] != tops[j]
    ]
    pairs = within + rng.sample(across, min(len(across), len(within)))
    return LabelledSet(f"ecbplus-{half}", arts, labels, signals, pairs)


def gvc(half: str) -> LabelledSet:
    from gvcdata import load_gvc

    from newsprism.stories.neighbours import candidate_pairs

    data = load_gvc()
    annotations = annotations_for(data.articles, "gvc-dev.jsonl.gz")
    keep = [own_split(f"gvc-incident-{g}") == half for g in data.incident]
    arts, labels = subset(data.articles, data.incident, keep)
    signals = signals_for(arts, {a.id: annotations[a.id] for a in arts})
    near = candidate_pairs(signals.multilingual.astype(np.float32), signals.published, 20, 3650)
    by_gold: dict[str, list[int]] = {}
    for i, g in enumerate(labels):
        by_gold.setdefault(g, []).append(i)
    same = {(a, b) for m in by_gold.values() for k, a in enumerate(m) for b in m[k + 1 :]}
    return LabelledSet(f"gvc-{half}", arts, labels, signals, sorted(set(near) | same))


def pages(names: Sequence[str]) -> list[LabelledSet]:
    """Each corpus ingested and annotated as ``analyze`` does; noise pages are each
    their own event."""
    from newsprism.pipeline import annotate_store, ingest
    from newsprism.settings import Options
    from newsprism.store import open_store

    out = []
    for name in names:
        folder = PAGES / name
        gold = load_gold(folder)
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / name
            copy.mkdir()
            for path in page_files(folder):
                (copy / path.name).write_bytes(path.read_bytes())
            with open_store(Path(tmp) / "s.db") as store:
                ingest([copy], store, Options())
                annotate_store(store, Options())
                arts = list(store.articles())
                annotations = store.get_annotations([a.id for a in arts])
        labels = []
        for a in arts:
            stem = stem_of(a.source.path)
            role = gold["pages"].get(stem, {}).get("role", "noise")
            labels.append("event" if role == "event" else f"noise:{stem}")
        signals = signals_for(arts, annotations)
        n = len(arts)
        pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
        out.append(LabelledSet(f"pages-{name}", arts, labels, signals, pairs))
    return out


# --------------------------------------------------------------------------- fit and score


BOOSTING = {
    "max_iter": 200,
    "learning_rate": 0.05,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 50,
    "l2_regularization": 1.0,
    "random_state": 0,
}
"""scikit-learn's defaults, slower (more, smaller steps) and with larger leaves: set once,
not searched, so the check halves stay a fair test."""


def pair_data(sets: Sequence[LabelledSet]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pair rows, labels and weights: each family (ECB+, GVC, pages) weighs the same,
    and inside a family each set the same, whatever their numbers of pairs."""
    rows, labels, weights = [], [], []
    families = {s.name.split("-")[0] for s in sets}
    for s in sets:
        ij = np.array(s.pairs, dtype=np.int64)
        rows.append(pair_rows(s.signals, ij[:, 0], ij[:, 1]))
        y = np.array([s.gold[i] == s.gold[j] for i, j in s.pairs], dtype=np.int64)
        members = sum(t.name.split("-")[0] == s.name.split("-")[0] for t in sets)
        weights.append(np.full(len(y), 1.0 / (len(y) * members * len(families))))
        labels.append(y)
    return np.vstack(rows), np.concatenate(labels), np.concatenate(weights)


def fit(sets: Sequence[LabelledSet]) -> SameEventModel:
    from sklearn.ensemble import HistGradientBoostingClassifier

    x, y, w = pair_data(sets)
    fitted = HistGradientBoostingClassifier(**BOOSTING)  # type: ignore[arg-type]
    fitted.fit(x, y, sample_weight=w * len(y))
    return model_from_sklearn(fitted, PAIR_FEATURES, 0.5, {})


_SCORES: dict[tuple[int, str], PairScores] = {}


def grouped_f1(s: LabelledSet, model: SameEventModel, cut: float) -> float:
    options = StoryOptions(same_event_cut=cut)
    scores = _SCORES.setdefault((id(model.trees), s.name), PairScores(s.signals, model))
    stories = group_stories(s.articles, s.signals, (), options, model, scores)
    label = {aid: st.id for st in stories for aid in st.articles}
    return bcubed([label[a.id] for a in s.articles], s.gold)[2]


def family_scores(
    sets: Sequence[LabelledSet], model: SameEventModel, cut: float
) -> dict[str, float]:
    by_family: dict[str, list[float]] = {}
    for s in sets:
        by_family.setdefault(s.name.split("-")[0], []).append(grouped_f1(s, model, cut))
    return {f: float(np.mean(v)) for f, v in by_family.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="do not write the model file")
    ap.add_argument(
        "--apart-only",
        action="store_true",
        help="keep the shipped trees and cut; fit only the keep-apart gap",
    )
    args = ap.parse_args()
    print(machine_line())
    t0 = time.perf_counter()
    tune = [ecbplus("tune"), gvc("tune"), *pages(TUNE)]
    check = [ecbplus("check"), gvc("check"), *pages(CHECK)]
    print(f"sets read and annotated in {time.perf_counter() - t0:.0f} s")
    if args.apart_only:
        from newsprism.stories.same_event import packaged_model

        model = fit_apart_days(tune, check, packaged_model())
    else:
        model = fit_apart_days(tune, check, fit_and_cut(tune, check))
    if not args.dry_run:
        MODEL_FILE.write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE}")


def fit_and_cut(tune: Sequence[LabelledSet], check: Sequence[LabelledSet]) -> SameEventModel:
    """The trees fitted on ``tune``, the cut chosen on ``tune``; ``check`` only scored."""
    base = fit(tune)
    best_cut, best = 0.5, -1.0
    for cut in CUTS:
        scores = family_scores(tune, base, cut)
        score = float(np.mean(list(scores.values())))
        print(f"cut {cut:.2f}: tune " + "  ".join(f"{f} {v:.3f}" for f, v in scores.items()))
        if score > best:
            best_cut, best = cut, score
    tune_scores = family_scores(tune, base, best_cut)
    check_scores = family_scores(check, base, best_cut)
    print(f"chosen cut {best_cut:.2f}")
    print("tune  B3 F1: " + "  ".join(f"{f} {v:.3f}" for f, v in tune_scores.items()))
    print("check B3 F1: " + "  ".join(f"{f} {v:.3f}" for f, v in check_scores.items()))
    model = SameEventModel(
        base.features,
        base.baseline,
        base.trees,
        best_cut,
        {
            "fitted": date.today().isoformat(),
            "command": "python benchmarks/fit_grouping.py",
            "learner": "sklearn HistGradientBoostingClassifier " + json.dumps(BOOSTING),
            "fitted_on": [s.name for s in tune],
            "pairs": {s.name: len(s.pairs) for s in tune},
            "tune_b3_f1": {k: round(v, 4) for k, v in tune_scores.items()},
            "check_b3_f1": {k: round(v, 4) for k, v in check_scores.items()},
            "check_sets": [s.name for s in check],
            "data": "../shared/bench (ecbplus, gvc, pages)",
        },
    )
    return model


def fit_apart_days(
    tune: Sequence[LabelledSet], check: Sequence[LabelledSet], model: SameEventModel
) -> SameEventModel:
    """The gap past which the pages of a period written far from the group's largest
    period leave it: the smallest candidate whose tune score is the best (a smaller gap splits
    more; the tune sets say how small it may go before it splits one event), else never.
    ``check`` only scored."""
    plain = model.with_apart_days(None, model.provenance)
    scored: list[tuple[int | None, float]] = []
    for days in (None, *APART_DAYS):
        scores = family_scores(tune, plain.with_apart_days(days, model.provenance), plain.cut)
        score = float(np.mean(list(scores.values())))
        print(f"apart {days}: tune " + "  ".join(f"{f} {v:.4f}" for f, v in scores.items()))
        scored.append((days, score))
    best = max(score for _, score in scored)
    chosen = min((d for d, sc in scored if sc >= best - 1e-9 and d is not None), default=None)
    fitted = plain.with_apart_days(chosen, model.provenance)
    tune_scores = family_scores(tune, fitted, fitted.cut)
    check_scores = family_scores(check, fitted, fitted.cut)
    print(f"chosen apart days {chosen}")
    print("tune  B3 F1: " + "  ".join(f"{f} {v:.3f}" for f, v in tune_scores.items()))
    print("check B3 F1: " + "  ".join(f"{f} {v:.3f}" for f, v in check_scores.items()))
    provenance = dict(model.provenance)
    provenance["apart_days"] = {
        "fitted": date.today().isoformat(),
        "command": "python benchmarks/fit_grouping.py --apart-only",
        "candidates": [None, *APART_DAYS],
        "rule": "smallest candidate with the best tune mean B3 F1 (None if only None is)",
        "tune_b3_f1": {k: round(v, 4) for k, v in tune_scores.items()},
        "check_b3_f1": {k: round(v, 4) for k, v in check_scores.items()},
    }
    return fitted.with_apart_days(chosen, provenance)


if __name__ == "__main__":
    main()
