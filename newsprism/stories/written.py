"""When an article was written, as closely as the page tells: a day, a month or a year.

Two reports of one event are written days or weeks apart; a page about the same
country's election five years earlier, or the same region's earthquake twenty years
before, was written years apart, and that is the plainest evidence that it reports
another event. Most saved pages state no full publication date, but many still say
when they were written at a coarser grain: an archive URL (``/2004/02/``,
``/notas/202402/``, ``/noticia/2004/``) or a date line of a year and a month heading
the text ("2019-05"). ``clean`` keeps only full days as the publication date (a month
is not a publication time to show a reader); grouping can still weigh a month.

The period is a closed range of days: one day for a full date, the month or the year
otherwise. A range, not a guessed day, so a gap is only counted where the two ranges
cannot overlap.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from newsprism.clean.dates import url_path
from newsprism.model import Article

FIRST_YEAR = 1995  # the web's news archives start about here: an older "year" is an id
OPENING_CHARS = 24  # a date line heading the text ends within this many characters

_URL_PERIOD = re.compile(
    r"/(?P<y>(?:19|20)\d\d)(?:(?P<sep>[/-]?)(?P<m>0[1-9]|1[0-2]))?(?=/|$|[-_.][^\d])"
)
_OPENING_MONTH = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?![-\d])")
_OPENING_DAY = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)


@dataclass(frozen=True, slots=True)
class Written:
    """The closed range of days the article was written in."""

    first: date
    last: date

    def gap_days(self, other: Written) -> int:
        """Days between the two ranges; 0 when they overlap."""
        return max(0, (self.first - other.last).days, (other.first - self.last).days)


def _month(year: int, month: int) -> Written:
    return Written(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _year(year: int) -> Written:
    return Written(date(year, 1, 1), date(year, 12, 31))


def url_period(url: str | None) -> Written | None:
    """The year, or year and month, a URL's path is filed under (a full day is the
    publication date ``clean`` already reads)."""
    path = url_path(url)
    if path is None:
        return None
    for m in _URL_PERIOD.finditer(path):
        year = int(m.group("y"))
        if year < FIRST_YEAR or year > date.today().year + 1:
            continue
        return _month(year, int(m.group("m"))) if m.group("m") else _year(year)
    return None


def opening_period(text: str) -> Written | None:
    """An ISO day or year-month heading the text ("2019-05 ...", "2024-05-08 ..."):
    the page's own date line, when ``clean`` left it in the text."""
    opening = text[:OPENING_CHARS]
    if m := _OPENING_DAY.search(opening):
        try:
            day = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
        return Written(day, day)
    if m := _OPENING_MONTH.search(opening):
        return _month(int(m.group("y")), int(m.group("m")))
    return None


def written_period(article: Article) -> Written | None:
    """The publication day when known; else a month read as the publication date; else
    the URL's archive period; else a date line opening the text."""
    published_text = (article.published_text or "").strip()
    if article.published is not None:
        day = article.published.date()
        if _OPENING_MONTH.fullmatch(published_text):
            return _month(day.year, day.month)  # "2024-03" was read as the 1st
        return Written(day, day)
    return url_period(article.url) or opening_period(article.text)
