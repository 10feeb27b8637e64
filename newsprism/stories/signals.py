"""What grouping knows of each article, in any language, and of each pair.

Grouping asks one question of a pair of articles: do they report the same event? No
single signal answers it across languages. Shared words do within a language and
say little across; the multilingual encoder places "84 muertos en Kermán" beside
"84 killed in Kerman", but also beside another bombing in the same city; names,
figures and dates read the same in every language and tell two events of one kind
apart. So every pair gets all of them, as a row of numbers (``PAIR_FEATURES``), and
a model fitted on labelled coverage (``stories.model``) weighs them.

Each signal is cheap per pair: cosines of unit vectors, set intersections of small
frozensets, and a difference of dates, so scoring the candidate pairs of a large
corpus stays linear in their number.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import scipy.sparse as sp

from newsprism.model import Annotations, Article
from newsprism.stories.evidence import (
    ArticleEvidence,
    EventEvidence,
    article_evidence,
    event_evidence,
)
from newsprism.stories.evidence import pair_score as event_score
from newsprism.stories.features import WordWeights, entity_rows, tfidf_rows
from newsprism.stories.neighbours import naive_utc
from newsprism.stories.options import StoryOptions
from newsprism.stories.written import Written, written_period

PAIR_FEATURES = (
    "words",  # TF-IDF cosine over every language's words (names and numbers cross)
    "words_same_language",  # the same, when both are in one language
    "dense",  # the lexical embedder's cosine (one language's word vectors)
    "dense_same_language",
    "entities",  # cosine of the resolved entities both mention
    "multilingual",  # the multilingual encoder's cosine of the two leads
    "event",  # the English event evidence (stories.evidence): people, ages, figures, days
    "names",  # shared transliterated name keys, min(n, 5) / 5
    "figures",  # the same outcome with the same number
    "same_day",  # a single day both texts resolve to
    "other_days",  # both state days, none within a day of the other's
    "years_apart",  # both state years and none is shared
    "published_gap",  # log(1 + days between publication dates) / log(366), 0 if unknown
    "both_published",
)
"""The columns of a pair row, in order; the fitted model names them too."""

NEAR_DAYS = 1  # an event on Tuesday and Wednesday's statement about it are near
MAX_NAMES = 5


@dataclass(slots=True)
class ArticleSignals:
    """Everything grouping reads of a corpus, one row or item per article."""

    ids: list[str]
    languages: list[str | None]
    published: list[datetime | None]
    words: sp.csr_matrix  # unit rows
    dense: np.ndarray  # unit rows, the lexical embedder
    entities: sp.csr_matrix  # unit rows (may be all zero)
    multilingual: np.ndarray  # unit rows, the multilingual encoder over each lead
    evidence: list[ArticleEvidence]
    events: list[EventEvidence]
    years: list[frozenset[int]]
    options: StoryOptions
    written: list[Written | None]  # when each was written, as closely as known

    def __len__(self) -> int:
        return len(self.ids)


def article_years(annotations: Annotations | None) -> frozenset[int]:
    """The years the text's resolved dates fall in (a background "in 2019" counts too:
    two reports of one event share the event's year even when one adds background)."""
    if annotations is None:
        return frozenset()
    return frozenset(t.start.year for t in annotations.times if t.start is not None)


def build_signals(
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    dense: np.ndarray,
    multilingual: np.ndarray,
    options: StoryOptions,
    weights: WordWeights | None = None,
) -> ArticleSignals:
    """Signals from what earlier stages made: the language layer's annotations and the
    vectors of the two embedders (rows in the order of ``articles``). ``weights``: the
    corpus's word counts when ``articles`` are a part of it (``features.count_words``)."""
    entities_by_article = {
        aid: {m.entity for m in ann.mentions if m.entity} for aid, ann in annotations.items()
    }
    words = tfidf_rows(articles, options, weights)
    entities = entity_rows(articles, entities_by_article, weights.entities if weights else ())
    return ArticleSignals(
        ids=[a.id for a in articles],
        languages=[_language(a.language) for a in articles],
        published=[a.published for a in articles],
        words=_unit_rows(words),
        dense=_unit_dense(dense),
        entities=_unit_rows(entities),
        multilingual=_unit_dense(multilingual),
        evidence=[article_evidence(a, annotations.get(a.id)) for a in articles],
        events=[event_evidence(a, annotations.get(a.id)) for a in articles],
        years=[article_years(annotations.get(a.id)) for a in articles],
        options=options,
        written=[written_period(a) for a in articles],
    )


def pair_rows(signals: ArticleSignals, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """One row of ``PAIR_FEATURES`` per pair (i[k], j[k])."""
    n = len(i)
    out = np.zeros((n, len(PAIR_FEATURES)), dtype=np.float64)
    if n == 0:
        return out
    words = _sparse_dots(signals.words, i, j)
    dense = _dense_dots(signals.dense, i, j)
    ents = _sparse_dots(signals.entities, i, j)
    multi = _dense_dots(signals.multilingual, i, j)
    langs = signals.languages
    pairs = zip(i.tolist(), j.tolist(), strict=True)
    same = np.array([langs[a] is not None and langs[a] == langs[b] for a, b in pairs])
    out[:, 0] = words
    out[:, 1] = words * same
    out[:, 2] = dense
    out[:, 3] = dense * same
    out[:, 4] = ents
    out[:, 5] = multi
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist(), strict=True)):
        out[k, 6] = event_score(signals.events[a], signals.events[b], signals.options)
        out[k, 7:] = _evidence_row(signals, a, b)
    return out


GATHER_CHUNK = 8192  # pairs whose rows are gathered at once when the Gram matrix is too big


def _gram_fits(n: int, pairs: int) -> bool:
    """Whether all n x n products cost no more than the pairs' own: a window whose
    articles are all candidates of one another (a story's worth) is best done as one
    matrix product, where gathering two rows per pair copied hundreds of megabytes."""
    return n * n <= 4 * pairs + 1_000_000


def _dense_dots(v: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    if _gram_fits(v.shape[0], len(i)):
        gram: np.ndarray = v @ v.T
        return np.asarray(gram[i, j], dtype=np.float64)
    out = np.empty(len(i), dtype=np.float64)
    for s in range(0, len(i), GATHER_CHUNK):
        a, b = i[s : s + GATHER_CHUNK], j[s : s + GATHER_CHUNK]
        out[s : s + GATHER_CHUNK] = np.einsum("ij,ij->i", v[a], v[b])
    return out


def _sparse_dots(m: sp.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    if _gram_fits(m.shape[0], len(i)):
        gram = (m @ m.T).toarray()
        return np.asarray(gram[i, j], dtype=np.float64)
    return np.asarray(m[i].multiply(m[j]).sum(axis=1)).ravel()


def _evidence_row(signals: ArticleSignals, a: int, b: int) -> list[float]:
    ea, eb = signals.evidence[a], signals.evidence[b]
    names = min(len(ea.names & eb.names), MAX_NAMES) / MAX_NAMES
    figures = float(bool(ea.figures & eb.figures))
    same_day = float(bool(ea.days & eb.days))
    near = any(abs((x - y).days) <= NEAR_DAYS for x in ea.days for y in eb.days)
    other_days = float(bool(ea.days and eb.days and not near))
    ya, yb = signals.years[a], signals.years[b]
    years_apart = float(bool(ya and yb and not ya & yb))
    published, both = _published_gap(signals.published[a], signals.published[b])
    return [names, figures, same_day, other_days, years_apart, published, both]


def _published_gap(a: datetime | None, b: datetime | None) -> tuple[float, float]:
    if a is None or b is None:
        return 0.0, 0.0
    days = abs((naive_utc(a) - naive_utc(b)).total_seconds()) / 86400
    return math.log1p(days) / math.log(366), 1.0


def _language(code: str | None) -> str | None:
    return code.split("-")[0].lower() if code else None


def _unit_rows(m: sp.csr_matrix) -> sp.csr_matrix:
    from sklearn.preprocessing import normalize

    unit: sp.csr_matrix = normalize(m.astype(np.float64))
    return unit


def _unit_dense(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float64)
    if v.ndim != 2:
        v = v.reshape(len(v), -1)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: np.ndarray = v / norms
    return unit
