"""Write a store's reports: an index for the whole corpus and self-contained files per story.

``DIR/report.json`` holds every story (index + stories) for machines; ``DIR/report.html``
and ``DIR/report.md`` are the index a reader opens, and a small corpus is inlined there
too so one file can be mailed. Each story also gets ``DIR/stories/<id>/report.{html,json,md}``
with only its own articles, so no file grows with the corpus except the JSON and the index.
Stories are read and rendered one at a time: memory stays flat however many there are.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import quote

import orjson

from newsprism.compare.records import SCHEMA_VERSION, IndexRow, StoryComparison
from newsprism.errors import NotFound
from newsprism.model import Entity, to_dict
from newsprism.report.files import (
    STORIES_DIR,
    atomic_file,
    copy_into,
    remove_stale_folders,
    story_folders,
    write_atomic,
)
from newsprism.report.markdown import index_markdown, story_page_markdown
from newsprism.report.pages import render_index_html, render_story_html
from newsprism.report.versions import story_versions, versions_markdown
from newsprism.report.views import DigestItem, StoryView, story_view
from newsprism.versions import VersionHistory

if TYPE_CHECKING:
    from newsprism.store.protocol import Store

log = logging.getLogger(__name__)

INLINE_MAX = 20  # a corpus this small is also inlined into report.html / report.md
TOP_DIGESTS = 5  # stories whose digest the index shows


@dataclass(frozen=True, slots=True)
class ReportFiles:
    json: Path
    html: Path
    md: Path
    n_stories: int
    stories: dict[str, Path] = field(default_factory=dict)  # story id -> its own report.html


def story_order(store: Store, story_ids: Sequence[str] | None = None) -> list[str]:
    """The stories to write, widest coverage first (the story most outlets covered is
    what a reader opens), read from the store's index columns without parsing reports."""
    if story_ids is not None:
        return list(dict.fromkeys(story_ids))
    rows = sorted(store.report_index(), key=lambda e: (-e.n_articles, e.span.start or "", e.id))
    return [e.id for e in rows]


def build_view(store: Store, report: StoryComparison, entities: dict[str, Entity]) -> StoryView:
    """A story view with its own articles and annotations, read from the store."""
    ids = [a.id for a in report.articles]  # superseded versions too: figures cite them
    return story_view(report, store.get_articles(ids), store.get_annotations(ids), entities)


def _dump(data: Any) -> str:
    """Indented, key-sorted JSON. orjson, because the standard library's encoder runs
    in pure Python whenever it indents, and was a quarter of the report stage."""
    options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS
    return orjson.dumps(data, option=options).decode("utf-8")


@dataclass(slots=True)
class _Index:
    """What the index needs from the stories written so far (small: no article texts)."""

    inline: bool
    entries: list[IndexRow] = field(default_factory=list)
    top: list[tuple[IndexRow, list[DigestItem]]] = field(default_factory=list)
    views: list[StoryView] = field(default_factory=list)

    def add(self, entry: IndexRow, view: StoryView) -> None:
        self.entries.append(entry)
        if len(self.top) < TOP_DIGESTS:
            self.top.append((entry, view.digest))
        if self.inline:
            self.views.append(view)


def _write_story(
    folder: Path,
    record: dict[str, Any],
    view: StoryView,
    pages: Mapping[str, str],
    versions: Sequence[VersionHistory] = (),
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / "report.json", _dump(record))
    markdown = "\n".join(p for p in (story_page_markdown(view), versions_markdown(versions)) if p)
    write_atomic(folder / "report.md", markdown)
    write_atomic(folder / "report.html", render_story_html(view, pages, versions=versions))
    return folder / "report.html"


def _write_json(path: Path, entries: list[IndexRow], stories: IO[str]) -> None:
    """report.json as ``{"index", "schema_version", "stories"}``, stories copied from a spool."""
    with atomic_file(path) as fh:
        fh.write('{\n "index": ')
        fh.write(_dump(to_dict(entries)))
        fh.write(f',\n "schema_version": "{SCHEMA_VERSION}",\n "stories": [\n')
        copy_into(stories, fh)
        fh.write("\n ]\n}\n")


def write_reports(
    store: Store,
    out_dir: Path,
    story_ids: Sequence[str] | None = None,
    *,
    inline_max: int = INLINE_MAX,
) -> ReportFiles:
    """The index files and one folder per story for the given stories (default: all)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    order = story_order(store, story_ids)
    folders = story_folders(order)
    html_pages = {sid: f"{STORIES_DIR}/{quote(name)}/report.html" for sid, name in folders.items()}
    md_pages = {sid: f"{STORIES_DIR}/{quote(name)}/report.md" for sid, name in folders.items()}
    entities = store.entities()
    index = _Index(inline=len(order) <= inline_max)
    written: dict[str, Path] = {}
    with tempfile.TemporaryFile("w+", encoding="utf-8", dir=out_dir) as spool:
        for sid in order:
            try:
                report = store.get_report(sid)
            except NotFound:
                log.warning("no report for story %s; skipped", sid)
                continue
            view = build_view(store, report, entities)
            folder = out_dir / STORIES_DIR / folders[sid]
            versions = story_versions(store, [a.id for a in report.current_articles])
            record = report.to_json()  # once: the story's file and the index's copy
            written[sid] = _write_story(folder, record, view, html_pages, versions)
            data = orjson.dumps(record, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")
            spool.write((",\n" if index.entries else "") + data)
            index.add(report.index_row(), view)
        html_pages = {sid: p for sid, p in html_pages.items() if sid in written}
        md_pages = {sid: p for sid, p in md_pages.items() if sid in written}
        files = ReportFiles(
            out_dir / "report.json",
            out_dir / "report.html",
            out_dir / "report.md",
            len(index.entries),
            written,
        )
        _write_json(files.json, index.entries, spool)
    write_atomic(files.html, render_index_html(index.entries, html_pages, index.top, index.views))
    write_atomic(files.md, index_markdown(index.entries, md_pages, index.top, index.views))
    remove_stale_folders(out_dir / STORIES_DIR, {folders[sid] for sid in written})
    log.info("wrote reports for %d stories to %s", len(written), out_dir)
    return files
