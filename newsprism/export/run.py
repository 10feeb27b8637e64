"""``export``: the store's current articles (and stories) to files, streaming."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.export.records import COLUMNS, KINDS, article_record, with_annotations
from newsprism.export.writers import FORMATS, Format, Kind, RowWriter, open_writer

if TYPE_CHECKING:
    from newsprism.store.protocol import Store

log = logging.getLogger(__name__)

STORY_COLUMNS = (
    "id", "title", "start", "end", "n_articles", "outlets", "articles", "report",
)  # fmt: skip
"""The columns of ``stories.<fmt>``, the same in every format (``report``: the story's
whole comparison, the JSON of ``newsprism compare``)."""
STORY_KINDS: dict[str, Kind] = {
    "start": "timestamp",
    "end": "timestamp",
    "n_articles": "int",
    "outlets": "strings",
    "articles": "strings",
    "report": "json",
}
BATCH = 500


@dataclass(slots=True)
class ExportSummary:
    articles: int = 0
    stories: int = 0
    files: list[Path] = field(default_factory=list)


def export_store(
    store: Store,
    out_dir: Path,
    fmt: Format = "jsonl",
    *,
    stories: bool = False,
    annotations: bool = False,
    batch: int = BATCH,
) -> ExportSummary:
    """Write ``articles.<fmt>`` (and ``stories.<fmt>``) into ``out_dir``, a batch of rows
    at a time: memory does not grow with the store."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary()
    columns = (*COLUMNS, "annotations") if annotations else COLUMNS
    path = out_dir / f"articles.{fmt}"
    writer = open_writer(path, fmt, columns, KINDS)
    try:
        for articles in store.article_batches(batch=batch):
            story = store.stories_of(a.id for a in articles)
            records = [article_record(a, story.get(a.id)) for a in articles]
            if annotations:
                notes = store.get_annotations([a.id for a in articles])
                records = [with_annotations(r, notes.get(r["id"])) for r in records]
            writer.write(records)
            summary.articles += len(records)
    finally:
        writer.close()
    summary.files.append(path)
    if stories:
        path = out_dir / f"stories.{fmt}"
        story_writer = open_writer(path, fmt, STORY_COLUMNS, STORY_KINDS)
        try:
            summary.stories = _write_stories(store, story_writer, fmt, batch)
        finally:
            story_writer.close()
        summary.files.append(path)
    log.info("exported %d articles, %d stories to %s", summary.articles, summary.stories, out_dir)
    return summary


def _write_stories(store: Store, writer: RowWriter, fmt: Format, batch: int) -> int:
    count = 0
    for reports in store.report_batches(batch=max(1, batch // 5)):
        writer.write([_story_row(r) for r in reports])
        count += len(reports)
    return count


def _story_row(report: dict[str, Any]) -> dict[str, Any]:
    span = report.get("span") or {}
    # one article per URL: superseded versions ride in the report only for their figures
    articles = [a for a in report.get("articles", []) if a.get("current", True)]
    return {
        "id": report["id"],
        "title": report.get("title"),
        "start": span.get("start"),
        "end": span.get("end"),
        "n_articles": len(articles),
        "outlets": sorted({a.get("outlet") or "" for a in articles}),
        "articles": [a.get("id") for a in articles],
        "report": report,
    }
