"""Provenance: which article reprints which, and where each text comes from.

Three outlets printing one Reuters story is one source, not three. A whole-article
copy (``duplicate`` or ``wire-copy`` reuse) reprints its original; the origin of a
chain of copies is the agency any of them credits ("Source: Reuters"), else the
earliest article's outlet, so an uncredited copy of a credited copy still traces
back to Reuters. Partial reuse counts only for text the outlets wrote: two outlets
quoting (or translating) the same statement share the speaker's words, not each
other's text, and are independent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz import fuzz

from newsprism.model import WHOLE_ARTICLE_KINDS, Article, ReusePair, Span
from newsprism.sources.outlets import name_key
from newsprism.stories.reuse import QUOTED_SHARE
from newsprism.stories.textunits import quoted_share

VERBATIM_MIN_WORDS = 10
VERBATIM_RATIO = 95.0
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")


def outside_quotes(text: str) -> str:
    """The words an outlet wrote itself: ``text`` without its quoted passages."""
    return " ".join(_QUOTED.sub(" ", text).split())


def _seniority(article: Article, order: int) -> tuple[datetime, int]:
    """Earlier published (unknown dates last), then story order, is the original."""
    published = article.published.replace(tzinfo=None) if article.published else datetime.max
    return (published, order)


@dataclass(slots=True)
class Provenance:
    copy_of: dict[str, str] = field(default_factory=dict)  # article -> article it reprints
    origin: dict[str, str] = field(default_factory=dict)  # article -> agency or outlet name
    credits: dict[str, str] = field(default_factory=dict)  # article -> agency it names
    shared: dict[str, list[tuple[Span, str]]] = field(default_factory=dict)  # partial reuse
    # whole-article copies: article -> (its span, the other article, the other's span)
    # per near-verbatim sentence of the one text both pages carry
    carried: dict[str, list[tuple[Span, str, Span]]] = field(default_factory=dict)
    rank: dict[str, tuple[datetime, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)  # the provenance line, for readers

    def root(self, article: str) -> str:
        return self.copy_of.get(article, article)

    def older(self, a: str, b: str) -> str:
        far = (datetime.max, 0)
        return a if self.rank.get(a, far) <= self.rank.get(b, far) else b

    def same_text(self, article: str, span: Span) -> list[tuple[str, Span]]:
        """The sentences of other pages that are this sentence of one copied text
        (a ``wire-copy`` or ``duplicate`` pair's shared sentences overlapping ``span``)."""
        return [
            (other, other_span)
            for own, other, other_span in self.carried.get(article, [])
            if own[0] < span[1] and span[0] < own[1]
        ]

    def sentence_copied_from(self, article: str, span: Span, candidates: set[str]) -> str | None:
        """The article a partial-reuse pair says this sentence was shared with."""
        for shared_span, other in self.shared.get(article, []):
            if other in candidates and shared_span[0] < span[1] and span[0] < shared_span[1]:
                return other
        return None


def credited_agency(article: Article) -> str | None:
    """The agency a page names as its text's source: a wire credit ("Source: Reuters"),
    else the agency of its dateline ("ALDRAVE (Meridian Press) -"), which a reprint
    keeps when it drops every other credit; an agency's dateline on its own page names
    the outlet itself, no source."""
    if article.wire and article.wire[0]:
        return article.wire[0]
    agency = article.dateline.agency if article.dateline else None
    if agency and name_key(agency) != name_key(article.outlet or ""):
        return agency
    return None


def find_provenance(
    articles: Sequence[Article], reuse: Sequence[ReusePair], outlet_of: Mapping[str, str]
) -> Provenance:
    ids = {a.id for a in articles}
    by_id = {a.id: a for a in articles}
    prov = Provenance(rank={a.id: _seniority(a, i) for i, a in enumerate(articles)})
    prov.credits = {a.id: c for a in articles if (c := credited_agency(a))}
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in reuse:
        if pair.a not in ids or pair.b not in ids:
            continue
        if pair.kind in WHOLE_ARTICLE_KINDS:
            parent[find(pair.a)] = find(pair.b)
            for s in pair.shared:
                prov.carried.setdefault(pair.a, []).append((s.a, pair.b, s.b))
                prov.carried.setdefault(pair.b, []).append((s.b, pair.a, s.a))
        elif pair.kind == "partial":
            for s in pair.shared:
                if quoted_share(by_id[pair.a].text, s.a) >= QUOTED_SHARE:
                    continue  # the same statement quoted: the speaker's words, not reuse
                prov.shared.setdefault(pair.a, []).append((s.a, pair.b))
                prov.shared.setdefault(pair.b, []).append((s.b, pair.a))
    components: dict[str, list[str]] = {}
    for a in articles:
        components.setdefault(find(a.id), []).append(a.id)
    for members in components.values():
        credited = [m for m in members if m in prov.credits]
        root = min(members, key=lambda m: (m not in credited, prov.rank[m]))
        agency = prov.credits.get(root)
        for m in members:
            if m != root:
                prov.copy_of[m] = root
            prov.origin[m] = agency or outlet_of[root]
        if len(members) > 1:
            prov.lines.append(_chain_line(members, root, agency, prov, outlet_of))
        elif agency:
            prov.lines.append(f"{outlet_of[root]} credits {agency}")
    return prov


def _chain_line(
    members: Sequence[str],
    root: str,
    agency: str | None,
    prov: Provenance,
    outlet_of: Mapping[str, str],
) -> str:
    credit = sorted({outlet_of[m] for m in members if m in prov.credits})
    silent = sorted({outlet_of[m] for m in members if m not in prov.credits} - set(credit))
    if not agency:
        # nobody names a source: the pages are siblings of one text, and which came
        # first (or whether both took it from a third) is not known
        everyone = sorted({outlet_of[m] for m in members})
        first = prov.rank[root][0]
        later = [prov.rank[m][0] for m in members if m != root]
        known = first != datetime.max and all(first < d != datetime.max for d in later)
        order = f"{outlet_of[root]} published first" if known else "which came first is not known"
        return f"{', '.join(everyone)} print the same text; none names its source ({order})"
    source = agency
    parts = []
    if credit:
        parts.append(f"{', '.join(credit)} credit{'s' if len(credit) == 1 else ''} {source}")
    if silent:
        verb = "prints" if len(silent) == 1 else "print"
        parts.append(f"{', '.join(silent)} {verb} the same {source} text without credit")
    return "; ".join(parts)


def verbatim_copy(text_a: str, text_b: str) -> bool:
    """Two independent reporters do not write the same ten words outside a quotation."""
    own_a, own_b = outside_quotes(text_a), outside_quotes(text_b)
    if min(len(own_a.split()), len(own_b.split())) < VERBATIM_MIN_WORDS:
        return False
    return fuzz.ratio(own_a.lower(), own_b.lower()) >= VERBATIM_RATIO


def independent_origins(
    members: Sequence[tuple[str, Span, str]], prov: Provenance, outlet_of: Mapping[str, str]
) -> tuple[dict[str, str | None], list[str]]:
    """Per supporting article, the article it copies (if any); and the distinct origins.

    ``members`` are (article, span, text) of the sentences that carry one claim.
    """
    in_group = {m[0] for m in members}
    copy_of: dict[str, str | None] = {}
    source: dict[str, str] = {}
    far = (datetime.max, 0)
    ordered = sorted(members, key=lambda m: prov.rank.get(m[0], far))
    for k, (art, span, text) in enumerate(ordered):
        origin: str | None = prov.copy_of.get(art)
        if origin is None:
            origin = prov.sentence_copied_from(art, span, in_group)
            if origin is not None and prov.older(origin, art) == art:
                origin = None
        if origin is None:
            for prev_art, _prev_span, prev_text in ordered[:k]:
                if prev_art != art and verbatim_copy(prev_text, text):
                    origin = prev_art
                    break
        copy_of[art] = origin
        if origin is None:
            source[art] = prov.origin.get(art, outlet_of[art])
        else:
            source[art] = source.get(origin) or prov.origin.get(origin, outlet_of[origin])
    return copy_of, sorted(set(source.values()))
