"""Which article carries which: wire copies and duplicates count once as support.

Three outlets printing one Reuters story is one source, not three; the report
shows the copies (``copy_of``) but counts them once (``independent_support``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz import fuzz

from newsprism.model import Article, ReusePair, Span

WHOLE_ARTICLE_KINDS = ("duplicate", "wire-copy")
VERBATIM_MIN_WORDS = 10
VERBATIM_RATIO = 95.0


def _seniority(article: Article, order: int) -> tuple[datetime, int]:
    """Earlier published (unknown dates last), then story order, is the original."""
    published = article.published.replace(tzinfo=None) if article.published else datetime.max
    return (published, order)


@dataclass(slots=True)
class Copies:
    article_copy_of: dict[str, str] = field(default_factory=dict)
    shared: dict[str, list[tuple[Span, str]]] = field(default_factory=dict)
    rank: dict[str, tuple[datetime, int]] = field(default_factory=dict)

    def root(self, article: str) -> str:
        return self.article_copy_of.get(article, article)

    def older(self, a: str, b: str) -> str:
        return (
            a if self.rank.get(a, (datetime.max, 0)) <= self.rank.get(b, (datetime.max, 0)) else b
        )

    def sentence_copied_from(self, article: str, span: Span, candidates: set[str]) -> str | None:
        """The article a partial-reuse pair says this sentence was shared with."""
        for shared_span, other in self.shared.get(article, []):
            if other in candidates and shared_span[0] < span[1] and span[0] < shared_span[1]:
                return other
        return None


def find_copies(articles: Sequence[Article], reuse: Sequence[ReusePair]) -> Copies:
    ids = {a.id for a in articles}
    copies = Copies(rank={a.id: _seniority(a, i) for i, a in enumerate(articles)})
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    preferred: set[str] = set()
    for pair in reuse:
        if pair.a not in ids or pair.b not in ids:
            continue
        if pair.kind in WHOLE_ARTICLE_KINDS:
            parent[find(pair.a)] = find(pair.b)
            if pair.origin in (pair.a, pair.b):
                preferred.add(pair.origin)
        elif pair.kind == "partial":
            for s in pair.shared:
                copies.shared.setdefault(pair.a, []).append((s.a, pair.b))
                copies.shared.setdefault(pair.b, []).append((s.b, pair.a))
    components: dict[str, list[str]] = {}
    for a in articles:
        components.setdefault(find(a.id), []).append(a.id)
    for members in components.values():
        if len(members) < 2:
            continue
        origin = min(members, key=lambda m: (m not in preferred, copies.rank[m]))
        for m in members:
            if m != origin:
                copies.article_copy_of[m] = origin
    return copies


def verbatim_copy(text_a: str, text_b: str) -> bool:
    """Two independent reporters do not write the same ten-word sentence."""
    if min(len(text_a.split()), len(text_b.split())) < VERBATIM_MIN_WORDS:
        return False
    return fuzz.ratio(" ".join(text_a.lower().split()), " ".join(text_b.lower().split())) >= (
        VERBATIM_RATIO
    )


def support_sources(
    members: Sequence[tuple[str, Span, str]], copies: Copies, outlet: Mapping[str, str]
) -> tuple[dict[str, str | None], int]:
    """Per supporting article, the article it copies (if any); and the independent count.

    ``members`` are (article, span, text) of one fact group.
    """
    in_group = {m[0] for m in members}
    copy_of: dict[str, str | None] = {}
    source: dict[str, str] = {}
    ordered = sorted(members, key=lambda m: copies.rank.get(m[0], (datetime.max, 0)))
    for k, (art, span, text) in enumerate(ordered):
        origin: str | None = copies.article_copy_of.get(art)
        if origin is None:
            origin = copies.sentence_copied_from(art, span, in_group)
            if origin is not None and copies.older(origin, art) == art:
                origin = None
        if origin is None:
            for prev_art, _prev_span, prev_text in ordered[:k]:
                if verbatim_copy(prev_text, text):
                    origin = prev_art
                    break
        copy_of[art] = origin
        source[art] = source.get(origin, copies.root(origin)) if origin else art
    independent = {outlet.get(source[a], source[a]) for a in in_group}
    return copy_of, len(independent)
