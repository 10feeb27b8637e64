"""compare_story on the real February 2024 seed story, through the real upstream stages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import SeedStory

pytestmark = pytest.mark.slow

SCHEMA = Path(__file__).resolve().parents[1] / "newsprism" / "schema" / "story.schema.json"


def _walk(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v)


@pytest.fixture(scope="module")
def run(seed_story: SeedStory) -> tuple[dict[str, Any], dict[str, Any]]:
    out = seed_story.compare()
    return out, {"ids": seed_story.ids, "text": {a.id: a.text for a in seed_story.articles}}


def test_output_follows_schema_and_every_cited_text_is_exact(run: Any) -> None:
    out, info = run
    jsonschema.validate(out, json.loads(SCHEMA.read_text(encoding="utf-8")))
    cited = 0
    for node in _walk(out):
        if "article" in node and "span" in node and "text" in node:
            s, e = node["span"]
            assert info["text"][node["article"]][s:e] == node["text"]
            cited += 1
    assert cited > 50


def test_spokesman_statement_is_one_quote_group_across_four_articles(run: Any) -> None:
    out, info = run
    group = next(q for q in out["quotes"] if "instability" in q["text"].lower())
    assert {v["article"] for v in group["variants"]} == set(info["ids"].values())
    diffs = [d for v in group["variants"] for d in v["diff"] if d["op"] != "same"]
    assert diffs, "the variants differ in wording and the diff must show it"


def test_troops_fact_has_supporters_and_004_omits_it(run: Any) -> None:
    out, info = run
    fact = next(f for f in out["facts"] if "2,500" in f["text"] and len(f["support"]) >= 2)
    supporters = {s["article"] for s in fact["support"]}
    assert info["ids"]["002"] in supporters
    assert info["ids"]["004"] not in supporters
    outlet_004 = next(a["outlet"] for a in out["articles"] if a["id"] == info["ids"]["004"])
    assert outlet_004 in fact["omitted_by"]


def test_killed_counts_differ_with_evidence(run: Any) -> None:
    out, info = run
    c = next(c for c in out["conflicts"] if c["kind"] == "number" and "kill" in c["slot"])
    values = {(v["article"], v["value"]) for v in c["values"]}
    assert (info["ids"]["004"], 2) in values
    assert any(v == 3 for _, v in values)
    assert c["grade"] in ("precision", "uncertain")


def test_phone_call_tuesday_versus_last_week(run: Any) -> None:
    out, info = run
    c = next(
        c
        for c in out["conflicts"]
        if c["kind"] == "date" and any("tuesday" in v["value_text"].lower() for v in c["values"])
    )
    texts = {v["article"]: v["value_text"].lower() for v in c["values"]}
    assert "tuesday" in texts[info["ids"]["001"]]
    assert "last week" in texts[info["ids"]["002"]]
    assert c["grade"] in ("contradict", "uncertain")
    assert c["caveat"]


def test_each_outlet_labels_the_armed_groups_in_its_own_voice(run: Any) -> None:
    out, info = run
    actor = max(out["framing"], key=lambda f: len({x["label"].lower() for x in f["labels"]}))
    own = {x["article"] for x in actor["labels"] if x["voice"] == "own"}
    assert own >= set(info["ids"].values())
    words = {x["label"].lower() for x in actor["labels"]}
    assert any("iran" in w for w in words) and len(words) >= 3


def test_timeline_dates_match_the_calendar(run: Any) -> None:
    out, _ = run
    days = {e["start"] for e in out["timeline"] if e["start"] == e["end"]}
    for d in ("2024-02-02", "2024-02-03", "2024-02-06", "2024-02-07", "2024-02-08", "2024-02-11"):
        assert d in days


def test_digest_cites_sources_and_counts_independent_support(run: Any) -> None:
    out, _ = run
    assert out["digest"]
    assert out["digest"][0]["support"] >= 2
    assert all(d["support"] <= len(d["outlets"]) for d in out["digest"])


def test_spokesmans_thursday_statement_is_one_timeline_event(run: Any) -> None:
    out, info = run
    said = [e for e in out["timeline"] if e["start"] == e["end"] == "2024-02-08"]
    rasool = [e for e in said if any("Rasool" in m["text"] for m in e["mentions"])]
    assert len(rasool) == 1 and rasool[0]["kind"] == "statement"
    assert {m["article"] for m in rasool[0]["mentions"]} == set(info["ids"].values())


def test_digest_lines_are_whole_sentences(run: Any) -> None:
    out, info = run
    for d in out["digest"]:
        assert d["text"][:1].isupper() or d["text"][:1] in '“"', d["text"]
        assert d["text"].rstrip('”"’)')[-1] in ".!?", d["text"]
        sentence_start = info["text"][d["article"]][: d["span"][0]].rstrip()
        assert not sentence_start or sentence_start[-1] in '.!?:”"', d["text"]
