"""What one Dask task does: a partition's share of a stage, written to the shared store.

Each task is a thin composition of the stage functions the local run calls
(``newsprism.pipeline`` and the stage packages), restricted to one partition: a
shard of files, a group of sites, a chunk of article ids, a time window, a chunk of
stories. Tasks return small counts, never records, so nothing large crosses the
network. Every write is keyed and transactional, so a task that is retried after a
worker died writes nothing twice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from newsprism import pipeline
from newsprism.model import Article, Story
from newsprism.scale.inputs import InputFile, iter_shard
from newsprism.settings import Options
from newsprism.store import open_store

if TYPE_CHECKING:
    from newsprism.store.protocol import Store
    from newsprism.stories.features import WordWeights

log = logging.getLogger(__name__)

WRITE_BATCH = 200  # documents per transaction: small enough to retry, large enough to be fast

_stores: dict[str, Store] = {}


def worker_store(db: str) -> Store:
    """One store (one connection) per worker process and database, reused across tasks."""
    store = _stores.get(db)
    if store is None:
        store = _stores[db] = open_store(db)
    return store


def _batched(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


# --------------------------------------------------------------------------- ingest


@dataclass(slots=True)
class ShardResult:
    files: int = 0
    documents_new: int = 0
    documents_known: int = 0
    errors: int = 0
    warnings: int = 0
    sites: set[str] = field(default_factory=set)  # sites that received new documents


def ingest_shard(db: str, shard: list[InputFile], options: Options) -> ShardResult:
    """Read one shard and keep its raw documents and problems (``pipeline.store_raw``)."""
    store = worker_store(db)
    summary = pipeline.IngestSummary()
    result = ShardResult(files=len(shard))
    for chunk in _batched(iter_shard(shard, options.ingest), WRITE_BATCH):
        with store.transaction():
            result.sites |= pipeline.store_raw(store, chunk, summary)
    result.documents_new = summary.documents_new
    result.documents_known = summary.documents_known
    result.errors = sum(1 for p in summary.problems if p.severity == "error")
    result.warnings = len(summary.problems) - result.errors
    return result


# --------------------------------------------------------------------------- clean


def clean_sites(db: str, raw_shas: Sequence[str], options: Options, force_sites: set[str]) -> int:
    """Clean the raw documents of a group of whole sites: ``pipeline.clean_partition``,
    the function the local run calls with every page. ``raw_shas`` are all pages of the
    group's sites; those already cleaned are skipped unless their site got new pages."""
    store = worker_store(db)
    raws = list(store.get_raw_documents(raw_shas))
    return pipeline.clean_partition(store, raws, options, force_sites)


# --------------------------------------------------------------------------- per article


def annotate_chunk(db: str, article_ids: Sequence[str], options: Options) -> int:
    """Annotate the articles of one chunk whose text or annotator changed (the local
    run's partition function). Cross-article entity resolution runs once afterwards,
    in ``pipeline.annotate_store``, which then finds nothing left to annotate."""
    store = worker_store(db)
    return pipeline.annotate_articles(store, store.get_articles(article_ids), options)


def embed_chunk(db: str, article_ids: Sequence[str], options: Options) -> int:
    """Store the dense vectors of one chunk (``pipeline.article_vectors`` caches them),
    so the grouping stage finds every vector ready."""
    store = worker_store(db)
    articles = store.get_articles(article_ids)
    before = len(articles)
    pipeline.article_vectors(store, articles, options)
    return before


# --------------------------------------------------------------------------- stories


def reuse_window(db: str, article_ids: Sequence[str], options: Options) -> int:
    """Reuse pairs among the articles of one time window (MinHash candidates and
    sentence alignment, in ``find_reuse``); written without replacing other windows'."""
    from newsprism.stories import find_reuse

    store = worker_store(db)
    articles = _in_store_order(store.get_articles(article_ids))
    vectors = pipeline.article_vectors(store, articles, options)
    pairs = find_reuse(articles, vectors, options.stories)
    store.put_reuse(pairs, replace=False)
    return len(pairs)


def cluster_window(
    db: str,
    article_ids: Sequence[str],
    existing: list[Story],
    options: Options,
    weights: WordWeights | None = None,
) -> list[Story]:
    """Stories among one window's articles, continuing the stories carried in from the
    previous window (grouping is incremental), so none is cut at the edge.

    ``article_ids`` come in the order the local run sees them; ``weights`` are the whole
    corpus's word weights, so a window scores pairs exactly as the local run does."""
    store = worker_store(db)
    by_id = {a.id: a for a in store.get_articles(article_ids)}
    articles = [by_id[i] for i in article_ids if i in by_id]
    return pipeline.group_window(store, articles, existing, options, weights)


def _in_store_order(articles: list[Article]) -> list[Article]:
    """The order ``store.articles()`` gives (published, then id), as the local run sees."""
    return sorted(
        articles,
        key=lambda a: (a.published is None, a.published.isoformat() if a.published else "", a.id),
    )


def cluster_whole(db: str, options: Options) -> tuple[int, int]:
    """The local grouping stage itself, for a corpus that fits one window."""
    return pipeline.cluster_store(worker_store(db), options)


# --------------------------------------------------------------------------- compare


def compare_chunk(db: str, story_ids: Sequence[str], options: Options) -> int:
    """One chunk of stories, through the same per-story function as the local run."""
    return pipeline.compare_stories(worker_store(db), story_ids, options)
