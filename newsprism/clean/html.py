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

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

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
    if not html or not html.strip():
        return NoArticle("empty HTML")
    document = _trafilatura(html, url, favor_precision=True)
    text = _paragraphs(document.text if document else "")
    if _words(text) < _RETRY_BELOW_WORDS:
        retry = _trafilatura(html, url, favor_precision=False)
        retry_text = _paragraphs(retry.text if retry else "")
        if _words(retry_text) > _words(text):
            document, text = retry or document, retry_text
    if _words(text) < MIN_ARTICLE_WORDS:
        fallback = _justext(html)
        if _words(fallback) > _words(text):
            text = fallback
    words = _words(text)
    if words == 0:
        return NoArticle("no main text found in the page")
    if words < MIN_ARTICLE_WORDS:
        return NoArticle(f"only {words} words of main text (under {MIN_ARTICLE_WORDS})")
    share = _link_share(html, text)
    if share > MAX_LINK_SHARE:
        return NoArticle(f"{share:.0%} of the main text is link text: a list page, not an article")
    return ExtractedPage(
        text=text,
        title=_clean(getattr(document, "title", None)),
        author=_clean(getattr(document, "author", None)),
        date=_timestamp(html, _clean(getattr(document, "date", None))),
        sitename=_clean(getattr(document, "sitename", None)),
        language=_clean(getattr(document, "language", None)),
        description=_clean(getattr(document, "description", None)),
    )


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


def _timestamp(html: str, day: str | None) -> str | None:
    """The page's publication time when its metadata states one.

    trafilatura reports the day only; ``article:published_time`` and JSON-LD
    ``datePublished`` usually carry the time and offset too. Taken only when it falls on
    the day trafilatura chose (or trafilatura found none), so the two never disagree.
    """
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return day
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


def _trafilatura(html: str, url: str | None, *, favor_precision: bool) -> Document | None:
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_precision=favor_precision,
            include_comments=False,
            include_tables=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on broken pages
        logger.warning("trafilatura failed on %s: %s", url or "page", exc)
        return None


def _justext(html: str) -> str:
    import justext

    try:
        paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    except Exception as exc:  # justext raises on pages lxml cannot parse
        logger.debug("justext failed: %s", exc)
        return ""
    return "\n\n".join(
        p.text.strip() for p in paragraphs if not p.is_boilerplate and p.text.strip()
    )


def _link_share(html: str, text: str) -> float:
    """Share of the text's words in paragraphs that are, whole, the text of a link."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return 0.0
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
