"""Candidate neighbours from an approximate nearest-neighbour index, within a time window.

Nothing in the stories package compares all pairs: each article looks only at its ``k``
nearest vectors (usearch HNSW), and pairs whose publication dates are both known and
further apart than the window are dropped. The index is built single-threaded so that
the graph, and hence every result built on it, is the same on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import numpy as np

EXACT_BELOW = 2000  # small inputs: exact search is both faster and exact


def knn(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices and inner-product similarities of each row's ``k`` nearest other rows.

    Missing neighbours (fewer than ``k`` rows) have index -1.
    """
    n = vectors.shape[0]
    k = min(k, n - 1)
    if k <= 0:
        return np.zeros((n, 0), dtype=np.int64), np.zeros((n, 0), dtype=np.float32)
    if n <= EXACT_BELOW:
        sims = vectors @ vectors.T
        np.fill_diagonal(sims, -np.inf)
        # stable sort on (-sim, index) keeps ties deterministic
        idx = np.argsort(-sims, axis=1, kind="stable")[:, :k]
        return idx.astype(np.int64), np.take_along_axis(sims, idx, axis=1).astype(np.float32)
    from usearch.index import Index

    index = Index(ndim=vectors.shape[1], metric="ip", dtype="f16", expansion_add=64)
    index.add(np.arange(n, dtype=np.uint64), vectors, threads=1)
    found = index.search(vectors, k + 1, threads=2, exact=False)
    keys = np.asarray(found.keys, dtype=np.int64)
    dist = np.asarray(found.distances, dtype=np.float32)
    idx = np.full((n, k), -1, dtype=np.int64)
    sim = np.zeros((n, k), dtype=np.float32)
    for i in range(n):
        row = [(j, 1.0 - d) for j, d in zip(keys[i], dist[i], strict=True) if 0 <= j != i]
        row = row[:k]
        idx[i, : len(row)] = [j for j, _ in row]
        sim[i, : len(row)] = [s for _, s in row]
    return idx, sim


def within_window(a: datetime | None, b: datetime | None, days: float) -> bool:
    """Unknown dates never rule a pair out: many articles carry none."""
    if a is None or b is None:
        return True
    return abs(naive_utc(a) - naive_utc(b)).total_seconds() <= days * 86400


def naive_utc(d: datetime) -> datetime:
    return d.astimezone(UTC).replace(tzinfo=None) if d.tzinfo else d


def candidate_pairs(
    vectors: np.ndarray,
    published: Sequence[datetime | None],
    k: int,
    window_days: float,
    min_similarity: float = -1.0,
) -> dict[tuple[int, int], float]:
    """Undirected ``(i, j)`` pairs (i < j) from each row's nearest neighbours."""
    idx, sim = knn(vectors, k)
    pairs: dict[tuple[int, int], float] = {}
    for i in range(idx.shape[0]):
        for j, s in zip(idx[i], sim[i], strict=True):
            if j < 0 or s < min_similarity:
                continue
            key = (i, int(j)) if i < j else (int(j), i)
            if key in pairs or not within_window(published[i], published[j], window_days):
                continue
            pairs[key] = float(s)
    return pairs
