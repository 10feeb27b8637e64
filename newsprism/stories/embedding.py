"""Dense article vectors, so that rewritten copy and paraphrase still look alike.

WordLlama (static token embeddings, average-pooled) is the default because it needs
no torch and embeds about a thousand 500-word articles a second on one core; the
MiniLM sentence transformer is an optional extra for better paraphrase recall.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np

from newsprism.embedders import embedder, get_embedder
from newsprism.model import Article
from newsprism.stories.options import StoryOptions

log = logging.getLogger(__name__)

BODY_CHARS = 3000  # the lead carries the event; long tails only add noise and time


def _encode(texts: list[str], name: str) -> np.ndarray:
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    # The title weighting below adds rows: raw ones where the registry says pooling
    # keeps their meaning (static embeddings), unit ones otherwise.
    spec = embedder(name)
    return get_embedder(name, normalize=not spec.pool_raw)(texts)


def normalise_rows(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: np.ndarray = (x / norms).astype(np.float32)
    return unit


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
