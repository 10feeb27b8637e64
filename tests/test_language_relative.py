"""Relative dates the comparison stage needs resolved, on invented texts.

Anchor: published Thursday 12 March 2026 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date, datetime

from newsprism.language import annotate
from newsprism.model import Article, Source, TimeExpression

PUBLISHED = datetime(2026, 3, 12, 10, 0)  # a Thursday


def _times(text: str, published: datetime = PUBLISHED) -> dict[str, TimeExpression]:
    art = Article(
        id="r", source=Source("r.txt", "text"), raw_sha="r", part=0, text=text, published=published
    )
    (ann,) = annotate([art])
    for t in ann.times:
        assert art.text[t.span[0] : t.span[1]] == t.text
    return {t.text: t for t in ann.times}


def _range(t: TimeExpression) -> tuple[date | None, date | None, str]:
    return t.start, t.end, t.rule


def test_parts_of_months_and_years_name_their_convention_in_the_rule():
    t = _times(
        "The ballot closed late last month. Exports slumped late last year. "
        "Earlier this month the ferry stopped. Prices eased in mid-February."
    )
    assert _range(t["late last month"]) == (
        date(2026, 2, 16),
        date(2026, 2, 28),
        "late-last-month-days-16-end",
    )
    assert _range(t["late last year"]) == (
        date(2025, 9, 1),
        date(2025, 12, 31),
        "late-last-year-months-9-12",
    )
    assert _range(t["Earlier this month"]) == (
        date(2026, 3, 1),
        date(2026, 3, 12),
        "earlier-this-month",
    )
    mid = t["mid-February"]
    assert (mid.start, mid.end) == (date(2026, 2, 11), date(2026, 2, 20))
    assert mid.rule.endswith("days-11-20")


def test_ago_week_and_month_phrases_at_sentence_start_and_inside():
    t = _times(
        "A year ago the quay opened. Two weeks ago it shut. The crane came a decade ago. "
        "Earlier this week talks began. They resume next month. This week is busy."
    )
    assert _range(t["A year ago"]) == (date(2025, 3, 12), date(2025, 3, 12), "ago-year")
    assert t["A year ago"].reason == "approximate"
    assert t["Two weeks ago"].start == date(2026, 2, 26)
    assert t["a decade ago"].start == date(2016, 3, 12)
    assert _range(t["Earlier this week"])[:2] == (date(2026, 3, 9), date(2026, 3, 12))
    assert _range(t["next month"])[:2] == (date(2026, 4, 1), date(2026, 4, 30))
    assert _range(t["This week"])[:2] == (date(2026, 3, 9), date(2026, 3, 15))


def test_numbers_inside_a_resolved_date_are_not_counts():
    art = Article(
        id="q",
        source=Source("q.txt", "text"),
        raw_sha="q",
        part=0,
        text="Two weeks ago 12 hostages were freed.",
        published=PUBLISHED,
    )
    (ann,) = annotate([art])
    assert [q.text for q in ann.quantities] == ["12"]


def test_the_previous_day_counts_from_a_date_in_the_text_not_from_publication():
    t = _times(
        "Police raided the depot on Monday. The previous day the owner had fled abroad. "
        "The day after, the mayor resigned."
    )
    prev = t["The previous day"]
    assert _range(prev)[:2] == (date(2026, 3, 8), date(2026, 3, 8))
    assert (prev.rule, prev.anchor, prev.anchor_source) == (
        "day-before-date-in-text",
        date(2026, 3, 9),
        "text",
    )
    assert t["The day after"].rule == "day-after-date-in-text"


def test_day_before_without_a_dated_day_or_before_an_event_stays_unresolved():
    t = _times("The previous day the owner had fled. The day before the vote, he left.")
    assert t["The previous day"].start is None
    assert t["The previous day"].reason == "counted from a day the text does not date nearby"
    before = t["The day before"]
    assert before.start is None and before.rule == "unresolved"
    assert "event" in (before.reason or "")


def test_overnight_is_the_night_around_publication_with_a_caveat():
    t = _times("Overnight, fighting broke out near the bridge.")
    night = t["Overnight"]
    assert _range(night) == (date(2026, 3, 11), date(2026, 3, 12), "overnight-before-anchor")
    assert night.reason


def test_a_month_of_something_offered_or_planned_is_the_next_one():
    offered = _times("The board has offered a pay rise of 3 percent from July.")["July"]
    assert (offered.start, offered.end) == (date(2026, 7, 1), date(2026, 7, 31))
    assert offered.rule == "month-after-anchor"
    past = _times("Output dipped in July.")["July"]
    assert (past.start, past.rule) == (date(2025, 7, 1), "month-before-anchor")
    t = _times(
        "The mill opened in January. A walkout could begin in early April. "
        "The fair takes place in June. He could not be reached in May."
    )
    assert t["January"].start == date(2026, 1, 1)
    assert _range(t["early April"])[:2] == (date(2026, 4, 1), date(2026, 4, 15))
    assert t["June"].start == date(2026, 6, 1)
    assert t["May"].start == date(2025, 5, 1)  # a negated modal is no plan


def test_a_timetable_in_the_present_tense_looks_ahead():
    t = _times("The ballot, which closes on Friday, follows months of talks.")
    assert (t["Friday"].start, t["Friday"].rule) == (
        date(2026, 3, 13),
        "weekday-on-or-after-anchor-present-tense",
    )
    past = _times("Dockers walked out on Friday.")
    assert past["Friday"].start == date(2026, 3, 6)
