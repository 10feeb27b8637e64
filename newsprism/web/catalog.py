"""What the story list and outlet pages need, read once and kept while the file is unchanged.

A story report is tens of kilobytes of JSON; parsing every report to list stories
would make the list page slow on a real corpus, so the index (one small row per
story) is read from the store's index columns, never from the reports. The app is
read-only, so that index is read once and again only when the store changes (another
process ran the pipeline); ``backend.ChangeWatch`` says how each backend notices.
The big story comparisons last asked for are kept, read, on the same terms: one is
several hundred kilobytes of JSON (tens of milliseconds to read back into records),
and its page, the next claims and every cell a reader opens need it again.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsprism.compare.records import StoryComparison
from newsprism.model import Entity, to_dict
from newsprism.report.templating import outlet_slug
from newsprism.store.protocol import Store
from newsprism.web.backend import ChangeWatch, time_limit

log = logging.getLogger(__name__)

MAX_RESULTS = 100
REPORTS_KEPT = 32  # big story comparisons kept, read, while the store is unchanged
BIG_MATRIX = 100  # claims x outlets from which a comparison is worth keeping
MAX_SEARCH_HITS = 500
MATCHES_SHOWN = 3  # matching articles listed under a story; the rest are counted
MAX_OUTLET_STORIES = 200


@dataclass(slots=True)
class StoryFilter:
    query: str = ""
    start: date | None = None
    end: date | None = None
    outlet: str = ""
    language: str = ""  # ISO code: stories with at least one article in it
    conflicts_only: bool = False
    page: int = 1


@dataclass(slots=True)
class StoryHits:
    total: int
    rows: list[dict[str, Any]]
    matches: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # story -> articles


@dataclass(slots=True)
class _Snapshot:
    signature: tuple[int, ...]
    index: list[dict[str, Any]]
    by_id: dict[str, dict[str, Any]]
    outlets: list[str]
    outlet_by_slug: dict[str, str]  # report.templating.outlet_slug(name) -> name
    entities: dict[str, Entity]
    story_of: dict[str, str]  # article id -> its story, to group search hits
    languages_of: dict[str, list[str]] = field(default_factory=dict)  # story -> languages
    languages: list[str] = field(default_factory=list)  # every language of a story


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class Catalog:
    """Read-only view of one store for the web app: cached index, search, outlet profiles."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._snap: _Snapshot | None = None
        self._watch = ChangeWatch(store)
        self._reports: OrderedDict[str, tuple[tuple[int, ...], StoryComparison]] = OrderedDict()
        self._reports_lock = threading.Lock()

    def snapshot(self) -> _Snapshot:
        sig = self._watch.signature()
        snap = self._snap
        if snap is not None and snap.signature == sig:
            return snap
        with self._lock:
            if self._snap is not None and self._snap.signature == sig:
                return self._snap
            with time_limit(self.store, seconds=60.0):  # once per change, not per request
                index = [to_dict(row) for row in self.store.report_index()]
                entities = self.store.entities()
                story_of = {a: s.id for s in self.store.stories() for a in s.articles}
                language_of = self.store.article_languages()
            languages_of: dict[str, set[str]] = defaultdict(set)
            for article, story in story_of.items():
                if language_of.get(article):
                    languages_of[story].add(str(language_of[article]))
            # Biggest first, as the report's index: the story most outlets covered is
            # what a reader opens; then by date, undated last.
            index.sort(
                key=lambda e: (
                    -e["n_articles"],
                    e["span"]["start"] is None,
                    e["span"]["start"] or "",
                    e["id"],
                )
            )
            outlets = sorted({o for e in index for o in e["outlets"]})
            slugs = {outlet_slug(o): o for o in outlets}
            self._snap = _Snapshot(
                sig,
                index,
                {e["id"]: e for e in index},
                outlets,
                slugs,
                entities,
                story_of,
                {k: sorted(v) for k, v in languages_of.items()},
                sorted({lang for v in languages_of.values() for lang in v}),
            )
            log.info("story index rebuilt: %d stories", len(index))
            return self._snap

    # ------------------------------------------------------------------ stories

    def report(self, story_id: str) -> StoryComparison:
        """One story's comparison, read once while the store is unchanged. Shared between
        requests: callers must not change it."""
        sig = self._watch.signature()
        with self._reports_lock:
            kept = self._reports.get(story_id)
            if kept is not None and kept[0] == sig:
                self._reports.move_to_end(story_id)
                return kept[1]
        with time_limit(self.store):
            report: StoryComparison = self.store.get_report(story_id)
        if len(report.facts) * len(report.outlets) >= BIG_MATRIX:  # small ones read fast
            with self._reports_lock:
                self._reports[story_id] = (sig, report)
                while len(self._reports) > REPORTS_KEPT:
                    self._reports.popitem(last=False)
        return report

    def stories(self, f: StoryFilter) -> StoryHits:
        snap = self.snapshot()
        rows = snap.index
        matches: dict[str, list[dict[str, Any]]] = {}
        if f.query:
            matches = self.search(f.query)
            needle = f.query.casefold()
            rows = [r for r in rows if r["id"] in matches or needle in r["title"].casefold()]
        if f.start or f.end:
            rows = [r for r in rows if self._overlaps(r, f.start, f.end)]
        if f.outlet:
            rows = [r for r in rows if f.outlet in r["outlets"]]
        if f.language:
            rows = [r for r in rows if f.language in snap.languages_of.get(r["id"], ())]
        if f.conflicts_only:
            rows = [r for r in rows if r["n_conflicts"] > 0]
        lo = (f.page - 1) * MAX_RESULTS
        page = rows[lo : lo + MAX_RESULTS]
        return StoryHits(len(rows), page, {r["id"]: matches.get(r["id"], []) for r in page})

    @staticmethod
    def _overlaps(row: dict[str, Any], start: date | None, end: date | None) -> bool:
        s = _day(row["span"]["start"])
        e = _day(row["span"]["end"]) or s
        if s is None:
            return False
        if start and (e or s) < start:
            return False
        return not (end and s > end)

    def search(self, query: str) -> dict[str, list[dict[str, Any]]]:
        """Story id -> matching articles (id, title, outlet), best match first."""
        story_of = self.snapshot().story_of
        with time_limit(self.store):
            ids = self.store.search_articles(query, limit=MAX_SEARCH_HITS)
            articles = self.store.get_articles([i for i in ids if i in story_of])
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for a in articles:  # get_articles keeps the order asked for: best match first
            hit = {"id": a.id, "title": a.title, "outlet": a.display_outlet}
            out[story_of[a.id]].append(hit)
        return dict(out)

    def article_hits(self, query: str, limit: int = MAX_RESULTS) -> list[dict[str, Any]]:
        hits = self.search(query)
        flat = [{**a, "story": sid} for sid, arts in hits.items() for a in arts]
        return flat[:limit]

    # ------------------------------------------------------------------ outlets

    def outlet_name(self, slug: str) -> str | None:
        """The outlet a page address names: its slug, or (older links) its exact name."""
        snap = self.snapshot()
        name = snap.outlet_by_slug.get(slug)
        if name is None and slug in snap.outlets:
            name = slug
        return name

    def outlet_profile(self, outlet: str) -> dict[str, Any] | None:
        """An outlet's stories, the labels it gives recurring actors, and its wire share."""
        snap = self.snapshot()
        if outlet not in snap.outlets:
            return None
        entries = [e for e in snap.index if outlet in e["outlets"]]
        n_articles = n_wire = 0
        agencies: Counter[str] = Counter()
        labels: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        actor_names: dict[str, str] = {}
        actor_stories: dict[str, set[str]] = defaultdict(set)
        for entry in entries[:MAX_OUTLET_STORIES]:
            with time_limit(self.store):
                report = self.store.get_report(entry["id"])
            own = {a.id for a in report.articles if a.outlet == outlet}
            for a in report.current_articles:
                if a.id in own:
                    n_articles += 1
                    if a.wire or a.copy_of:
                        n_wire += 1
                        agencies.update(a.wire or ["copy of another outlet"])
            for fr in report.framing:
                for lab in fr.labels:
                    if lab.cite.outlet == outlet or lab.cite.article in own:
                        labels[fr.actor][(lab.label, lab.voice)] += 1
                        actor_names[fr.actor] = fr.name
                        actor_stories[fr.actor].add(entry["id"])
        actors = sorted(labels, key=lambda k: (-len(actor_stories[k]), actor_names[k]))
        recurring = [k for k in actors if len(actor_stories[k]) > 1] or actors
        return {
            "name": outlet,
            "stories": entries[:MAX_RESULTS],
            "n_stories": len(entries),
            "n_articles": n_articles,
            "n_wire": n_wire,
            "wire_share": (n_wire / n_articles) if n_articles else 0.0,
            "agencies": agencies.most_common(),
            "actors": [
                {
                    "entity": k,
                    "name": actor_names[k],
                    "n_stories": len(actor_stories[k]),
                    "labels": [
                        {"label": lab, "voice": voice, "count": n}
                        for (lab, voice), n in labels[k].most_common()
                    ],
                }
                for k in recurring[:50]
            ],
        }
