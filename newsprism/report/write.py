"""Write the three report files for a store: JSON for machines, HTML to read, Markdown for notes.

Files are written to a temporary name and renamed into place, so an interrupted
run never leaves half a report next to a complete one from an earlier run.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.errors import NotFound
from newsprism.report.markdown import report_markdown
from newsprism.report.templating import Links, asset, csp_hash, environment
from newsprism.report.views import StoryView, count_conflicts, story_outlets, story_view

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReportFiles:
    json: Path
    html: Path
    md: Path
    n_stories: int


def index_entry(report: Mapping[str, Any]) -> dict[str, Any]:
    """One line of the story index, as in report.json and the web app's story list."""
    span = report.get("span") or {}
    return {
        "id": report["id"],
        "title": report["title"],
        "span": {"start": span.get("start"), "end": span.get("end")},
        "outlets": story_outlets(report),
        "n_articles": len(report.get("articles", [])),
        "n_conflicts": count_conflicts(report),
    }


def load_reports(store: Any, story_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    if story_ids is None:
        # Widest coverage first: the story most outlets covered is what a reader opens.
        return sorted(
            store.reports(),
            key=lambda r: (
                -len(r.get("articles", [])),
                (r.get("span") or {}).get("start") or "",
                r["id"],
            ),
        )
    out = []
    for sid in story_ids:
        try:
            out.append(store.get_report(sid))
        except NotFound:
            log.warning("no report for story %s; skipped", sid)
    return out


def build_views(store: Any, reports: Sequence[Mapping[str, Any]]) -> list[StoryView]:
    """Story views with their articles and annotations, read from the store once per story."""
    entities = store.entities()
    views = []
    for report in reports:
        ids = [a["id"] for a in report.get("articles", [])]
        views.append(
            story_view(report, store.get_articles(ids), store.get_annotations(ids), entities)
        )
    return views


def render_html(views: Sequence[StoryView]) -> str:
    """The single self-contained page: inline CSS and JS pinned by hash in a CSP meta tag."""
    css, js = asset("style.css"), asset("report.js")
    outlets = {o for v in views for o in v.outlets}
    template = environment().get_template("report.html")
    return template.render(
        stories=views,
        links=Links(),
        css=css,
        js=js,
        style_hash=csp_hash(css),
        script_hash=csp_hash(js),
        n_articles=sum(len(v.articles) for v in views),
        n_outlets=len(outlets),
    )


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_reports(store: Any, out_dir: Path, story_ids: Sequence[str] | None = None) -> ReportFiles:
    """report.json, report.html and report.md for the given stories (default: all)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    reports = load_reports(store, story_ids)
    views = build_views(store, reports)
    files = ReportFiles(
        out_dir / "report.json", out_dir / "report.html", out_dir / "report.md", len(reports)
    )
    payload = {
        "schema_version": "1",
        "index": [index_entry(r) for r in reports],
        "stories": reports,
    }
    _write_atomic(files.json, json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True))
    _write_atomic(files.html, render_html(views))
    _write_atomic(files.md, report_markdown(views))
    log.info("wrote reports for %d stories to %s", len(reports), out_dir)
    return files
