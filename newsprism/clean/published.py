"""The publication date of a page in another language, read from its date line.

Cleaning reads English date lines ("January 6, 2027, 9:10 a.m."); a Spanish, French
or Arabic one ("6 de enero de 2027 - 10:20", "Publié le 6 janvier 2027 à 11h05",
"6 يناير 2027") is left among the lines removed before the body, and the article has
no date to anchor its "el martes" against. This reads those removed lines with
``dateparser`` in the article's language and takes the first that holds a full date
(a four-digit year and a day). A date given by metadata or found by cleaning wins:
only an article without one is filled in.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

from newsprism.lexicon import FOREIGN_LANGUAGES
from newsprism.model import Article

log = logging.getLogger(__name__)

MAX_LINE = 80  # a date line is short; a sentence that holds a date is not one
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TIME = re.compile(r"^\d{1,2}[:h.]\d{2}")
_CANDIDATE_REASONS = ("before-body", "interface", "byline", "dateline", "date", "title")


def _settings() -> dict[str, Any]:
    return {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}


def read_date_line(line: str, language: str) -> tuple[datetime, str] | None:
    """(datetime, the words it was read from) for a line that holds a full date."""
    import dateparser
    from dateparser.search import search_dates

    if len(line) > MAX_LINE or not _YEAR.search(line):
        return None
    try:
        parsed = dateparser.parse(line, languages=[language], settings=_settings())
        if parsed is not None:
            return parsed, line.strip()
        hits = search_dates(line, languages=[language], settings=_settings()) or []
    except Exception:  # dateparser raises assorted errors on odd text
        log.debug("dateparser failed on %r", line, exc_info=True)
        return None
    for k, (words, value) in enumerate(hits):
        if not _YEAR.search(words) or not re.search(r"\d", _YEAR.sub("", words)):
            continue  # a year alone is not a publication date
        if k + 1 < len(hits) and _TIME.match(hits[k + 1][0]) and value.hour == value.minute == 0:
            clock = hits[k + 1][1]
            value = value.replace(hour=clock.hour, minute=clock.minute)
        return value, words
    return None


def fill_published(article: Article) -> bool:
    """Set the publication date of an article in a supported language other than
    English from its removed date line, when it has none. True when one was set."""
    if article.published is not None or article.language not in FOREIGN_LANGUAGES:
        return False
    lines = sorted(
        (r for r in article.removed if r.reason.startswith(_CANDIDATE_REASONS)),
        key=lambda r: r.line_no,
    )
    for line in lines:
        found = read_date_line(line.text, article.language or "")
        if found is not None:
            article.published, article.published_text = found[0].replace(tzinfo=None), found[1]
            article.published_source = "page:date-line"
            return True
    return False
