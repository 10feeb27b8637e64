"""What changed between the stored versions of one article, word by word.

Outlets edit stories after publishing them: a death toll rises, a quote is softened,
a headline changes. Ingest already keeps every version of a URL's content
(``Article.key``/``version``); this module turns those versions into typed records a
report or the web app shows as they are: each version with its times, and the word
diff from the version before it (what NewsDiffs did for five outlets, here for any).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from newsprism.model import ArticleVersion

Op = Literal["same", "added", "removed"]
_TOKEN = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class WordChange:
    """A run of words the newer version kept, added or removed (with their spacing)."""

    op: Op
    text: str


@dataclass(slots=True)
class VersionDiff:
    """How one version differs from the one before it."""

    old_id: str
    new_id: str
    changes: list[WordChange]
    words_added: int
    words_removed: int
    title_before: str | None = None  # set only when the headline changed
    title_after: str | None = None

    @property
    def title_changed(self) -> bool:
        return self.title_before != self.title_after

    def shown(self, context: int = 12) -> list[WordChange]:
        """The changes as a report shows them: long unchanged runs cut to ``context``
        words each side."""
        return compact(self.changes, context)


@dataclass(slots=True)
class VersionEntry:
    """One version as a reader sees it: its number, times, title and changes."""

    version: int
    article_id: str
    title: str | None
    stored_at: datetime
    fetched_at: datetime | None
    published: datetime | None
    updated: datetime | None
    current: bool
    words: int
    diff: VersionDiff | None = None  # from the previous version; None for the first


@dataclass(slots=True)
class VersionHistory:
    key: str
    url: str | None
    outlet: str
    entries: list[VersionEntry] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return len(self.entries) > 1


def word_diff(old: str, new: str) -> list[WordChange]:
    """The newer text as runs of kept, added and removed words (spacing kept with each)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b], False)
    out: list[WordChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(out, "same", "".join(b[j1:j2]))
            continue
        if i2 > i1:
            _append(out, "removed", "".join(a[i1:i2]))
        if j2 > j1:
            _append(out, "added", "".join(b[j1:j2]))
    return out


def _append(out: list[WordChange], op: Op, text: str) -> None:
    if not text:
        return
    if out and out[-1].op == op:
        out[-1] = WordChange(op, out[-1].text + text)
    else:
        out.append(WordChange(op, text))


def compact(changes: Sequence[WordChange], context: int = 12) -> list[WordChange]:
    """The changes with long unchanged runs cut to ``context`` words each side ("…"),
    so a one-word correction in a long article reads as one line."""
    out: list[WordChange] = []
    for i, change in enumerate(changes):
        words = change.text.split()
        if change.op != "same" or len(words) <= 2 * context + 1:
            out.append(change)
            continue
        head = " ".join(words[:context]) if i > 0 else ""
        tail = " ".join(words[-context:]) if i < len(changes) - 1 else ""
        text = " … ".join(p for p in (head, tail) if p) or "…"
        if i > 0 and not tail:
            text += " …"
        elif i < len(changes) - 1 and not head:
            text = "… " + text
        out.append(WordChange("same", text + (" " if tail else "")))
    return out


def diff_versions(old: ArticleVersion, new: ArticleVersion) -> VersionDiff:
    changes = word_diff(old.article.text, new.article.text)
    title_changed = old.article.title != new.article.title
    return VersionDiff(
        old.article.id,
        new.article.id,
        changes,
        sum(len(c.text.split()) for c in changes if c.op == "added"),
        sum(len(c.text.split()) for c in changes if c.op == "removed"),
        old.article.title if title_changed else None,
        new.article.title if title_changed else None,
    )


def version_history(versions: Sequence[ArticleVersion]) -> VersionHistory | None:
    """The versions of one article (as ``Store.article_versions`` lists them, oldest
    first) with the diff of each from the one before; None when there are none."""
    if not versions:
        return None
    latest = versions[-1].article
    history = VersionHistory(latest.key, latest.url, latest.display_outlet)
    previous: ArticleVersion | None = None
    for v in versions:
        a = v.article
        history.entries.append(
            VersionEntry(
                version=a.version,
                article_id=a.id,
                title=a.title,
                stored_at=v.stored_at,
                fetched_at=v.fetched_at,
                published=a.published,
                updated=a.updated,
                current=v.current,
                words=len(a.text.split()),
                diff=diff_versions(previous, v) if previous is not None else None,
            )
        )
        previous = v
    return history
