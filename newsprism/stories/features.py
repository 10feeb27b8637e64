"""One sparse row per article whose dot products are the clustering similarity.

Each block (TF-IDF words, dense vector, entity ids) is L2-normalised and scaled by the
square root of its weight, so ``x_i . x_j`` is the weighted sum of the block cosines.
Because that is linear, the average similarity between two groups of articles is the dot
product of their row sums divided by the two sizes: average linkage without all pairs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.random_projection import SparseRandomProjection

from newsprism.model import Article
from newsprism.stories.options import StoryOptions

BODY_CHARS = 6000
PAIR_CHUNK = 20000


def weighted_text(article: Article, title_weight: float) -> str:
    """The headline repeated ``title_weight`` times (rounded) ahead of the body."""
    title = (article.title or "").strip()
    repeats = max(0, round(title_weight))
    return ((title + "\n") * repeats) + article.text[:BODY_CHARS]


def _vectorizer(vocabulary: Mapping[str, int] | None = None) -> TfidfVectorizer:
    return TfidfVectorizer(
        sublinear_tf=True,
        stop_words="english",
        token_pattern=r"(?u)\b\w[\w'-]*\w\b|\b\d\b",
        dtype=np.float32,
        vocabulary=vocabulary,
    )


@dataclass(frozen=True, slots=True)
class WordWeights:
    """Document frequencies over a whole corpus, for fitting TF-IDF on a part of it.

    A time window that fits TF-IDF on its own articles weighs a word by how common it
    is in the window; given these, every part weighs it as the whole corpus does, so a
    pair near ``cluster_threshold`` falls on the same side everywhere. The columns are
    the corpus's too (terms sorted, as the vectorizer sorts them; entities in order of
    first appearance), so the random projection behind the neighbour search sees the
    same rows as in a run over the whole corpus. Counts from parts add up (``merge``).
    """

    doc_freq: Mapping[str, int]
    n_docs: int
    entities: tuple[str, ...] = ()

    @classmethod
    def merge(cls, parts: Sequence[WordWeights]) -> WordWeights:
        """The weights of the concatenated parts, given in corpus order."""
        freq: Counter[str] = Counter()
        entities: dict[str, None] = {}
        for part in parts:
            freq.update(part.doc_freq)
            entities.update(dict.fromkeys(part.entities))
        return cls(dict(freq), sum(p.n_docs for p in parts), tuple(entities))


def count_words(
    articles: Sequence[Article],
    options: StoryOptions,
    entities_by_article: Mapping[str, set[str]] | None = None,
) -> WordWeights:
    """Document frequencies of ``articles`` (pass them in the order the corpus has them)."""
    analyse = _vectorizer().build_analyzer()
    freq: Counter[str] = Counter()
    entities: dict[str, None] = {}
    for article in articles:
        freq.update(set(analyse(weighted_text(article, options.title_weight))))
        if entities_by_article:
            entities.update(dict.fromkeys(sorted(entities_by_article.get(article.id, ()))))
    return WordWeights(dict(freq), len(articles), tuple(entities))


def tfidf_rows(
    articles: Sequence[Article], options: StoryOptions, weights: WordWeights | None = None
) -> sp.csr_matrix:
    """TF-IDF fitted on ``articles``, or weighted by the corpus's ``weights`` if given."""
    texts = [weighted_text(a, options.title_weight) for a in articles]
    if weights is not None:
        return _corpus_tfidf(texts, weights)
    try:
        rows: sp.csr_matrix = _vectorizer().fit_transform(texts).tocsr()
    except ValueError:  # every text empty or only stop words
        return sp.csr_matrix((len(articles), 1)).astype(np.float32)
    return rows


def _corpus_tfidf(texts: list[str], weights: WordWeights) -> sp.csr_matrix:
    """The same arithmetic as ``fit_transform`` (float32 idf, smoothed), with corpus counts."""
    terms = sorted(weights.doc_freq)
    if not terms:
        return sp.csr_matrix((len(texts), 1)).astype(np.float32)
    df = np.array([weights.doc_freq[t] for t in terms], dtype=np.float32) + 1.0
    idf = np.full_like(df, fill_value=weights.n_docs + 1, dtype=np.float32)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    vectorizer = _vectorizer({t: k for k, t in enumerate(terms)})
    vectorizer.idf_ = idf
    return sp.csr_matrix(vectorizer.transform(texts))


def entity_rows(
    articles: Sequence[Article],
    entities_by_article: Mapping[str, set[str]],
    order: Sequence[str] = (),
) -> sp.csr_matrix:
    """One column per entity: ``order`` first (the corpus's), then any new ones."""
    vocab: dict[str, int] = {e: k for k, e in enumerate(order)}
    rows: list[int] = []
    cols: list[int] = []
    for r, article in enumerate(articles):
        for ent in sorted(entities_by_article.get(article.id, ())):
            rows.append(r)
            cols.append(vocab.setdefault(ent, len(vocab)))
    m = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(len(articles), max(1, len(vocab))),
    )
    unit: sp.csr_matrix = normalize(m)
    return unit


@dataclass(slots=True)
class Features:
    """Sparse blocks (words, entities) and the dense block, kept apart for fast sums."""

    sparse: sp.csr_matrix
    dense: np.ndarray

    def pair_similarity(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """``x_i . x_j`` for many pairs, in chunks so that memory stays flat at 100k+ pairs."""
        out = np.empty(len(i), dtype=np.float64)
        for lo in range(0, len(i), PAIR_CHUNK):
            a, b = i[lo : lo + PAIR_CHUNK], j[lo : lo + PAIR_CHUNK]
            words = np.asarray(self.sparse[a].multiply(self.sparse[b]).sum(axis=1)).ravel()
            out[lo : lo + len(a)] = words + np.einsum("ij,ij->i", self.dense[a], self.dense[b])
        return out

    def search_vectors(self, dim: int = 256) -> np.ndarray:
        """Dense stand-ins whose inner products approximate ``x_i . x_j``, for the ANN index.

        The sparse blocks go through a fixed-seed sparse random projection (inner products
        kept up to about 1/sqrt(dim)), so names and numbers, which the dense embedding
        blurs, still decide who is whose neighbour.
        """
        width = self.sparse.shape[1]
        if width <= dim:
            words = self.sparse.toarray()
        else:
            proj = SparseRandomProjection(n_components=dim, dense_output=True, random_state=0)
            words = proj.fit_transform(self.sparse)
        both = np.hstack([np.asarray(words, dtype=np.float32), self.dense.astype(np.float32)])
        norms = np.linalg.norm(both, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        unit: np.ndarray = both / norms
        return unit


def build_features(
    articles: Sequence[Article],
    vectors: np.ndarray,
    entities_by_article: Mapping[str, set[str]] | None,
    options: StoryOptions,
    weights: WordWeights | None = None,
) -> Features:
    """``weights``: the corpus's word counts when ``articles`` are only part of it."""
    blocks = [tfidf_rows(articles, options, weights) * math.sqrt(options.tfidf_weight)]
    if entities_by_article:
        order = weights.entities if weights is not None else ()
        ents = entity_rows(articles, entities_by_article, order)
        blocks.append(ents * math.sqrt(options.entity_weight))
    dense = np.asarray(vectors, dtype=np.float64) * math.sqrt(options.dense_weight)
    return Features(sp.hstack(blocks, format="csr", dtype=np.float64), dense)
