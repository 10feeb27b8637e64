"""Collect coverage from the web into the store: pages, feeds, sitemaps; and watch feeds.

A fetched page becomes a ``RawDocument`` with its URL in the metadata and then takes
the same path as a file: stored once per content, cleaned, versioned by URL. So
cleaning, versions and problems work as for files, and a page that changed since the
last poll is a new version of the same article.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.collect.client import Fetched, FetchFailure, PoliteClient
from newsprism.collect.discover import Lead, feed_leads, sitemap_leads
from newsprism.ingest.decode import NotText, decode
from newsprism.model import FetchState, Metadata, RawDocument, ReadProblem, Source, sha256_hex
from newsprism.settings import Options

if TYPE_CHECKING:
    from newsprism.store.protocol import Store

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(slots=True)
class CollectSummary:
    leads: int = 0  # article links asked for (given, or found in feeds and sitemaps)
    fetched: int = 0  # answered with a page
    unchanged: int = 0  # answered 304, or the same bytes as stored before
    documents_new: int = 0  # new content stored (a new page or a new version)
    articles: int = 0  # current articles in the store afterwards
    problems: list[ReadProblem] = field(default_factory=list)
    sites: set[str] = field(default_factory=set)  # sites that got new documents

    @property
    def errors(self) -> list[ReadProblem]:
        return [p for p in self.problems if p.severity == "error"]


def collect(
    store: Store,
    *,
    urls: Sequence[str] = (),
    feeds: Sequence[str] = (),
    sitemaps: Sequence[str] = (),
    options: Options | None = None,
    progress: Callable[[str, int, int | None], None] | None = None,
) -> CollectSummary:
    """Fetch the given pages and the articles of the given feeds and sitemaps into the
    store, then clean what is new. Idempotent: an unchanged page stores nothing."""
    options = options or Options()
    summary = CollectSummary()
    asyncio.run(_collect(store, urls, feeds, sitemaps, options, summary, progress))
    summary.articles = store.count_articles()
    return summary


async def _collect(
    store: Store,
    urls: Sequence[str],
    feeds: Sequence[str],
    sitemaps: Sequence[str],
    options: Options,
    summary: CollectSummary,
    progress: Callable[[str, int, int | None], None] | None,
) -> None:
    from newsprism.pipeline import clean_store

    async with PoliteClient(options.collect) as client:
        leads = [Lead(u) for u in urls]
        for feed in feeds:
            leads += await _feed(client, store, feed, options, summary)
        for sitemap in sitemaps:
            leads += await _sitemap(client, store, sitemap, options, summary)
        unique = list({lead.url: lead for lead in reversed(leads)}.values())[::-1]
        summary.leads = len(unique)
        step = max(1, options.collect.batch)
        for start in range(0, len(unique), step):
            batch = unique[start : start + step]
            results = await asyncio.gather(*(_page(client, store, lead) for lead in batch))
            _store_batch(store, batch, results, summary)
            if progress is not None:
                progress("fetch", start + len(batch), len(unique))
    clean_store(store, options, summary.sites, problems=summary.problems)


@dataclass(slots=True)
class _Answer:
    """A page's answer and the fetch state it leaves, written only once the page is
    stored: validators kept before their page would turn a rerun's request into a 304
    for content the store never got."""

    result: Fetched | FetchFailure
    state: FetchState | None = None


async def _conditional_get(client: PoliteClient, store: Store, url: str) -> _Answer:
    """GET with the validators of the last stored answer. Validators are sent only when
    the content they were kept for is in the store (a store left by an older run that
    was killed mid-batch may hold validators without their page)."""
    state = store.get_fetch_state(url)
    usable = state is not None and (
        state.content_sha is None or store.has_raw(state.content_sha) or store.feed_body(url)
    )
    known = state if usable else None
    result = await client.get(
        url,
        etag=known.etag if known else None,
        last_modified=known.last_modified if known else None,
    )
    if not isinstance(result, Fetched):
        return _Answer(result)
    unchanged = result.unchanged and known is not None
    sha = known.content_sha if unchanged and known else sha256_hex(result.body)
    new_state = FetchState(
        url,
        result.fetched_at,
        result.status,
        result.etag or (known.etag if unchanged and known else None),
        result.last_modified or (known.last_modified if unchanged and known else None),
        sha,
    )
    return _Answer(result, new_state)


async def _page(client: PoliteClient, store: Store, lead: Lead) -> _Answer:
    return await _conditional_get(client, store, lead.url)


async def _feed(
    client: PoliteClient, store: Store, feed_url: str, options: Options, summary: CollectSummary
) -> list[Lead]:
    """The feed's article links. An unchanged feed (304) still lists its links, read
    from the copy kept in the store, so pages that changed are polled all the same."""
    answer = await _conditional_get(client, store, feed_url)
    result = answer.result
    if isinstance(result, FetchFailure):
        _problem(summary, store, result)
        return []
    body = result.body if not result.unchanged else store.feed_body(feed_url)
    if body is None:
        return []
    with store.transaction():  # the validators and the body they were given for
        if answer.state is not None:
            store.put_fetch_state(answer.state)
        if not result.unchanged:
            store.put_feed_body(feed_url, body)
    leads = feed_leads(body, feed_url)
    if leads is None:
        _problem(summary, store, FetchFailure(feed_url, "not an RSS or Atom feed"))
        return []
    cap = max(0, options.collect.max_feed_entries)
    if len(leads) > cap:  # a feed of thousands of links is a dump, not a feed: say so
        reason = (
            f"the feed lists {len(leads):,} entries; the first {cap:,} are taken "
            "(collect.max_feed_entries)"
        )
        _warn(summary, store, feed_url, reason)
    return leads[:cap]


async def _sitemap(
    client: PoliteClient, store: Store, url: str, options: Options, summary: CollectSummary
) -> list[Lead]:
    leads: list[Lead] = []
    queue = [url]
    seen: set[str] = set()
    while queue and len(leads) < options.collect.max_sitemap_urls:
        current = queue.pop(0)
        if current in seen or len(seen) > 50:
            continue
        seen.add(current)
        result = await client.get(current)
        if isinstance(result, FetchFailure):
            _problem(summary, store, result)
            continue
        parsed = sitemap_leads(result.body, current)
        if parsed is None:
            _problem(summary, store, FetchFailure(current, "not a sitemap"))
            continue
        found, children = parsed
        leads += found
        if current == url:
            queue += children  # an index: its sitemaps, one level down
    cap = options.collect.max_sitemap_urls
    if len(leads) > cap:
        _warn(
            summary,
            store,
            url,
            f"the sitemap lists more than {cap:,} links; the first {cap:,} are taken "
            "(collect.max_sitemap_urls)",
        )
    return leads[:cap]


def _store_batch(
    store: Store,
    leads: Sequence[Lead],
    answers: Sequence[_Answer],
    summary: CollectSummary,
) -> None:
    """Store each page with its fetch state in one transaction: a kill between two
    pages keeps whole pages only, and a page not stored keeps no validators."""
    for lead, answer in zip(leads, answers, strict=True):
        with store.transaction():
            _store_answer(store, lead, answer, summary)


def _store_answer(store: Store, lead: Lead, answer: _Answer, summary: CollectSummary) -> None:
    from newsprism.clean import site_of

    result = answer.result
    if isinstance(result, FetchFailure):
        _problem(summary, store, result)
        return
    if answer.state is not None:
        store.put_fetch_state(answer.state)
    if result.unchanged:
        summary.unchanged += 1
        return
    summary.fetched += 1
    raw = page_document(lead, result)
    if isinstance(raw, ReadProblem):
        summary.problems.append(raw)
        store.add_problem(raw)
    elif store.add_raw(raw):
        summary.documents_new += 1
        summary.sites.add(site_of(raw))
    else:
        summary.unchanged += 1


def page_document(lead: Lead, fetched: Fetched) -> RawDocument | ReadProblem:
    """A fetched page as a raw document, exactly as a saved HTML file with a sidecar
    naming its URL would be read."""
    where = fetched.final_url
    if fetched.content_type and fetched.content_type not in HTML_TYPES:
        hint = "; a feed goes in a --feeds list" if "rss" in fetched.content_type else ""
        return ReadProblem(where, f"not an HTML page ({fetched.content_type}); skipped{hint}")
    try:
        html, encoding = decode(fetched.body, html=True, declared=fetched.charset)
    except NotText as exc:
        return ReadProblem(where, str(exc))
    extra: dict[str, Any] = {"fetched_at": fetched.fetched_at.isoformat()}
    if lead.via:
        extra["found_in"] = lead.via
    if fetched.final_url != lead.url:
        extra["requested_url"] = lead.url
    if lead.title:
        # Only a fallback: a feed keeps the headline it was written with, while the
        # page shows its current one (an edited page's new heading is its title).
        extra["feed_title"] = lead.title
    return RawDocument(
        source=Source(where, "html"),
        content_sha=sha256_hex(fetched.body),
        html=html,
        encoding=encoding,
        meta=Metadata(url=where, published=lead.published, extra=extra),
        size=len(fetched.body),
    )


def _warn(summary: CollectSummary, store: Store, url: str, reason: str) -> None:
    """A limit that cut what a feed or sitemap offered: kept and shown, not an error."""
    warning = ReadProblem(url, reason, severity="warning")
    summary.problems.append(warning)
    store.add_problem(warning)


def _problem(summary: CollectSummary, store: Store, failure: FetchFailure) -> None:
    problem = ReadProblem(
        failure.url, failure.reason, severity="warning" if failure.forbidden else "error"
    )
    summary.problems.append(problem)
    store.add_problem(problem)


# --------------------------------------------------------------------------- watch


@dataclass(slots=True)
class PollSummary:
    poll: int
    collected: CollectSummary
    stories_compared: int = 0
    report_files: list[Path] = field(default_factory=list)
    at: datetime = field(default_factory=datetime.now)
    stages_run: list[str] = field(default_factory=list)  # annotate, cluster, compare, report


@dataclass(frozen=True, slots=True)
class PendingWork:
    """What the later stages have not done yet, read from the store alone."""

    unannotated: int  # articles (any version) whose annotations are missing or stale
    unclustered: int  # current articles in no story
    uncompared: int  # stories without a stored comparison

    @property
    def nothing(self) -> bool:
        return not (self.unannotated or self.unclustered or self.uncompared)


def pending_work(store: Store) -> PendingWork:
    """The stages' pending work, from the store: a watch killed after storing pages
    (or mid-stage) leaves it behind, and the next poll must find it even though it
    fetches nothing new."""
    from newsprism.language.rules.reader import annotation_version

    articles = list(store.articles(current_only=False))
    state = store.annotation_state([a.id for a in articles])
    unannotated = sum(
        1
        for a in articles
        if state.get(a.id) != (sha256_hex(a.text), annotation_version(a.language))
    )
    stories = store.stories()
    in_story = {a for s in stories for a in s.articles}
    unclustered = sum(1 for a in store.article_ids() if a not in in_story)
    compared = store.report_state()
    uncompared = sum(1 for s in stories if s.id not in compared)
    return PendingWork(unannotated, unclustered, uncompared)


def watch(
    store: Store,
    feeds: Sequence[str],
    *,
    every_s: float,
    polls: int | None = None,
    out_dir: Path | None = None,
    options: Options | None = None,
    on_poll: Callable[[PollSummary], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[PollSummary]:
    """Poll the feeds every ``every_s`` seconds (``polls`` times, or until Ctrl-C).

    The later stages run after a poll that stored new content or left pending work in
    the store (``pending_work``), and always after the first poll of a watch: a watch
    killed mid-stage may have left work that only the stage itself can see (entities
    not yet resolved, a comparison whose input changed). Each stage redoes only what
    changed, so running one with nothing to do costs a read. Ctrl-C between two steps
    loses nothing: every step commits as it goes.
    """
    from newsprism.pipeline import annotate_store, cluster_store, compare_store

    options = options or Options()
    done: list[PollSummary] = []
    poll = 0
    while polls is None or poll < polls:
        if poll:
            sleep(every_s)
        poll += 1
        summary = PollSummary(poll, collect(store, feeds=feeds, options=options))
        later = poll == 1 or summary.collected.documents_new or not pending_work(store).nothing
        if later and store.count_articles():  # an empty store has nothing to cluster
            annotate_store(store, options)
            cluster_store(store, options)
            summary.stories_compared = compare_store(store, options)
            summary.stages_run = ["annotate", "cluster", "compare"]
            if out_dir is not None:
                from newsprism.pipeline import report_paths
                from newsprism.report import write_reports

                summary.report_files = report_paths(write_reports(store, out_dir))
                summary.stages_run.append("report")
        done.append(summary)
        if on_poll is not None:
            on_poll(summary)
    return done


def parse_every(text: str) -> float:
    """Seconds in "15m", "90s", "1h", "2h30m" or a bare number of seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = text.strip().lower()
    if text.replace(".", "", 1).isdigit():
        return float(text)
    total, number = 0.0, ""
    for ch in text:
        if ch.isdigit() or ch == ".":
            number += ch
        elif ch in units and number:
            total += float(number) * units[ch]
            number = ""
        else:
            raise ValueError(f"cannot read {text!r} as a time (use 15m, 90s, 1h)")
    if number:
        raise ValueError(f"cannot read {text!r} as a time (use 15m, 90s, 1h)")
    return total


def feeds_of(paths: Iterable[str]) -> list[str]:
    from newsprism.collect.discover import read_feed_list

    return [url for path in paths for url in read_feed_list(path)]
