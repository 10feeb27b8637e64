"""Markdown version of the reports, for pasting into notes.

Markdown has no escaping contract, so text from articles is neutralised here:
characters that would start markup (links, emphasis, tables, HTML) are escaped
so a hostile title cannot inject a link or raw HTML into someone's notes app.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsprism.compare.records import DiffOp, IndexRow
from newsprism.report.charts import figure_chain
from newsprism.report.templating import visible_controls
from newsprism.report.views import DigestItem, FindingView, StoryView
from newsprism.wording import counted

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")
_SPACE = re.compile(r"\s+")


def md(text: str | None) -> str:
    """One line of untrusted text, safe inside Markdown paragraphs and table cells."""
    if not text:
        return ""
    flat = _SPACE.sub(" ", str(visible_controls(str(text))))
    return _SPECIAL.sub(r"\\\1", flat)


def _diff(ops: Sequence[DiffOp]) -> str:
    return " ".join(
        f"~~{md(d.text)}~~" if d.op == "removed" else f"**{md(d.text)}**" if d.op == "added"
        else md(d.text)
        for d in ops
    )  # fmt: skip


def _finding(f: FindingView) -> list[str]:
    lines = [f"- **{md(f.grade_words)}** — {md(f.slot)}: {md(f.explanation)}"]
    if f.development:
        lines.append("  - " + md(figure_chain(f.development)))
    if f.caveat:
        lines.append(f"  - caveat: {md(f.caveat)}")
    for ev in f.values:
        lines.append(f"  - {md(ev.outlet)}: **{md(ev.value)}** — “{md(ev.text)}”")
        if ev.gloss:
            lines.append(f"    - English gloss (machine translation): {md(ev.gloss)}")
    return lines


def _support(d: DigestItem) -> str:
    """Net support in words: who carries the line, and who contradicts it."""
    extra = f", {d.independent} independent" if d.independent != len(d.outlets) else ""
    who = ", ".join(map(md, d.outlets))
    told = f"net support **{d.net}**: {counted(len(d.outlets), 'outlet')}{extra}: {who}"
    if d.contradicted_by:
        told += f"; contradicted by {', '.join(map(md, d.contradicted_by))}"
    return told


def story_markdown(v: StoryView) -> str:
    lines = [f"## {md(v.title)}", ""]
    lines.append(
        f"{md(v.start) or '?'} – {md(v.end) or '?'} · {counted(len(v.articles), 'article')} · "
        f"outlets: {', '.join(md(o) for o in v.outlets)} · "
        f"{counted(v.n_conflicts, 'contradiction')}"
    )
    lines.append("")
    o = v.overview
    lines += ["### What differs", ""]
    for title, found in (("Contradictions", o.contradictions),
                         ("Figures that changed between reports", o.updates),
                         ("Different but compatible", o.differences)):  # fmt: skip
        if found:
            lines += [f"#### {title}", ""]
            for f in found:
                lines += _finding(f)
            lines.append("")
    if o.empty:
        lines += ["No contradictions, changed figures or differing accounts found.", ""]
    if o.single_outlet:
        lines += ["#### Claims only one outlet carries", ""]
        lines += [f"- {md(c.outlet)}: {md(c.text)}" for c in o.single_outlet]
        lines.append("")
    if o.provenance:
        lines += [f"Provenance: {md('; '.join(o.provenance))}.", ""]
    if v.figures:
        lines += ["### Figures", ""]
        if v.tolls:
            told = " · ".join(
                f"**{md(t.figure)}** {md(t.outcome)} ({md(t.basis)}"
                + (f"; read as {md(t.reading)}" if t.reading else "")
                + ("; outlets differ: see above" if t.finding else "")
                + ")"
                + (f", set aside: {md('; '.join(t.set_aside))}" if t.set_aside else "")
                for t in v.tolls
            )
            lines += [f"The story's figures: {told}", ""]
        for g in v.figures:
            given = "; ".join(f"{md(e.value)} ({md(e.outlet)})" for e in g.values)
            lines.append(f"- {md(g.label)}: **{md(g.figure) or '?'}** — {given}")
        lines.append("")
    if v.digest:
        lines += ["### Digest", ""]
        for d in v.digest:
            lines.append(f"- {md(d.text)} ({_support(d)})")
        lines.append("")
    if v.coverage.bars:
        lines += ["### Claims per outlet", ""]
        for b in v.coverage.bars:
            against = f", contradicts {b.contradicts}" if b.contradicts else ""
            lines.append(
                f"- {md(b.outlet)}: carries {b.carried} of {b.total}{against}, "
                f"leaves out {b.left_out}"
            )
        lines.append("")
    if v.matrix:
        lines += ["### Coverage", ""]
        lines.append("| claim | " + " | ".join(md(o) for o in v.outlets) + " |")
        lines.append("|---|" + "---|" * len(v.outlets))
        for row in v.matrix:
            marks = " | ".join(f"{c.symbol} {c.label}" for c in row.cells)
            lines.append(f"| {md(row.text)} | {marks} |")
        lines.append("")
    if v.quotes:
        lines += ["### Quotes", ""]
        for q in v.quotes:
            lines.append(f"- {md(q.speaker) or 'unattributed'}: “{md(q.text)}”")
            if q.note:
                lines.append(f"  - note: {md(q.note)}")
            for var in q.variants:
                shown = _diff(var.diff) or md(var.evidence.text)
                lines.append(f"  - {md(var.evidence.outlet)} ({md(var.wording)}): {shown}")
            for p in q.paraphrases:
                lines.append(f"  - {md(p.outlet)} (paraphrase, no quotation marks): {md(p.text)}")
        lines.append("")
    if v.names:
        lines += ["### Names and spellings", ""]
        for n in v.names:
            forms = "; ".join(f"{md(f)} ({', '.join(map(md, outs))})" for f, _, outs in n.forms)
            lines.append(f"- {md(n.name)}: {forms} — {md(n.explanation)}")
        lines.append("")
    if v.framing:
        lines += ["### Framing", ""]
        for actor in v.framing:
            parts = []
            for outlet, labels in zip(v.outlets, actor.cells, strict=True):
                if labels:
                    words = ", ".join(
                        f"“{md(e.value)}”" if e.extra.get("voice") == "quoted" else md(e.value)
                        for e in labels
                    )
                    parts.append(f"{md(outlet)}: {words}")
            lines.append(f"- {md(actor.name)} — {'; '.join(parts) or 'no labels'}")
        lines.append("")
    if v.timeline.rows:
        lines += ["### Timeline", ""]
        for r in v.timeline.rows:
            note = " (related story)" if r.related else ""
            lines.append(f"- {md(r.when)}: {md(r.description)}{note}")
        for r in v.timeline.background:
            lines.append(f"- background, {md(r.when)}: {md(r.description)}")
        for r in v.timeline.later:
            lines.append(f"- later, {md(r.when)}: {md(r.description)}")
        lines.append("")
    if v.reuse_rows:
        lines += ["### Reuse", ""]
        for pair in v.reuse_rows:
            lines.append(
                f"- {md(pair.a_outlet)} ↔ {md(pair.b_outlet)}: {md(pair.kind)} "
                f"({float(pair.score):.2f}), origin: {md(pair.origin_label) or 'unknown'}"
            )
        lines.append("")
    return "\n".join(lines)


def report_markdown(stories: Sequence[StoryView]) -> str:
    head = [f"# newsprism report: {len(stories)} stories", ""]
    for v in stories:
        head.append(f"- {md(v.title)} ({md(v.start) or '?'}, {v.n_conflicts} contradictions)")
    head.append("")
    return "\n".join(head + [story_markdown(v) for v in stories])


def story_page_markdown(v: StoryView, index: str = "../../report.md") -> str:
    """One story's own Markdown file, with a link back to the index."""
    return f"[← all stories]({index})\n\n{story_markdown(v)}"


def index_markdown(
    entries: Sequence[IndexRow],
    pages: Mapping[str, str],
    top: Sequence[tuple[IndexRow, Sequence[DigestItem]]] = (),
    stories: Sequence[StoryView] = (),
) -> str:
    """The Markdown index; ``pages`` maps a story id to its own .md file (ours: safe path)."""
    lines = [f"# newsprism report: {counted(len(entries), 'story', 'stories')}", ""]
    for e in entries:
        title = md(e.title)
        page = pages.get(e.id)
        lines.append(
            f"- {f'[{title}]({page})' if page else title} "
            f"({md(e.span.start) or '?'} – {md(e.span.end) or '?'} · "
            f"{counted(e.n_articles, 'article')} · outlets: {', '.join(md(o) for o in e.outlets)}"
            f" · {counted(e.n_conflicts, 'contradiction')})"
        )
    lines.append("")
    if top:
        lines += ["## Top stories", ""]
        for e, digest in top:
            lines += [f"### {md(e.title)}", ""]
            for d in digest:
                outlets = ", ".join(map(md, d.outlets))
                lines.append(f"- {md(d.text)} (**{len(d.outlets)}** outlets: {outlets})")
            lines.append("")
    return "\n".join(lines + [story_markdown(v) for v in stories])
