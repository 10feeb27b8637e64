"""The versions section of a story's report: its articles that changed after publication.

Kept apart from the story views: versions are read from the store (every stored
version of each article's URL), not from the comparison, and rendered by their own
template macro (``_versions.html``) and Markdown function.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from newsprism.report.markdown import md
from newsprism.versions import VersionHistory, version_history

if TYPE_CHECKING:
    from newsprism.store.protocol import Store


def story_versions(store: Store, article_ids: Iterable[str]) -> list[VersionHistory]:
    """The version history of every article of a story that has more than one version."""
    out = []
    for article in store.get_articles(list(article_ids)):
        history = version_history(store.article_versions(article.key))
        if history is not None and history.changed:
            out.append(history)
    return out


def _when(value: Any) -> str:
    return value.isoformat(sep=" ", timespec="minutes") if value else "?"


def versions_markdown(histories: Sequence[VersionHistory]) -> str:
    if not histories:
        return ""
    lines = ["### Versions", ""]
    for h in histories:
        lines.append(f"#### {md(h.outlet)}: {md(h.entries[-1].title) or '(untitled)'}")
        lines.append("")
        for e in h.entries:
            times = f"stored {_when(e.stored_at)} UTC"
            if e.fetched_at:
                times += f", fetched {_when(e.fetched_at)} UTC"
            if e.published:
                times += f", published {_when(e.published)}"
            if e.updated:
                times += f", updated {_when(e.updated)}"
            current = " (current)" if e.current else ""
            lines.append(f"- version {e.version}{current}: {times}; {e.words} words")
            if e.diff is None:
                continue
            if e.diff.title_changed:
                lines.append(
                    f"  - headline: ~~{md(e.diff.title_before)}~~ → **{md(e.diff.title_after)}**"
                )
            shown = "".join(
                f"~~{md(c.text.strip())}~~ "
                if c.op == "removed"
                else f"**{md(c.text.strip())}** "
                if c.op == "added"
                else md(c.text)
                for c in e.diff.shown()
            )
            lines.append(
                f"  - +{e.diff.words_added} / −{e.diff.words_removed} words: {shown.strip()}"
            )
        lines.append("")
    return "\n".join(lines)
