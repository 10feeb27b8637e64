"""Link stories that continue one another (same actors and issue, days or weeks apart).

A storyline is kept as links (``Story.related``) rather than a merge: the January strike
and the February strike are two events, but a reader of one wants the other.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime

import numpy as np
import scipy.sparse as sp

from newsprism.model import Article, Story
from newsprism.stories.features import WordWeights, build_features
from newsprism.stories.neighbours import knn, naive_utc
from newsprism.stories.options import StoryOptions

STORY_NEIGHBOURS = 15


def link_storylines(
    stories: Sequence[Story],
    articles: Sequence[Article],
    vectors: np.ndarray,
    entities_by_article: Mapping[str, set[str]] | None = None,
    options: StoryOptions | None = None,
    weights: WordWeights | None = None,
) -> list[Story]:
    """Copies of ``stories`` with ``related`` filled in both directions (kept links stay).

    Two stories are related when the average similarity of their articles reaches
    the related cut (``StoryOptions.cuts``), their dates (when known) lie within
    ``related_max_days``, and,
    when entities are given, they share at least ``related_min_entities`` of them.
    ``weights`` as in ``cluster_stories``: the corpus's, when ``articles`` are a part of it.
    """
    options = options or StoryOptions()
    pos = {a.id: i for i, a in enumerate(articles)}
    members = [[pos[x] for x in s.articles if x in pos] for s in stories]
    present = [k for k, m in enumerate(members) if m]
    related: dict[int, set[str]] = {k: set(s.related) for k, s in enumerate(stories)}
    if len(present) >= 2:
        cut = options.cuts().related
        feats = build_features(articles, vectors, entities_by_article, options, weights)
        rows = [r for k in present for r in [k] * len(members[k])]
        cols = [m for k in present for m in members[k]]
        which = {k: r for r, k in enumerate(present)}
        membership = sp.csr_matrix(
            (np.ones(len(cols)), ([which[r] for r in rows], cols)),
            shape=(len(present), len(articles)),
        )
        sums = (membership @ feats.sparse).tocsr()
        dense = membership @ feats.dense
        sizes = np.array([len(members[k]) for k in present], dtype=np.float64)
        ents = _story_entities(stories, present, entities_by_article)
        unit = dense / np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-12)
        idx, _ = knn(unit.astype(np.float32), STORY_NEIGHBOURS)
        for x in range(len(present)):
            for y in idx[x]:
                if y < 0 or y <= x:
                    continue
                a, b = stories[present[x]], stories[present[int(y)]]
                words = sums[x].multiply(sums[int(y)]).sum()
                link = (words + dense[x] @ dense[int(y)]) / (sizes[x] * sizes[y])
                if link < cut or not _close(a, b, options):
                    continue
                if ents is not None and len(ents[x] & ents[int(y)]) < options.related_min_entities:
                    continue
                related[present[x]].add(b.id)
                related[present[int(y)]].add(a.id)
    return [dataclasses.replace(s, related=sorted(related[k])) for k, s in enumerate(stories)]


def _story_entities(
    stories: Sequence[Story],
    present: list[int],
    entities_by_article: Mapping[str, set[str]] | None,
) -> list[set[str]] | None:
    if not entities_by_article:
        return None
    out = []
    for k in present:
        ents: set[str] = set()
        for aid in stories[k].articles:
            ents |= entities_by_article.get(aid, set())
        out.append(ents)
    return out


def _close(a: Story, b: Story, options: StoryOptions) -> bool:
    """Unknown dates do not rule a link out; known ones must be within the limit."""
    if not (a.start and a.end and b.start and b.end):
        return True
    gap = max(_t(a.start), _t(b.start)) - min(_t(a.end), _t(b.end))
    return gap.days <= options.related_max_days


def _t(d: datetime) -> datetime:
    return naive_utc(d)
