"""compare_story on the real February 2024 seed story, read the way a fact-checker reads it.

Each test names a finding a reader of the five seed pages can check by hand: the one
real contradiction (the date of the foreign minister's call), the differing counts
of the dead, the different roles given to the man killed, the outlets that carry the
lead claim (none omits it), its three independent sources, quotes that are quotes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsprism.compare.records import FactRow, Finding, StoryComparison
from newsprism.report.charts import timeline_chart
from tests.conftest import SeedStory

SCHEMA = Path(__file__).resolve().parents[1] / "newsprism" / "schema" / "story.schema.json"
DATELINE = re.compile(r"^(?:[A-Z][A-Za-z]+(?:,| \()|DUBAI|TEHRAN|ERBIL)")


@pytest.fixture(scope="module")
def out(seed_story: SeedStory) -> StoryComparison:
    result: StoryComparison = seed_story.compare()
    return result


def _fact(out: StoryComparison, phrase: str) -> FactRow:
    return next(f for f in out.facts if phrase in f.text)


def _cells(out: StoryComparison, fact: FactRow, seed: SeedStory) -> dict[str, str]:
    outlet_of = {a.id: a.outlet for a in out.articles}
    by_outlet = {c.outlet: c.state for c in fact.cells}
    return {prefix: by_outlet[outlet_of[aid]] for prefix, aid in seed.ids.items()}


def _walk(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v)


def test_output_follows_schema_and_every_cited_text_is_exact(
    out: StoryComparison, seed_story: SeedStory
) -> None:
    data = out.to_json()
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert StoryComparison.from_json(data) == out
    text = {a.id: a.text for a in seed_story.articles}
    cited = 0
    for node in _walk(data):
        if {"article", "span", "text"} <= node.keys():
            s, e = node["span"]
            assert text[node["article"]][s:e] == node["text"]
            cited += 1
    assert cited > 50


def test_the_date_of_the_call_differs_without_contradicting(out: StoryComparison) -> None:
    """002 is undated: its "last week" was resolved against the story's date, so it
    cannot contradict 000's "Tuesday" (issue 23); it is shown as a difference."""
    assert [f.slot for f in out.findings if f.grade == "contradict"] == []
    call = next(
        f
        for f in out.findings
        if f.kind == "date" and {v.cite.text.lower() for v in f.values} == {"tuesday", "last week"}
    )
    assert call.grade == "differs"
    assert call.caveat and "publication date unknown" in call.caveat
    assert out.n_conflicts == 0


def _killed(out: StoryComparison) -> list[Finding]:
    return [f for f in out.findings if f.kind == "number" and f.slot.startswith("killed")]


def test_the_victims_counts_differ_without_conflicting(
    out: StoryComparison, seed_story: SeedStory
) -> None:
    """'at least 16 Iraqis' (Tasnim) and '16 members of the PMF were killed' (004)."""
    sixteen = next(f for f in _killed(out) if any("16" in v.value for v in f.values))
    assert sixteen.grade == "differs"
    by_article = {v.cite.article: v.value for v in sixteen.values}
    assert by_article[seed_story.ids["002"]] == "at least 16 Iraqis"
    assert by_article[seed_story.ids["004"]] == "16 members of their forces"


def test_the_commander_count_differs_from_the_two_militia_officials(
    out: StoryComparison, seed_story: SeedStory
) -> None:
    """The US statement's 'a commander' against 004's 'two militia officials' (and the
    'three people' both 002 and 004 give): counts of different groups, not a conflict."""
    slot = next(f for f in _killed(out) if any(v.value.startswith("two") for v in f.values))
    assert slot.grade == "differs"
    by_article: dict[str, set[str]] = {}
    for v in slot.values:
        by_article.setdefault(v.cite.article, set()).add(v.value)
    assert "a commander" in by_article[seed_story.ids["000"]]  # the US statement, via Reuters
    assert "two militia officials" in by_article[seed_story.ids["004"]]
    assert "three people" in by_article[seed_story.ids["004"]]
    assert "three individuals" in by_article[seed_story.ids["002"]]
    assert "a commander" in slot.explanation and "two militia officials" in slot.explanation


def test_the_roles_given_to_the_man_killed_differ(out: StoryComparison) -> None:
    role = next(f for f in out.findings if f.kind == "role" and "Saadi" in f.slot)
    assert role.grade == "differs"
    said = " | ".join(v.value for v in role.values)
    assert "senior commander" in said and "logistics" in said


def test_no_name_variant_is_a_finding(out: StoryComparison) -> None:
    assert all(f.kind != "name" for f in out.findings)
    names = {n.name: n for n in out.names}
    assert "Yahya Rasool" in names and not names["Yahya Rasool"].unexplained


def test_every_outlet_carries_the_lead_claim_and_it_has_three_independent_sources(
    out: StoryComparison, seed_story: SeedStory
) -> None:
    lead = _fact(out, "Repeated US strikes against Iran-backed armed groups")
    cells = _cells(out, lead, seed_story)
    assert cells["000"] == cells["001"] == "states"  # both print it word for word
    assert cells["002"] != "omits" and cells["004"] != "omits"
    assert lead.independent_support == 3  # Reuters (CNA, Asharq Al-Awsat), Tasnim's, 004's


def test_the_drone_strike_is_carried_by_all_four_outlets(
    out: StoryComparison, seed_story: SeedStory
) -> None:
    strike = _fact(out, "The US military said a strike on Wednesday killed a commander")
    assert "omits" not in _cells(out, strike, seed_story).values()


def test_the_troops_fact_is_omitted_only_by_the_outlet_that_never_mentions_troops(
    out: StoryComparison, seed_story: SeedStory
) -> None:
    troops = _fact(out, "2,500 troops")
    cells = _cells(out, troops, seed_story)
    assert cells["004"] == "omits"
    assert cells["002"] == "differs"  # "Despite the United States maintaining 2,500 troops"
    assert "2,500" not in next(a.text for a in seed_story.articles if a.id == seed_story.ids["004"])


def test_the_two_sixteen_killed_claims_are_joined(
    out: StoryComparison, seed_story: SeedStory
) -> None:
    tasnim = _fact(out, "at least 16 Iraqis")
    assert _cells(out, tasnim, seed_story)["004"] != "omits"


def test_fact_rows_are_whole_sentences_without_datelines(out: StoryComparison) -> None:
    for f in out.facts:
        assert f.text[:1].isupper() or f.text[:1] in '“"', f.text
        assert f.text.rstrip('”"’)')[-1:] in (".", "!", "?"), f.text
        assert not f.text.startswith(("TEHRAN", "DUBAI", "ERBIL")), f.text
        assert f.cite.text == f.text


def test_quotes_are_words_inside_quotation_marks(
    out: StoryComparison, seed_story: SeedStory
) -> None:
    text = {a.id: a.text for a in seed_story.articles}
    for q in out.quotes:
        for v in q.variants:
            body = text[v.cite.article]
            before = body[max(0, v.cite.span[0] - 1) : v.cite.span[0]]
            assert before in ('"', "“", "‘"), (v.cite.text, before)
    group = next(q for q in out.quotes if "instability" in q.text.lower())
    assert len({v.cite.article for v in group.variants}) == 4
    assert group.note and "translation" in group.note


def test_word_diffs_keep_words_apart_when_rendered(out: StoryComparison) -> None:
    from newsprism.report.templating import environment

    macro = environment().get_template("_story.html").module.diff_text  # type: ignore[attr-defined]
    group = next(q for q in out.quotes if "instability" in q.text.lower())
    variant = next(v for v in group.variants if v.wording == "translation")
    html = str(macro(variant.diff))
    assert re.search(r"</(?:ins|del|span)><", html) is None, html  # no two runs glued
    assert "has become" in re.sub(r"<[^>]+>", "", html)


def test_the_late_last_month_date_is_the_jordan_attack_not_the_strikes(
    out: StoryComparison,
) -> None:
    late = next(e for e in out.timeline if e.start == "2024-01-16")
    assert late.description.startswith("the death of three US service members in Jordan")
    strikes = [e for e in out.timeline if "retaliatory strikes" in e.description]
    assert strikes and all(e.start == "2024-02-02" for e in strikes)


def test_the_timeline_axis_covers_the_story(out: StoryComparison) -> None:
    chart = timeline_chart(out.timeline, out.span)
    assert chart.ticks[0].label >= "2024-01-01", chart.ticks[0]  # not October 2023
    assert chart.ticks[-1].label <= "2024-02-11"
    # "the war in Gaza began in October": background, listed under the chart
    assert any(r.start.startswith("2023-10") for r in chart.background)


def test_digest_counts_the_outlets_it_lists_and_never_repeats_itself(
    out: StoryComparison,
) -> None:
    assert out.digest
    texts = [d.cite.text for d in out.digest]
    assert len(texts) == len(set(texts))
    for d in out.digest:
        assert d.independent <= len(d.outlets)
    assert out.digest[0].independent >= 3


def test_provenance_says_who_copied_reuters(out: StoryComparison) -> None:
    line = " ".join(out.overview.provenance)
    assert "credits Reuters" in line and "without credit" in line
