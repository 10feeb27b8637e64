"""Find articles that carry the same text: duplicates, wire copy and shared passages.

Candidates come from two cheap sources, never from all pairs: MinHash LSH over word
shingles (verbatim copy) and dense-vector neighbours (rewritten copy keeps few exact
shingles but stays close in meaning). Each candidate pair is then aligned sentence by
sentence, and the alignment decides the kind of reuse.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

import numpy as np

from newsprism.model import Article, ReuseKind, ReusePair, SharedSentence
from newsprism.stories.alignment import Alignment, align
from newsprism.stories.embedding import embed_articles
from newsprism.stories.minhash import MinHasher, lsh_pairs, shingles
from newsprism.stories.neighbours import candidate_pairs, naive_utc, within_window
from newsprism.stories.options import StoryOptions
from newsprism.stories.textunits import content_words, quoted_share

log = logging.getLogger(__name__)

REUSE_NEIGHBOURS = 10
QUOTED_SHARE = 0.5  # a sentence more than half inside quotation marks is the speaker's


def find_reuse(
    articles: Sequence[Article],
    vectors: np.ndarray | None = None,
    options: StoryOptions | None = None,
) -> list[ReusePair]:
    """Reuse pairs among ``articles``, strongest first; independent pairs are not returned.

    Within a pair, ``a`` is the likely origin when one can be told (an agency credit or
    an earlier date), otherwise the order is the input order; word edits in
    ``SharedSentence.edits`` read as changes from ``a``'s wording to ``b``'s.
    """
    options = options or StoryOptions()
    if len(articles) < 2:
        return []
    pairs = _candidates(articles, vectors, options)
    log.debug("reuse: %d candidate pairs among %d articles", len(pairs), len(articles))
    found: list[ReusePair] = []
    for i, j in sorted(pairs):
        a, b = order_pair(articles[i], articles[j])
        pair = compare_pair(a, b, options)
        if pair is not None:
            found.append(pair)
    found.sort(key=lambda p: (-p.score, p.a, p.b))
    return found


def _candidates(
    articles: Sequence[Article], vectors: np.ndarray | None, options: StoryOptions
) -> set[tuple[int, int]]:
    hasher = MinHasher(options.minhash_perm)
    hashes = [shingles(content_words(a.text), options.shingle_words) for a in articles]
    sigs = np.stack([hasher.signature(h) for h in hashes])
    pairs = lsh_pairs(sigs, options.lsh_bands, allowed=[i for i, h in enumerate(hashes) if h.size])
    lsh_found = len(pairs)
    if vectors is None:
        vectors = embed_articles(articles, options)
    published = [a.published for a in articles]
    dense = candidate_pairs(
        vectors, published, REUSE_NEIGHBOURS, options.window_days, options.reuse_dense_min
    )
    # a neighbour in meaning is worth aligning only if it shares some verbatim words
    # (a quote gives several shared shingles); this keeps the costly alignment rare
    for i, j in dense:
        if (i, j) not in pairs and _shared(hashes[i], hashes[j]) >= options.min_shared_shingles:
            pairs.add((i, j))
    log.debug("reuse candidates: %d from LSH, %d in all", lsh_found, len(pairs))
    # copy can be republished later than the clustering window: allow a month
    return {
        (i, j)
        for i, j in pairs
        if within_window(published[i], published[j], max(options.window_days, 30))
    }


def _shared(a: np.ndarray, b: np.ndarray) -> int:
    return int(np.intersect1d(a, b, assume_unique=True).size)


def compare_pair(a: Article, b: Article, options: StoryOptions | None = None) -> ReusePair | None:
    """The reuse relation of two articles, or None when they share no sentence."""
    options = options or StoryOptions()
    al = align(a.text, b.text, options.sentence_match, options.passage_words)
    if not al.shared:
        return None
    kind = classify(al, options)
    if kind == "independent":
        return None
    if kind == "partial" and not enough_shared(al.shared, options):
        return None
    if kind == "partial" and not own_words_shared(a.text, b.text, al.shared):
        origin: str | None = None
        reason = (
            "cannot tell: the texts share only quoted words, which both may have taken "
            "from the same statement"
        )
    else:
        origin, reason = likely_origin(a, b, kind, len(al.shared))
    return ReusePair(
        a=a.id,
        b=b.id,
        kind=kind,
        score=round(max(al.coverage_a, al.coverage_b) * al.mean_similarity, 3),
        shared=al.shared,
        added_a=al.added_a,
        added_b=al.added_b,
        origin=origin,
        origin_reason=reason,
    )


def own_words_shared(
    text_a: str, text_b: str, shared: Sequence[SharedSentence]
) -> list[SharedSentence]:
    """The shared sentences the outlets wrote themselves: a sentence mostly inside
    quotation marks on either side is the speaker's words, which both may have taken
    from the statement (the quotes section shows them), not text one took from the
    other."""
    return [
        s
        for s in shared
        if quoted_share(text_a, s.a) < QUOTED_SHARE and quoted_share(text_b, s.b) < QUOTED_SHARE
    ]


def enough_shared(shared: Sequence[SharedSentence], options: StoryOptions) -> bool:
    """Partial reuse needs two sentences in common, or one carried whole: a single run
    of words inside two different sentences is as often a stock phrase ("falsifying
    business records", a job title, a list of names) as copy."""
    return len(shared) >= 2 or any(s.similarity >= options.sentence_match for s in shared)


def classify(al: Alignment, options: StoryOptions) -> ReuseKind:
    """duplicate: nearly all of both; wire-copy: most of one text is in the other."""
    low, high = sorted((al.coverage_a, al.coverage_b))
    if low >= options.duplicate_coverage and al.mean_similarity >= 0.95:
        return "duplicate"
    if high >= options.wire_copy_coverage and len(al.shared) >= 2:
        return "wire-copy"
    if al.shared:
        return "partial"
    return "independent"


def _agencies(article: Article) -> set[str]:
    found = set(article.wire)
    if article.dateline and article.dateline.agency:
        found.add(article.dateline.agency)
    return found


def order_pair(x: Article, y: Article) -> tuple[Article, Article]:
    """Origin first when it can be told, so edits read from original to copy."""
    wx, wy = _agencies(x), _agencies(y)
    if wy and not wx:
        return y, x
    if wx and not wy:
        return x, y
    if x.published and y.published and naive_utc(y.published) < naive_utc(x.published):
        return y, x
    return x, y


def likely_origin(a: Article, b: Article, kind: str, shared: int = 1) -> tuple[str | None, str]:
    """Who the shared text came from, and the evidence, or None and why not.

    A single shared sentence is usually a quote both outlets took from the same
    statement, so an agency credit on one of them says nothing about its origin.
    """
    if kind == "partial" and shared < 2:
        return None, (
            "cannot tell: the texts share one sentence or quote, likely taken by both "
            "from a common source"
        )
    wa, wb = _agencies(a), _agencies(b)
    name_a, name_b = a.display_outlet, b.display_outlet
    common = sorted(wa & wb)
    if common:
        return common[0], f"both {name_a} and {name_b} credit {common[0]}"
    if wa or wb:
        credited, other = (a, b) if wa else (b, a)
        agency = sorted(wa or wb)[0]
        evidence = "; ".join(credited.wire_evidence[:1])
        note = f" ({evidence!r})" if evidence else ""
        return agency, (
            f"{credited.display_outlet} credits {agency}{note}; "
            f"{other.display_outlet} carries the same text without a credit"
        )
    da, db = a.published, b.published
    if da and db and naive_utc(da) != naive_utc(db):
        first = a if naive_utc(da) < naive_utc(db) else b
        return first.id, (
            f"no agency credited; {first.display_outlet} published first "
            f"({_day(first.published)} vs {_day(b.published if first is a else a.published)})"
        )
    if da is None or db is None:
        missing = [x.display_outlet for x in (a, b) if x.published is None]
        return None, (
            "cannot tell: no agency credited and no publication date for " + ", ".join(missing)
        )
    return None, "cannot tell: no agency credited and both published at the same time"


def _day(d: datetime | None) -> str:
    return d.isoformat(timespec="minutes") if d else "unknown"


def describe_edits(pair: ReusePair, text_a: str, text_b: str, limit: int = 80) -> list[str]:
    """The pair's differences as plain lines: word edits, then whole sentences added.

    Reads as changes from ``a`` (the likely origin, when known) to ``b``.
    """
    lines = [edit for s in pair.shared for edit in s.edits]
    for span in pair.added_b:
        lines.append(f"added sentence '{_clip(text_b[span[0] : span[1]], limit)}'")
    for span in pair.added_a:
        lines.append(f"dropped sentence '{_clip(text_a[span[0] : span[1]], limit)}'")
    return lines


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
