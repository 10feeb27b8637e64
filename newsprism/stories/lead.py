"""What the multilingual encoder reads of an article: its lead, and the lead's vector.

Coverage of one event in two languages shares no words; the encoder's vectors of the
two leads are close whatever the language. Grouping reads them as one signal among the
others (``stories.signals``). Vectors are cached in the store by the lead's text hash,
so the encoder is loaded only when one is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from newsprism.language.rules.sentences import split_sentences
from newsprism.model import Article, sha256_hex

LEAD_SENTENCES = 2
LEAD_CHARS = 600
LEAD_MODEL = "usem3-lead"  # the store's vector cache key for lead vectors


def lead_text(article: Article) -> str:
    """The headline and the first sentences: where a story says what happened."""
    text = article.text[: LEAD_CHARS * 2]
    sentences = [s for s in split_sentences(text) if s.span[1] - s.span[0] > 20]
    body = " ".join(text[s.span[0] : s.span[1]] for s in sentences[:LEAD_SENTENCES])
    head = (article.title or "").strip()
    if (head and body.startswith(head)) or head.isupper():
        head = ""  # a title in capitals throughout is more often the masthead
    return " ".join(p for p in (head, body[:LEAD_CHARS]) if p) or article.text[:LEAD_CHARS]


def lead_vectors(store: Any, articles: Sequence[Article]) -> np.ndarray:
    """Unit-length multilingual vectors of each article's lead, cached in the store by
    text hash (the encoder is loaded only when one is missing)."""
    from newsprism.multilingual_encoder import encode

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
