"""Reuse detection on invented wire stories: what was shared, what was edited, who first."""

from __future__ import annotations

import importlib.util
from datetime import datetime

import pytest

from newsprism.errors import MissingExtra
from newsprism.model import Article, Source
from newsprism.stories import (
    StoryOptions,
    compare_pair,
    describe_edits,
    embed_articles,
    find_reuse,
)
from newsprism.stories.textunits import sentences

WIRE = (
    "Flood waters forced 4,200 people from their homes in the river town of Velmora on "
    "Tuesday, regional governor Ansel Brack said. "
    "The Tarn river rose three metres overnight after a week of heavy rain, the national "
    "weather office said. "
    "Brack said emergency crews had rescued 37 people from rooftops and that two hospitals "
    "were being evacuated. "
    "The radical protest group Green Dawn blamed the government for cutting flood defence "
    "budgets last year.\n\n"
    "Forecasters expect more rain on Thursday."
)
COPY = (
    "VELMORA: Flood waters forced 4,200 people from their homes in the river town of Velmora "
    "on Tuesday (Mar 3), regional governor Ansel Brack said. "
    "The Tarn River rose three metres overnight after a week of heavy rain, the national "
    "weather office said. "
    "Brack said emergency crews had rescued 37 people from rooftops and that two hospitals "
    "were being evacuated. "
    "The protest group GD blamed the government for cutting flood defence budgets last year.\n\n"
    "Forecasters expect more rain on Thursday.\n\n"
    "The region last flooded in 2019, when the same river burst its banks near the old mill."
)
OTHER = (
    "A chess prodigy from Lunden won the national championship on Sunday, beating the "
    "defending champion in a tense final game that lasted six hours. "
    "The 14-year-old said she had prepared for the tournament for two years."
)
QUOTING = (
    "Residents of Velmora spent a second night in school gyms. "
    'Governor Ansel Brack told reporters that "no one will be left behind in this flood, '
    'whatever it costs" as the water kept rising. '
    "Shops on the main square stayed shut and volunteers handed out blankets."
)
QUOTED = (
    "Rescue boats crossed the flooded square of Velmora again on Wednesday. "
    'In a televised address the governor promised that "no one will be left behind in this '
    'flood, whatever it costs" and asked for patience. '
    "The army sent two helicopters from the northern base."
)


def article(
    aid: str,
    text: str,
    *,
    outlet: str,
    published: datetime | None = None,
    wire: list[str] | None = None,
) -> Article:
    return Article(
        id=aid,
        source=Source(f"{aid}.txt", "text"),
        raw_sha=aid,
        part=0,
        text=text,
        title=None,
        published=published,
        outlet=outlet,
        wire=wire or [],
        wire_evidence=[f"Source: {wire[0]}"] if wire else [],
    )


def test_wire_copy_lists_the_word_edits_and_names_the_credited_agency() -> None:
    credited = article("w1", WIRE, outlet="Daily Wire", wire=["Reuters"])
    copy = article("c1", COPY, outlet="Copy Times")
    pairs = find_reuse([copy, credited, article("o1", OTHER, outlet="Chess News")])
    assert len(pairs) == 1
    pair = pairs[0]
    assert pair.kind == "wire-copy"
    assert (pair.a, pair.b) == ("w1", "c1")  # the credited text is treated as the origin
    assert pair.origin == "Reuters"
    assert "Daily Wire credits Reuters" in (pair.origin_reason or "")
    edits = [e for s in pair.shared for e in s.edits]
    assert "added 'VELMORA:'" in edits
    assert "added '(Mar 3)'" in edits
    assert "dropped 'radical'" in edits
    assert "replaced 'Green Dawn' with 'GD'" in edits
    assert not any("River" in e or "river" in e for e in edits)  # case is not an edit
    # every shared span points at the sentence it claims, in each article's own text
    first = pair.shared[0]
    assert WIRE[first.a[0] : first.a[1]].startswith("Flood waters forced 4,200")
    assert COPY[first.b[0] : first.b[1]].startswith("VELMORA: Flood waters")
    assert [COPY[s:e] for s, e in pair.added_b] == [
        "The region last flooded in 2019, when the same river burst its banks near the old mill."
    ]
    assert pair.added_a == []
    lines = describe_edits(pair, WIRE, COPY)
    assert lines[-1].startswith("added sentence 'The region last flooded in 2019")


def test_identical_texts_are_duplicates_and_the_earlier_one_is_the_origin() -> None:
    late = article("late", WIRE, outlet="B", published=datetime(2024, 3, 4, 9))
    early = article("early", WIRE, outlet="A", published=datetime(2024, 3, 3, 18))
    (pair,) = find_reuse([late, early])
    assert pair.kind == "duplicate"
    assert (pair.a, pair.b, pair.origin) == ("early", "late", "early")
    assert "A published first" in (pair.origin_reason or "")
    assert all(s.edits == () for s in pair.shared)


def test_origin_cannot_be_told_without_credit_or_dates() -> None:
    pair = compare_pair(article("x", WIRE, outlet="X"), article("y", COPY, outlet="Y"))
    assert pair is not None
    assert pair.origin is None
    assert pair.origin_reason == (
        "cannot tell: no agency credited and no publication date for X, Y"
    )


def test_a_quote_carried_whole_is_partial_reuse_of_a_common_source() -> None:
    """Both outlets print the governor's sentence: shared words, but from his statement,
    and the pair says so rather than naming an origin."""
    quoting = QUOTING.replace("told reporters that", "said:")
    quoted = QUOTED.replace(
        "In a televised address the governor promised that", "Governor Ansel Brack said:"
    ).replace(" and asked for patience", " as the water kept rising")
    pair = compare_pair(article("q1", quoting, outlet="P"), article("q2", quoted, outlet="Q"))
    assert pair is not None and pair.kind == "partial"
    (shared,) = pair.shared
    assert "no one will be left behind" in quoting[shared.a[0] : shared.a[1]]
    assert pair.origin is None
    assert pair.origin_reason and "share only quoted words" in pair.origin_reason


def test_a_quote_inside_two_different_sentences_is_no_reuse() -> None:
    """The same quoted words inside two sentences each outlet wrote itself: no
    sentence travelled (the quotes section groups the quote)."""
    pair = compare_pair(article("q1", QUOTING, outlet="P"), article("q2", QUOTED, outlet="Q"))
    assert pair is None


def test_one_sentence_carried_whole_is_partial_reuse_and_a_stock_phrase_is_not() -> None:
    carried = (
        "Residents of Velmora spent a second night in school gyms. "
        "The Tarn river rose three metres overnight after a week of heavy rain, the national "
        "weather office said. Shops on the main square stayed shut."
    )
    pair = compare_pair(article("w", WIRE, outlet="A"), article("c", carried, outlet="B"))
    assert pair is not None and pair.kind == "partial" and len(pair.shared) == 1
    phrase = (
        "Volunteers handed out blankets in the town hall. Farmers in the hills above the "
        "valley, who lost most of their spring crop, said the river rose three metres "
        "overnight after a week of heavy rain and that nobody from the ministry had come "
        "to see the damage or to promise any compensation for the lost harvest."
    )
    assert compare_pair(article("w", WIRE, outlet="A"), article("p", phrase, outlet="B")) is None


def test_unrelated_articles_give_no_pair() -> None:
    assert compare_pair(article("a", WIRE, outlet="A"), article("b", OTHER, outlet="B")) is None
    assert find_reuse([article("a", WIRE, outlet="A"), article("b", OTHER, outlet="B")]) == []


def test_sentence_spans_survive_abbreviations_and_quotes() -> None:
    text = 'The U.S. envoy met Dr. Ansel Brack. He said "we are ready." Talks end on Friday.'
    got = [text[s:e] for (s, e), _ in ((u.span, u) for u in sentences(text))]
    assert got == [
        "The U.S. envoy met Dr. Ansel Brack.",
        'He said "we are ready."',
        "Talks end on Friday.",
    ]


def test_vectors_are_unit_rows_and_headlines_count() -> None:
    base = article("v1", WIRE, outlet="A")
    titled = article("v2", WIRE, outlet="A")
    titled.title = "Chess prodigy wins national championship"
    vecs = embed_articles([base, titled, article("v3", OTHER, outlet="B")])
    assert vecs.shape[0] == 3
    assert vecs.dtype.name == "float32"
    assert abs(float((vecs**2).sum(axis=1).max()) - 1.0) < 1e-5
    # the chess headline pulls the flood body towards the chess article
    assert vecs[1] @ vecs[2] > vecs[0] @ vecs[2]


def test_minilm_without_the_extra_says_what_to_install() -> None:
    if importlib.util.find_spec("sentence_transformers") is not None:
        pytest.skip("the transformer extra is installed here")
    with pytest.raises(MissingExtra, match=r"pip install 'newsprism\[transformer\]'"):
        embed_articles([article("m", WIRE, outlet="A")], StoryOptions(embedder="minilm"))
