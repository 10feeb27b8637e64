"""The bundled example corpus through the real pipeline, checked against its expected findings.

examples/expected_findings.json lists what newsprism should find; these tests assert the
findings the system gets right today (the others are listed in the lead's report).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsprism.pipeline import analyze
from newsprism.store import open_store

pytestmark = pytest.mark.slow  # loads the spaCy/WordLlama models or spawns processes

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
EXPECTED = json.loads((ROOT / "examples" / "expected_findings.json").read_text(encoding="utf-8"))
SCHEMA = json.loads((ROOT / "newsprism" / "schema" / "story.schema.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("example")
    store = open_store(tmp / "e.db")
    analyze([CORPUS], store, tmp / "out")
    articles = list(store.articles())
    ids: dict[str, str] = {}
    for key, exp in EXPECTED["articles"].items():
        same = [a for a in articles if Path(a.source.path).name == exp["file"]]
        if "url" in exp:
            same = [a for a in same if a.url == exp["url"]] or same
        if "part" in exp and len(same) > 1:
            same = [a for a in same if exp["title"] == a.title] or same
        assert len(same) == 1, f"{key}: {len(same)} articles"
        ids[key] = same[0].id
    reports = {r.id: r.to_json() for r in store.reports()}
    strike_story = store.story_of(ids["herald"])
    return {
        "store": store,
        "ids": ids,
        "text": {a.id: a.text for a in articles},
        "stories": store.stories(),
        "reuse": store.reuse_pairs(),
        "report": reports[strike_story],
        "reports": reports,
    }


def _walk(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v)


def _finding(report: dict[str, Any], kind: str, slot_word: str) -> dict[str, Any]:
    found = [f for f in report["findings"] if f["kind"] == kind and slot_word in f["slot"]]
    assert found, f"no {kind} finding about {slot_word}"
    return max(found, key=lambda f: len(f["values"]))


def test_story_grouping(corpus: dict[str, Any]) -> None:
    ids = corpus["ids"]
    by_article = {a: s for s in corpus["stories"] for a in s.articles}
    strike = {ids[k] for k in EXPECTED["stories"]["strike"]}
    story = by_article[ids["herald"]]
    # the earlier ballot story is merged in: the known miss tested below
    assert set(story.articles) - {ids["radio_earlier"]} == strike
    outlets = set(corpus["report"]["outlets"])
    assert len(outlets) == 6
    lighthouse = by_article[ids["observer_lighthouse"]]
    assert lighthouse.articles == [ids["observer_lighthouse"]]


@pytest.mark.xfail(
    strict=True,
    reason="known miss of the fitted grouping (issue 20): the ballot call two weeks before "
    "the clashes is merged into the strike story. The model learned from GVC, whose "
    "incidents include follow-up coverage weeks later, that a publication gap and "
    "other stated days are weak evidence of another event",
)
def test_the_earlier_event_is_a_related_story_not_a_member(corpus: dict[str, Any]) -> None:
    ids = corpus["ids"]
    by_article = {a: s for s in corpus["stories"] for a in s.articles}
    story, earlier = by_article[ids["herald"]], by_article[ids["radio_earlier"]]
    assert earlier.id != story.id
    assert earlier.id in story.related or story.id in earlier.related


def test_split_page_gives_two_articles_with_their_own_text(corpus: dict[str, Any]) -> None:
    ids, text = corpus["ids"], corpus["text"]
    for key in ("observer_strike", "observer_lighthouse"):
        exp = EXPECTED["articles"][key]
        for phrase in exp["must_contain"]:
            assert phrase in text[ids[key]]
        for phrase in exp["must_not_contain"]:
            assert phrase not in text[ids[key]]


def test_wire_pair_with_its_edits(corpus: dict[str, Any]) -> None:
    ids = corpus["ids"]
    pair_ids = {ids["tribune_wire"], ids["post_wire"]}
    wire = [p for p in corpus["reuse"] if {p.a, p.b} == pair_ids]
    assert len(wire) == 1 and wire[0].kind == "wire-copy"
    assert wire[0].origin == "Meridian Press"
    copies = [p for p in corpus["reuse"] if p.kind in ("wire-copy", "duplicate")]
    assert len(copies) == 1, "no other pair is a copy"
    record = next(r for r in corpus["report"]["reuse"] if {r["a"], r["b"]} == pair_ids)
    assert "credit Meridian Press" in " ".join(corpus["report"]["overview"]["provenance"])
    edits = " ".join(e for s in record["shared"] for e in s["edits"])
    assert "heavily" in edits
    assert "HDWF" in edits and "Harbour and Dock Workers' Federation" in edits


def test_report_follows_schema_and_cites_exact_text(corpus: dict[str, Any]) -> None:
    report, text = corpus["report"], corpus["text"]
    jsonschema.validate(report, SCHEMA)
    cited = 0
    for node in _walk(report):
        if "article" in node and "span" in node and "text" in node:
            s, e = node["span"]
            assert text[node["article"]][s:e] == node["text"]
            cited += 1
    assert cited > 100


def test_quote_group_of_the_interior_minister(corpus: dict[str, Any]) -> None:
    ids = corpus["ids"]
    group = next(q for q in corpus["report"]["quotes"] if "hostage" in q["text"])
    assert "Vells" in group["speaker"]
    direct = {v["cite"]["article"] for v in group["variants"] if v["kind"] == "direct"}
    assert {ids["herald"], ids["observer_strike"], ids["radio_followup"]} <= direct
    words = {d["text"] for v in group["variants"] for d in v["diff"] if d["op"] != "same"}
    assert any("permit" in w for w in words)  # the Observer's translation
    assert any("taken" in w for w in words)  # Radio's


def _values(finding: dict[str, Any], ids: dict[str, str]) -> dict[str, list[Any]]:
    back = {v: k for k, v in ids.items()}
    out: dict[str, list[Any]] = {}
    for v in finding["values"]:
        out.setdefault(back[v["cite"]["article"]], []).append((v["cite"]["text"], v["number"]))
    return out


def test_injured_counts_differ_in_precision_without_conflicting(corpus: dict[str, Any]) -> None:
    c = _finding(corpus["report"], "number", "injured (people)")
    got = _values(c, corpus["ids"])
    for key, exp in EXPECTED["quantities"]["injured"].items():
        assert (exp["text"], exp["value"]) in got[key], key
    assert c["grade"] == "differs"  # "at least 12", "about a dozen" and "14" all fit


def test_a_page_giving_one_figure_twice_is_one_voice(corpus: dict[str, Any]) -> None:
    """The radio page says "14 people injured" in its lede and "14 people had been
    treated" lower down: one row for the page, not the outlet twice with one value."""
    for report in corpus["reports"].values():
        for f in report["findings"]:
            if f["kind"] != "number":
                continue
            rows = [
                (v["cite"]["article"], v["version"], v["number"], v["qualifier"])
                for v in f["values"]
            ]
            assert len(rows) == len(set(rows)), f["slot"]


def test_arrest_counts_contradict(corpus: dict[str, Any]) -> None:
    c = _finding(corpus["report"], "number", "arrested")
    got = _values(c, corpus["ids"])
    for key, exp in EXPECTED["quantities"]["arrested"].items():
        assert (exp["text"], exp["value"]) in got[key], key
    assert c["grade"] == "contradict"  # 37 and 41 cannot both be true, and 41 came first


def test_a_figure_that_fits_does_not_contradict_the_fact(corpus: dict[str, Any]) -> None:
    """'nearly 40' fits '37'; only '41' cannot: the matrix must not mark the first as
    contradicting the 37-arrests claim."""
    arrests = next(f for f in corpus["report"]["facts"] if "37 people" in f["text"])
    state = {c["outlet"]: c["state"] for c in arrests["cells"]}
    outlet = {a["id"]: a["outlet"] for a in corpus["report"]["articles"]}
    ids = corpus["ids"]
    assert state[outlet[ids["radio_followup"]]] == "contradicts"
    assert state[outlet[ids["observer_strike"]]] != "contradicts"


def test_injured_police_officers_seven_against_eight(corpus: dict[str, Any]) -> None:
    c = _finding(corpus["report"], "number", "injured (officer)")
    got = {k: [n for _, n in vals] for k, vals in _values(c, corpus["ids"]).items()}
    expected = EXPECTED["quantities"]["injured_police_officers"]
    assert got == {k: [v] for k, v in expected.items()}
    assert c["grade"] == "contradict"


def test_consistent_figures_are_not_findings(corpus: dict[str, Any]) -> None:
    for f in corpus["report"]["findings"]:
        if f["kind"] == "number":
            assert f["slot"].split()[0] in ("injured", "arrested", "killed"), f["slot"]


def test_meeting_date_tuesday_against_last_week(corpus: dict[str, Any]) -> None:
    """The Herald's "last week", written on a Saturday, is the previous calendar week,
    or the seven days before, which hold the Observer's Tuesday: the dates differ, and
    the caveat says why they may not contradict (issue 23: no contradiction the outlet
    could rebut)."""
    exp = EXPECTED["date_disagreement"]
    c = next(
        f
        for f in corpus["report"]["findings"]
        if f["kind"] == "date" and any(v["cite"]["text"] == "last week" for v in f["values"])
    )
    got = {v["cite"]["article"]: v for v in c["values"]}
    for key in ("observer_strike", "herald"):
        v = got[corpus["ids"][key]]
        assert exp[key]["text"].endswith(v["cite"]["text"])
        assert [v["start"], v["end"]] == [exp[key]["start"], exp[key]["end"]]
    assert c["grade"] == "differs"
    assert "'last week' can also mean the seven days before publication" in c["caveat"]
    assert "shared participant" in c["caveat"]  # matched by participant, not wording


def test_name_variants_are_one_entity_and_explained(corpus: dict[str, Any]) -> None:
    names = {n["name"]: n for n in corpus["report"]["names"]}
    for canonical, spelled in (
        ("Dimitar Kovrasnyk", "Dmitar Kovrasnik"),
        ("Katarina Vells", "Katrina Vells"),
    ):
        n = next(n for name, n in names.items() if canonical in name or spelled in name)
        assert {canonical, spelled} <= {f["form"] for f in n["forms"]}
        assert not n["unexplained"]
    assert all(f["kind"] != "name" for f in corpus["report"]["findings"])


def test_strikers_are_one_actor_with_each_outlets_own_label(corpus: dict[str, Any]) -> None:
    ids, exp = corpus["ids"], EXPECTED["labels"]
    actor = next(
        f for f in corpus["report"]["framing"] if any(x["label"] == "rioters" for x in f["labels"])
    )
    own: dict[str, set[str]] = {}
    for x in actor["labels"]:
        if x["voice"] == "own":
            own.setdefault(x["cite"]["article"], set()).add(x["label"].lower())
    for key, label in exp["own_voice"].items():
        assert label in own.get(ids[key], set()), key
    for q in exp["inside_quote"]:
        quoted = [x for x in actor["labels"] if x["cite"]["article"] == ids[q["article"]]]
        assert any(x["label"] == q["label"] and x["voice"] == "quoted" for x in quoted)
        assert q["label"] not in own[ids[q["article"]]]  # the Ledger never says it itself
    police = {x["label"].lower() for f in corpus["report"]["framing"] for x in f["labels"]
              if "police" in x["label"].lower()}  # fmt: skip
    assert not police & {x["label"].lower() for x in actor["labels"]}


def test_timeline_has_the_clashes_once_with_every_outlet(corpus: dict[str, Any]) -> None:
    timeline = corpus["report"]["timeline"]
    clashes = [e for e in timeline if e["start"] == e["end"] == "2026-03-11"]
    assert len(clashes) == 1, [e["description"] for e in clashes]
    assert len(clashes[0]["outlets"]) >= 4
    said = [e for e in timeline if e["start"] == "2026-03-12" and e["kind"] == "statement"]
    assert any("Interior Ministry said on Thursday" in e["description"] for e in said)
    assert all(e["kind"] == "event" for e in clashes)
    assert not any(e["related"] for e in clashes)


@pytest.mark.xfail(
    strict=True,
    reason="follows the grouping's known miss above: the ballot story is merged, so its "
    "announcement is on the timeline as the story's own event (issue 20)",
)
def test_the_related_storys_ballot_call_is_on_the_timeline_marked_related(
    corpus: dict[str, Any],
) -> None:
    ballot = [e for e in corpus["report"]["timeline"] if e["start"] == "2026-02-23"]
    assert ballot and all(e["related"] for e in ballot)


def test_all_four_translations_of_the_ministers_statement_are_one_group(
    corpus: dict[str, Any],
) -> None:
    ids, exp = corpus["ids"], EXPECTED["quote_group"]
    group = next(q for q in corpus["report"]["quotes"] if "hostage" in q["text"])
    direct = {v["cite"]["article"] for v in group["variants"] if v["kind"] == "direct"}
    assert direct == {ids[k] for k in exp["members"]}
    assert group["speaker"] == exp["speaker"]
    ledger = next(v for v in group["variants"] if v["cite"]["article"] == ids["ledger"])
    changed = " ".join(d["text"] for d in ledger["diff"] if d["op"] != "same")
    assert "small" in changed and "resorted" in changed


def test_digest_is_whole_sentences_most_corroborated_first(corpus: dict[str, Any]) -> None:
    digest, text = corpus["report"]["digest"], corpus["text"]
    assert digest and digest[0]["independent"] >= 3
    net = [d["independent"] - len(d["contradicted_by"]) for d in digest]
    assert net == sorted(net, reverse=True)
    for d in digest:
        cite = d["cite"]
        assert cite["text"][:1].isupper() or cite["text"][:1] in '“"', cite["text"]
        assert cite["text"].count("“") == cite["text"].count("”"), cite["text"]
        assert text[cite["article"]][cite["span"][0] : cite["span"][1]] == cite["text"]
    assert len({d["cite"]["text"] for d in digest}) == len(digest)
