"""Time windows for grouping at scale: bounded work per task, no story cut at an edge.

Articles are split by publication date into consecutive windows of ``days`` days.
A window also takes the ``overlap`` days before it, and the members of every story
already found that reaches into it; the executor groups those members again with
the window's articles (or, for a story kept from an earlier run, continues it), so a
story that straddles an edge comes out whole rather than split in two. Undated
articles go to every window until a story with a dated article takes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

PARTITION_DAYS = 28


@dataclass(frozen=True, slots=True)
class Window:
    start: datetime  # core start (inclusive), UTC
    end: datetime  # core end (exclusive)
    dated: tuple[str, ...]  # article ids dated in [start - overlap, end)


def _utc(d: datetime) -> datetime:
    """Naive dates (no zone on the page) are compared as UTC, so mixed input sorts."""
    return d if d.tzinfo else d.replace(tzinfo=UTC)


def dated_span(dates: Sequence[tuple[str, datetime | None]]) -> timedelta:
    stamps = [_utc(d) for _, d in dates if d is not None]
    return max(stamps) - min(stamps) if stamps else timedelta(0)


def make_windows(
    dates: Sequence[tuple[str, datetime | None]], days: int, overlap_days: int
) -> list[Window]:
    """Consecutive windows over the dated articles; empty windows are left out."""
    stamps = sorted((_utc(d), i) for i, d in dates if d is not None)
    if not stamps:
        return []
    size, overlap = timedelta(days=days), timedelta(days=overlap_days)
    first, last = stamps[0][0], stamps[-1][0]
    windows: list[Window] = []
    start = first
    while start <= last:
        end = start + size
        ids = tuple(i for d, i in stamps if start - overlap <= d < end)
        if any(start <= d < end for d, _ in stamps):
            windows.append(Window(start, end, ids))
        start = end
    return windows
