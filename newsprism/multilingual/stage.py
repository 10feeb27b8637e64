"""The store-facing side of the multilingual pieces: what the pipeline's stages call.

Kept apart from ``pipeline`` so the hooks there stay one line each: grouping reads the
multilingual encoder's lead vectors through here, cached in the store.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.model import Article, sha256_hex
from newsprism.multilingual.evidence import lead_text

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

LEAD_MODEL = "usem3-lead"  # the store's vector cache key for lead vectors


def lead_vectors(store: Any, articles: Sequence[Article]) -> np.ndarray:
    """Unit-length multilingual vectors of each article's lead, cached in the store by
    text hash (the encoder is loaded only when one is missing)."""
    from newsprism.multilingual.encoder import encode

    if not articles:
        return np.zeros((0, 512), dtype=np.float32)
    leads = [lead_text(a) for a in articles]
    shas = [sha256_hex(t) for t in leads]
    cached = store.get_vectors(LEAD_MODEL)
    missing = [i for i, a in enumerate(articles) if cached.get(a.id, ("", None))[0] != shas[i]]
    if missing:
        fresh = encode([leads[i] for i in missing])
        store.put_vectors(LEAD_MODEL, [(articles[i].id, shas[i], fresh[k])
                                       for k, i in enumerate(missing)])  # fmt: skip
        cached = store.get_vectors(LEAD_MODEL)
    return np.vstack([cached[a.id][1] for a in articles]).astype(np.float32)
