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
            leads += await _feed(client, store, feed, summary)
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
    clean_store(store, options, summary.sites)


async def _conditional_get(client: PoliteClient, store: Store, url: str) -> Fetched | FetchFailure:
    state = store.get_fetch_state(url)
    result = await client.get(
        url,
        etag=state.etag if state else None,
        last_modified=state.last_modified if state else None,
    )
    if isinstance(result, Fetched):
        unchanged_sha = state.content_sha if state else None
        sha = sha256_hex(result.body) if not result.unchanged else unchanged_sha
        store.put_fetch_state(
            FetchState(
                url,
                result.fetched_at,
                result.status,
                result.etag or (state.etag if state and result.unchanged else None),
                result.last_modified
                or (state.last_modified if state and result.unchanged else None),
                sha,
            )
        )
    return result


async def _page(client: PoliteClient, store: Store, lead: Lead) -> Fetched | FetchFailure:
    return await _conditional_get(client, store, lead.url)


async def _feed(
    client: PoliteClient, store: Store, feed_url: str, summary: CollectSummary
) -> list[Lead]:
    """The feed's article links. An unchanged feed (304) still lists its links, read
    from the copy kept in the store, so pages that changed are polled all the same."""
    result = await _conditional_get(client, store, feed_url)
    if isinstance(result, FetchFailure):
        _problem(summary, store, result)
        return []
    body = result.body if not result.unchanged else store.feed_body(feed_url)
    if body is None:
        return []
    if not result.unchanged:
        store.put_feed_body(feed_url, body)
    leads = feed_leads(body, feed_url)
    if leads is None:
        _problem(summary, store, FetchFailure(feed_url, "not an RSS or Atom feed"))
        return []
    return leads


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
    return leads[: options.collect.max_sitemap_urls]


def _store_batch(
    store: Store,
    leads: Sequence[Lead],
    results: Sequence[Fetched | FetchFailure],
    summary: CollectSummary,
) -> None:
    from newsprism.clean import site_of

    for lead, result in zip(leads, results, strict=True):
        if isinstance(result, FetchFailure):
            _problem(summary, store, result)
            continue
        if result.unchanged:
            summary.unchanged += 1
            continue
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

    After a poll that stored new content, the later stages run: annotate and cluster
    (both only redo what changed), compare the stories whose input changed, and write
    the reports. Ctrl-C between two steps loses nothing: every step commits as it goes.
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
        if summary.collected.documents_new:
            annotate_store(store, options)
            cluster_store(store, options)
            summary.stories_compared = compare_store(store, options)
            if out_dir is not None:
                from newsprism.pipeline import report_paths
                from newsprism.report import write_reports

                summary.report_files = report_paths(write_reports(store, out_dir))
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
