"""Places, titled names, stances, agencies and descriptions of actors, on invented texts."""

from __future__ import annotations

from newsprism.language import annotate, resolve_entities
from newsprism.model import Annotations, Article, Entity, Mention, Source


def _article(ident: str, text: str) -> Article:
    return Article(
        id=ident, source=Source(f"{ident}.txt", "text"), raw_sha=ident, part=0, text=text
    )


def _resolve(texts: dict[str, str]) -> tuple[dict[str, Annotations], list[Entity]]:
    arts = [_article(k, v) for k, v in texts.items()]
    anns = {a.article: a for a in annotate(arts)}
    return anns, resolve_entities(arts, anns)


def _mentions(text: str) -> list[Mention]:
    return next(annotate([_article("m", text)])).mentions


def test_places_the_small_model_misses_come_from_the_alias_table():
    found = {m.text: m.label for m in _mentions(
        "Drones struck a depot near al-Qaim at dawn, and a second one hit a base outside Erbil."
    )}  # fmt: skip
    assert found.get("al-Qaim") == "GPE"
    assert found.get("Erbil") == "GPE"


def test_a_name_after_a_title_is_a_person():
    mentions = _mentions("Iraqi PM Sudani condemned the raid. President Varela stayed silent.")
    people = {m.text for m in mentions if m.label == "PERSON"}
    assert "Sudani" in people and "Varela" in people
    assert not any(m.text == "Iraqi PM Sudani" for m in mentions)


def test_a_region_the_model_calls_an_organisation_is_a_place():
    _, ents = _resolve({"a": "Anbar officials reopened the crossing. Anbar has two border posts."})
    (anbar,) = [e for e in ents if e.name == "Anbar"]
    assert anbar.label == "GPE"


def test_a_stance_adjective_is_not_an_actor():
    texts = [m.text for m in _mentions("Two leaders of a pro-Iran group were held in Basra.")]
    assert not any("pro-" in t for t in texts)


def test_an_agency_is_not_joined_to_a_country_of_similar_spelling():
    _, ents = _resolve(
        {
            "a": "IRNA reported that the talks had ended. Iran said it would respond.",
            "b": "Iran denied the claim, IRNA said.",
        }
    )
    irna = [e for e in ents if "IRNA" in e.variants]
    iran = [e for e in ents if "Iran" in e.variants]
    assert irna and iran and irna[0].id != iran[0].id


def test_descriptions_join_the_actor_the_article_titled_with_them():
    anns, _ = _resolve(
        {
            "a": "North Korean leader Kim Jong Un met envoys on Monday. "
            "The North Korean leader praised the talks.",
            "b": "Kim said the summit would go ahead.",
        }
    )
    described = [m for m in anns["a"].mentions if m.kind == "description"]
    assert [m.text for m in described] == ["The North Korean leader"]
    kim = next(m for m in anns["a"].mentions if m.text == "Kim Jong Un")
    assert described[0].entity == kim.entity
    assert any(m.entity == kim.entity for m in anns["b"].mentions if m.text == "Kim")


def test_a_description_with_no_evidence_is_left_out():
    mentions = _mentions("Kim Jong Un met envoys on Monday. The dictator praised the talks.")
    assert not any(m.kind == "description" for m in mentions)


def test_a_surname_used_with_a_title_stays_with_its_principal():
    mentions = _mentions(
        "President Ortega spoke at noon. Ortega thanked the crowd. "
        "His wife, Rosa Ortega, stood beside him. Ortega left at one."
    )
    heads = {m.head for m in mentions if m.text == "Ortega"}
    assert "Rosa Ortega" not in heads


def test_a_nationality_word_and_america_name_the_country():
    anns, _ = _resolve(
        {
            "a": "Chinese officials rejected the tariffs. China said it would respond.",
            "b": "America raised duties on steel. The United States said talks would go on.",
            "c": "Russia expelled two envoys. The Russians said the move was final.",
        }
    )
    by_text = {m.text: m.entity for ann in anns.values() for m in ann.mentions}
    assert by_text["Chinese"] is not None and by_text["Chinese"] == by_text["China"]
    assert by_text["America"] is not None and by_text["America"] == by_text["United States"]
    assert by_text["Russians"] is not None and by_text["Russians"] == by_text["Russia"]
