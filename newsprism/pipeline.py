"""The whole run, stage by stage: files -> articles -> annotations -> stories -> comparisons.

``analyze`` reads as the table of contents. Each stage reads its input from the
store and writes its output back, so any stage can be rerun alone (after an
improvement, or after a crash) and does only the work whose input changed.
The same stage functions run locally here and on a Dask cluster
(``newsprism.scale``); only the executor differs.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.clean import site_of
from newsprism.clean.document import PageArticles
from newsprism.errors import LimitExceeded
from newsprism.model import (
    BORROWED_ANCHORS,
    WHOLE_ARTICLE_KINDS,
    Annotations,
    Article,
    RawDocument,
    ReadProblem,
    ReusePair,
    Story,
    TimeExpression,
    is_unknown_outlet,
    outlet_count,
    sha256_hex,
)
from newsprism.settings import Options

if TYPE_CHECKING:
    from newsprism.store.protocol import Store
    from newsprism.stories.evidence import EventEvidence
    from newsprism.stories.features import WordWeights

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]
"""progress(stage, done, total): the CLI draws bars from it; the library never prints."""


def _no_progress(stage: str, done: int, total: int | None) -> None:
    return None


# --------------------------------------------------------------------------- summaries


@dataclass(slots=True)
class IngestSummary:
    files_read: int = 0
    documents_new: int = 0
    documents_known: int = 0
    articles: int = 0
    problems: list[ReadProblem] = field(default_factory=list)

    @property
    def errors(self) -> list[ReadProblem]:
        return [p for p in self.problems if p.severity == "error"]


@dataclass(slots=True)
class RunSummary:
    ingest: IngestSummary
    annotated: int = 0
    entities: int = 0
    stories: int = 0
    reuse_pairs: int = 0
    compared: int = 0
    outlets: int = 0  # every unknown outlet counted once together
    unknown_outlets: int = 0  # sources shown as "unknown outlet (FILE)"
    conflicts: int = 0
    report_files: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage, in order


# --------------------------------------------------------------------------- ingest


def read_raw(paths: Iterable[str | Path], options: Options) -> Iterator[RawDocument | ReadProblem]:
    """Stage 1: files to raw documents (and problems), streaming."""
    from newsprism.ingest import read_paths

    yield from read_paths(paths, options.ingest)


def clean_raw(raw: RawDocument, templates: Any, options: Options) -> PageArticles:
    """Stage 2: one raw document to its articles (boilerplate out, split, described)."""
    from newsprism.clean import clean_document

    return clean_document(raw, templates, options.clean)


def refuse_long_articles(raw: RawDocument, articles: Sequence[Article], options: Options) -> None:
    """Raise ``LimitExceeded`` when an article is longer than the language layer can
    parse (``ingest.max_article_chars``): the page then gets no articles and a problem,
    and its raw input stays, so no later stage meets a text it cannot read."""
    limit = options.ingest.max_article_chars
    for article in articles:
        if len(article.text) > limit:
            raise LimitExceeded(
                raw.source.path,
                f"article {article.part + 1} of the page is {len(article.text):,} characters, "
                f"over the {limit:,}-character limit (ingest.max_article_chars); not stored",
                raw.source.record,
            )


def store_raw(
    store: Store,
    items: Iterable[RawDocument | ReadProblem],
    summary: IngestSummary,
    progress: Progress = _no_progress,
) -> set[str]:
    """Keep every raw document (so cleaning can be re-run) and every problem; return
    the sites that received new documents."""
    touched: set[str] = set()
    paths: set[str] = set()
    for item in items:
        if isinstance(item, ReadProblem):
            summary.problems.append(item)
            store.add_problem(item)
            continue
        paths.add(item.source.path)
        if store.add_raw(item):
            summary.documents_new += 1
            touched.add(site_of(item))
        else:
            summary.documents_known += 1
        progress("read", summary.documents_new + summary.documents_known, None)
    summary.files_read = len(paths)
    return touched


def clean_store(
    store: Store,
    options: Options,
    sites: set[str] | None = None,
    progress: Progress = _no_progress,
    *,
    everything: bool = False,
    problems: list[ReadProblem] | None = None,
) -> int:
    """Clean raw documents into articles: the uncleaned ones, and every page of a site
    that got new pages (its template lines may have changed); with ``everything``, all
    stored pages (after a cleaning improvement: no file is read again).
    Returns articles written; the pages refused go to ``problems`` too, when given."""
    raws = list(store.raw_documents())
    return clean_partition(
        store,
        raws,
        options,
        sites,
        progress,
        everything=everything,
        workers=options.clean.workers,
        problems=problems,
    )


def clean_partition(
    store: Store,
    raws: Sequence[RawDocument],
    options: Options,
    sites: set[str] | None = None,
    progress: Progress = _no_progress,
    *,
    everything: bool = False,
    workers: int = 1,
    problems: list[ReadProblem] | None = None,
) -> int:
    """Clean one partition of whole sites: the local run passes every page, a cluster
    task one group of sites (templates are learnt per site, so a site's own pages give
    the template the whole corpus would). Pages already cleaned are skipped unless
    their site is in ``sites`` or ``everything`` is set. ``workers``: processes cleaning
    pages at once (a cluster task passes 1: it is one of many). Returns articles written."""
    from newsprism.clean import learn_templates
    from newsprism.clean.parallel import clean_pages

    templates = learn_templates(raws, options.clean)
    cleaned_shas = store.cleaned_raw_shas(r.content_sha for r in raws)
    todo = [
        r
        for r in raws
        if everything
        or r.content_sha not in cleaned_shas
        or (sites is not None and site_of(r) in sites)
    ]
    written = 0
    found = problems if problems is not None else []  # the caller's summary, if it keeps one

    def refused(problem: ReadProblem) -> None:
        found.append(problem)
        store.add_problem(problem)

    if todo:  # the bar shows before the first page is done, not after
        progress("clean", 0, len(todo))
    cleaned = clean_pages(todo, templates, options.clean, workers)
    for i, (raw, articles) in enumerate(cleaned, 1):
        if isinstance(articles, str):
            log.error("cleaning failed for %s: %s", raw.source.label, articles)
            refused(ReadProblem(raw.source.path, f"cleaning failed: {articles}", raw.source.record))
            continue
        try:
            refuse_long_articles(raw, articles, options)
        except LimitExceeded as exc:  # refused with a reason: a problem, not a crash
            refused(ReadProblem(exc.path, exc.reason, exc.record))
            continue
        with store.transaction():
            if articles.no_article:
                refused(
                    ReadProblem(raw.source.path, articles.no_article, raw.source.record, "warning")
                )
            store.put_articles(raw.content_sha, articles)
        written += len(articles)
        progress("clean", i, len(todo))
    return written


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    options: Options | None = None,
    progress: Progress = _no_progress,
) -> IngestSummary:
    """Read files, keep the raw input, clean it into articles. Idempotent."""
    options = options or Options()
    summary = IngestSummary()
    touched = store_raw(store, read_raw(paths, options), summary, progress)
    clean_store(store, options, touched, progress, problems=summary.problems)
    summary.articles = store.count_articles()
    return summary


# --------------------------------------------------------------------------- language


def annotate_articles(
    store: Store,
    articles: Sequence[Article],
    options: Options,
    progress: Progress = _no_progress,
) -> int:
    """Annotate those of ``articles`` whose text or annotator changed, in stored batches;
    returns how many were annotated. An article the language layer fails on is recorded
    as a problem and the others go on (``annotate_each``).

    One partition's share of the stage: the local run passes every article, a Dask
    task its chunk. Cross-article entity resolution is not done here: it needs the
    whole corpus (``annotate_store``)."""
    from newsprism.language.rules.reader import annotation_version

    state = store.annotation_state([a.id for a in articles])
    todo = [
        a
        for a in articles
        if state.get(a.id) != (sha256_hex(a.text), annotation_version(a.language))
    ]
    done = annotated = 0
    batch: list[Annotations] = []
    if todo:  # at once: loading the language models takes a while before the first one
        progress("annotate", 0, len(todo))
    for ann in annotate_each(todo, options):
        done += 1
        progress("annotate", done, len(todo))
        if isinstance(ann, ReadProblem):  # that article failed; the others go on
            store.add_problem(ann)
            continue
        annotated += 1
        batch.append(ann)
        if len(batch) >= ANNOTATE_BATCH:
            store.put_annotations(batch)
            batch = []
    if batch:
        store.put_annotations(batch)
    return annotated


ANNOTATE_BATCH = 64  # annotations per transaction


def annotate_store(
    store: Store, options: Options | None = None, progress: Progress = _no_progress
) -> int:
    """Annotate the articles whose text or annotator changed; then resolve entities
    across the whole corpus (a new spelling can join an old entity)."""
    from newsprism.language import resolve_entities

    options = options or Options()
    # every version: a superseded one is read for the figures it gave (versions.py)
    articles = list(store.articles(current_only=False))
    done = annotate_articles(store, articles, options, progress)
    annotations = store.get_annotations([a.id for a in articles])
    entities = resolve_entities(articles, annotations, options.language)
    store.put_annotations(annotations.values())
    store.put_entities(entities)
    return done


def annotate_each(
    articles: Sequence[Article], options: Options
) -> Iterator[Annotations | ReadProblem]:
    """The annotations of each article; an article the language layer fails on becomes
    a problem naming it, and every other article is still annotated.

    Articles in another supported language are read by rule (``newsprism.language.rules``),
    not by the English parser, which would read Spanish or Arabic into nonsense; they
    come after the English ones. English articles are parsed in batches; when a batch
    fails, its first article is parsed alone to tell whether it is the one at fault, and
    the run goes on after it.
    """
    from newsprism.language import annotate
    from newsprism.language.rules.reader import annotate_foreign, is_foreign

    english = [a for a in articles if not is_foreign(a.language)]
    done = 0
    while done < len(english):
        try:
            for ann in annotate(english[done:], options.language):
                yield ann
                done += 1
        except Exception:  # somewhere in the batch after ``done``: find the article
            article = english[done]
            try:
                alone = next(iter(annotate([article], options.language)))
            except Exception as exc:
                yield _annotation_problem(article, exc)
            else:
                yield alone
            done += 1
    for article in articles:
        if is_foreign(article.language):
            try:
                yield annotate_foreign(article, options.multilingual)
            except Exception as exc:
                yield _annotation_problem(article, exc)


def _annotation_problem(article: Article, exc: Exception) -> ReadProblem:
    log.warning("annotation failed for article %s: %s", article.id, exc)
    detail = " ".join(str(exc).split())[:200]
    return ReadProblem(
        article.source.path,
        f"article {article.id} not annotated: {type(exc).__name__}: {detail}",
        article.source.record,
    )


# --------------------------------------------------------------------------- stories


def article_vectors(store: Store, articles: Sequence[Article], options: Options) -> np.ndarray:
    """Dense vectors per article, cached in the store by model and text hash."""
    from newsprism.stories import embed_articles

    model = options.stories.embedder
    cached = store.get_vectors(model)
    shas = [sha256_hex((a.title or "") + "\n" + a.text) for a in articles]
    missing = [
        i
        for i, (a, s) in enumerate(zip(articles, shas, strict=True))
        if cached.get(a.id, ("", None))[0] != s
    ]
    if missing:
        fresh = embed_articles([articles[i] for i in missing], options.stories)
        store.put_vectors(
            model, [(articles[i].id, shas[i], fresh[k]) for k, i in enumerate(missing)]
        )
        cached = store.get_vectors(model)
    if not articles:
        return np.zeros((0, 1), dtype=np.float32)
    return np.vstack([cached[a.id][1] for a in articles]).astype(np.float32)


def entities_by_article(annotations: dict[str, Annotations]) -> dict[str, set[str]]:
    return {aid: {m.entity for m in ann.mentions if m.entity} for aid, ann in annotations.items()}


def cluster_inputs(
    store: Store, articles: Sequence[Article]
) -> tuple[dict[str, set[str]], dict[str, EventEvidence]]:
    """What storylines read from the language layer: the resolved entities of each
    article and its event identity (``stories.evidence``)."""
    from newsprism.stories.evidence import evidence_by_article

    annotations = own_dates(store.get_annotations([a.id for a in articles]))
    return entities_by_article(annotations), evidence_by_article(list(articles), annotations)


def own_dates(annotations: dict[str, Annotations]) -> dict[str, Annotations]:
    """The annotations without the dates borrowed from a story (``borrow_story_dates``).

    Those dates come out of the clustering, so they are no evidence for it: a second
    cluster run reading them would group on other input than the first, and a run
    resumed after an interruption would differ from one that was not interrupted."""
    out = {}
    for key, ann in annotations.items():
        own = [t for t in ann.times if t.anchor_source not in BORROWED_ANCHORS]
        out[key] = ann if len(own) == len(ann.times) else replace(ann, times=own)
    return out


def group_window(
    store: Store,
    articles: Sequence[Article],
    existing: Sequence[Story],
    options: Options,
    weights: WordWeights | None = None,
) -> list[Story]:
    """Stories among ``articles``, every language at once, continuing ``existing``.

    The one grouping function of every executor: the local run calls it on the whole
    corpus, a Dask window task on its window (with the corpus's ``weights``), and the
    cluster run once more at the end so titles are judged on whole stories."""
    from newsprism.stories.grouping import group_stories
    from newsprism.stories.lead import lead_vectors
    from newsprism.stories.signals import build_signals

    if not articles:  # no article, no story (the signal matrices need a row)
        return []
    annotations = own_dates(store.get_annotations([a.id for a in articles]))
    dense = article_vectors(store, articles, options)
    multilingual = lead_vectors(store, articles)
    signals = build_signals(articles, annotations, dense, multilingual, options.stories, weights)
    return group_stories(articles, signals, existing, options.stories)


def cluster_store(
    store: Store, options: Options | None = None, progress: Progress = _no_progress
) -> tuple[int, int]:
    """Find reuse pairs, group articles into stories (incrementally), link storylines.
    Returns (stories, reuse pairs)."""
    from newsprism.stories import find_reuse, find_translations, link_storylines

    options = options or Options()
    articles = list(store.articles())
    if not articles:  # nothing was readable: no stories, and no model to load
        return 0, 0
    progress("cluster", 0, 4)  # before the embedding model loads
    vectors = article_vectors(store, articles, options)
    progress("cluster", 1, 4)
    reuse = find_reuse(articles, vectors, options.stories)
    progress("cluster", 2, 4)
    live = {a.id for a in articles}
    existing = [s for s in (drop_missing(s, live) for s in store.stories()) if s.articles]
    stories = group_window(store, articles, existing, options)
    # a translated copy is told by its sentences in order, among one story's languages
    reuse += find_translations(articles, stories, options.stories)
    store.put_reuse(reuse)
    progress("cluster", 3, 4)
    ents, _ = cluster_inputs(store, articles)
    stories = link_storylines(stories, articles, vectors, ents, options.stories)
    store.put_stories(stories)
    borrow_story_dates(store, stories, articles)
    progress("cluster", 4, 4)
    return len(stories), len(reuse)


def drop_missing(story: Story, live: set[str]) -> Story:
    story.articles = [a for a in story.articles if a in live]
    return story


def story_anchor(articles: Sequence[Article]) -> date | None:
    """The date an undated article of a story borrows: the story's most common
    publication day (ties: the earliest), so one outlier cannot move it."""
    days = Counter(d for a in articles if (d := a.published_day) is not None)
    if not days:
        return None
    best = max(days.values())
    return min(d for d, n in days.items() if n == best)


def borrow_story_dates(store: Store, stories: Sequence[Story], articles: Sequence[Article]) -> int:
    """Resolve the relative dates of undated articles against the best date they have:
    the publication day of a dated copy of the same text (a reprint of one agency
    story is as old as its twin), else their story's date.

    The borrowed anchor is recorded on every TimeExpression (anchor_source "copy" or
    "story"), so a report can say the date was borrowed and from where.
    """
    from newsprism.language import reanchor_times
    from newsprism.language.rules.reader import is_foreign, reanchor_foreign

    by_id = {a.id: a for a in articles}
    # undated, or dated to the month only: its relative dates have no day to go by
    # with the kept parse: reading tense again needs it, and parsing anew cost as long as
    # the rest of the cluster stage on a corpus of undated copies
    undated = [a.id for a in articles if a.published_day is None]
    annotations = store.get_annotations(undated, with_parse=True)
    twins = copy_days(store.reuse_pairs(undated), by_id) if undated else {}
    changed: list[Annotations] = []
    for story in stories:
        members = [by_id[i] for i in story.articles if i in by_id]
        story_day = story_anchor(members)
        last_day = max((d for a in members if (d := a.published_day) is not None), default=None)
        for art in members:
            ann = annotations.get(art.id)
            if art.published_day is not None or ann is None:
                continue
            anchor, source = (twins[art.id], "copy") if art.id in twins else (story_day, "story")
            if anchor is None:
                continue
            reanchor = reanchor_foreign if is_foreign(art.language) else reanchor_times
            already = {(t.anchor, t.anchor_source) for t in ann.times if t.anchor_source}
            probe = None
            if source == "story" and last_day is not None:
                probe = ann if already == {(anchor, source)} else reanchor(art, ann, anchor, source)
                told = stated_day(probe.times, anchor, last_day)
                if told is not None:
                    anchor, probe = told, None
            if already != {(anchor, source)}:
                again = probe or reanchor(art, ann, anchor, source)
                changed.append(replace(again, parse=None))  # stored one kept
    if changed:
        store.put_annotations(changed)
    return len(changed)


def stated_day(times: Sequence[TimeExpression], anchor: date, last: date) -> date | None:
    """The latest day an undated page names with its weekday ("announced on Wednesday
    March 20"), when it falls after the story's day it borrowed and no later than the
    story's last dated page: the page was written on or after that day, so its "last
    month" and "on Wednesday" count from there, not from the story's first days."""
    days = [t.start for t in times if t.start is not None and _weekday_dated(t)]
    later = [d for d in days if anchor < d <= last]
    return max(later) if later else None


def _weekday_dated(t: TimeExpression) -> bool:
    """A single day written with its weekday, which fits it ("Wednesday March 20",
    "mercredi 20/03/2024", "Rabu (20/3/2024)")."""
    if t.rule == "weekday-explicit-date":
        return t.reason is None
    if t.rule != "absolute" or t.start is None or t.end not in (None, t.start):
        return False
    from newsprism.language.rules.words import fold
    from newsprism.lexicon import FOREIGN_WEEKDAYS, WEEKDAYS

    names: dict[str, int] = {}
    for day_names in FOREIGN_WEEKDAYS.values():
        names.update({name: i for i, name in enumerate(day_names)})
    names.update(WEEKDAYS)
    words = [fold(w).strip("(),.") for w in t.text.split()]
    return any(names.get(w.removeprefix("ال")) == t.start.weekday() for w in words)


def copy_days(pairs: Sequence[ReusePair], by_id: Mapping[str, Article]) -> dict[str, date]:
    """For each undated article that reprints a dated one whole (a duplicate, a wire
    copy or a translation), the earliest publication day among its dated twins."""
    out: dict[str, date] = {}
    for p in pairs:
        if p.kind not in WHOLE_ARTICLE_KINDS:
            continue
        a, b = by_id.get(p.a), by_id.get(p.b)
        if a is None or b is None:
            continue
        for undated, twin in ((a, b), (b, a)):
            day = twin.published_day
            if undated.published_day is None and day is not None:
                out[undated.id] = min(out.get(undated.id, day), day)
    return out


# --------------------------------------------------------------------------- compare


COMPARE_INPUT_VERSION = "1"


def story_input_sha(
    story: Story, articles: Sequence[Article], annotations: dict[str, Annotations], extra: str
) -> str:
    parts = [COMPARE_INPUT_VERSION, story.id, story.title, ",".join(story.related), extra]
    for a in sorted(articles, key=lambda x: x.id):
        ann = annotations.get(a.id)
        parts.append(f"{a.id}:{sha256_hex(a.text)}:{ann.version if ann else ''}")
        if ann:
            parts.append(
                ";".join(f"{t.start}" for t in ann.times)
                + "|"
                + ";".join(m.entity or "" for m in ann.mentions)
            )
    return sha256_hex("\n".join(parts))


def earlier_versions(store: Store, articles: Sequence[Article]) -> list[Article]:
    """Superseded versions of these articles (an outlet changed its page). A changed
    page that states no update time gets its version's: when it was fetched (it keeps
    the first publication time, so that alone would date the revision to the original
    report). A file's time of ingest says nothing of when it changed: such a version
    stays undated, ordered after every dated report (``compare.numbers.when``)."""
    out: list[Article] = []
    for a in articles:
        if a.version > 1:
            versions = store.article_versions(a.key)
            out.extend(v.article for v in versions if not v.current)
            mine = next((v for v in versions if v.article.id == a.id), None)
            when = mine.fetched_at if mine is not None else None
            if a.updated is None and when is not None:
                a.updated = when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when
    return out


def compare_stories(
    store: Store,
    story_ids: Iterable[str],
    options: Options | None = None,
    progress: Progress = _no_progress,
) -> int:
    """Compare the given stories whose input changed; store one report each.

    Both executors call this: the local run with every story, a Dask task with a chunk.
    The input hash covers the articles, their annotations and the related stories, so
    a rerun (or a retried task) skips what is already done.
    """
    from newsprism.compare import COMPARE_VERSION, compare_story
    from newsprism.report.gloss import story_glosses

    options = options or Options()
    by_story = {s.id: s for s in store.stories()}
    entities = store.entities()
    state = store.report_state()
    wanted = [sid for sid in story_ids if sid in by_story]
    done = 0
    for i, sid in enumerate(wanted, 1):
        story = by_story[sid]
        articles = store.get_articles(story.articles)
        earlier = earlier_versions(store, articles)
        annotations = store.get_annotations(
            [*story.articles, *(a.id for a in earlier)], with_parse=True
        )
        related = [
            (r, store.get_articles(r.articles), store.get_annotations(r.articles))
            for r in (by_story[rid] for rid in story.related if rid in by_story)
        ]
        extra = (
            COMPARE_VERSION
            + "|"
            + "|".join(story_input_sha(r, ra, rann, "") for r, ra, rann in related)
        )
        input_sha = story_input_sha(story, [*articles, *earlier], annotations, extra)
        if state.get(story.id) != input_sha:
            reuse = store.reuse_pairs(story.articles)
            report = compare_story(
                story, articles, annotations, entities, reuse, related, options.compare, earlier
            )
            # English glosses of the sentences in other languages, for the report's reader
            rank = {a: n for n, a in enumerate(story.articles)}
            ordered = sorted((a for a in articles if a.id in rank), key=lambda a: rank[a.id])
            report = replace(report, **story_glosses(ordered, annotations))
            store.put_report(story.id, input_sha, report)
            done += 1
        progress("compare", i, len(wanted))
    return done


PARALLEL_MIN_STORIES = 40  # fewer stories than this are compared in this process
STORIES_PER_TASK = 16


def compare_store(
    store: Store, options: Options | None = None, progress: Progress = _no_progress
) -> int:
    """Compare every story whose input changed; drop reports of stories that are gone.

    Stories are independent, so with more than one CPU they are compared by a pool of
    processes, each on its own connection to the store (``compare.workers``)."""
    options = options or Options()
    ids = [s.id for s in store.stories()]
    if ids:
        progress("compare", 0, len(ids))
    workers = compare_workers(options, len(ids))
    if workers > 1:
        done = _compare_in_processes(store.address, ids, options, workers, progress)
    else:
        done = compare_stories(store, ids, options, progress)
    store.delete_reports_except(ids)
    return done


def compare_workers(options: Options, n_stories: int) -> int:
    if options.compare.workers:
        return max(1, options.compare.workers)
    if n_stories < PARALLEL_MIN_STORIES:
        return 1
    return max(1, os.cpu_count() or 1)


def _compare_in_processes(
    address: str, ids: Sequence[str], options: Options, workers: int, progress: Progress
) -> int:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    chunks = [list(ids[k : k + STORIES_PER_TASK]) for k in range(0, len(ids), STORIES_PER_TASK)]
    context = multiprocessing.get_context("spawn")  # no fork of a process holding threads
    done = finished = 0
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = {pool.submit(compare_chunk, address, chunk, options): chunk for chunk in chunks}
        for future in as_completed(futures):
            done += future.result()
            finished += len(futures[future])
            progress("compare", finished, len(ids))
    return done


def compare_chunk(address: str, story_ids: Sequence[str], options: Options) -> int:
    """One process's share of the compare stage, on its own connection to the store."""
    from newsprism.store import open_store

    with open_store(address) as store:
        return compare_stories(store, story_ids, options)


# --------------------------------------------------------------------------- the whole run


def analyze(
    paths: Iterable[str | Path],
    store: Store,
    out_dir: str | Path | None = None,
    options: Options | None = None,
    progress: Progress = _no_progress,
) -> RunSummary:
    """Files to reports: ingest, annotate, cluster, compare, write.

    The wall time of each stage goes to ``RunSummary.seconds`` (and the log), so a run
    says where its time went."""
    options = options or Options()
    clock = _StageClock()
    with clock("ingest"):
        summary = RunSummary(ingest=ingest(paths, store, options, progress))
    if summary.ingest.articles == 0:  # nothing to group or report: say so, write nothing
        summary.seconds = clock.seconds
        return summary
    with clock("annotate"):
        summary.annotated = annotate_store(store, options, progress)
    with clock("cluster"):
        summary.stories, summary.reuse_pairs = cluster_store(store, options, progress)
    with clock("compare"):
        summary.compared = compare_store(store, options, progress)
    summarise_store(store, summary)
    if out_dir is not None:
        from newsprism.report import write_reports

        with clock("report"):
            progress("report", 0, 1)
            files = write_reports(store, Path(out_dir))
            progress("report", 1, 1)
        summary.report_files = report_paths(files)
    summary.seconds = clock.seconds
    return summary


class _StageClock:
    """Wall time per stage: ``with clock("annotate"): ...``."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = time.perf_counter() - start
            log.info("stage %s: %.2f s", stage, self.seconds[stage])


def report_paths(files: Any) -> list[Path]:
    """The index files, then one page per story."""
    return [files.json, files.html, files.md, *files.stories.values()]


def summarise_store(store: Store, summary: RunSummary) -> None:
    """Outlets and conflicts (contradictions only) over every stored story report."""
    rows = store.report_index()
    summary.entities = len(store.entities())
    names = {o for row in rows for o in row.outlets}
    summary.outlets = outlet_count(names)
    summary.unknown_outlets = sum(1 for o in names if is_unknown_outlet(o))
    summary.conflicts = sum(row.n_conflicts for row in rows)


def story_table(store: Store) -> list[dict[str, Any]]:
    """One row per story for listings: id, span, outlets, articles, conflicts, title.

    Conflict counts (contradictions) come from the report index; a story not yet
    compared shows 0."""
    conflicts = {row.id: row.n_conflicts for row in store.report_index()}
    rows: list[dict[str, Any]] = []
    for story in store.stories():
        outlets = {a.display_outlet for a in store.get_articles(story.articles)}
        rows.append(
            {
                "id": story.id,
                "title": story.title,
                "start": story.start.isoformat() if story.start else None,
                "end": story.end.isoformat() if story.end else None,
                "articles": len(story.articles),
                "outlets": sorted(outlets),
                "conflicts": conflicts.get(story.id, 0),
                "related": list(story.related),
            }
        )
    return rows
