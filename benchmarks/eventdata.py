"""Labelled event-clustering sets read as newsprism articles, annotated once and cached.

Both clustering benchmarks (ECB+, GVC) need the language layer's annotations (dates,
places, names, figures: the event evidence the clustering weighs). Annotating 4k local
news pages takes minutes, so annotations are cached by article id, text hash and
annotator version under ``~/.cache/newsprism-bench`` (never in the repository); a
changed text or annotator re-annotates. Entities are resolved across each set afresh.

The baseline both print is plain TF-IDF (sublinear, English stop words) with
average-link agglomerative clustering on cosine, its one threshold chosen on the tune
split from a fixed grid, so it is as tuned as newsprism is.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from common import bcubed

from newsprism.language import ANNOTATOR_VERSION, LanguageOptions, annotate, resolve_entities
from newsprism.model import Annotations, Article, sha256_hex
from newsprism.stories import StoryOptions, embed_articles
from newsprism.stories.grouping import group_stories
from newsprism.stories.signals import ArticleSignals, build_signals

CACHE = Path.home() / ".cache" / "newsprism-bench"


def annotations_for(
    articles: Sequence[Article], name: str, options: LanguageOptions | None = None
) -> dict[str, Annotations]:
    """Annotations of every article (cached), with entities resolved over the set."""
    options = options or LanguageOptions(n_process=2)
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}-annotations.pkl"
    cached: dict[str, Annotations] = {}
    if path.exists():
        try:
            cached = pickle.loads(path.read_bytes())
        except Exception:  # a stale or truncated cache is only a cache
            cached = {}
    key = {a.id: (sha256_hex(a.text), ANNOTATOR_VERSION) for a in articles}
    todo = [
        a
        for a in articles
        if (c := cached.get(a.id)) is None or (c.text_sha, c.version) != key[a.id]
    ]
    if todo:
        for ann in annotate(todo, options):
            cached[ann.article] = ann
        path.write_bytes(pickle.dumps(cached))
    out = {a.id: cached[a.id] for a in articles}
    for ann in out.values():  # entity ids are the set's own: resolve afresh
        for m in ann.mentions:
            m.entity = None
    resolve_entities(articles, out, options)
    return out


def grouping_signals(
    articles: Sequence[Article], annotations: dict[str, Annotations], options: StoryOptions
) -> ArticleSignals:
    """What ``analyze``'s grouping reads of these articles (``pipeline.group_window``):
    the lexical embedder's vectors, the multilingual encoder's over each lead, and the
    language layer's annotations."""
    from newsprism.multilingual_encoder import encode
    from newsprism.stories.lead import lead_text

    dense = embed_articles(list(articles), options)
    multi = encode([lead_text(a) for a in articles])
    return build_signals(articles, annotations, dense, multi, options)


def story_labels(
    articles: Sequence[Article], annotations: dict[str, Annotations], options: StoryOptions
) -> tuple[list[str], float, float]:
    """Each article's story id as ``analyze`` groups them, with the signal and the
    grouping seconds: the one grouping run every event bench measures."""
    t0 = time.perf_counter()
    signals = grouping_signals(articles, annotations, options)
    t1 = time.perf_counter()
    stories = group_stories(articles, signals, (), options)
    t2 = time.perf_counter()
    label = {aid: s.id for s in stories for aid in s.articles}
    return [label[a.id] for a in articles], t1 - t0, t2 - t1


def tuned_baseline(
    texts: Sequence[str], gold: Sequence[str], tune: Sequence[bool]
) -> tuple[float, list[int]]:
    """The baseline at the grid threshold that scores best on the tune split."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    sims = (x @ x.T).toarray()  # rows are unit length: cosine similarities
    dist = np.clip(1.0 - sims, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    best: tuple[float, float, list[int]] | None = None
    for t in np.arange(0.04, 0.61, 0.02):
        pred = [int(c) for c in fcluster(tree, t=1.0 - t, criterion="distance")]
        f1 = bcubed(pick(pred, tune), pick(list(gold), tune))[2]
        if best is None or f1 > best[0]:
            best = (f1, float(t), pred)
    assert best is not None
    return best[1], best[2]


def pick(values: Sequence[object], keep: Sequence[bool]) -> list[object]:
    return [v for v, k in zip(values, keep, strict=True) if k]


def score_line(
    name: str, pred: Sequence[object], gold: Sequence[object], keep: Sequence[bool]
) -> str:
    p, g = pick(pred, keep), pick(gold, keep)
    bp, br, bf = bcubed(p, g)
    return (
        f"{name:<28} docs={len(p):5d}  B3 P={bp:.3f} R={br:.3f} F1={bf:.3f}  "
        f"clusters={len(set(p)):5d} gold={len(set(g)):5d}"
    )
