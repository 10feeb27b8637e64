"""A resolved date as a TIMEX3 value, the ISO-like notation of TimeML and TempEval.

newsprism keeps a date as a first and last day (plus the rule and anchor that gave
them); TIMEX3 names the unit instead: a day ``1998-01-08``, a week ``1998-W02``, a
month ``1998-01``, a quarter ``1997-Q4``, a season ``1998-FA``, a year ``1998``, a
decade ``199``, the vague ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF``, and
durations such as ``P1W``. Reading the unit back from the two days is what lets the
benchmark (and any export to TimeML tools) compare our dates with labelled ones; an
early/mid/late part of a month or year keeps the unit it is part of, as TimeML does
(its ``mod`` attribute says which part).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Literal

from newsprism.lexicon import NUMBER_WORDS, SEASONS
from newsprism.model import TimeExpression

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

VAGUE_RULES: dict[str, str] = {
    "past-ref": "PAST_REF",
    "present-ref": "PRESENT_REF",
    "future-ref": "FUTURE_REF",
}
"""Rules of the vague references ("recently", "now", "in the future") to their values."""

_SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_DURATION_UNITS = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
_DURATION = re.compile(
    r"(?P<n>\d+(?:\.\d+)?|[a-z]+(?:[- ][a-z]+)?)[- ](?P<u>second|minute|hour|day|night|week"
    r"|month|quarter|year|decade|century)s?\b",
    re.IGNORECASE,
)
_SET = re.compile(
    r"\b(?:daily|weekly|monthly|annually|yearly|quarterly|each|every|per)\b", re.IGNORECASE
)


_PART_WORD = re.compile(r"\b(morning|afternoon|evening|night|tonight|overnight)\b", re.I)


_CLOCK = re.compile(
    r"^(?:(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b|(?P<word>noon|midnight)\b)",
    re.IGNORECASE,
)


def _clock(text: str) -> str | None:
    """ "10 p.m. Wednesday" -> "22:00", "noon Thursday" -> "12:00": a clock time the
    expression opens with (the date reader takes one only just before a day)."""
    match = _CLOCK.match(text)
    if match is None:
        return None
    if match.group("word"):
        return "12:00" if match.group("word").lower() == "noon" else "24:00"
    hour = int(match.group("h")) % 12 + (12 if match.group("ap").lower() == "p" else 0)
    return f"{hour:02d}:{match.group('m') or '00'}"


def _part_of_day(t: TimeExpression) -> str | None:
    if t.start is not None and t.start == t.end and (clock := _clock(t.text)):
        return clock
    match = _PART_WORD.search(t.text)
    if match is None or t.start is None or t.start != t.end:
        return None
    word = match.group(1).lower()
    return "NI" if word in ("tonight", "overnight") else _PARTS_OF_DAY[word]


def timex_type(t: TimeExpression) -> TimexType:
    """DATE, TIME (a part of a day or a clock time), DURATION or SET."""
    if _part_of_day(t):
        return "TIME"
    if t.rule == "set" or (t.rule == "unresolved" and _SET.search(t.text)):
        return "SET"
    if t.rule in ("duration", "unresolved") and t.start is None and t.rule not in VAGUE_RULES:
        return "DURATION"
    return "DATE"


def timex_value(t: TimeExpression) -> str | None:
    """The TIMEX3 value of a resolved expression, or None when it has none."""
    if t.rule in VAGUE_RULES:
        return VAGUE_RULES[t.rule]
    if t.start is None:
        return duration_value(t.text) if timex_type(t) == "DURATION" else None
    end = t.end or t.start
    if t.rule.startswith("since") or t.rule == "since":
        end = _natural_end(t)
    part = _part_of_day(t)
    if part:
        return f"{t.start.isoformat()}T{part}"
    if t.rule == "few-days-ago":
        return "PAST_REF"
    unit = re.match(r"(?:ago|earlier-than-anchor)-(week|month|year|decade)$", t.rule)
    if unit:  # "two weeks ago" is resolved to a day but names a week
        return _unit_value(t.start, unit.group(1))
    part_of = re.match(r"(?:earlier|later)-this-(week|month|year)$", t.rule)
    if part_of:  # "earlier this week": the part before publication, of the week named
        return _unit_value(t.start, part_of.group(1))
    return calendar_value(t.start, end)


def _unit_value(day: date, unit: str) -> str:
    if unit == "week":
        iso = day.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if unit == "month":
        return f"{day.year}-{day.month:02d}"
    return str(day.year)


def _natural_end(t: TimeExpression) -> date:
    """ "since March": the unit named is March, not March to publication."""
    start = t.start or date.min
    if start.day == 1 and start.month == 1 and re.search(r"\b\d{4}\b", t.text):
        return date(start.year, 12, 31)
    if start.day == 1:
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


def calendar_value(start: date, end: date) -> str:
    """The TIMEX3 unit the two days span: day, week, month, quarter, season, year,
    decade; a stretch that is none of these is named by the smallest unit holding it."""
    if start == end:
        return start.isoformat()
    y, m = start.year, start.month
    last_of_month = calendar.monthrange(end.year, end.month)[1]
    if start.weekday() == 5 and end - start == timedelta(days=1):
        iso = start.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}-WE"
    if start.weekday() == 0 and end - start == timedelta(days=6):
        iso = start.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if start.day == 1 and end.day == last_of_month:
        months = (end.year - y) * 12 + end.month - m + 1
        if months == 1:
            return f"{y}-{m:02d}"
        if months == 3 and m in (1, 4, 7, 10):
            return f"{y}-Q{(m - 1) // 3 + 1}"
        if months == 3:
            for name, (first, _) in SEASONS.items():
                if first == m and name != "fall":
                    return f"{y}-{_SEASON_CODES[name]}"
        if months == 6 and m in (1, 7):
            return f"{y}-H{1 if m == 1 else 2}"
        if months == 12 and m == 1:
            return str(y)
        if months == 120 and m == 1 and y % 10 == 0:
            return str(y // 10)
        if months == 1200 and m == 1 and y % 100 == 0:
            return str(y // 100)
    if (start.year, start.month) == (end.year, end.month):
        return f"{y}-{m:02d}"
    if start.year == end.year:
        return str(y)
    if start.year // 10 == end.year // 10:
        return str(start.year // 10)
    return str(y)


def duration_value(text: str) -> str | None:
    """ "five years" -> P5Y, "a week" -> P1W, "24 hours" -> PT24H; None if not read."""
    match = _DURATION.search(text)
    if match is None:
        low = text.lower()
        for unit, code in _DURATION_UNITS.items():
            if re.search(rf"\b(?:a|an|one|the\s+past|the\s+last)\s+{unit}\b", low):
                return _p(1, unit, code)
            if re.search(rf"\b(?:several|few|many|some)\s+{unit}s\b", low):
                return f"P{'T' if unit in ('second', 'minute', 'hour') else ''}X{code}"
        return None
    unit = match.group("u").lower()
    n = _amount(match.group("n"))
    if n is None:
        return f"PX{_DURATION_UNITS[unit]}"
    return _p(n, unit, _DURATION_UNITS[unit])


def _p(n: float, unit: str, code: str) -> str:
    amount = int(n) if n == int(n) else n
    if code == "DE":
        return f"P{int(n * 10)}Y"
    if code == "CE":
        return f"P{int(n * 100)}Y"
    if code == "Q":
        return f"P{int(n * 3)}M"
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    return f"{prefix}{amount}{code}"


def _amount(words: str) -> float | None:
    words = words.lower().replace("-", " ")
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words)
    if words in ("a", "an"):
        return 1.0
    total = 0
    for w in words.split():
        if w in ("a", "an"):
            w = "one"
        if w not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[w]
    return float(total)
