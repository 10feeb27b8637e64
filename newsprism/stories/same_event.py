"""The fitted answer to "same event?" for a pair of articles.

Gradient-boosted trees over the pair rows of ``stories.signals`` (scikit-learn's
``HistGradientBoostingClassifier``), and the cut on the probability at which
average-link grouping stops merging. Trees, not a weighted sum, because the signals
interact: shared words say much within one language and little across two; the
multilingual encoder's cosine means more when the stated days agree; a long gap
between publication dates matters less when both state the same figures. Both the
trees and the cut are fitted, not set by hand: ``benchmarks/fit_grouping.py`` fits them
on labelled development data (the tune parts of ECB+, of the GVC development half and
of the real multi-outlet pages) and writes ``newsprism/data/grouping.json`` with what
it was fitted on, the command that refits it and what it scored on the held-back
parts. Nothing else in the package holds a weight of the grouping.

The file holds the trees themselves (thresholds, children, leaf values), read here
with numpy, so a model fitted with one scikit-learn version runs under any other.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import OptionsError
from newsprism.stories.signals import PAIR_FEATURES

# Below this many rows a batch walks every tree at once (``_Forest``); above it, tree by
# tree. Both give the same sums; this only chooses the faster walk (measured on 2 cores).
FOREST_BELOW = 512
MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "grouping.json"


def probability(log_odds: np.ndarray | float) -> np.ndarray:
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(log_odds, -30, 30)))
    return out


@dataclass(frozen=True, slots=True)
class Tree:
    """One regression tree: node k tests ``feature[k] <= threshold[k]`` and goes to
    ``left[k]`` or ``right[k]``; a leaf (``leaf[k]``) adds ``value[k]``."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
    value: np.ndarray

    def predict(self, rows: np.ndarray) -> np.ndarray:
        node = np.zeros(len(rows), dtype=np.int64)
        at = np.arange(len(rows))
        for _ in range(len(self.feature)):  # depth never exceeds the node count
            inner = ~self.leaf[node]
            if not inner.any():
                break
            k = node[inner]
            go_left = rows[at[inner], self.feature[k]] <= self.threshold[k]
            node[inner] = np.where(go_left, self.left[k], self.right[k])
        out: np.ndarray = self.value[node]
        return out

    def to_json(self) -> dict[str, list[Any]]:
        return {
            "feature": self.feature.tolist(),
            "threshold": [float(t) for t in self.threshold],
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "leaf": self.leaf.astype(int).tolist(),
            "value": [round(float(v), 8) for v in self.value],
        }


def tree_from_json(data: dict[str, list[Any]]) -> Tree:
    return Tree(
        feature=np.asarray(data["feature"], dtype=np.int64),
        threshold=np.asarray(data["threshold"], dtype=np.float64),
        left=np.asarray(data["left"], dtype=np.int64),
        right=np.asarray(data["right"], dtype=np.int64),
        leaf=np.asarray(data["leaf"], dtype=bool),
        value=np.asarray(data["value"], dtype=np.float64),
    )


def _depth(tree: Tree) -> int:
    """Steps from the root to the deepest leaf."""
    deepest, level, depth = 0, [0], 0
    while level:
        deepest = depth
        level = [c for k in level if not tree.leaf[k] for c in (tree.left[k], tree.right[k])]
        depth += 1
    return deepest


@dataclass(frozen=True, slots=True)
class _Forest:
    """Every tree's nodes in one set of arrays, so a batch of pairs walks all trees at
    once, a level per step: grouping scores pairs in many small batches as groups
    merge, and walking the trees one by one spent most of the cluster stage in numpy
    call overhead (178 trees × their depth per batch)."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    depth: int

    def predict(self, rows: np.ndarray, chunk: int = 8192) -> np.ndarray:
        """The sum of every tree's leaf value per row, in chunks of rows (memory is
        rows × trees)."""
        out = np.zeros(len(rows))
        for lo in range(0, len(rows), chunk):
            part = rows[lo : lo + chunk]
            node = np.repeat(self.roots[None, :], len(part), axis=0)
            at = np.arange(len(part))[:, None]
            for _ in range(self.depth):
                inner = ~self.leaf[node]
                if not inner.any():
                    break
                go_left = part[at, self.feature[node]] <= self.threshold[node]
                step = np.where(go_left, self.left[node], self.right[node])
                node = np.where(inner, step, node)
            out[lo : lo + chunk] = self.value[node].sum(axis=1)
        return out


def _forest(trees: Sequence[Tree]) -> _Forest:
    sizes = [len(t.feature) for t in trees]
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)

    def joined(arrays: list[np.ndarray], shift: bool = False) -> np.ndarray:
        if not arrays:
            return np.zeros(0, dtype=np.int64)
        if shift:  # a leaf's children are unused; keep them inside the arrays
            arrays = [
                np.where(t.leaf, 0, a) + o for a, t, o in zip(arrays, trees, offsets, strict=True)
            ]
        return np.concatenate(arrays)

    return _Forest(
        feature=np.where(joined([t.leaf for t in trees]), 0, joined([t.feature for t in trees]))
        if trees
        else np.zeros(0, dtype=np.int64),
        threshold=joined([t.threshold for t in trees]),
        left=joined([t.left for t in trees], shift=True),
        right=joined([t.right for t in trees], shift=True),
        leaf=joined([t.leaf for t in trees]).astype(bool),
        value=joined([t.value for t in trees]),
        roots=offsets,
        depth=max((_depth(t) for t in trees), default=0),
    )


@dataclass(frozen=True, slots=True)
class SameEventModel:
    features: tuple[str, ...]
    baseline: float
    trees: tuple[Tree, ...]
    cut: float  # probability at the groups' mean log-odds at which they still merge
    provenance: dict[str, Any]
    apart_days: int | None = None  # a member written this long from all others leaves
    forest: _Forest = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "forest", _forest(self.trees))

    def log_odds(self, rows: np.ndarray) -> np.ndarray:
        """The model's log-odds of "same event" for each pair row."""
        rows = np.asarray(rows, dtype=np.float64)
        z = np.full(len(rows), self.baseline)
        if len(rows) > FOREST_BELOW:  # large batches: per tree, each step is long enough
            for tree in self.trees:
                z += tree.predict(rows)
        elif len(rows) and self.trees:
            z += self.forest.predict(rows)
        return z

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """P(same event) for each pair row."""
        return probability(self.log_odds(rows))

    def with_cut(self, cut: float) -> SameEventModel:
        return SameEventModel(
            self.features, self.baseline, self.trees, cut, self.provenance, self.apart_days
        )

    def with_apart_days(self, days: int | None, provenance: dict[str, Any]) -> SameEventModel:
        return SameEventModel(self.features, self.baseline, self.trees, self.cut, provenance, days)

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "baseline": round(self.baseline, 8),
            "cut": round(self.cut, 4),
            "apart_days": self.apart_days,
            "provenance": self.provenance,
            "trees": [t.to_json() for t in self.trees],
        }


def model_from_json(data: dict[str, Any], where: str | Path = MODEL_FILE) -> SameEventModel:
    features = tuple(data.get("features", ()))
    if features != PAIR_FEATURES:
        raise OptionsError(
            f"{where}: fitted on features {list(features)}, but this newsprism computes "
            f"{list(PAIR_FEATURES)}; refit with benchmarks/fit_grouping.py"
        )
    try:
        return SameEventModel(
            features=features,
            baseline=float(data["baseline"]),
            trees=tuple(tree_from_json(t) for t in data["trees"]),
            cut=float(data["cut"]),
            provenance=dict(data.get("provenance", {})),
            apart_days=None if data.get("apart_days") is None else int(data["apart_days"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise OptionsError(f"{where}: not a same-event model ({exc})") from exc


def model_from_sklearn(
    fitted: Any, features: Sequence[str], cut: float, provenance: dict[str, Any]
) -> SameEventModel:
    """The trees of a fitted binary ``HistGradientBoostingClassifier``."""
    trees = []
    for (predictor,) in fitted._predictors:
        nodes = predictor.nodes
        trees.append(
            Tree(
                feature=nodes["feature_idx"].astype(np.int64),
                threshold=nodes["num_threshold"].astype(np.float64),
                left=nodes["left"].astype(np.int64),
                right=nodes["right"].astype(np.int64),
                leaf=nodes["is_leaf"].astype(bool),
                value=nodes["value"].astype(np.float64),
            )
        )
    baseline = float(np.asarray(fitted._baseline_prediction).ravel()[0])
    return SameEventModel(tuple(features), baseline, tuple(trees), cut, provenance)


@functools.cache
def packaged_model() -> SameEventModel:
    """The model shipped in ``newsprism/data``."""
    return model_from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
