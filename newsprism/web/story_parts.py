"""What a web story page leaves out, and the parts it loads on demand.

A big story (30 articles, 80 claims, 20 outlets) rendered whole was 600 KB to 1.8 MB,
nearly all of it the coverage matrix with every cell's sentences inlined. The web
story page therefore shows the matrix a page of claims at a time with only each
cell's state, and a quote's versions only when it is opened; a cell's sentences, the
next claims and a quote's versions each have their own address, served as a whole
page (without JavaScript) or as a fragment the page's script inserts.

The report's story view (``report.views.story_view``) is computed from a trimmed
copy of the comparison holding only the part asked for, so serving one cell does
not compute the whole story.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from newsprism.compare.records import FactRow, Overview, QuoteGroup, StoryComparison
from newsprism.errors import NotFound
from newsprism.report.charts import coverage_bars
from newsprism.report.views import StoryView

FACTS_PER_PAGE = 20

T = TypeVar("T", FactRow, QuoteGroup)


@dataclass(frozen=True, slots=True)
class Pager:
    """Which claims of the matrix a page shows: ``first`` to ``last`` (1-based) of ``total``."""

    page: int
    pages: int
    total: int
    first: int
    last: int

    @property
    def next(self) -> int | None:
        return self.page + 1 if self.page < self.pages else None

    @property
    def previous(self) -> int | None:
        return self.page - 1 if self.page > 1 else None


def pager(report: StoryComparison, page: int, per_page: int = FACTS_PER_PAGE) -> Pager:
    """The pager for ``page`` of the story's claims; ``ValueError`` if there is no such page."""
    total = len(report.facts)
    pages = max(1, -(-total // per_page))
    if not 1 <= page <= pages:
        raise ValueError(f"a page from 1 to {pages}")
    first = (page - 1) * per_page
    return Pager(page, pages, total, first + 1 if total else 0, min(total, first + per_page))


def page_facts(report: StoryComparison, p: Pager) -> list[FactRow]:
    return report.facts[p.first - 1 : p.last] if p.total else []


def trimmed(
    report: StoryComparison,
    *,
    facts: Sequence[FactRow] = (),
    quotes: Sequence[QuoteGroup] = (),
) -> StoryComparison:
    """The comparison with nothing but the given claims or quotes (and the articles and
    outlets, which fix the matrix's columns and the cited articles)."""
    return dataclasses.replace(
        report,
        overview=Overview(),
        findings=[],
        figures=[],
        facts=list(facts),
        quotes=list(quotes),
        names=[],
        entities=[],
        framing=[],
        reuse=[],
        timeline=[],
        digest=[],
        related=[],
    )


def story_page_part(report: StoryComparison, p: Pager) -> StoryComparison:
    """The comparison as the story page shows it: everything but the other pages' claims
    (the overview's claims stay, wherever they are; ``page_rows`` keeps the matrix to
    the page)."""
    wanted = {f.id for f in page_facts(report, p)} | set(report.overview.single_outlet)
    return dataclasses.replace(report, facts=[f for f in report.facts if f.id in wanted])


def page_rows(view: StoryView, report: StoryComparison, p: Pager) -> StoryView:
    """The view with only this page's rows in its matrix."""
    ids = {f.id for f in page_facts(report, p)}
    view.matrix = [row for row in view.matrix if row.fact_id in ids]
    view.coverage = coverage_bars(report.facts, report.outlets)  # every claim, not the page's
    return view


def find(items: Sequence[T], ident: str, kind: str) -> T:
    """One claim or quote by id (``NotFound`` when there is none)."""
    for item in items:
        if item.id == ident:
            return item
    raise NotFound(kind, ident)
