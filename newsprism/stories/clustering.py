"""Group articles into stories (one real-world event each), incrementally and reproducibly.

Method: average-linkage agglomerative clustering on a sparse candidate graph. Each
article is linked only to its approximate nearest neighbours within the time window;
two groups merge, best pair first, while the average similarity of all their article
pairs stays above the cluster cut (``StoryOptions.cuts``). A pair's similarity is its
text similarity (exact from row sums, see ``features``) plus, when the articles are
annotated, the event-identity score of ``evidence``: shared names and figures raise it,
event days apart lower it. Groups whose known publication dates lie more than
``window_days`` apart never merge; articles without a date are judged on the rest.

Incremental: groups seeded from ``existing`` stories keep their ids and articles; new
articles may join them or form new stories, but two existing stories are never merged.

Story ids: ``st-`` + the first 16 hex digits of sha256 over the sorted ids of the
articles a story had when it was first made. Articles that join later do not change the
id, so a rerun on the same data, or on the same data plus new articles, keeps every id.
"""

from __future__ import annotations

import heapq
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from newsprism.model import Article, Story, sha256_hex
from newsprism.stories.evidence import EventEvidence, pair_score
from newsprism.stories.features import Features, WordWeights, build_features
from newsprism.stories.neighbours import candidate_pairs, naive_utc
from newsprism.stories.options import StoryOptions
from newsprism.stories.textunits import lead_line

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Group:
    members: list[int]
    idx: np.ndarray  # sparse sum: sorted column indices
    val: np.ndarray  # sparse sum: values
    dense: np.ndarray  # dense sum
    first: datetime | None
    last: datetime | None
    story: Story | None = None  # the existing story this group continues
    key: str = ""  # smallest article id, for deterministic tie-breaking
    version: int = 0
    neighbours: set[int] = field(default_factory=set)


def story_id(article_ids: Sequence[str]) -> str:
    return "st-" + sha256_hex("\n".join(sorted(article_ids)))[:16]


def cluster_stories(
    articles: Sequence[Article],
    vectors: np.ndarray,
    existing: Sequence[Story] = (),
    entities_by_article: Mapping[str, set[str]] | None = None,
    options: StoryOptions | None = None,
    weights: WordWeights | None = None,
    evidence: Mapping[str, EventEvidence] | None = None,
) -> list[Story]:
    """Every story: the ``existing`` ones (possibly grown), then the new ones.

    Pass the articles of existing stories that may still grow (at least those within the
    time window of the new ones) together with the new articles; ``vectors`` has one row
    per article, as returned by ``embed_articles``. When ``articles`` are a part of a
    larger corpus (a time window), pass the corpus's ``weights`` (``count_words``) so
    words weigh what they weigh over the whole corpus; by default TF-IDF is fitted on
    ``articles``. ``evidence``: each article's event identity (``stories.evidence``);
    without it, text alone decides.
    """
    options = options or StoryOptions()
    if len(articles) != len(vectors):
        raise ValueError(f"{len(articles)} articles but {len(vectors)} vectors")
    feats = build_features(articles, vectors, entities_by_article, options, weights)
    events = _EventScores([evidence.get(a.id) for a in articles] if evidence else None, options)
    groups, owner = _seed_groups(articles, feats, existing)
    _link_candidates(articles, feats, groups, owner, options, events)
    _merge(groups, options, events)
    stories = _to_stories(articles, feats, groups, existing)
    log.info("clustered %d articles into %d stories", len(articles), len(stories))
    return stories


# ------------------------------------------------------------------ event identity


class _EventScores:
    """Pair event scores (``evidence.pair_score``), computed once per pair."""

    def __init__(self, evidence: list[EventEvidence | None] | None, options: StoryOptions):
        self.evidence = evidence
        self.options = options
        self.cache: dict[tuple[int, int], float] = {}

    def pair(self, i: int, j: int) -> float:
        if self.evidence is None:
            return 0.0
        key = (i, j) if i < j else (j, i)
        found = self.cache.get(key)
        if found is None:
            a, b = self.evidence[i], self.evidence[j]
            found = 0.0 if a is None or b is None else pair_score(a, b, self.options)
            self.cache[key] = found
        return found

    def mean(self, a: list[int], b: list[int]) -> float:
        if self.evidence is None:
            return 0.0
        return sum(self.pair(i, j) for i in a for j in b) / (len(a) * len(b))


# ------------------------------------------------------------------ groups


def _seed_groups(
    articles: Sequence[Article], feats: Features, existing: Sequence[Story]
) -> tuple[dict[int, _Group], list[int]]:
    pos = {a.id: i for i, a in enumerate(articles)}
    owner = [-1] * len(articles)
    groups: dict[int, _Group] = {}
    plans: list[tuple[list[int], Story | None]] = []
    for story in existing:
        members = [pos[x] for x in story.articles if x in pos and owner[pos[x]] < 0]
        for m in members:
            owner[m] = len(plans)
        if members:
            plans.append((members, story))
    for i in range(len(articles)):
        if owner[i] < 0:
            owner[i] = len(plans)
            plans.append(([i], None))
    csr = feats.sparse
    idx: np.ndarray
    val: np.ndarray
    for gid, (members, planned) in enumerate(plans):
        if len(members) == 1:  # the common case: slice the CSR row directly
            lo, hi = csr.indptr[members[0]], csr.indptr[members[0] + 1]
            idx, val = csr.indices[lo:hi].astype(np.int64), csr.data[lo:hi].astype(np.float64)
            order = np.argsort(idx)
            idx, val = idx[order], val[order]
        else:
            summed = csr[members].sum(axis=0).A1
            idx = np.flatnonzero(summed).astype(np.int64)
            val = summed[idx]
        dates = [d for d in (articles[m].published for m in members) if d is not None]
        groups[gid] = _Group(
            members=members,
            idx=idx,
            val=val,
            dense=feats.dense[members].sum(axis=0),
            first=min(dates, key=naive_utc) if dates else None,
            last=max(dates, key=naive_utc) if dates else None,
            story=planned,
            key=min(articles[m].id for m in members),
        )
    return groups, owner


def _link_candidates(
    articles: Sequence[Article],
    feats: Features,
    groups: dict[int, _Group],
    owner: list[int],
    options: StoryOptions,
    events: _EventScores,
) -> None:
    """Neighbouring groups: those joined by at least one strong candidate article pair.

    A pair weaker than the merge threshold cannot lift an average above it (its
    neighbours outside the candidate list are weaker still), so it is dropped here.
    """
    published = [a.published for a in articles]
    search = feats.search_vectors()
    pairs = candidate_pairs(search, published, options.neighbours, options.window_days)
    if not pairs:
        return
    ij = np.array(sorted(pairs), dtype=np.int64)
    sims = feats.pair_similarity(ij[:, 0], ij[:, 1])
    cut = options.cuts().cluster
    for (i, j), s in zip(ij.tolist(), sims.tolist(), strict=True):
        gi, gj = owner[i], owner[j]
        if gi != gj and s + events.pair(i, j) >= cut:
            groups[gi].neighbours.add(gj)
            groups[gj].neighbours.add(gi)


def _sparse_dot(ia: np.ndarray, va: np.ndarray, ib: np.ndarray, vb: np.ndarray) -> float:
    _, xa, xb = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
    return float(va[xa] @ vb[xb])


def _linkage(a: _Group, b: _Group, events: _EventScores) -> float:
    total = _sparse_dot(a.idx, a.val, b.idx, b.val) + float(a.dense @ b.dense)
    return total / (len(a.members) * len(b.members)) + events.mean(a.members, b.members)


def _mergeable(a: _Group, b: _Group, options: StoryOptions) -> bool:
    if a.story is not None and b.story is not None:
        return False  # existing stories keep their identity
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return True
    first = min(naive_utc(a.first), naive_utc(b.first))
    last = max(naive_utc(a.last), naive_utc(b.last))
    gap = max(naive_utc(a.first), naive_utc(b.first)) - min(naive_utc(a.last), naive_utc(b.last))
    return (
        gap.total_seconds() <= options.window_days * 86400
        and (last - first).days <= options.max_span_days
    )


def _merge(groups: dict[int, _Group], options: StoryOptions, events: _EventScores) -> None:
    heap: list[tuple[float, str, str, int, int, int, int]] = []
    cut = options.cuts().cluster

    def push(x: int, y: int) -> None:
        a, b = groups[x], groups[y]
        if not _mergeable(a, b, options):
            return
        link = _linkage(a, b, events)
        if link >= cut:
            k1, k2 = sorted((a.key, b.key))
            heapq.heappush(heap, (-link, k1, k2, x, y, a.version, b.version))

    for x in sorted(groups):
        for y in sorted(groups[x].neighbours):
            if x < y:
                push(x, y)
    merges = 0
    while heap:
        _, _, _, x, y, vx, vy = heapq.heappop(heap)
        if x not in groups or y not in groups:
            continue
        if groups[x].version != vx or groups[y].version != vy:
            continue
        # the survivor is the existing story if there is one, else the older group
        if groups[y].story is not None:
            x, y = y, x
        a, b = groups[x], groups.pop(y)
        _absorb(a, b)
        merges += 1
        a.neighbours = (a.neighbours | b.neighbours) - {x, y}
        for nb in sorted(a.neighbours):
            other = groups[nb]
            other.neighbours.discard(y)
            other.neighbours.add(x)
            push(x, nb)
    log.debug("%d merges", merges)


def _absorb(a: _Group, b: _Group) -> None:
    idx = np.concatenate([a.idx, b.idx])
    val = np.concatenate([a.val, b.val])
    uniq, inv = np.unique(idx, return_inverse=True)
    a.idx, a.val = uniq, np.bincount(inv, weights=val)
    a.dense = a.dense + b.dense
    a.members = a.members + b.members
    dates_first = [d for d in (a.first, b.first) if d is not None]
    dates_last = [d for d in (a.last, b.last) if d is not None]
    a.first = min(dates_first, key=naive_utc) if dates_first else None
    a.last = max(dates_last, key=naive_utc) if dates_last else None
    a.key = min(a.key, b.key)
    a.version += 1


# ------------------------------------------------------------------ output


def _to_stories(
    articles: Sequence[Article],
    feats: Features,
    groups: dict[int, _Group],
    existing: Sequence[Story],
) -> list[Story]:
    by_story = {id(g.story): g for g in groups.values() if g.story is not None}
    out: list[Story] = []
    for story in existing:
        g = by_story.get(id(story))
        if g is None:
            out.append(story)
            continue
        known = set(story.articles)
        added = [articles[m].id for m in sorted(g.members) if articles[m].id not in known]
        ids = [*story.articles, *added]
        complete = len(g.members) == len(ids)
        out.append(_describe(articles, feats, g, story.id, ids, story, complete))
    fresh = sorted((g for g in groups.values() if g.story is None), key=lambda g: min(g.members))
    for g in fresh:
        ids = [articles[m].id for m in sorted(g.members)]
        out.append(_describe(articles, feats, g, story_id(ids), ids, None, True))
    return out


def _describe(
    articles: Sequence[Article],
    feats: Features,
    g: _Group,
    sid: str,
    ids: list[str],
    old: Story | None,
    complete: bool,
) -> Story:
    members = sorted(g.members)
    central = _centrality(feats, g, members)
    n = len(members)
    self_sims = feats.pair_similarity(np.array(members), np.array(members))
    total = _sparse_dot(g.idx, g.val, g.idx, g.val) + float(g.dense @ g.dense)
    confidence = (total - self_sims.sum()) / (n * (n - 1)) if n > 1 else None
    titled = [(c, m) for c, m in zip(central, members, strict=True) if articles[m].title]
    if old is not None and not complete:
        title, title_article = old.title, old.title_article  # cannot judge absent articles
    elif titled:
        best = max(titled, key=lambda cm: (cm[0], -cm[1]))[1]
        title, title_article = articles[best].title or "", articles[best].id
    else:
        best = members[int(np.argmax(central))]
        title, title_article = lead_line(articles[best].text), articles[best].id
    dates = [d for d in (articles[m].published for m in members) if d is not None]
    if old is not None:
        dates += [d for d in (old.start, old.end) if d is not None]
    return Story(
        id=sid,
        title=title,
        articles=ids,
        start=min(dates, key=naive_utc) if dates else None,
        end=max(dates, key=naive_utc) if dates else None,
        related=list(old.related) if old is not None else [],
        title_article=title_article,
        confidence=round(float(confidence), 4) if confidence is not None else None,
    )


def _centrality(feats: Features, g: _Group, members: list[int]) -> list[float]:
    rows = feats.sparse[members]
    words = np.zeros(len(members))
    if g.idx.size:
        words = np.asarray(rows[:, g.idx] @ g.val).ravel()
    scores: list[float] = (words + feats.dense[members] @ g.dense).tolist()
    return scores
