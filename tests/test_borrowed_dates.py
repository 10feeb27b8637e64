"""An undated reprint borrows its dates from its dated twin, not from its story: the
day its text was written is the twin's, while the story's day can be days later (a
real SQLite store, the real language pipeline; texts written here)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from newsprism.language import annotate
from newsprism.model import Article, RawDocument, ReusePair, Source, Story
from newsprism.pipeline import borrow_story_dates
from newsprism.store.sqlite import SQLiteStore

TEXT = (
    "The dock workers' union said on Wednesday that talks with the port authority had "
    "failed. The strike began last month and has closed two of the four quays."
)


def article(aid: str, published: datetime | None, text: str = TEXT) -> Article:
    return Article(
        aid, Source(f"{aid}.txt", "text"), aid, 0, text, title=None, outlet=aid, published=published
    )


def test_an_undated_copy_takes_its_twins_day_and_other_pages_the_storys(tmp_path: Path) -> None:
    wire = article("wire", datetime(2026, 3, 4, 10))  # a Wednesday
    reprint = article("reprint", None)
    later = [article(f"later{i}", datetime(2026, 3, 12, 9), "The strike goes on.") for i in (1, 2)]
    alone = article("alone", None, "The union said on Wednesday the strike would go on.")
    everyone = [wire, reprint, *later, alone]
    with SQLiteStore(tmp_path / "s.db") as store:
        for a in everyone:
            store.add_raw(RawDocument(a.source, a.raw_sha, text=a.text))
            store.put_articles(a.raw_sha, [a])
        store.put_annotations(annotate(everyone))
        store.put_reuse([ReusePair("wire", "reprint", "duplicate", 1.0)])
        story = Story("st", "strike", [a.id for a in everyone])
        borrow_story_dates(store, [story], everyone)
        ann = store.get_annotations(["reprint", "alone"])
    wednesday = next(t for t in ann["reprint"].times if t.text == "Wednesday")
    assert (wednesday.anchor, wednesday.anchor_source) == (date(2026, 3, 4), "copy")
    assert wednesday.start == date(2026, 3, 4)
    last_month = next(t for t in ann["reprint"].times if "last month" in t.text)
    assert last_month.start == date(2026, 2, 1)
    # a page with no dated copy borrows the story's day (the most common: 12 March)
    other = next(t for t in ann["alone"].times if t.text == "Wednesday")
    assert (other.anchor, other.anchor_source) == (date(2026, 3, 12), "story")
    assert other.start == date(2026, 3, 11)


def test_an_undated_page_naming_a_later_day_with_its_weekday_counts_from_that_day(
    tmp_path: Path,
) -> None:
    """The story's most common day is its first (4 March); an undated page that says the
    board "ruled on Thursday March 12" was written on or after 12 March, so its "last
    month" is February and its "on Thursday" the 12th, not 26 February."""
    first = [article(f"first{i}", datetime(2026, 3, 4, 9), "The strike began.") for i in (1, 2)]
    last = article("last", datetime(2026, 3, 13, 9), "The strike ended.")
    late = article(
        "late",
        None,
        "The labour board ruled on Thursday March 12 that the strike was lawful. The union "
        "had called it last month. The ruling was read out on Thursday.",
    )
    everyone = [*first, last, late]
    with SQLiteStore(tmp_path / "s.db") as store:
        for a in everyone:
            store.add_raw(RawDocument(a.source, a.raw_sha, text=a.text))
            store.put_articles(a.raw_sha, [a])
        store.put_annotations(annotate(everyone))
        story = Story("st", "strike", [a.id for a in everyone])
        borrow_story_dates(store, [story], everyone)
        ann = store.get_annotations(["late"])
    times = {t.text: t for t in ann["late"].times}
    assert times["Thursday March 12"].start == date(2026, 3, 12)
    assert times["last month"].start == date(2026, 2, 1)
    thursday = [t for t in ann["late"].times if t.text == "Thursday"]
    assert [(t.start, t.anchor_source) for t in thursday] == [(date(2026, 3, 12), "story")]


def test_a_day_written_with_its_weekday_in_another_language_counts_too() -> None:
    """ "mercredi 20/03/2024" and "Rabu (20/3/2024)" name the day with its weekday, as
    "Wednesday March 20" does; a weekday that does not fit the day is no such evidence."""
    from newsprism.model import TimeExpression
    from newsprism.pipeline import stated_day

    def day(text: str, when: date) -> TimeExpression:
        return TimeExpression((0, len(text)), text, when, when, "absolute")

    wed = date(2024, 3, 20)
    assert stated_day([day("mercredi 20/03/2024", wed)], date(2024, 2, 14), wed) == wed
    assert stated_day([day("Rabu (20/3/2024", wed)], date(2024, 2, 14), wed) == wed
    assert stated_day([day("jeudi 20/03/2024", wed)], date(2024, 2, 14), wed) is None
    assert stated_day([day("20/03/2024", wed)], date(2024, 2, 14), wed) is None
