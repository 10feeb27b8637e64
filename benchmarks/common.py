"""What every benchmark script shares: where the labelled data lives, how to read it,
the line that names the command and machine, and a stable split of our own.

The labelled sets in ``../shared/bench/`` are read in place, never copied. Part of
each set is kept back by its owners for independent measurement; of what we have, we
keep our own check split (``own_split``) that tuning never looks at, so a figure on
it says how far a tuned threshold carries to unseen data.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import platform
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
CHECK_PERCENT = 30
"""Share of each set we keep as our own check split (by a hash of the item's id)."""


def machine_line() -> str:
    """The command as typed and the machine it ran on, printed first by every script."""
    cpu = os.cpu_count()
    return (
        f"$ python {' '.join(sys.argv)}\n"
        f"# Python {platform.python_version()} on {platform.platform()}, {cpu} CPUs"
    )


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records of a JSON Lines file, gzipped or not."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:  # type: ignore[operator]
        for line in f:
            if line.strip():
                yield json.loads(line)


def own_split(key: str) -> str:
    """ "tune" or "check" for an item id, stable across runs and machines."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
    return "check" if int(digest, 16) % 100 < CHECK_PERCENT else "tune"


def prf(tp: int | float, n_pred: int | float, n_gold: int | float) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def bcubed(pred: Sequence[Any], gold: Sequence[Any]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering: one label per item in each."""
    pairs = Counter(zip(pred, gold, strict=True))
    p_size, g_size = Counter(pred), Counter(gold)
    n = len(pred) or 1
    precision = sum(c * c / p_size[p] for (p, _), c in pairs.items()) / n
    recall = sum(c * c / g_size[g] for (_, g), c in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
