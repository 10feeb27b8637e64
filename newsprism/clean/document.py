"""From one RawDocument to its Articles: the cleaning stage, read top to bottom."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from newsprism.clean.boilerplate import Labelled, label_page, settle_segment
from newsprism.clean.dateline import locate_dateline
from newsprism.clean.dates import find_dates
from newsprism.clean.describe import (
    day_first_for,
    pick_byline,
    pick_title,
    publication_dates,
    wire_of,
)
from newsprism.clean.language import detect_language, justext_language
from newsprism.clean.lines import page_lines, stoplist
from newsprism.clean.options import CleanOptions
from newsprism.clean.outlet import find_outlet, outlet_table, without_site_name
from newsprism.clean.published import fill_published
from newsprism.clean.restore import restore_exported
from newsprism.clean.split import split_segments
from newsprism.clean.templates import TemplateIndex, site_of
from newsprism.model import Article, RawDocument, RemovedLine

log = logging.getLogger(__name__)


class PageArticles(list[Article]):
    """The articles cut from one page; when there are none, ``no_article`` says why.

    A list, so every caller that wants only the articles keeps iterating it; the reason
    travels with the result because finding it again means extracting the page again.
    """

    def __init__(self, articles: Iterable[Article] = (), no_article: str | None = None) -> None:
        super().__init__(articles)
        self._reason = no_article or "no article text found on the page"

    @property
    def no_article(self) -> str | None:
        return None if self else self._reason


@dataclass(slots=True)
class PageHints:
    """What an HTML page's own metadata says; weaker than the input's metadata."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    language: str | None = None


def clean_document(
    raw: RawDocument,
    templates: TemplateIndex | None = None,
    options: CleanOptions | None = None,
) -> PageArticles:
    """The articles in one page, each with a clean body, its removed lines and description;
    none, with the reason, when the page holds no article."""
    options = options or CleanOptions()
    restored = restore_exported(raw)
    if restored is not None:  # a newsprism export: already clean, restored as it was
        return PageArticles(restored)
    if raw.text and raw.text.strip():
        text, hints = raw.text, PageHints()
    elif raw.html:
        extracted = extract_html(raw)
        if isinstance(extracted, str):
            return PageArticles(no_article=f"no article on the page: {extracted}")
        text, hints = extracted
        # The extractor already chose the main content: trust its paragraphs (only the
        # single-line rules and repeats still apply) and keep the page one article.
        return clean_text(raw, text, hints, templates, options, extracted=True)
    else:
        return PageArticles(no_article="empty document")
    return clean_text(raw, text, hints, templates, options)


def clean_text(
    raw: RawDocument,
    text: str,
    hints: PageHints,
    templates: TemplateIndex | None,
    options: CleanOptions,
    *,
    extracted: bool = False,
) -> PageArticles:
    language = (
        raw.meta.language
        or hints.language
        or detect_language(text, min_ratio=options.language_min_ratio)
    )
    stopwords = stoplist(justext_language(language))
    lines = page_lines(text, stopwords)
    labels = label_page(
        lines, stopwords=stopwords, site=site_of(raw), templates=templates, options=options
    )
    if extracted:
        for item in labels:
            if item.reason is None:
                item.prose = True
        options = dataclasses.replace(options, split_pages=False)
    elif not any(item.prose for item in labels):
        _accept_short_sentences(labels)
    page_years = sorted({d.value.year for line in lines for d in find_dates(line.text)})
    articles = PageArticles()
    for part, seg in enumerate(split_segments(labels, stopwords, options)):
        article = describe_segment(raw, part, seg, hints, stopwords, page_years, options)
        if article is not None:
            fill_published(article)  # a date line in another language (multilingual)
            articles.append(article)
    if not articles:
        return PageArticles(
            no_article="no article text found on the page: every line was boilerplate, "
            "a title or a byline"
        )
    return articles


def _accept_short_sentences(labels: list[Labelled]) -> None:
    """A page of only short sentences is still text: keep them rather than return nothing."""
    for item in labels:
        if item.reason is None and item.line.ends_sentence and item.line.n_words >= 2:
            item.prose = True


def describe_segment(
    raw: RawDocument,
    part: int,
    seg: list[Labelled],
    hints: PageHints,
    stopwords: frozenset[str],
    page_years: list[int],
    options: CleanOptions,
) -> Article | None:
    """One article: settle its lines, then read its title, byline, date and wire credit.

    Metadata about the page (title, byline, date) describes its first article; the
    URL, outlet and language apply to every article cut from the page.
    """
    meta = raw.meta if part == 0 else None
    # A fetched page's own heading first, the feed's (possibly stale) headline after.
    feed_title = raw.meta.extra.get("feed_title") if part == 0 else None
    page_title = hints.title or (feed_title if isinstance(feed_title, str) else None)
    title_i = pick_title(seg, stopwords, hint=(meta.title if meta else None) or page_title)
    byline_i, byline = pick_byline(seg, title_i)
    settle_segment(seg, title=title_i, byline=byline_i, byline_name=byline, options=options)
    body = [s.line.text for s in seg if s.reason is None]
    if not body:
        return None
    text = "\n\n".join(body)
    dateline = locate_dateline(body)
    table = outlet_table(options)
    outlet = find_outlet(raw.meta, hints.sitename, seg, table)
    wire, wire_evidence = wire_of(seg, dateline, outlet, table)
    day_first = day_first_for(outlet, options)
    page_hints = hints if part == 0 else PageHints()
    published, updated = publication_dates(
        seg, meta.published if meta else None, page_hints.date, raw.meta.url, page_years, day_first
    )
    key = f"{raw.key}#{part}"
    return Article(
        id=Article.make_id(key, part, text),
        source=raw.source,
        raw_sha=raw.content_sha,
        part=part,
        text=text,
        title=(meta.title if meta and meta.title else None)
        or without_site_name(
            seg[title_i].line.text if title_i is not None else page_title if part == 0 else None,
            outlet,
        ),
        byline=(meta.byline if meta and meta.byline else None)
        or byline
        or (hints.author if part == 0 else None),
        dateline=dateline,
        # Wall-clock time as the source wrote it; the offset stays in published_text.
        # One kind of datetime everywhere: aware and naive ones cannot be compared.
        published=published.value.replace(tzinfo=None) if published else None,
        published_text=published.text if published else None,
        published_source=published.source if published else None,
        outlet=outlet.name if outlet else None,
        outlet_source=outlet.source if outlet else None,
        updated=updated.value.replace(tzinfo=None) if updated else None,
        updated_text=updated.text if updated else None,
        url=raw.meta.url,
        language=raw.meta.language
        or hints.language
        or detect_language(text, min_ratio=options.language_min_ratio),
        wire=wire,
        wire_evidence=wire_evidence,
        removed=[RemovedLine(s.line.no, s.line.text, s.reason) for s in seg if s.reason],
        key=key,
    )


def extract_html(raw: RawDocument) -> tuple[str, PageHints] | str:
    """Main text and page metadata from HTML, or the reason the page has no article."""
    assert raw.html is not None
    from newsprism.clean.html import NoArticle, extract_or_reason

    page = extract_or_reason(raw.html, raw.meta.url)
    if isinstance(page, NoArticle):
        return page.reason
    hints = PageHints(page.title, page.author, page.date, page.sitename, page.language)
    return page.text, hints
