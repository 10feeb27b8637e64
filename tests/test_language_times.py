"""Calendar rules and time expressions on invented texts."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from newsprism.language import annotate, reanchor_times
from newsprism.language import calendar_rules as cal
from newsprism.lexicon import WEEKDAYS
from newsprism.model import Annotations, Article, Source, TimeExpression

THU = date(2024, 2, 8)  # a Thursday


def _article(text: str, published: datetime | None = datetime(2024, 2, 8, 9, 30)) -> Article:
    return Article(
        id="t", source=Source("t.txt", "text"), raw_sha="t", part=0, text=text, published=published
    )


def _times(
    text: str, published: datetime | None = datetime(2024, 2, 8)
) -> dict[str, TimeExpression]:
    art = _article(text, published)
    ann = next(annotate([art]))
    return {t.text: t for t in ann.times}


def test_weekday_rules():
    assert cal.weekday_on_or_before(THU, WEEKDAYS["thursday"]) == THU
    assert cal.weekday_on_or_before(THU, WEEKDAYS["friday"]) == date(2024, 2, 2)
    assert cal.weekday_before(THU, WEEKDAYS["thursday"]) == date(2024, 2, 1)
    assert cal.weekday_after(THU, WEEKDAYS["thursday"]) == date(2024, 2, 15)
    assert cal.weekday_after(THU, WEEKDAYS["monday"]) == date(2024, 2, 12)


def test_month_rules():
    assert cal.month_near(THU, 10, "past") == (date(2023, 10, 1), date(2023, 10, 31))
    assert cal.month_near(THU, 10, "future") == (date(2024, 10, 1), date(2024, 10, 31))
    assert cal.relative_month(THU, -1, "late") == (date(2024, 1, 16), date(2024, 1, 31))
    assert cal.relative_month(THU, -1, "early") == (date(2024, 1, 1), date(2024, 1, 15))
    assert cal.relative_month(THU, 0, "mid") == (date(2024, 2, 11), date(2024, 2, 20))
    assert cal.relative_month(THU, 0, "late") == (date(2024, 2, 16), date(2024, 2, 29))
    assert cal.relative_year(THU, -1, "late") == (date(2023, 9, 1), date(2023, 12, 31))
    assert cal.relative_week(THU, -1) == (date(2024, 1, 29), date(2024, 2, 4))
    jan5 = date(2024, 1, 5)
    assert cal.month_day_near(jan5, 12, 28, "past") == (
        date(2023, 12, 28),
        "month-day-previous-year",
    )
    assert cal.month_day_near(THU, 2, 11, "future")[0] == date(2024, 2, 11)
    assert cal.ago(date(2024, 3, 31), 1, "month") == date(2024, 2, 29)


def test_past_weekdays_resolve_to_latest_on_or_before_publication():
    t = _times("Gunmen attacked the convoy on Monday. Thursday's vote was delayed.")
    assert (t["Monday"].start, t["Monday"].rule) == (date(2024, 2, 5), "weekday-before-anchor")
    assert t["Monday"].anchor == THU and t["Monday"].anchor_source == "published"
    assert t["Thursday's"].start == THU


def test_future_weekday_and_month_day_look_ahead():
    t = _times("Talks will resume on Tuesday. The envoy is expected to arrive on Feb 11.")
    assert (t["Tuesday"].start, t["Tuesday"].rule) == (date(2024, 2, 13), "weekday-after-anchor")
    assert t["Feb 11"].start == date(2024, 2, 11)


def test_weekday_with_explicit_date_uses_the_date():
    t = _times("The minister spoke on Thursday (Feb 8). The strike came Wednesday, Feb. 7, 2024.")
    assert t["Thursday (Feb 8)"].start == THU
    assert t["Thursday (Feb 8)"].rule == "weekday-explicit-date"
    assert t["Wednesday, Feb. 7, 2024"].start == date(2024, 2, 7)


def test_relative_phrases():
    t = _times(
        "The talks collapsed last week. Fighting flared late last month and a year ago. "
        "Troops arrived in October and have stayed since October. The group rose in 2014. "
        "Yesterday the road reopened."
    )
    assert (t["last week"].start, t["last week"].end) == (date(2024, 1, 29), date(2024, 2, 4))
    assert (t["late last month"].start, t["late last month"].rule) == (
        date(2024, 1, 16),
        "late-last-month-days-16-end",
    )
    assert t["a year ago"].start == date(2023, 2, 8)
    assert (t["October"].start, t["October"].end) == (date(2023, 10, 1), date(2023, 10, 31))
    assert (t["since October"].start, t["since October"].end) == (date(2023, 10, 1), THU)
    assert (t["2014"].start, t["2014"].end) == (date(2014, 1, 1), date(2014, 12, 31))
    assert t["Yesterday"].start == date(2024, 2, 7)


def test_numeric_dates_are_day_first():
    t = _times("Publication: 05.01.2024 - 16:24", published=None)
    assert t["05.01.2024"].start == date(2024, 1, 5)
    assert t["05.01.2024"].rule == "absolute-day-first"


def test_without_publication_date_relative_stays_unresolved_and_reanchors():
    text = "The base was hit on Friday. Absolute dates like March 3, 2023 still resolve."
    art = _article(text, published=None)
    ann = next(annotate([art]))
    times = {t.text: t for t in ann.times}
    assert times["Friday"].start is None
    assert times["Friday"].reason == "no publication date"
    assert times["March 3, 2023"].start == date(2023, 3, 3)
    again = reanchor_times(art, ann, date(2024, 2, 8), "story")
    assert isinstance(again, Annotations)
    friday = next(t for t in again.times if t.text == "Friday")
    assert (friday.start, friday.anchor_source) == (date(2024, 2, 2), "story")
    assert ann.times[0].start is None  # the original is left as it was


def test_counts_are_not_dates_and_frequencies_stay_unresolved():
    t = _times("One of the three drones fell. Attacks came almost daily.")
    assert not any("three" in k or "One" in k for k in t)
    assert t["almost daily"].start is None
    assert t["almost daily"].rule == "unresolved"


def test_would_with_a_weekday_is_the_coming_one() -> None:
    """Reported future ("talks would open on Saturday") is after publication, not before."""
    art = Article(
        id="w1",
        source=Source("t.txt", "text"),
        raw_sha="x",
        part=0,
        text="The minister said talks would open on Saturday in the capital.",
        published=datetime(2026, 3, 12, 9, 0),
    )
    (ann,) = annotate([art])
    (t,) = [t for t in ann.times if "Saturday" in t.text]
    assert t.start == date(2026, 3, 14)


_ABSOLUTE_RULES = (
    "absolute", "month-year", "quarter-year", "season-year", "year", "century", "spoken-year"
)  # fmt: skip


def _timex(text: str, published: date) -> dict[str, tuple[str | None, str]]:
    from newsprism.language.timex import timex_value

    art = Article(
        id="t",
        source=Source("t.txt", "text"),
        raw_sha="t",
        part=0,
        text=text,
        published=datetime(published.year, published.month, published.day),
    )
    ann = next(annotate([art]))
    for t in ann.times:  # every date says how it was read, and a relative one against what
        assert t.rule
        absolute = t.rule.startswith(_ABSOLUTE_RULES) or t.rule.endswith("decade")
        if t.start is not None and not absolute:
            assert t.anchor is not None, t
    return {t.text: (timex_value(t), t.rule) for t in ann.times}


def test_seasons_quarters_decades_and_vague_references():
    got = _timex(
        "Sales fell last autumn and in the third quarter, as in the late 1990s. "
        "The firm is now profitable and will expand in the future. "
        "Shares rose earlier this month and a few days ago.",
        date(1998, 2, 10),
    )
    assert got["last autumn"][0] == "1997-FA"
    assert got["the third quarter"][0] == "1997-Q3"
    assert got["the late 1990s"][0] == "199"
    assert got["now"][0] == "PRESENT_REF"
    assert got["the future"][0] == "FUTURE_REF"
    assert got["earlier this month"][0] == "1998-02"
    assert got["a few days ago"][1] == "few-days-ago"


def test_times_of_day_and_the_day_before():
    got = _timex(
        "The council met on Wednesday evening. It had voted on March 3, 2024. "
        "The day before, protesters gathered.",
        date(2024, 3, 8),
    )
    assert got["Wednesday evening"][0] == "2024-03-06TEV"
    assert got["The day before"] == ("2024-03-02", "day-before-date-in-text")


def test_a_deadline_reported_in_the_past_tense_is_still_ahead():
    got = _timex(
        "The company extended its offer to Nov. 20. The chairman was born on Nov. 21.",
        date(1989, 11, 2),
    )
    assert got["Nov. 20"] == ("1989-11-20", "month-day-ahead-in-past-tense-report")
    assert got["Nov. 21"][0] == "1988-11-21"


def test_a_year_ago_in_a_story_about_a_quarter_is_that_quarter():
    got = _timex(
        "Profit rose 5% in the third quarter from $2 million a year earlier.", date(1989, 11, 2)
    )
    assert got["a year earlier"] == ("1988-Q3", "year-before-quarter-in-text")


def test_a_planned_day_in_a_past_tense_report_is_ahead():
    got = _timex(
        "Protesters planned a rally in the port on Saturday. The group would leave as soon "
        "as Tuesday. The ministry announced the plan on Thursday.",
        date(2000, 1, 7),  # a Friday
    )
    assert got["Saturday"][0] == "2000-01-08"
    assert got["Tuesday"][0] == "2000-01-11"
    assert got["Thursday"][0] == "2000-01-06"


def test_clock_times_weekends_holidays_and_named_decades():
    got = _timex(
        "Polls closed at 10 p.m. Wednesday and results came at noon Thursday. Shoppers "
        "crowded the malls over the weekend. Stores will close on Thanksgiving Day. Sales "
        "rose earlier this week. Turnout fell this past spring, as it had in the nineties "
        "and in the '80s.",
        date(1998, 2, 13),  # a Friday
    )
    assert got["10 p.m. Wednesday"][0] == "1998-02-11T22:00"
    assert got["noon Thursday"][0] == "1998-02-12T12:00"
    assert got["the weekend"] == ("1998-W06-WE", "weekend-past")
    assert got["Thanksgiving Day"] == ("1998-11-26", "holiday")
    assert got["earlier this week"][0] == "1998-W07"
    assert got["this past spring"][0] == "1997-SP"
    assert got["the nineties"][0] == "199"
    assert got["the '80s"][0] == "198"


def test_a_named_decade_is_the_latest_of_its_name():
    assert _timex("Rents soared in the twenties.", date(2024, 2, 8))["the twenties"][0] == "202"


def test_the_following_year_counts_from_the_year_in_the_text():
    got = _timex(
        "The mill closed in 1995. The following year, the town lost its school. "
        "That month, the bridge fell.",
        date(2024, 2, 8),
    )
    assert got["The following year"] == ("1996", "year-after-date-in-text")
    assert got["That month"][1] == "unresolved"  # 1995 is a year, not a month


def test_tense_of_expectations_plans_and_the_present_perfect():
    got = _timex(
        "Closing is expected in December. Trading is to resume Tuesday. The alliance has "
        "decided to admit the three countries in early March. The stock has fluctuated "
        "since June, rising from a low in September. The board has set Nov. 10 as the "
        "deadline. The lenders have extended loans through January.",
        date(1989, 11, 1),  # a Wednesday
    )
    assert got["December"][0] == "1989-12"
    assert got["Tuesday"][0] == "1989-11-07"
    assert got["early March"][0] == "1990-03"
    assert got["September"][0] == "1989-09"
    assert got["Nov. 10"][0] == "1989-11-10"
    assert got["January"][0] == "1990-01"


@pytest.mark.parametrize(
    ("published_text", "anchored"),
    [("2023-09", False), ("September 2023", False), ("2023-09-08", True), ("8 Sept 2023", True)],
)
def test_a_page_dated_only_to_the_month_anchors_no_weekday(
    published_text: str, anchored: bool
) -> None:
    """A page dated "2023-09" is stored as 1 September; "on Friday" read against that
    invented day fell on 25 August, two weeks before the quake it reports."""
    art = dataclasses.replace(
        _article("The quake struck on Friday night, officials said.", datetime(2023, 9, 8)),
        published_text=published_text,
    )
    (ann,) = annotate([art])
    (t,) = [t for t in ann.times if "Friday" in t.text]
    assert (t.start == date(2023, 9, 8)) is anchored
    if not anchored:
        assert t.start is None and t.anchor is None


def test_a_month_only_date_still_orders_the_article_but_gives_no_day() -> None:
    art = dataclasses.replace(_article("x", datetime(2023, 9, 1)), published_text="2023-09")
    assert art.published is not None and art.published_day is None


def test_spoken_years_and_bare_months_are_read_with_the_lexicon_words() -> None:
    """The spoken-year and bare-month patterns are built from lexicon.NUMBER_WORDS and
    MONTH_NAMES: every word of those tables is read, a teen never as its unit."""
    t = _times(
        "The dam was finished in nineteen seventy-seven and rebuilt in two thousand and "
        "fourteen. Repairs began in September, the council said."
    )
    spoken = {k: v for k, v in t.items() if k.lower().startswith(("nineteen", "two thousand"))}
    starts = sorted(v.start.year for v in spoken.values() if v.start is not None)
    assert starts == [1977, 2014], spoken
    assert any(k == "September" for k in t), t


def test_a_weekday_naming_a_kind_of_thing_is_no_date() -> None:
    """ "Friday prayers" and "the Friday prayer leader" name a custom, not a day; a
    weekday of the story ("the Friday explosions") stays a date."""
    text = (
        "The imam of Friday prayers in Velmora and the city's Friday prayer leader were "
        "aboard. The minister arrived on Tuesday, and the Sunday election was postponed. "
        "The Friday explosions killed four."
    )
    times = next(annotate([_article(text)])).times
    fridays = [t for t in times if t.text.startswith("Friday")]
    assert [t.span[0] for t in fridays] == [text.rindex("Friday")]
    assert {t.text for t in times} >= {"Tuesday", "Sunday"}


def test_a_weekday_in_a_title_beside_a_name_is_no_date() -> None:
    """ "Velmora's Friday prayer imam Omar Vahl": the weekday is part of a person's title,
    in apposition to the name, not the day anything happened."""
    text = (
        "President Tarn, Governor Ilse Marrow, Velmora's Friday prayer Imam Omar Ali Vahl, "
        "along with two pilots were all on board. The convoy left on Friday."
    )
    times = next(annotate([_article(text)])).times
    fridays = [t for t in times if t.text.startswith("Friday")]
    assert [t.span[0] for t in fridays] == [text.rindex("Friday")]


def test_a_weekday_with_its_date_and_no_year_takes_the_year_the_weekday_fits() -> None:
    """A page dated from its story's first day (Feb 8 2024) that says "announced on
    Wednesday March 20" means 20 March 2024 (a Wednesday), not the past year's Monday."""
    t = _times("The commission announced the result on Wednesday March 20.")
    assert t["Wednesday March 20"].start == date(2024, 3, 20)
    assert cal.year_of_weekday(date(2023, 3, 20), 2, THU) == date(2024, 3, 20)
    assert cal.year_of_weekday(date(2024, 2, 7), 2, THU) == date(2024, 2, 7)


def test_a_future_weekday_that_is_the_page_s_own_weekday_is_that_day() -> None:
    """ "He is expected to speak later on Thursday" on a Thursday page is later that day,
    not a week ahead; other future weekdays still look ahead."""
    t = _times("He is expected to speak later on Thursday. Talks will resume on Tuesday.")
    assert t["Thursday"].start == THU
    assert t["Tuesday"].start == date(2024, 2, 13)


def test_later_on_a_weekday_is_the_day_of_writing_or_the_day_before_a_reprint() -> None:
    """ "expected to speak later on Wednesday" in a page dated Thursday is the Wednesday
    just gone (a next-day copy of the report), never the Wednesday a week ahead."""
    t = _times("He is expected to speak later on Wednesday.")
    assert (t["Wednesday"].start, t["Wednesday"].rule) == (
        date(2024, 2, 7),
        "weekday-later-that-day",
    )
    t = _times("He is expected to speak later on Thursday.")
    assert t["Thursday"].start == THU
    t = _times("The commission said later on Monday that the count was over.")
    assert t["Monday"].start == date(2024, 2, 5)
