"""Articles into stories, one event each, in one pass over every language.

Each candidate pair of articles gets the fitted probability that it reports the same
event (``stories.same_event`` over the signals of ``stories.signals``); groups then
merge, best first, while the average probability over all their article pairs stays at
or above the model's cut (average linkage). Pairs are scored when a merge needs them
and kept, so a group pair is judged on every one of its article pairs, not a sample.

Then a second look by date: a group's dated members fall into periods split by gaps
of the fitted ``apart_days``; the members of every period but the largest leave it,
together (``_keep_apart``).

Candidates: every pair in a small corpus; in a larger one, each article's nearest
neighbours in the multilingual space and in the lexical space, within
``StoryOptions.candidate_days`` of each other when both are dated (a limit on work,
not a decision: the model weighs the publication gap itself).

Incremental as before: groups seeded from ``existing`` stories keep their ids and
articles; new articles may join them or form new stories; two existing stories are
never merged. Story ids are ``st-`` + 16 hex digits of sha256 over the sorted ids of
the articles a story had when it was first made (``clustering.story_id``).
"""

from __future__ import annotations

import heapq
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsprism.model import Article, Story
from newsprism.stories.clustering import story_id
from newsprism.stories.neighbours import candidate_pairs, naive_utc
from newsprism.stories.options import StoryOptions
from newsprism.stories.same_event import SameEventModel, packaged_model, probability
from newsprism.stories.signals import ArticleSignals, pair_rows
from newsprism.stories.textunits import lead_line
from newsprism.stories.written import Written

log = logging.getLogger(__name__)

ALL_PAIRS_BELOW = 1500  # articles: fewer than this, every pair is a candidate


@dataclass(slots=True)
class _Group:
    members: list[int]
    story: Story | None = None
    key: str = ""
    version: int = 0
    neighbours: set[int] = field(default_factory=set)


class PairScores:
    """The model's log-odds per article pair, computed on demand in batches and kept.

    Two groups are as close as the probability of their pairs' mean log-odds: the
    mean of a linear score, like average linkage on a similarity, so one pair the
    model is very sure of does not outweigh many it doubts."""

    def __init__(self, signals: ArticleSignals, model: SameEventModel):
        self.signals = signals
        self.model = model
        self.known: dict[tuple[int, int], float] = {}

    def fill(self, pairs: Sequence[tuple[int, int]]) -> None:
        known = self.known
        todo = sorted({p for a, b in pairs if (p := (a, b) if a < b else (b, a)) not in known})
        if not todo:
            return
        ij = np.array(todo, dtype=np.int64)
        z = self.model.log_odds(pair_rows(self.signals, ij[:, 0], ij[:, 1]))
        self.known.update(zip(todo, z.tolist(), strict=True))

    def get(self, a: int, b: int) -> float:
        """P(same event) of one pair (filled before)."""
        return float(probability(self.known[(a, b) if a < b else (b, a)]))

    def total(self, xs: Sequence[int], ys: Sequence[int]) -> float:
        """The sum of log-odds over every pair of the two groups."""
        pairs = [(x, y) if x < y else (y, x) for x in xs for y in ys]
        self.fill(pairs)
        known = self.known
        return sum(known[p] for p in pairs)


def group_stories(
    articles: Sequence[Article],
    signals: ArticleSignals,
    existing: Sequence[Story] = (),
    options: StoryOptions | None = None,
    model: SameEventModel | None = None,
    scores: PairScores | None = None,
) -> list[Story]:
    """Every story: the ``existing`` ones (possibly grown), then the new ones.

    ``scores``: pair scores of this ``model`` over these ``signals`` kept from an
    earlier call (grouping one corpus at several cuts scores each pair once)."""
    options = options or StoryOptions()
    model = model or packaged_model()
    cut = model.cut if options.same_event_cut is None else options.same_event_cut
    if len(articles) != len(signals):
        raise ValueError(f"{len(articles)} articles but signals for {len(signals)}")
    scores = scores or PairScores(signals, model)
    groups, owner = _seed(articles, existing)
    # two existing stories never merge: their pairs are not worth scoring
    candidates = [
        (a, b)
        for a, b in _candidates(signals, options)
        if groups[owner[a]].story is None or groups[owner[b]].story is None
    ]
    scores.fill(candidates)
    for a, b in candidates:
        if owner[a] != owner[b] and scores.get(a, b) >= cut:
            groups[owner[a]].neighbours.add(owner[b])
            groups[owner[b]].neighbours.add(owner[a])
    _merge(groups, scores, cut)
    if model.apart_days is not None:
        _keep_apart(groups, signals, model.apart_days)
    stories = _to_stories(articles, groups, existing, scores)
    log.info("grouped %d articles into %d stories", len(articles), len(stories))
    return stories


def _candidates(signals: ArticleSignals, options: StoryOptions) -> list[tuple[int, int]]:
    n = len(signals)
    if n < ALL_PAIRS_BELOW:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    found: set[tuple[int, int]] = set()
    for vectors in (signals.multilingual, _lexical_search(signals)):
        found |= set(
            candidate_pairs(
                vectors.astype(np.float32),
                signals.published,
                options.neighbours,
                options.candidate_days,
            )
        )
    return sorted(found)


def _lexical_search(signals: ArticleSignals, dim: int = 256) -> np.ndarray:
    from sklearn.random_projection import SparseRandomProjection

    words = signals.words
    if words.shape[1] <= dim:
        dense_words = words.toarray()
    else:
        proj = SparseRandomProjection(n_components=dim, dense_output=True, random_state=0)
        dense_words = proj.fit_transform(words)
    both = np.hstack([np.asarray(dense_words), signals.dense])
    norms = np.linalg.norm(both, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: np.ndarray = both / norms
    return unit


def _seed(
    articles: Sequence[Article], existing: Sequence[Story]
) -> tuple[dict[int, _Group], list[int]]:
    pos = {a.id: i for i, a in enumerate(articles)}
    owner = [-1] * len(articles)
    groups: dict[int, _Group] = {}
    for story in existing:
        members = [pos[x] for x in story.articles if x in pos and owner[pos[x]] < 0]
        if not members:
            continue
        gid = len(groups)
        for m in members:
            owner[m] = gid
        groups[gid] = _Group(members, story, min(articles[m].id for m in members))
    for i, article in enumerate(articles):
        if owner[i] < 0:
            owner[i] = len(groups)
            groups[owner[i]] = _Group([i], None, article.id)
    return groups, owner


def _merge(groups: dict[int, _Group], scores: PairScores, cut: float) -> None:
    """Average linkage, best pair of groups first. The sum of log-odds between two groups
    is kept and, when two groups merge, the merged group's sum to a third is the sum of
    the two (Lance-Williams): each article pair is added once, not once per merge."""
    heap: list[tuple[float, str, str, int, int, int, int]] = []
    sums: dict[tuple[int, int], float] = {}

    def total(x: int, y: int) -> float:
        key = (x, y) if x < y else (y, x)
        if key not in sums:
            sums[key] = scores.total(groups[x].members, groups[y].members)
        return sums[key]

    def push(x: int, y: int) -> None:
        a, b = groups[x], groups[y]
        if a.story is not None and b.story is not None:
            return  # existing stories keep their identity
        link = float(probability(total(x, y) / (len(a.members) * len(b.members))))
        if link >= cut:
            k1, k2 = sorted((a.key, b.key))
            heapq.heappush(heap, (-link, k1, k2, x, y, a.version, b.version))

    for x in sorted(groups):
        for y in sorted(groups[x].neighbours):
            if x < y:
                push(x, y)
    while heap:
        _, _, _, x, y, vx, vy = heapq.heappop(heap)
        if x not in groups or y not in groups:
            continue
        if groups[x].version != vx or groups[y].version != vy:
            continue
        if groups[y].story is not None:
            x, y = y, x  # the survivor is the existing story if there is one
        a = groups[x]
        neighbours = (a.neighbours | groups[y].neighbours) - {x, y}
        merged = {nb: total(x, nb) + total(y, nb) for nb in sorted(neighbours)}
        b = groups.pop(y)
        for gone in (x, y):  # sums are kept between neighbours only
            for nb in (*neighbours, x, y):
                sums.pop((gone, nb) if gone < nb else (nb, gone), None)
        a.members = a.members + b.members
        a.key = min(a.key, b.key)
        a.version += 1
        a.neighbours = neighbours
        for nb in sorted(neighbours):
            sums[(x, nb) if x < nb else (nb, x)] = merged[nb]
            other = groups[nb]
            other.neighbours.discard(y)
            other.neighbours.add(x)
            push(x, nb)


def _keep_apart(groups: dict[int, _Group], signals: ArticleSignals, days: int) -> None:
    """A second look at each group, by when its members were written. Its dated members
    fall into periods: runs of pages each written less than ``days`` from the next. The
    period with the most pages is the event's; the pages of every other period (a
    report of the same country's election five years before, the region's earthquake
    of twenty years ago) report another event that shares the words, and leave the
    group together, as a story of their own: two pages of the earlier election must not
    keep each other in because each has the other within the gap. Pair scores cannot
    say it alone: most pages are undated, so average linkage lets old pages in on their
    similarity to the undated rest. With no single largest period there is no core to
    be apart from, and the group stays. ``days`` is fitted
    (``benchmarks/fit_grouping.py``). Members of an existing story stay."""
    written = signals.written
    for gid in sorted(groups):
        g = groups[gid]
        kept = set(g.story.articles) if g.story is not None else set()
        dated = [(m, w) for m in g.members if (w := written[m]) is not None]
        if len(g.members) < 3 or len(dated) < 2:
            continue
        periods = _periods(dated, days)
        sizes = sorted((len(p) for p in periods), reverse=True)
        if len(periods) < 2 or sizes[0] == sizes[1]:
            continue
        core = max(periods, key=len)
        for period in periods:
            leave = [m for m in period if period is not core and signals.ids[m] not in kept]
            if not leave:
                continue
            for m in leave:
                g.members.remove(m)
            groups[max(groups) + 1] = _Group(leave, None, min(signals.ids[m] for m in leave))


def _periods(dated: list[tuple[int, Written]], days: int) -> list[list[int]]:
    """The members of ``dated`` in runs: in the order they were written, a new run
    wherever the next was written ``days`` or more after every one before it."""
    runs: list[list[int]] = []
    last: date | None = None
    for m, w in sorted(dated, key=lambda mw: (mw[1].first, mw[0])):
        if last is None or (w.first - last).days >= days:
            runs.append([m])
        else:
            runs[-1].append(m)
        last = w.last if last is None or w.last > last else last
    return runs


def _to_stories(
    articles: Sequence[Article],
    groups: dict[int, _Group],
    existing: Sequence[Story],
    scores: PairScores,
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
        out.append(_describe(articles, g, story.id, [*story.articles, *added], scores, story))
    fresh = sorted((g for g in groups.values() if g.story is None), key=lambda g: min(g.members))
    for g in fresh:
        ids = [articles[m].id for m in sorted(g.members)]
        out.append(_describe(articles, g, story_id(ids), ids, scores, None))
    return out


def _describe(
    articles: Sequence[Article],
    g: _Group,
    sid: str,
    ids: list[str],
    scores: PairScores,
    old: Story | None,
) -> Story:
    """The story's title is the headline of its most central article (highest mean
    probability to the others); its confidence the mean probability over its pairs."""
    members = sorted(g.members)
    n = len(members)
    if n > 1:
        scores.fill([(a, b) for k, a in enumerate(members) for b in members[k + 1 :]])
        central = [sum(scores.get(m, o) for o in members if o != m) / (n - 1) for m in members]
        confidence: float | None = sum(central) / n
    else:
        central, confidence = [1.0], None
    order = sorted(range(n), key=lambda k: (-central[k], members[k]))
    titled = [members[k] for k in order if articles[members[k]].title]
    best = titled[0] if titled else members[order[0]]
    title = articles[best].title or lead_line(articles[best].text)
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
        title_article=articles[best].id,
        confidence=round(confidence, 4) if confidence is not None else None,
    )
