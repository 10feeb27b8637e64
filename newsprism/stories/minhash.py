"""MinHash signatures of word shingles and LSH banding, vectorised with numpy.

Measured against datasketch on the same shingles (see ``benchmarks/bench_cluster_scale.py
--minhash``): computing all permutations of one document in one numpy expression is
several times faster than datasketch's per-document ``update_batch``, and banding is a
dictionary of bucket keys. Signatures are deterministic (fixed seed, crc32 of shingles),
so reruns find the same candidate pairs.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

_PRIME = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)


def shingles(words: Sequence[str], size: int) -> np.ndarray:
    """32-bit hashes of the distinct ``size``-word shingles (the whole text if shorter)."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    if len(words) < size:
        grams = [" ".join(words)]
    else:
        grams = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    return np.unique(np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint64))


class MinHasher:
    def __init__(self, num_perm: int = 64, seed: int = 1) -> None:
        rng = np.random.default_rng(seed)
        self.a = rng.integers(1, 1 << 32, size=num_perm, dtype=np.uint64)
        self.b = rng.integers(0, 1 << 32, size=num_perm, dtype=np.uint64)
        self.num_perm = num_perm

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        if hashes.size == 0:
            return np.full(self.num_perm, _MAX32, dtype=np.uint64)
        # (a*x + b) mod p, then keep 32 bits; a, x < 2^32 so a*x fits in uint64 modulo 2^64:
        # the wrap-around is a fixed permutation too, which is all MinHash needs.
        perm = (np.outer(self.a, hashes) + self.b[:, None]) % _PRIME & _MAX32
        lowest: np.ndarray = perm.min(axis=1)
        return lowest


def estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    return float(np.mean(sig_a == sig_b))


def lsh_pairs(
    signatures: np.ndarray, bands: int, allowed: Iterable[int] | None = None
) -> set[tuple[int, int]]:
    """Row-index pairs that share at least one band (candidate near-duplicates).

    Buckets with more than 200 members are ignored: they are boilerplate shared by a
    whole site (a footer), not reuse, and would add quadratically many pairs.
    """
    n, num_perm = signatures.shape
    rows = num_perm // bands
    rows_ok = set(range(n)) if allowed is None else set(allowed)
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        chunk = np.ascontiguousarray(signatures[:, band * rows : (band + 1) * rows])
        for i in range(n):
            if i in rows_ok:
                buckets[chunk[i].tobytes()].append(i)
        for members in buckets.values():
            if 1 < len(members) <= 200:
                for x in range(len(members)):
                    for y in range(x + 1, len(members)):
                        pairs.add((members[x], members[y]))
    return pairs
