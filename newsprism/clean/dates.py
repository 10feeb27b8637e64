"""Dates as pages write them: "05.01.2024 - 16:24", "Feb. 08, 2024", "8 February 2024".

Hand-written patterns rather than a general parser, because a general parser also
turns "20" or "Thursday" into a date, and a wrong publication date is worse than
none. Numeric dates are read day-first unless told otherwise (the usual order
outside the US); year-first ISO dates are unambiguous. Month and weekday names come
from ``newsprism.lexicon``, the one table every stage reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import unquote, urlsplit

from newsprism.lexicon import WEEKDAYS, month_number, month_pattern, weekday_pattern

_MONTH = month_pattern("mon")
_TIME = (
    r"(?:\s*(?:[-–—,•|@]|at)?\s*(?P<hh>[01]?\d|2[0-3])[:.h](?P<mi>[0-5]\d)"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?))?)?"
)
_YEAR = r"(?P<y>(?:19|20)\d\d)\b"
_PATTERNS = [
    # 2024-02-08, 2024-02-08T16:24
    re.compile(
        r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
        r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?P<ampm>)?)?"
    ),
    # 05.01.2024, 05/01/2024, 5-1-2024 (day-first unless told otherwise)
    re.compile(r"\b(?P<a>[0-3]?\d)[./-](?P<b>[01]?\d)[./-](?P<y>(?:19|20)\d\d)\b" + _TIME, re.I),
    # Feb. 08, 2024 / February 8 2024
    re.compile(r"\b" + _MONTH + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+" + _YEAR + _TIME, re.I),
    # 8 February 2024 / 08 Feb, 2024
    re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+" + _YEAR + _TIME, re.I),
]  # fmt: skip
_LEAD_WEEKDAY = re.compile(
    r"\b" + weekday_pattern("wd") + r"\s*[(,]\s*" + _MONTH + r"\s+(?P<d>[0-3]?\d)\b\)?", re.I
)
# A date in a URL path: /2024/01/03/, /2024-01-03/, /20240103/, /2024/jan/03/ (a
# year and month alone, /2024/01/, is a section archive, not a day: not read).
_URL_DATE = re.compile(
    r"(?:^|/)(?P<y>(?:19|20)\d\d)(?P<sep>[/-]?)(?P<m>[01]\d|[a-z]{3,9})(?P=sep)(?P<d>[0-3]\d)"
    r"(?=/|$|[-_.][^/\d])",
    re.I,
)
_UPDATE_LABEL = re.compile(r"\b(updated|modified|edited)\b", re.I)
_UPDATED_TIME = re.compile(
    r"\s*[|•,;–—-]?\s*(?:last\s+)?(?:updated|modified)\s*:?\s*(?:at\s+)?"
    r"(?P<hh>[01]?\d|2[0-3])[:.h](?P<mi>[0-5]\d)(?:\s*(?P<ampm>[ap]\.?m\.?))?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date read from text, with the exact words and where they were."""

    value: datetime
    text: str
    start: int
    end: int
    has_time: bool


def _build(
    y: int, m: int, d: int, hh: str | None, mi: str | None, ampm: str | None
) -> datetime | None:
    try:
        hour = int(hh) if hh else 0
        if ampm and ampm[0].lower() == "p" and hour < 12:
            hour += 12
        if ampm and ampm[0].lower() == "a" and hour == 12:
            hour = 0
        return datetime(y, m, d, hour, int(mi) if mi else 0)
    except ValueError:
        return None


def find_dates(text: str, *, day_first: bool = True) -> list[FoundDate]:
    """Every full date (with year) in ``text``, left to right, overlaps removed."""
    found: list[FoundDate] = []
    for i, pattern in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            g = m.groupdict()
            if i == 1:
                a, b = int(g["a"]), int(g["b"])
                day, month = (a, b) if day_first else (b, a)
            else:
                day = int(g["d"])
                month = month_number(g["mon"]) if g.get("mon") else int(g["m"])
            value = _build(int(g["y"]), month, day, g.get("hh"), g.get("mi"), g.get("ampm"))
            if value is None:
                continue
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            found.append(
                FoundDate(value, m.group(0).strip(), m.start(), m.end(), bool(g.get("hh")))
            )
    return sorted(found, key=lambda f: f.start)


def is_update_label(text: str) -> bool:
    """Whether the label before a date says it is an update, not the first publication."""
    return bool(_UPDATE_LABEL.search(text))


def labelled_dates(text: str, *, day_first: bool = True) -> list[tuple[FoundDate, bool]]:
    """The dates of one date line, each with whether its own label calls it an update.

    "Published: Jan 3, 2024 | Updated: Jan 4, 2024" holds both on one line: the label
    that counts is the one between the previous date and this one, so "Mar. 12, 2026,
    7:45 p.m. | Updated 8:10 p.m." is a publication time followed by an update time
    of the same day (returned as a second, updated date).
    """
    out: list[tuple[FoundDate, bool]] = []
    previous_end = 0
    for found in find_dates(text, day_first=day_first):
        out.append((found, is_update_label(text[previous_end : found.start])))
        previous_end = found.end
    if out:
        last = out[-1][0]
        m = _UPDATED_TIME.match(text, last.end)
        if m:
            when = _build(
                last.value.year, last.value.month, last.value.day,
                m.group("hh"), m.group("mi"), m.group("ampm"),
            )  # fmt: skip
            if when is not None:
                out.append(
                    (FoundDate(when, m.group(0).strip(" |•,-–—"), m.start(), m.end(), True), True)
                )
    return out


def parse_date(text: str, *, day_first: bool = True) -> FoundDate | None:
    """The first date in ``text``; ISO 8601 strings (from metadata) are read exactly."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        return FoundDate(value, text.strip(), 0, len(text), "T" in text or ":" in text)
    except ValueError:
        pass
    dates = find_dates(text, day_first=day_first)
    return dates[0] if dates else None


def url_path(url: str | None) -> str | None:
    """A URL's decoded path, or None when there is no URL or it does not parse."""
    if not url:
        return None
    try:
        return unquote(urlsplit(url).path)
    except ValueError:
        return None


def url_date(url: str | None) -> FoundDate | None:
    """The publication day a URL path states ("/2024/01/03/"), else None.

    Only the path is read (a query string's "date=" is a filter, not the story), and
    only a full year-month-day: "/2024/01/" is an archive page of the month.
    """
    path = url_path(url)
    if path is None:
        return None
    for m in _URL_DATE.finditer(path):
        month_text = m.group("m")
        try:
            month = int(month_text) if month_text.isdigit() else month_number(month_text)
        except KeyError:
            continue
        value = _build(int(m.group("y")), month, int(m.group("d")), None, None, None)
        if value is not None and value.year >= 1995:
            start = m.start("y")
            return FoundDate(value, path[start : m.end()], start, m.end(), False)
    return None


def lead_weekday_date(lead: str, years: list[int]) -> FoundDate | None:
    """Resolve "on Thursday (Feb 8)" using a year seen elsewhere on the page.

    The weekday must agree with the calendar for that year: it is the check that the
    borrowed year belongs to this story and not to an old photo on the same page.
    """
    m = _LEAD_WEEKDAY.search(lead)
    if not m:
        return None
    month, day = month_number(m.group("mon")), int(m.group("d"))
    weekday = WEEKDAYS[m.group("wd").casefold()]
    for year in dict.fromkeys(years):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            value = datetime(year, month, day)
            return FoundDate(value, m.group(0), m.start(), m.end(), False)
    return None
