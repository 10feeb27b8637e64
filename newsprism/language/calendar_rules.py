"""Calendar arithmetic for relative dates, kept free of text so each rule is testable.

News convention: a bare weekday in a past-tense sentence is the most recent such day
on or before the publication date; in a future-tense sentence the next one after it.
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

Range = tuple[date, date]


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_before(anchor: date, weekday: int) -> date:
    """Strictly before: "last Friday" written on a Friday is a week earlier."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)


def weekday_on_or_after(anchor: date, weekday: int) -> date:
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def weekday_after(anchor: date, weekday: int) -> date:
    """Strictly after: "will meet on Tuesday" written on a Tuesday means next week."""
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def month_range(year: int, month: int) -> Range:
    return date(year, month, 1), date(year, month, _cal.monthrange(year, month)[1])


def shift_months(anchor: date, months: int) -> tuple[int, int]:
    index = anchor.year * 12 + anchor.month - 1 + months
    return index // 12, index % 12 + 1


# What "early", "mid" and "late" cover. A month is split in overlapping halves plus a
# middle (early 1-15, mid 11-20, late 16-end) rather than in thirds: reporters write
# "late last month" for anything after mid-month ("late February" for the 27th, but
# also for the 17th), and a range too narrow makes two outlets seem to disagree when
# the comparison tests whether their dates overlap. A year is split in thirds of four
# months, where usage is steadier ("late last year" is autumn or winter). The ranges
# are named in the rule ("late-last-month-days-16-end") so a reader sees the convention.
MONTH_PARTS = {"early": (1, 15), "mid": (11, 20), "late": (16, 31)}
YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def part_label(part: str, unit: str) -> str:
    """The range a part covers, for rule names: "days-16-end", "months-9-12"."""
    if unit == "month":
        first, last = MONTH_PARTS[part]
        return f"days-{first}-{'end' if last == 31 else last}"
    first, last = YEAR_PARTS[part]
    return f"months-{first}-{last}"


def relative_month(anchor: date, months: int, part: str | None = None) -> Range:
    """The month ``months`` away from the anchor's; ``part`` early/mid/late narrows it."""
    start, end = month_range(*shift_months(anchor, months))
    if part in MONTH_PARTS:
        first, last = MONTH_PARTS[part]
        return start.replace(day=first), end.replace(day=min(last, end.day))
    return start, end


def relative_week(anchor: date, weeks: int) -> Range:
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=weeks)
    return monday, monday + timedelta(days=6)


def past_week_readings(anchor: date) -> Range:
    """Every day "last week" can name: the previous calendar week, or (as many writers
    use it) the seven days before the anchor. Written on a Saturday, a meeting "last
    week" may have been on the Tuesday four days before."""
    first, last = relative_week(anchor, -1)
    return min(first, anchor - timedelta(days=7)), max(last, anchor - timedelta(days=1))


# rules whose words allow a wider range than the one they resolve to (the resolved
# range stays the usual reading, for TIMEX3); a comparison takes every reading
WIDER_READINGS = {"last-week": past_week_readings}


def possible_days(rule: str, start: date, end: date, anchor: date | None) -> Range:
    """Every day an expression resolved by ``rule`` can name: two dates contradict only
    when no reading of either overlaps the other."""
    wider = WIDER_READINGS.get(rule)
    if wider is None or anchor is None:
        return start, end
    first, last = wider(anchor)
    return min(start, first), max(end, last)


def relative_year(anchor: date, years: int, part: str | None = None) -> Range:
    year = anchor.year + years
    if part in YEAR_PARTS:
        first, last = YEAR_PARTS[part]
        return date(year, first, 1), month_range(year, last)[1]
    return date(year, 1, 1), date(year, 12, 31)


def month_near(anchor: date, month: int, tense: str) -> Range:
    """A month named without a year: the latest one not after the anchor's month in the
    past, the next one from the anchor's month on in the future."""
    if tense == "future":
        year = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    return month_range(year, month)


def month_day_near(anchor: date, month: int, day: int, tense: str) -> tuple[date, str]:
    """A month-day without a year: the anchor's year, or the neighbouring year the tense
    points to when the anchor's year would put a past event in the future (or the reverse)."""
    candidate = _safe_date(anchor.year, month, day)
    if tense == "reported" and candidate <= anchor + timedelta(days=92):
        return candidate, "month-day-ahead-in-past-tense-report"  # "extended to Nov. 20"
    if tense in ("past", "reported") and candidate > anchor + timedelta(days=1):
        return _safe_date(anchor.year - 1, month, day), "month-day-previous-year"
    if tense == "future" and candidate < anchor - timedelta(days=1):
        return _safe_date(anchor.year + 1, month, day), "month-day-next-year"
    return candidate, "month-day-anchor-year"


def year_of_weekday(day: date, weekday: int, anchor: date) -> date:
    """A month-day written with its weekday and no year ("Wednesday March 20") is in the
    year, of the anchor's and the two beside it, where that day is that weekday: a page
    dated from its story's first day (February) names a Wednesday of the coming March,
    not last year's Monday. If no year nearby fits, the day read from the tense stays."""
    if day.weekday() == weekday:
        return day
    fits = [
        d
        for k in (-1, 0, 1)
        if (d := _safe_date(anchor.year + k, day.month, day.day)).weekday() == weekday
    ]
    return min(fits, key=lambda d: abs((d - anchor).days)) if fits else day


def ago(anchor: date, count: int, unit: str) -> date:
    unit = unit.rstrip("s")
    if unit == "day":
        return anchor - timedelta(days=count)
    if unit == "week":
        return anchor - timedelta(weeks=count)
    if unit == "month":
        year, month = shift_months(anchor, -count)
        return _safe_date(year, month, min(anchor.day, _cal.monthrange(year, month)[1]))
    if unit == "decade":
        count *= 10
    return _safe_date(anchor.year - count, anchor.month, anchor.day)


def _safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, _cal.monthrange(year, month)[1]))


def holiday(year: int, month: int, day: int, weekday: int, nth: int) -> date:
    """The day of a holiday in ``year`` (see ``lexicon.HOLIDAYS`` for the encoding)."""
    if day:
        return date(year, month, day)
    if nth == 0:  # the Tuesday after the first Monday
        return weekday_on_or_after(date(year, month, 1), 0) + timedelta(days=1)
    if nth < 0:
        last = month_range(year, month)[1]
        return weekday_on_or_before(last, weekday)
    return weekday_on_or_after(date(year, month, 1), weekday) + timedelta(weeks=nth - 1)


def weekend(anchor: date, step: int, tense: str) -> Range:
    """The Saturday and Sunday of "the weekend": with ``step`` -1 ("last weekend",
    "this past weekend") or a past tense, the latest one begun by the anchor; with
    ``step`` 1 or a future tense, the next one not yet over."""
    saturday = 5
    if step < 0 or (step == 0 and tense == "past"):
        first = weekday_on_or_before(anchor, saturday)
        if step < 0 and anchor.weekday() == saturday:
            first -= timedelta(weeks=1)
    elif anchor.weekday() == 6:  # a Sunday: the weekend under way
        first = anchor - timedelta(days=1)
        if step > 0:
            first += timedelta(weeks=1)
    else:
        first = weekday_on_or_after(anchor, saturday)
    return first, first + timedelta(days=1)
