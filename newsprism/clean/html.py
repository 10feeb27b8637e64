"""Main-text extraction from an HTML page, with the page's own metadata.

Why trafilatura: on the article-extraction benchmark it is the strongest offline
extractor we can run, and it reads title, author, date and site name from the same
parse. We run it with precision favoured and comments left out (reader comments are
not the article), which cuts related-links and teaser blocks; when that keeps under
``_RETRY_BELOW_WORDS`` words it was too strict for the page, so we rerun with its
default balance, and as a last resort take jusText's paragraphs. Measured in
``benchmarks/bench_extraction.py``; these three choices (precision first, no comments,
retry threshold 50 words out of 50/120/250 tried) were picked on that same 181-page
set, the only labelled data we have, so the figure is optimistic by a little.

A page is not an article when the main text is under ``MIN_ARTICLE_WORDS`` words or is
mostly the text of links (a section front or a list of headlines).

``extract`` follows the documented contract (``ExtractedPage`` or ``None``);
``extract_or_reason`` returns a ``NoArticle`` with the reason instead of ``None`` so
a caller can record why a page was dropped.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html

logger = logging.getLogger(__name__)

MIN_ARTICLE_WORDS = 25
"""Fewer words of main text than this and the page is not an article (a hub, an error page)."""

_RETRY_BELOW_WORDS = 50
"""A precision-first extraction shorter than this is retried with trafilatura's default."""

MAX_LINK_SHARE = 0.6
"""More of the main text than this inside links: a list of headlines, not an article."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """The main text of a page (paragraphs separated by a blank line) and what it says of itself."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    language: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class NoArticle:
    """Why a page yielded no article: kept so a dropped page is never dropped silently."""

    reason: str


def extract(html: str, url: str | None = None) -> ExtractedPage | None:
    """The page's article, or ``None``; ``extract_or_reason`` tells why it is ``None``."""
    result = extract_or_reason(html, url)
    return result if isinstance(result, ExtractedPage) else None


def extract_or_reason(html: str, url: str | None = None) -> ExtractedPage | NoArticle:
    """One parse of the page serves every step: trafilatura copies the tree it is given,
    so the retry, the jusText fall-back, the timestamp and the link share all read the
    same parse (three to five parses a page before)."""
    if not html or not html.strip():
        return NoArticle("empty HTML")
    tree = _parse(html)
    if tree is None:
        return NoArticle("the HTML could not be parsed")
    document = _trafilatura(tree, url, favor_precision=True, metadata=True)
    text = _paragraphs((document.text if document else "") or "")
    if _words(text) < _RETRY_BELOW_WORDS:
        retry = _trafilatura(tree, url, favor_precision=False, metadata=document is None)
        retry_text = _paragraphs((retry.text if retry else "") or "")
        if _words(retry_text) > _words(text):
            document = document or retry
            text = retry_text
    if _words(text) < MIN_ARTICLE_WORDS:
        fallback = _justext(tree)
        if _words(fallback) > _words(text):
            text = fallback
    words = _words(text)
    if words == 0:
        return NoArticle("no main text found in the page")
    if words < MIN_ARTICLE_WORDS:
        return NoArticle(f"only {words} words of main text (under {MIN_ARTICLE_WORDS})")
    share = _link_share(tree, text)
    if share > MAX_LINK_SHARE:
        return NoArticle(f"{share:.0%} of the main text is link text: a list page, not an article")
    return ExtractedPage(
        text=text,
        title=_clean(getattr(document, "title", None)),
        author=_clean(getattr(document, "author", None)),
        date=_timestamp(tree, _clean(getattr(document, "date", None))),
        sitename=_clean(getattr(document, "sitename", None)),
        language=_clean(getattr(document, "language", None)),
        description=_clean(getattr(document, "description", None)),
    )


def _parse(html: str) -> HtmlElement | None:
    """The page as trafilatura itself would parse it (its decoding and repairs)."""
    try:
        return load_html(html)
    except Exception as exc:  # lxml raises assorted errors on broken pages
        logger.warning("HTML parse failed: %s", exc)
        return None


_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date.issued",
)
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _timestamp(tree: HtmlElement, day: str | None) -> str | None:
    """The page's publication time when its metadata states one.

    trafilatura reports the day only; ``article:published_time`` and JSON-LD
    ``datePublished`` usually carry the time and offset too. Taken only when it falls on
    the day trafilatura chose (or trafilatura found none), so the two never disagree.
    """
    found: list[str] = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        if key in _PUBLISHED_META:
            found.append((meta.get("content") or "").strip())
    for script in tree.iter("script"):
        if (script.get("type") or "").strip() == "application/ld+json" and script.text:
            found += re.findall(r'"datePublished"\s*:\s*"([^"]+)"', script.text)
    for value in found:
        if _ISO_TIME.match(value) and (day is None or value.startswith(day[:10])):
            return value
    return day


def _trafilatura(
    tree: HtmlElement, url: str | None, *, favor_precision: bool, metadata: bool
) -> Document | None:
    try:
        found = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=metadata,
            favor_precision=favor_precision,
            include_comments=False,
            include_tables=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on broken pages
        logger.warning("trafilatura failed on %s: %s", url or "page", exc)
        return None
    return found if isinstance(found, Document) else None  # a dict only with as_dict=True


def _justext(tree: HtmlElement) -> str:
    """jusText's paragraphs, from our parse (its cleaner works on a copy)."""
    import justext
    from justext.core import (
        ParagraphMaker,
        classify_paragraphs,
        preprocessor,
        revise_paragraph_classification,
    )

    try:
        dom = preprocessor(tree)
        paragraphs = ParagraphMaker.make_paragraphs(dom)
        classify_paragraphs(paragraphs, justext.get_stoplist("English"))
        revise_paragraph_classification(paragraphs)
    except Exception as exc:  # justext raises on trees it cannot walk
        logger.debug("justext failed: %s", exc)
        return ""
    return "\n\n".join(
        p.text.strip() for p in paragraphs if not p.is_boilerplate and p.text.strip()
    )


def _link_share(tree: HtmlElement, text: str) -> float:
    """Share of the text's words in paragraphs that are, whole, the text of a link."""
    anchors = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    anchors.discard("")
    if not anchors:
        return 0.0
    total = linked = 0
    for paragraph in text.split("\n\n"):
        n = _words(paragraph)
        total += n
        if " ".join(paragraph.split()) in anchors:
            linked += n
    return linked / total if total else 0.0


def _paragraphs(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
