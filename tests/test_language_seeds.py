"""The language layer on the five real seed pages (cleaned by newsprism.clean)."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.language import ANNOTATOR_VERSION, annotate, resolve_entities
from newsprism.model import Annotations, Article, Entity, sha256_hex


@pytest.fixture(scope="module")
def corpus(
    seed_articles: dict[str, Article],
) -> tuple[dict[str, Article], dict[str, Annotations], list[Entity]]:
    names = {"000": "000a", "001": "001", "002": "002", "003": "003", "004": "004"}
    articles = {p: seed_articles[n] for p, n in names.items()}
    anns = {a.article: a for a in annotate(list(articles.values()))}
    entities = resolve_entities(list(articles.values()), anns)
    return articles, anns, entities


def _entity_with(entities: list[Entity], spelling: str) -> Entity:
    found = [e for e in entities if any(" ".join(v.split()) == spelling for v in e.variants)]
    assert len(found) == 1, f"{spelling!r} in {[e.name for e in found]}"
    return found[0]


def test_annotations_carry_text_hash_and_version(corpus):
    articles, anns, _ = corpus
    for art in articles.values():
        assert anns[art.id].text_sha == sha256_hex(art.text)
        assert anns[art.id].version == ANNOTATOR_VERSION
        for m in anns[art.id].mentions:
            assert art.text[m.span[0] : m.span[1]] == m.text


def test_spokesman_spellings_are_one_entity(corpus):
    _, _, entities = corpus
    yahya = _entity_with(entities, "Yahya Rasool")
    assert yahya is _entity_with(entities, "Yehia Rasool")
    assert yahya.label == "PERSON"
    assert "Rasool" in yahya.variants
    assert len(yahya.articles) >= 4


def test_secretary_of_state_misspelling_is_a_variant(corpus):
    _, _, entities = corpus
    blinken = _entity_with(entities, "Antony Blinken")
    assert blinken is _entity_with(entities, "Anthony Blinken")
    assert blinken.label == "PERSON"


def test_militia_spellings_are_one_group(corpus):
    _, _, entities = corpus
    kh = _entity_with(entities, "Kataib Hezbollah")
    assert kh is _entity_with(entities, "Kata'ib Hezbollah")
    assert kh.label == "GROUP"  # the small model calls it a PERSON


def test_islamic_state_aliases_join_and_relabel(corpus):
    _, _, entities = corpus
    isis = _entity_with(entities, "Daesh")
    assert isis.name == "Islamic State"
    assert isis.label == "GROUP"
    assert {"ISIS", "Islamic State"} <= set(isis.variants)


def test_prime_minister_short_forms_join_full_name(corpus):
    _, _, entities = corpus
    sudani = _entity_with(entities, "Mohammed Shia al-Sudani")
    assert {"Sudani", "al-Sudani"} <= set(sudani.variants)


def test_fuad_hussein_is_not_merged_with_other_husseins(corpus):
    _, _, entities = corpus
    fuad = _entity_with(entities, "Fuad Hussein")
    assert all("Hussein" not in v or "Fuad" in v for v in fuad.variants)


def _time(ann: Annotations, art: Article, words: str):
    found = [t for t in ann.times if art.text[t.span[0] : t.span[1]] == words]
    assert found, f"{words!r} not among {[t.text for t in ann.times]}"
    return found[0]


def test_kurdish_outlet_friday_resolves_to_second_of_february(corpus):
    articles, anns, _ = corpus
    art = articles["004"]
    assert art.published is not None and art.published.date() == date(2024, 2, 8)
    friday = _time(anns[art.id], art, "Friday")
    assert (friday.start, friday.end) == (date(2024, 2, 2), date(2024, 2, 2))
    assert friday.rule == "weekday-before-anchor"
    assert friday.anchor == date(2024, 2, 8)
    night = _time(anns[art.id], art, "Wednesday night")
    assert night.start == date(2024, 2, 7)
    late = _time(anns[art.id], art, "late last month")
    # the deaths in Jordan (28 January 2024) fall inside "late last month"
    assert (late.start, late.end) == (date(2024, 1, 16), date(2024, 1, 31))
    assert late.rule == "late-last-month-days-16-end"


def test_turkish_outlet_thursdays_strike_is_fourth_of_january(corpus):
    articles, anns, _ = corpus
    art = articles["003"]
    assert art.published is not None and art.published.date() == date(2024, 1, 5)
    thursday = _time(anns[art.id], art, "Thursday's")
    assert thursday.start == date(2024, 1, 4)
    year = _time(anns[art.id], art, "2014")
    assert (year.start, year.end) == (date(2014, 1, 1), date(2014, 12, 31))
    assert not any(q.text == "2014" for q in anns[art.id].quantities)


def test_undated_article_leaves_relative_dates_unresolved(corpus):
    articles, anns, _ = corpus
    art = articles["002"]
    assert art.published is None
    last_week = _time(anns[art.id], art, "Last week")
    assert last_week.start is None
    assert last_week.reason == "no publication date"


def test_spokesman_quote_is_found_and_attributed_in_each_article(corpus):
    articles, anns, entities = corpus
    yahya = _entity_with(entities, "Yahya Rasool")
    for prefix in ("000", "001", "002", "004"):
        art = articles[prefix]
        quotes = [
            q
            for q in anns[art.id].quotes
            if ("factor for instability" in q.text or "factor of instability" in q.text)
            and q.kind != "indirect"
        ]
        assert quotes, prefix
        for q in quotes:
            assert art.text[q.span[0] : q.span[1]] == q.text
            assert q.speaker_entity == yahya.id, (prefix, q.speaker, q.speaker_resolution)


def test_mismatched_marks_in_kurdish_headline_still_make_a_quote(corpus):
    articles, anns, _ = corpus
    art = articles["004"]
    titled = [q for q in anns[art.id].quotes if q.in_title]
    assert [q.text for q in titled] == ["more than ever"]


def test_troop_count_found_with_its_noun(corpus):
    articles, anns, _ = corpus
    for prefix in ("000", "001", "002", "003"):
        art = articles[prefix]
        hits = [q for q in anns[art.id].quantities if q.value == 2500]
        assert hits, prefix
        assert all(q.noun == "troops" for q in hits), prefix
        assert any(q.place == "Iraq" for q in hits), prefix
    # "900 troops in Syria and 2,500 in Iraq": the noun is carried over, pointing back
    art = articles["003"]
    carried = next(q for q in anns[art.id].quantities if q.value == 2500)
    assert carried.noun_span is not None and carried.noun_span[0] < carried.span[0]


def test_hedged_counts_keep_their_qualifier(corpus):
    articles, anns, _ = corpus
    qty = {q.text: q for q in anns[articles["002"].id].quantities}
    assert qty["at least 16"].qualifier == "at least"
    assert qty["at least 16"].noun == "Iraqis"
    qty = {q.text: q for q in anns[articles["004"].id].quantities}
    assert qty["16"].noun == "members of their forces"
    assert qty["85"].noun == "targets"
    qty = {q.text: q for q in anns[articles["003"].id].quantities}
    assert qty["nearly 100"].value == 100 and qty["nearly 100"].qualifier == "nearly"


def test_annotations_survive_a_json_round_trip(corpus):
    import json

    from newsprism.model import annotations_from_dict, to_dict

    _, anns, _ = corpus
    for ann in anns.values():
        again = annotations_from_dict(json.loads(json.dumps(to_dict(ann))))
        assert again.parse is None  # the parse is kept in a column of its own, not in JSON
        again.parse = ann.parse
        assert again == ann
