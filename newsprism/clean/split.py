"""Several articles in one page: find where a new article starts.

A page that holds two stories shows a second headline block after the first body:
a headline that was not seen before, and with it what headline blocks carry — the
headline repeated, a photo caption, a date line. A subheading inside one article
also follows prose, so a caption alone only splits when the text after it is about
something else, and a repeated title (the page's own title shown again) never does.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date

from newsprism.clean.boilerplate import Labelled, headline_like, same_text
from newsprism.clean.dates import find_dates
from newsprism.clean.options import CleanOptions

_CONTENT = re.compile(r"[^\W\d_]{3,}")


def split_segments(
    labels: list[Labelled], stopwords: frozenset[str], options: CleanOptions
) -> list[list[Labelled]]:
    """The page's lines cut into one list per article (one list when there is one)."""
    if not options.split_pages:
        return [labels]
    cuts = [0]
    titles: list[str] = [s.line.key for s in _head(labels, 0) if _title_candidate(s)]
    for i, item in enumerate(labels):
        if i <= cuts[-1] or not _title_candidate(item):
            continue
        if any(same_text(item.line.key, t) for t in titles):
            continue
        seen_prose = any(s.prose for s in labels[cuts[-1] : i])
        if not seen_prose:
            titles.append(item.line.key)
            continue
        if _starts_article(labels, cuts[-1], i, stopwords, options):
            cuts.append(i)
        titles.append(item.line.key)
    return [labels[a:b] for a, b in zip(cuts, [*cuts[1:], len(labels)], strict=True)]


def _title_candidate(item: Labelled) -> bool:
    return item.reason is None and not item.prose and headline_like(item.line)


def _head(labels: list[Labelled], start: int) -> list[Labelled]:
    """The non-prose run starting at ``start``."""
    out = []
    for item in labels[start:]:
        if item.prose:
            break
        out.append(item)
    return out


def _starts_article(
    labels: list[Labelled], seg_start: int, i: int, stopwords: frozenset[str], options: CleanOptions
) -> bool:
    head = _head(labels, i)
    body_after = _body_until_next_head(labels, i + len(head))
    if sum(s.line.n_words for s in body_after) < options.split_min_words:
        return False
    key = labels[i].line.key
    repeated = any(same_text(s.line.key, key) for s in head[1:])
    captioned = any((s.reason or "").startswith("photo-caption") for s in head)
    before = [s for s in labels[seg_start:i] if s.prose]
    if repeated:
        return True
    if _date_jump(labels[seg_start:i], head, options):
        return True
    if captioned:
        return _similarity(before, body_after, stopwords) < options.split_max_topic_similarity
    return False


def _body_until_next_head(labels: list[Labelled], start: int) -> list[Labelled]:
    out: list[Labelled] = []
    for item in labels[start:]:
        if not item.prose and _title_candidate(item) and out:
            break
        if item.prose:
            out.append(item)
    return out


def _date_jump(before: list[Labelled], head: list[Labelled], options: CleanOptions) -> bool:
    """The new headline block states a date other than the one the previous article stated."""

    def dates(items: list[Labelled]) -> set[date]:
        return {
            d.value.date()
            for s in items
            if s.reason == "date-line"
            for d in find_dates(s.line.text, day_first=options.day_first)
        }

    old, new = dates(before), dates(head)
    return bool(old and new and not old & new)


def _similarity(a: list[Labelled], b: list[Labelled], stopwords: frozenset[str]) -> float:
    """Cosine of content-word counts: how much two runs of prose talk about the same things."""

    def bag(items: list[Labelled]) -> Counter[str]:
        words = (w.casefold() for s in items for w in _CONTENT.findall(s.line.text))
        return Counter(w for w in words if w not in stopwords)

    x, y = bag(a), bag(b)
    dot = sum(x[w] * y[w] for w in x.keys() & y.keys())
    norm = math.sqrt(sum(v * v for v in x.values())) * math.sqrt(sum(v * v for v in y.values()))
    return dot / norm if norm else 0.0
