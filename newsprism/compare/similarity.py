"""How strongly two units say the same thing: meaning, words, names and numbers.

Embeddings alone rate two sentences on the same topic as close even when they state
different facts ("2,500 troops in Iraq" vs "900 troops in Syria"), and word overlap
alone misses paraphrase; the blend, plus shared resolved entities and numbers,
separates "same claim in other words" from "same topic".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.compare.units import Unit
from newsprism.embedders import Embedder
from newsprism.model import Annotations

_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:[.,]\d+)*")
STEM_LENGTH = 6  # truncation stemming: "advising"/"advise", "troops"/"troop"
EMBED_WEIGHT = 0.6
LEXICAL_WEIGHT = 0.4
ENTITY_BONUS = 0.05  # per shared entity, at most two
NUMBER_BONUS = 0.08


def content_terms(text: str) -> set[str]:
    terms: set[str] = set()
    for tok in _TOKEN.findall(text):
        low = tok.lower()
        if low in ENGLISH_STOP_WORDS or (len(low) < 2 and not low.isdigit()):
            continue
        terms.add(low.replace(",", "") if low[0].isdigit() else low[:STEM_LENGTH])
    return terms


def unit_entities(unit: Unit, annotations: Annotations | None) -> set[str]:
    if annotations is None:
        return set()
    out: set[str] = set()
    for m in annotations.mentions:
        if unit.span[0] <= m.span[0] and m.span[1] <= unit.span[1]:
            out.add(m.entity or m.text.lower())
    return out


def unit_numbers(unit: Unit, annotations: Annotations | None) -> set[float]:
    if annotations is None:
        return set()
    return {
        q.value
        for q in annotations.quantities
        if q.value is not None and unit.span[0] <= q.span[0] and q.span[1] <= unit.span[1]
    }


def _binary_matrix(rows: Sequence[set[str]]) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    indptr: list[int] = [0]
    indices: list[int] = []
    for row in rows:
        indices.extend(vocab.setdefault(t, len(vocab)) for t in row)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(1, len(vocab))))


def _shared_counts(rows: Sequence[set[str]]) -> np.ndarray:
    x = _binary_matrix(rows)
    return np.asarray((x @ x.T).todense(), dtype=np.float32)


def similarity_matrix(
    units: Sequence[Unit], annotations: Mapping[str, Annotations], embed: Embedder
) -> np.ndarray:
    """Symmetric unit-by-unit scores in about [0, 1.2]; same-article pairs are zeroed."""
    n = len(units)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    vecs = embed([u.text for u in units])
    cos = np.clip(vecs @ vecs.T, 0.0, 1.0)
    terms = [content_terms(u.text) for u in units]
    inter = _shared_counts(terms)
    sizes = np.array([len(t) for t in terms], dtype=np.float32)
    dice = 2 * inter / np.maximum(sizes[:, None] + sizes[None, :], 1.0)
    ents = [unit_entities(u, annotations.get(u.article)) for u in units]
    nums = [{repr(v) for v in unit_numbers(u, annotations.get(u.article))} for u in units]
    shared_ents = np.minimum(_shared_counts(ents), 2.0)
    shared_nums = _shared_counts(nums) > 0
    sim = EMBED_WEIGHT * cos + LEXICAL_WEIGHT * dice
    sim += ENTITY_BONUS * shared_ents + NUMBER_BONUS * shared_nums
    owner = np.array([hash(u.article) for u in units])
    sim[owner[:, None] == owner[None, :]] = 0.0
    out: np.ndarray = np.asarray(sim, dtype=np.float32)
    return out


def text_scores(texts: Sequence[str], embed: Embedder) -> np.ndarray:
    """Meaning-plus-words score between any texts, same article or not."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vecs = embed(list(texts))
    cos = np.clip(vecs @ vecs.T, 0.0, 1.0)
    terms = [content_terms(t) for t in texts]
    inter = _shared_counts(terms)
    sizes = np.array([len(t) for t in terms], dtype=np.float32)
    dice = 2 * inter / np.maximum(sizes[:, None] + sizes[None, :], 1.0)
    out: np.ndarray = np.asarray(EMBED_WEIGHT * cos + LEXICAL_WEIGHT * dice, dtype=np.float32)
    return out
