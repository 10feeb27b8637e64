"""Markdown version of the reports, for pasting into notes.

Markdown has no escaping contract, so text from articles is neutralised here:
characters that would start markup (links, emphasis, tables, HTML) are escaped
so a hostile title cannot inject a link or raw HTML into someone's notes app.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from newsprism.report.views import DigestItem, StoryView

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")
_SPACE = re.compile(r"\s+")


def md(text: str | None) -> str:
    """One line of untrusted text, safe inside Markdown paragraphs and table cells."""
    if not text:
        return ""
    flat = _SPACE.sub(" ", str(text))
    return _SPECIAL.sub(r"\\\1", flat)


def story_markdown(v: StoryView) -> str:
    lines = [f"## {md(v.title)}", ""]
    lines.append(
        f"{md(v.start) or '?'} – {md(v.end) or '?'} · {len(v.articles)} articles · "
        f"outlets: {', '.join(md(o) for o in v.outlets)} · {v.n_conflicts} conflicts"
    )
    lines.append("")
    if v.digest:
        lines += ["### Digest", ""]
        for d in v.digest:
            lines.append(
                f"- {md(d.text)} (**{d.support}** outlets: {', '.join(map(md, d.outlets))})"
            )
        lines.append("")
    if v.matrix:
        lines += ["### Coverage", ""]
        lines.append("| fact | " + " | ".join(md(o) for o in v.outlets) + " |")
        lines.append("|---|" + "---|" * len(v.outlets))
        for row in v.matrix:
            marks = " | ".join(f"{c.symbol} {c.state}" for c in row.cells)
            lines.append(f"| {md(row.text)} | {marks} |")
        lines.append("")
    if v.conflicts:
        lines += ["### Conflicts", ""]
        for c in v.conflicts:
            lines.append(f"- **{md(c.grade)}** — {md(c.slot)}: {md(c.explanation)}")
            for ev in c.values:
                lines.append(f"  - {md(ev.outlet)}: **{md(ev.value)}** — “{md(ev.text)}”")
        lines.append("")
    if v.quotes:
        lines += ["### Quotes", ""]
        for q in v.quotes:
            lines.append(f"- {md(q.speaker) or 'unattributed'}: “{md(q.text)}”")
            for var in q.variants:
                shown = "".join(
                    f"~~{md(d.text)}~~"
                    if d.op == "removed"
                    else f"**{md(d.text)}**"
                    if d.op == "added"
                    else md(d.text)
                    for d in var.diff
                ) or md(var.evidence.text)
                lines.append(f"  - {md(var.evidence.outlet)} ({md(var.kind)}): {shown}")
        lines.append("")
    if v.framing:
        lines += ["### Framing", ""]
        for f in v.framing:
            parts = []
            for outlet, labels in zip(v.outlets, f.cells, strict=True):
                if labels:
                    words = ", ".join(
                        f"“{md(e.value)}”" if e.extra.get("voice") == "quoted" else md(e.value)
                        for e in labels
                    )
                    parts.append(f"{md(outlet)}: {words}")
            lines.append(f"- {md(f.name)} — {'; '.join(parts) or 'no labels'}")
        lines.append("")
    if v.timeline.rows:
        lines += ["### Timeline", ""]
        for r in v.timeline.rows:
            when = r.start if r.end == r.start else f"{r.start} – {r.end}"
            lines.append(f"- {when}: {md(r.description)}")
        lines.append("")
    if v.reuse_rows:
        lines += ["### Reuse", ""]
        for r in v.reuse_rows:
            origin = r.get("origin_label")
            lines.append(
                f"- {md(r['a_outlet'])} ↔ {md(r['b_outlet'])}: {md(r['kind'])} "
                f"({float(r['score']):.2f}), origin: {md(origin) or 'unknown'}"
            )
        lines.append("")
    return "\n".join(lines)


def report_markdown(stories: Sequence[StoryView]) -> str:
    head = [f"# newsprism report: {len(stories)} stories", ""]
    for v in stories:
        head.append(f"- {md(v.title)} ({md(v.start) or '?'}, {v.n_conflicts} conflicts)")
    head.append("")
    return "\n".join(head + [story_markdown(v) for v in stories])


def story_page_markdown(v: StoryView, index: str = "../../report.md") -> str:
    """One story's own Markdown file, with a link back to the index."""
    return f"[← all stories]({index})\n\n{story_markdown(v)}"


def index_markdown(
    entries: Sequence[Mapping[str, Any]],
    pages: Mapping[str, str],
    top: Sequence[tuple[Mapping[str, Any], Sequence[DigestItem]]] = (),
    stories: Sequence[StoryView] = (),
) -> str:
    """The Markdown index; ``pages`` maps a story id to its own .md file (ours: safe path)."""
    lines = [f"# newsprism report: {len(entries)} stories", ""]
    for e in entries:
        span = e.get("span") or {}
        title = md(e["title"])
        page = pages.get(e["id"])
        lines.append(
            f"- {f'[{title}]({page})' if page else title} "
            f"({md(span.get('start')) or '?'} – {md(span.get('end')) or '?'} · "
            f"{e['n_articles']} articles · outlets: {', '.join(md(o) for o in e['outlets'])} · "
            f"{e['n_conflicts']} conflicts)"
        )
    lines.append("")
    if top:
        lines += ["## Top stories", ""]
        for e, digest in top:
            lines += [f"### {md(e['title'])}", ""]
            for d in digest:
                lines.append(
                    f"- {md(d.text)} (**{d.support}** outlets: {', '.join(map(md, d.outlets))})"
                )
            lines.append("")
    return "\n".join(lines + [story_markdown(v) for v in stories])
