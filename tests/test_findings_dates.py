"""Dates that cannot contradict: an undated page's relative date, a night in another
time zone (issue 23). Invented coverage, the real language layer."""

from __future__ import annotations

from datetime import date

from test_findings_cells import article

from newsprism.compare import CompareOptions, compare_story
from newsprism.compare.records import StoryComparison
from newsprism.language import annotate, reanchor_times, resolve_entities
from newsprism.model import Article, Story


def compare(articles: list[Article], borrow: date | None = None) -> StoryComparison:
    annotations = {a.id: n for a, n in zip(articles, annotate(articles), strict=True)}
    if borrow is not None:  # as the pipeline does for an undated page of the story
        for a in articles:
            if a.published is None:
                annotations[a.id] = reanchor_times(a, annotations[a.id], borrow, "story")
    entities = {e.id: e for e in resolve_entities(articles, annotations)}
    story = Story("s", "invented", [a.id for a in articles])
    return compare_story(story, articles, annotations, entities, [], options=CompareOptions())


def test_thursday_night_and_friday_are_no_contradiction() -> None:
    out = compare(
        [
            article(
                "a",
                "Valley News",
                ["The health minister met the striking nurses in the capital on Thursday night."],
                "2025-04-12T09:00",
            ),
            article(
                "b",
                "Plains Herald",
                ["The health minister met striking nurses in the capital on Friday."],
                "2025-04-12T10:00",
            ),
        ]
    )
    [dates] = [f for f in out.findings if f.kind == "date"]
    assert dates.grade == "differs"
    assert dates.caveat and "time zones" in dates.caveat
    assert out.n_conflicts == 0


def test_an_undated_pages_relative_date_cannot_contradict_a_dated_one() -> None:
    out = compare(
        [
            article(
                "a",
                "Valley News",
                ["The health minister met the striking nurses in the capital on Tuesday."],
                "2025-04-12T09:00",
            ),
            article(
                "b",
                "Plains Herald",
                ["The health minister met striking nurses in the capital last week."],
                None,
            ),
        ],
        borrow=date(2025, 4, 12),
    )
    [dates] = [f for f in out.findings if f.kind == "date"]
    assert {v.anchor_source for v in dates.values} == {"published", "story"}
    assert dates.grade == "differs"
    assert dates.caveat and "publication date unknown" in dates.caveat
    assert out.n_conflicts == 0


def test_last_week_written_on_a_saturday_may_name_the_tuesday_before() -> None:
    """ "Last week" is the previous calendar week or the seven days before publication:
    against a Tuesday four days earlier the dates differ, with the reason; against a day
    outside both readings they contradict."""

    def meeting(when: str) -> StoryComparison:
        return compare(
            [
                article(
                    "a",
                    "Valley News",
                    [f"The health minister met the striking nurses in the capital {when}."],
                    "2025-04-12T09:00",
                ),
                article(
                    "b",
                    "Plains Herald",
                    ["The health minister met striking nurses in the capital last week."],
                    "2025-04-12T10:00",
                ),
            ]
        )

    near = meeting("on Tuesday")
    [dates] = [f for f in near.findings if f.kind == "date"]
    assert dates.grade == "differs"
    assert dates.caveat and "'last week' can also mean the seven days" in dates.caveat
    assert near.n_conflicts == 0
    far = meeting("on March 20")
    [dates] = [f for f in far.findings if f.kind == "date"]
    assert dates.grade == "contradict"


def test_dates_matched_only_by_a_shared_participant_differ_and_never_contradict() -> None:
    """The same mayor on two days, in sentences matched by who is in them rather than
    by their words, may be two happenings (a ribbon cut, then an opening): the finding
    says the dates differ and why it may not be one event; it never contradicts."""
    from test_findings_cells import run as run_cells

    out = run_cells(
        [
            article(
                "a",
                "Harbour Post",
                [
                    "Mayor Ilse Dorn cut the ribbon at the new Tarsk bridge on Thursday, as "
                    "crowds cheered."
                ],
                "2026-05-30T10:00",
            ),
            article(
                "b",
                "Coast Daily",
                ["Crowds cheered as Mayor Ilse Dorn opened the new Tarsk bridge on Monday."],
                "2026-06-10T10:00",
            ),
        ]
    )
    [finding] = [f for f in out.findings if f.kind == "date"]
    assert finding.grade == "differs"
    assert "different happenings" in (finding.caveat or "")
