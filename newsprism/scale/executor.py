"""The Dask executor: the local run's stages, partitioned over a cluster.

``run_distributed`` reads as the table of contents, like ``pipeline.analyze``:
ingest (file shards), clean (groups of whole sites), annotate and embed (chunks of
articles), group (the local stage when the corpus fits one time window, else
overlapping windows), compare (chunks of stories). The steps that need the whole
corpus at once (entity resolution, storyline links, borrowed dates) run through
the same ``pipeline`` functions as a local run, after the workers have stored the
expensive per-article results those functions would otherwise compute.

Resumable: every task skips what the store already holds (known raw content hash,
unchanged annotations, cached vectors, unchanged report inputs). A worker that dies
mid-task has its tasks retried elsewhere by Dask; keyed, transactional writes make
a retry harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from newsprism import pipeline
from newsprism.clean import site_of
from newsprism.errors import MissingExtra
from newsprism.model import Article, Story
from newsprism.pipeline import IngestSummary, RunSummary
from newsprism.scale import tasks
from newsprism.scale.inputs import SHARD_FILES, plan_inputs, shard_files
from newsprism.scale.windows import PARTITION_DAYS, dated_span, make_windows
from newsprism.settings import Options
from newsprism.store import open_store
from newsprism.stories.features import WordWeights, count_words

if TYPE_CHECKING:
    from newsprism.store.protocol import Store

try:
    from distributed import Client, LocalCluster, as_completed
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise MissingExtra("running on a Dask cluster", "scale", "dask[distributed]") from exc

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]
T = TypeVar("T")

ARTICLE_CHUNK = 200  # articles per annotate/embed task
COUNT_CHUNK = 2000  # articles per word-count task (tokenising only: cheap per article)
STORY_CHUNK = 50  # stories per compare task
SITE_GROUP_PAGES = 2000  # raw pages per clean task (whole sites only)
WHOLE_CORPUS_MAX = 20_000  # up to this many articles, grouping is one task: the local stage
RETRIES = 3  # a task is retried this often (worker death, lost connection)


def run_distributed(
    paths: Sequence[str | Path],
    db: str,
    options: Options | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    *,
    out_dir: str | Path | None = None,
    dashboard: Callable[[str], None] | None = None,
    window_days: int = PARTITION_DAYS,
    whole_corpus_max: int = WHOLE_CORPUS_MAX,
) -> RunSummary:
    """Files to reports on a Dask cluster; the same stories as ``pipeline.analyze``.

    ``workers=N`` starts a local cluster of N single-threaded worker processes;
    ``scheduler`` is the address of a running one (``tcp://host:8786``). ``db`` must
    be reachable from every worker: a ``postgresql://`` URL for a real cluster.

    Grouping runs as the local stage in one task while the corpus has at most
    ``whole_corpus_max`` articles and spans less than ``window_days``; otherwise it runs
    in time windows of ``window_days`` days (see ``scale.windows``). Both bound the
    memory of one grouping task, not the result: the windows give the local stories.
    """
    options = options or Options()
    report = progress or _no_progress
    with open_store(db) as store, _client(workers, scheduler) as client:
        if dashboard is not None:
            dashboard(client.dashboard_link)
        log.info("dask dashboard: %s", client.dashboard_link)
        summary = RunSummary(ingest=IngestSummary())
        sites = ingest_files(client, db, paths, options, summary.ingest, report)
        clean_pages(client, db, store, options, sites, report)
        summary.ingest.articles = store.count_articles()
        summary.annotated = annotate_articles(client, db, store, options, report)
        summary.stories, summary.reuse_pairs = group_stories(
            client, db, store, options, report, window_days, whole_corpus_max
        )
        summary.compared = compare_stories(client, db, store, options, report)
        pipeline.summarise_store(store, summary)
        if out_dir is not None:
            from newsprism.report import write_reports

            files = write_reports(store, Path(out_dir))
            summary.report_files = pipeline.report_paths(files)
    return summary


# --------------------------------------------------------------------------- cluster


def _no_progress(stage: str, done: int, total: int | None) -> None:
    return None


@contextmanager
def _client(workers: int | None, scheduler: str | None) -> Iterator[Client]:
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address="127.0.0.1:0",
            host="127.0.0.1",
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _run(
    client: Client,
    stage: str,
    fn: Callable[..., T],
    parts: Sequence[Any],
    *args: Any,
    progress: Progress,
) -> list[T]:
    """Submit one task per partition, report as they finish, return results in order.

    ``pure=False`` gives every submission its own key, so a rerun in the same
    client really runs; retries cover a worker that dies mid-task.
    """
    futures = [
        client.submit(fn, *args[:1], part, *args[1:], retries=RETRIES, pure=False) for part in parts
    ]
    index = {f.key: i for i, f in enumerate(futures)}
    results: dict[int, T] = {}
    progress(stage, 0, len(futures))
    for done, future in enumerate(as_completed(futures), 1):
        results[index[future.key]] = future.result()
        progress(stage, done, len(futures))
    return [results[i] for i in range(len(futures))]


# --------------------------------------------------------------------------- stages


def ingest_files(
    client: Client,
    db: str,
    paths: Sequence[str | Path],
    options: Options,
    summary: IngestSummary,
    progress: Progress,
) -> set[str]:
    """Shards of files to raw documents; returns the sites that got new pages."""
    plan = plan_inputs(paths, options.ingest)
    with open_store(db) as store:
        for problem in plan.problems:
            store.add_problem(problem)
    summary.problems.extend(plan.problems)
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    per_shard = -(-len(plan.files) // (4 * n_workers))  # >= 4 shards per worker when possible
    shards = shard_files(plan.files, max_files=max(1, min(SHARD_FILES, per_shard)))
    results = _run(client, "read", tasks.ingest_shard, shards, db, options, progress=progress)
    sites: set[str] = set()
    for r in results:
        summary.files_read += r.files
        summary.documents_new += r.documents_new
        summary.documents_known += r.documents_known
        sites |= r.sites
    with open_store(db) as store:
        # the problems workers stored, so the summary counts every one of them
        shard_paths = {f.path for f in plan.files}
        summary.problems.extend(p for p in store.problems() if p.path in shard_paths)
    return sites


def clean_pages(
    client: Client, db: str, store: Store, options: Options, sites: set[str], progress: Progress
) -> int:
    """Raw pages to articles, one task per group of whole sites."""
    by_site: dict[str, list[str]] = {}
    for raw in store.raw_headers():
        by_site.setdefault(site_of(raw), []).append(raw.content_sha)
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    total = sum(len(v) for v in by_site.values())
    limit = max(1, min(SITE_GROUP_PAGES, total // (2 * n_workers)))
    groups: list[list[str]] = []
    current: list[str] = []
    for site in sorted(by_site):
        if current and len(current) + len(by_site[site]) > limit:
            groups.append(current)
            current = []
        current += by_site[site]
    if current:
        groups.append(current)
    written = _run(
        client, "clean", tasks.clean_sites, groups, db, options, sites, progress=progress
    )
    return sum(written)


def annotate_articles(
    client: Client, db: str, store: Store, options: Options, progress: Progress
) -> int:
    """Annotate and embed chunks of articles on the workers, then resolve entities
    across the corpus with the local stage (which finds nothing left to annotate)."""
    ids = store.article_ids()
    chunks = [ids[i : i + ARTICLE_CHUNK] for i in range(0, len(ids), ARTICLE_CHUNK)]
    annotated = sum(
        _run(client, "annotate", tasks.annotate_chunk, chunks, db, options, progress=progress)
    )
    _run(client, "embed", tasks.embed_chunk, chunks, db, options, progress=progress)
    pipeline.annotate_store(store, options)
    return annotated


def group_stories(
    client: Client,
    db: str,
    store: Store,
    options: Options,
    progress: Progress,
    window_days: int = PARTITION_DAYS,
    whole_corpus_max: int = WHOLE_CORPUS_MAX,
) -> tuple[int, int]:
    """Reuse pairs and stories. A corpus that one worker can group (at most
    ``whole_corpus_max`` articles, or all within one window) runs the local stage on a
    worker, giving exactly the local stories; a larger one runs window by window."""
    dates = store.article_dates()
    if (
        len(dates) <= whole_corpus_max
        or dated_span(dates).days < window_days
        or all(d is None for _, d in dates)
    ):
        [counts] = _run(
            client, "cluster", _cluster_whole_task, [None], db, options, progress=progress
        )
        return counts
    return _group_by_windows(client, db, store, dates, options, progress, window_days)


def _cluster_whole_task(db: str, _part: None, options: Options) -> tuple[int, int]:
    return tasks.cluster_whole(db, options)


def _group_by_windows(
    client: Client,
    db: str,
    store: Store,
    dates: list[tuple[str, Any]],
    options: Options,
    progress: Progress,
    window_days: int,
) -> tuple[int, int]:
    """Reuse per window in parallel, then stories window by window, then storylines.

    Why the windows give the local stories: no candidate pair and no merge spans more
    than ``stories.window_days``, so a story that ends more than that before a window
    starts can gain nothing from it and is final. A story of this run that reaches into
    the next window (its overlap included) is dissolved and its articles are grouped
    again there, with the articles on both sides of the edge, as the local run groups
    them; so it gets the local members and the local id (the hash of all members).
    Stories kept in the store from an earlier run are carried instead (they keep their
    id and can only grow, as in the local run). Undated articles are offered to every
    window until a story with a dated article takes them.

    Every window weighs words by their document frequency over the whole corpus
    (``count_corpus_words``), as the local run does, so a pair's similarity is the same
    number in both runs, and its columns are the corpus's, so the search vectors are too.
    Where they can still differ: a window looks for nearest neighbours among fewer
    articles, so an article with more than ``stories.neighbours`` close ones can get
    other candidate pairs than in the local run; an undated article joins the first
    window's story that takes it, where the local run would pick the best story of the
    whole corpus.
    """
    from newsprism.stories import find_translations, link_storylines

    undated = [i for i, d in dates if d is None]
    reuse_windows = make_windows(dates, window_days, reuse_overlap_days(options))
    store.put_reuse([])  # the local stage replaces all pairs; windows add theirs
    reuse_parts = [list(w.dated) + undated for w in reuse_windows]
    _run(client, "reuse", tasks.reuse_window, reuse_parts, db, options, progress=progress)
    n_pairs = len(store.reuse_pairs())  # windows overlap, so a pair can be found twice

    weights = count_corpus_words(client, db, [i for i, _ in dates], options, progress)
    [shared_weights] = client.scatter([weights], broadcast=True)  # sent once per worker
    windows = make_windows(dates, window_days, options.stories.window_days)
    dated_ids = {i for i, d in dates if d is not None}
    live = {i for i, _ in dates}
    earlier = [s for s in (pipeline.drop_missing(s, live) for s in store.stories()) if s.articles]
    kept = {s.id for s in earlier}
    found = earlier
    for n, window in enumerate(windows, 1):
        in_range = set(window.dated)
        reaching = [
            s
            for s in found
            if in_range.intersection(s.articles) or not dated_ids.intersection(s.articles)
        ]
        carried = [s for s in reaching if s.id in kept]
        taken = {a for s in found for a in s.articles} - {a for s in reaching for a in s.articles}
        ids = in_range | {a for s in reaching for a in s.articles}
        ids |= {a for a in undated if a not in taken}
        ordered = [i for i, _ in dates if i in ids]
        future = client.submit(
            tasks.cluster_window,
            db,
            ordered,
            carried,
            options,
            shared_weights,
            retries=RETRIES,
            pure=False,
        )
        result: list[Story] = future.result()
        reaching_ids = {s.id for s in reaching}
        found = [s for s in found if s.id not in reaching_ids] + result
        progress("cluster", n, len(windows))
    articles = list(store.articles())
    vectors = pipeline.article_vectors(store, articles, options)
    ents, _ = pipeline.cluster_inputs(store, articles)
    # A window's titles (the most central article) and confidences are judged on the
    # members it holds, which for a carried story may be only some. Passing every story
    # as existing lets the stage describe them again over the whole corpus, as the local
    # run does, while it cannot change a member: existing stories never merge.
    found = pipeline.group_window(store, articles, found, options, weights)
    translations = find_translations(articles, found, options.stories)  # as the local run
    store.put_reuse(translations, replace=False)
    n_pairs += len(translations)
    stories = link_storylines(found, articles, vectors, ents, options.stories, weights)
    store.put_stories(stories)
    pipeline.borrow_story_dates(store, stories, articles)
    return len(stories), n_pairs


def count_corpus_words(
    client: Client, db: str, ids: Sequence[str], options: Options, progress: Progress
) -> WordWeights:
    """Document frequencies over the whole corpus, for every window to weigh words by.

    Counted on the workers, chunk by chunk, and summed here: tokenising is the costly
    part and parallelises, while the sums are small (one count per distinct word and
    chunk). ``ids`` in store order, so entities keep the local run's column order.
    """
    chunks = [list(ids[i : i + COUNT_CHUNK]) for i in range(0, len(ids), COUNT_CHUNK)]
    parts = _run(client, "count words", _count_words_task, chunks, db, options, progress=progress)
    return WordWeights.merge(parts)


def _count_words_task(db: str, ids: list[str], options: Options) -> WordWeights:
    store = tasks.worker_store(db)
    articles = _in_order(store.get_articles(ids), ids)
    ents = pipeline.entities_by_article(store.get_annotations(ids))
    return count_words(articles, options.stories, ents)


def _in_order(articles: Sequence[Article], ids: Sequence[str]) -> list[Article]:
    by_id = {a.id: a for a in articles}
    return [by_id[i] for i in ids if i in by_id]


def reuse_overlap_days(options: Options) -> int:
    """How far back a reuse window looks: ``find_reuse`` pairs copies up to a month
    apart (or the story window, if longer), so each window takes that much before it and
    every pair the local run finds lies within one window."""
    return max(options.stories.window_days, 30)


def compare_stories(
    client: Client, db: str, store: Store, options: Options, progress: Progress
) -> int:
    ids = [s.id for s in store.stories()]
    chunks = [ids[i : i + STORY_CHUNK] for i in range(0, len(ids), STORY_CHUNK)]
    done = sum(_run(client, "compare", tasks.compare_chunk, chunks, db, options, progress=progress))
    store.delete_reports_except(ids)
    return done


__all__ = ["run_distributed"]
