"""compare_story rules on invented texts: records built with spans found by str.find."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest

from newsprism.compare import CompareOptions, compare_story
from newsprism.model import (
    Annotations,
    Article,
    Entity,
    Mention,
    Quantity,
    Quote,
    Sentence,
    Source,
    Story,
    TimeExpression,
    sha256_hex,
)

pytestmark = pytest.mark.slow  # loads the spaCy/WordLlama models or spawns processes

SCHEMA = Path(__file__).resolve().parents[1] / "newsprism" / "schema" / "story.schema.json"


def _span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return (i, i + len(part))


def _article(aid: str, outlet: str, sentences: list[str]) -> tuple[Article, Annotations]:
    text = " ".join(sentences)
    art = Article(aid, Source(f"{aid}.txt", "text"), "x", 0, text, title=aid, outlet=outlet,
                  published=datetime(2023, 5, 12))  # fmt: skip
    ann = Annotations(aid, sha256_hex(text))
    pos = 0
    for n, s in enumerate(sentences):
        sp = _span(text, s, pos)
        ann.sentences.append(Sentence(sp, n))
        pos = sp[1]
    return art, ann


def _run(pairs: list[tuple[Article, Annotations]], entities: dict[str, Entity] | None = None):
    story = Story("s", "invented", [a.id for a, _ in pairs])
    out = compare_story(story, [a for a, _ in pairs], {a.id: n for a, n in pairs},
                        entities or {}, [], options=CompareOptions())  # fmt: skip
    jsonschema.validate(out, json.loads(SCHEMA.read_text(encoding="utf-8")))
    return out


def _fact_with(out: dict, article: str, phrase: str) -> dict:
    return next(
        f for f in out["facts"] if any(s["article"] == article and phrase in s["text"]
                                       for s in f["support"])
    )  # fmt: skip


def test_paraphrase_aligns_and_unrelated_sentence_with_shared_words_does_not() -> None:
    a = _article("a", "Harbour Post", [
        "The city council approved a new budget for the harbour bridge repairs on Monday.",
        "Fishermen said the council ignored their complaints about the bridge.",
    ])  # fmt: skip
    b = _article("b", "Coast Daily", [
        "On Monday the city councillors passed a new budget to repair the harbour bridge.",
        "The bridge was painted blue by the council in 1998 for a festival.",
    ])  # fmt: skip
    out = _run([a, b])
    para = _fact_with(out, "a", "approved a new budget")
    assert {s["article"] for s in para["support"]} == {"a", "b"}
    assert "passed a new budget" in next(s["text"] for s in para["support"] if s["article"] == "b")
    painted = _fact_with(out, "b", "painted blue")
    assert {s["article"] for s in painted["support"]} == {"b"}
    assert painted["omitted_by"] == ["Harbour Post"]


def _with_number(art: Article, ann: Annotations, words: str, value: float, noun: str) -> None:
    sp = _span(art.text, words)
    sent = next(s.span for s in ann.sentences if s.span[0] <= sp[0] < s.span[1])
    ann.quantities.append(Quantity(sp, words, value, noun, sentence=sent))


def test_number_differing_only_in_precision() -> None:
    a = _article("a", "Valley News", [
        "A landslide near the mountain village of Orvan killed four people on Tuesday.",
    ])  # fmt: skip
    b = _article("b", "Plains Herald", [
        "The landslide that hit the mountain village of Orvan killed two children.",
        "Four people died in the landslide at Orvan, officials said.",
    ])  # fmt: skip
    _with_number(*a, "four", 4, "people")
    _with_number(*b, "two", 2, "children")
    _with_number(*b, "Four", 4, "people")
    out = _run([a, b])
    c = next(c for c in out["conflicts"] if c["kind"] == "number")
    assert {v["value"] for v in c["values"]} == {2, 4}
    assert c["grade"] == "precision"


def test_real_contradiction_in_dates() -> None:
    a = _article("a", "Valley News", [
        "The health minister met the striking nurses in the capital on Tuesday.",
    ])  # fmt: skip
    b = _article("b", "Plains Herald", [
        "The health minister met striking nurses in the capital on Friday.",
    ])  # fmt: skip
    for (art, ann), word, day in (
        (a, "Tuesday", date(2023, 5, 9)),
        (b, "Friday", date(2023, 5, 5)),
    ):
        sp = _span(art.text, word)
        anchor = date(2023, 5, 12)
        rule = "weekday-before-anchor"
        sent = ann.sentences[0].span
        ann.times.append(
            TimeExpression(sp, word, day, day, rule, anchor, "published", sentence=sent)
        )
    out = _run([a, b])
    c = next(c for c in out["conflicts"] if c["kind"] == "date")
    assert c["grade"] == "contradict"
    assert {v["value_text"] for v in c["values"]} == {"Tuesday", "Friday"}
    assert c["caveat"] is None


def test_quote_with_different_wording_is_one_group_with_a_diff() -> None:
    a = _article("a", "Valley News", [
        'Mayor Lena Ortiz said the plan "will bring the town back from the brink of ruin."',
    ])  # fmt: skip
    b = _article("b", "Plains Herald", [
        'The plan "will pull the town back from the edge of ruin," Ortiz told reporters.',
    ])  # fmt: skip
    ent = Entity("e-ortiz", "Lena Ortiz", "PERSON")
    for art, ann in (a, b):
        start = art.text.index("will ")
        end = art.text.index("ruin") + len("ruin")
        ann.quotes.append(Quote((start, end), art.text[start:end], "direct", "Ortiz",
                                speaker_entity="e-ortiz"))  # fmt: skip
        sp = _span(art.text, "Ortiz")
        ann.mentions.append(Mention(sp, "Ortiz", "PERSON", entity="e-ortiz"))
    out = _run([a, b], {"e-ortiz": ent})
    [group] = out["quotes"]
    assert group["speaker"] == "Lena Ortiz"
    assert {v["article"] for v in group["variants"]} == {"a", "b"}
    ops = [(d["op"], d["text"]) for v in group["variants"] for d in v["diff"]]
    assert ("removed", "bring") in ops or ("added", "bring") in ops
    assert ("added", "edge") in ops or ("removed", "edge") in ops
    for v in group["variants"]:
        text = a[0].text if v["article"] == "a" else b[0].text
        assert text[v["span"][0] : v["span"][1]] == v["text"]


def test_wire_copies_count_once() -> None:
    s = "Police arrested three men after the armed robbery of a jewellery shop in Leeds."
    a = _article("a", "Valley News", [s])
    b = _article("b", "Plains Herald", [s])
    c = _article(
        "c",
        "North Star",
        ["Three men were detained by police after a jewellery shop in Leeds was robbed."],
    )
    out = _run([a, b, c])
    fact = _fact_with(out, "a", "Police arrested")
    assert len(fact["support"]) == 3
    assert fact["independent_support"] == 2
    assert any(x["copy_of"] for x in fact["support"])


def test_two_names_for_one_crowd_are_one_actor_in_each_outlets_voice() -> None:
    a = _article("a", "Valley News", [
        "Police arrested dozens of looters who broke into shops on Harbour Street on Friday night.",
        "The looters carried away televisions and food, shop owners said.",
    ])  # fmt: skip
    b = _article("b", "Plains Herald", [
        "Police arrested dozens of residents who took food from shops on Harbour Street on Friday.",
        "Many families in the district have had no deliveries for a week.",
    ])  # fmt: skip
    out = _run([a, b])
    actor = next(f for f in out["framing"] if any(x["label"] == "looters" for x in f["labels"]))
    by_article = {(x["article"], x["label"].lower(), x["voice"]) for x in actor["labels"]}
    assert ("a", "looters", "own") in by_article
    assert ("b", "residents", "own") in by_article
    words = {x["label"].lower() for x in actor["labels"]}
    assert not words & {"police", "shops", "televisions", "shop owners", "families"}


def _dated(art: Article, ann: Annotations, words: str, day: date, sent: tuple[int, int]) -> None:
    sp = _span(art.text, words, sent[0])
    ann.times.append(
        TimeExpression(sp, words, day, day, "weekday-before-anchor", date(2023, 5, 12),
                       "published", sentence=sent)
    )  # fmt: skip


def test_timeline_merges_one_happening_and_keeps_the_same_day_apart() -> None:
    tue = date(2023, 5, 9)
    a = _article("a", "Valley News", [
        "Police and farmers clashed outside the agriculture ministry in Ardel on Tuesday.",
        "The agriculture minister said on Tuesday that the subsidy would not return.",
    ])  # fmt: skip
    b = _article("b", "Plains Herald", [
        "Farmers fought riot police outside the agriculture ministry in Ardel on Tuesday.",
        "The national football team beat Ruvia two goals to nil in a friendly on Tuesday.",
    ])  # fmt: skip
    for art, ann in (a, b):
        for s in [x.span for x in ann.sentences]:
            _dated(art, ann, art.text[s[0] : s[1]].split(" on ")[-1].rstrip("."), tue, s)
    out = _run([a, b])
    events = [e for e in out["timeline"] if e["start"] == "2023-05-09"]
    clash = next(e for e in events if any("clashed" in m["text"] for m in e["mentions"]))
    assert {m["article"] for m in clash["mentions"]} == {"a", "b"}
    assert not any("football" in m["text"] or "minister" in m["text"] for m in clash["mentions"])
    said = next(e for e in events if "minister said" in e["description"])
    assert said["kind"] == "statement" and len(said["mentions"]) == 1
    assert len(events) == 3


def test_digest_gives_whole_sentences_with_neutral_labels_and_support() -> None:
    a = _article("a", "Valley News", [
        "Rioters attacked the police station in Dunmore on Sunday night.",
        "The rioters later set fire to two parked cars near the station.",
        "“The mine will stay open, whatever happens next,",
        "and nobody here will lose a job,” manager Ida Roe said.",
    ])  # fmt: skip
    b = _article("b", "Plains Herald", [
        "Protesters attacked the police station in Dunmore on Sunday night, witnesses said.",
        "Police arrested eleven protesters who threw stones at the station.",
    ])  # fmt: skip
    c = _article("c", "North Star", [
        "Protesters and police clashed at the police station in Dunmore on Sunday night.",
        "The mine will stay open and nobody will lose a job, manager Ida Roe said.",
    ])  # fmt: skip
    out = _run([a, b, c])
    texts = {"a": a[0].text, "b": b[0].text, "c": c[0].text}
    digest = out["digest"]
    assert digest[0]["support"] >= 2 and len(digest[0]["outlets"]) >= 2
    net = [d["support"] - len(d["contradicted_by"]) for d in digest]
    assert net == sorted(net, reverse=True)
    for d in digest:
        assert texts[d["article"]][d["span"][0] : d["span"][1]] == d["text"]
        assert d["text"][:1].isupper() or d["text"][:2] == "“T", d["text"]
        assert d["text"].count("“") == d["text"].count("”")
        assert "police said" not in d["neutral_text"]  # witnesses are a source, not a side
    cars = next(d for d in digest if "parked cars" in d["text"])
    assert cars["neutral_text"].startswith("The protesters later set fire")
    [rep] = cars["replacements"]
    assert (rep["text"], rep["replacement"]) == ("rioters", "protesters")
    assert texts["a"][rep["span"][0] : rep["span"][1]] == "rioters"
    mine = next(d for d in digest if "nobody here" in d["text"])
    assert mine["text"].startswith("“The mine will stay open, whatever happens next, and nobody")


def _quoted(art: Article, ann: Annotations, words: str, who: str, ent: str, how: str) -> None:
    sp = _span(art.text, words)
    ann.quotes.append(Quote(sp, words, "direct", who, speaker_span=_span(art.text, who),
                            speaker_entity=ent, speaker_resolution=how))  # fmt: skip


def test_quote_joins_its_group_despite_a_pronoun_resolved_to_the_wrong_person() -> None:
    said = "The bridge will reopen in June and the tolls will stay where they are"
    a = _article("a", "Valley News", [f"“{said},” Mayor Lena Ortiz said on Monday."])
    b = _article("b", "Plains Herald", [
        "Engineer Paul Dunn inspected the bridge with Mayor Lena Ortiz.",
        "“The bridge will reopen in June, and tolls will stay where they are,” she said.",
    ])  # fmt: skip
    c = _article("c", "North Star", [
        "“The bridge will reopen in June and we will keep the tolls low,” Paul Dunn said.",
    ])  # fmt: skip
    ents = {"e-ortiz": Entity("e-ortiz", "Lena Ortiz", "PERSON"),
            "e-dunn": Entity("e-dunn", "Paul Dunn", "PERSON")}  # fmt: skip
    _quoted(*a, said, "Lena Ortiz", "e-ortiz", "same-sentence")
    _quoted(*b, "The bridge will reopen in June, and tolls will stay where they are", "she",
            "e-dunn", "pronoun")  # fmt: skip
    _quoted(*c, "The bridge will reopen in June and we will keep the tolls low", "Paul Dunn",
            "e-dunn", "same-sentence")  # fmt: skip
    out = _run([a, b, c], ents)
    group = next(q for q in out["quotes"] if any(v["article"] == "a" for v in q["variants"]))
    assert {v["article"] for v in group["variants"]} == {"a", "b"}
    assert group["speaker"] == "Lena Ortiz"
    speaker = next(c for c in out["conflicts"] if c["kind"] == "speaker")
    assert speaker["grade"] == "uncertain" and speaker["caveat"]
    # Dunn named in his own sentence says something else: not Ortiz's statement
    assert all(v["article"] != "c" for q in out["quotes"] for v in q["variants"]
               if any(w["article"] == "a" for w in q["variants"]))  # fmt: skip
