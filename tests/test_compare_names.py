"""Name variants across outlets are graded by why they are one name, not by how they look."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.compare import CompareOptions
from newsprism.compare.context import story_context
from newsprism.compare.names import name_variants
from newsprism.compare.records import NameVariants
from newsprism.model import Annotations, Article, Entity, Mention, Source, Story, sha256_hex


def _corpus(
    texts: dict[str, str], entity: Entity
) -> tuple[dict[str, Article], dict[str, Annotations], dict[str, Entity]]:
    """One article per outlet, each mentioning ``entity`` by every variant it contains."""
    articles, annotations = {}, {}
    for aid, text in texts.items():
        articles[aid] = Article(aid, Source(f"{aid}.txt", "text"), "x", 0, text, outlet=aid)
        ann = Annotations(aid, sha256_hex(text))
        for form in entity.variants:
            start = text.find(form)
            if start >= 0:
                span = (start, start + len(form))
                ann.mentions.append(Mention(span, form, entity.label, entity=entity.id))
        annotations[aid] = ann
    return articles, annotations, {entity.id: entity}


def _names(
    articles: dict[str, Article], annotations: dict[str, Annotations], entities: dict[str, Entity]
) -> list[NameVariants]:
    story = Story("s", "names", list(articles))
    ctx = story_context(story, list(articles.values()), annotations, entities, CompareOptions())
    return name_variants(ctx)


def _one(texts: dict[str, str], entity: Entity) -> NameVariants:
    out = _names(*_corpus(texts, entity))
    assert len(out) == 1, out
    return out[0]


def _relations(n: NameVariants) -> dict[str, str]:
    return {f.form: f.relation for f in n.forms}


def test_acronym_of_the_full_name_agrees() -> None:
    ent = Entity("e1", "Northern Harbour Authority", "ORG",
                 {"Northern Harbour Authority": 2, "NHA": 1}, aliases_from=["acronym"])  # fmt: skip
    c = _one({
        "a": "The Northern Harbour Authority closed the pier on Monday.",
        "b": "The NHA said the pier would stay closed.",
    }, ent)  # fmt: skip
    assert not c.unexplained
    assert c.explanation.startswith("same name, different spelling")
    assert "'NHA' abbreviates 'Northern Harbour Authority'" in c.explanation
    assert _relations(c)["NHA"] == "abbreviation"


def test_transliterations_agree_and_a_one_letter_slip_is_named_as_a_misspelling() -> None:
    ent = Entity("e2", "Yusuf Karimov", "PERSON",
                 {"Yusuf Karimov": 3, "Yousef Karimov": 1}, aliases_from=["spelling"])  # fmt: skip
    c = _one({
        "a": "Yusuf Karimov opened the bridge.", "b": "Yousef Karimov opened the bridge.",
    }, ent)  # fmt: skip
    assert not c.unexplained
    assert "transliterations of one name" in c.explanation

    variants = {"Kirsten Dahl": 4, "Kristen Dahl": 1}  # two letters swapped
    ent = Entity("e3", "Kirsten Dahl", "PERSON", variants, aliases_from=["spelling"])
    c = _one({"a": "Kirsten Dahl won the vote.", "b": "Kristen Dahl won the vote."}, ent)
    assert not c.unexplained
    assert "'Kristen Dahl' is likely a misspelling of 'Kirsten Dahl'" in c.explanation


def test_a_doubled_letter_is_transliteration_not_misspelling() -> None:
    ent = Entity("e4", "Mohammed Talal", "PERSON",
                 {"Mohammed Talal": 2, "Mohamed Talal": 1}, aliases_from=["spelling"])  # fmt: skip
    c = _one({"a": "Mohammed Talal spoke.", "b": "Mohamed Talal spoke."}, ent)
    assert not c.unexplained
    assert "misspelling" not in c.explanation


def test_another_name_from_the_alias_table_agrees_and_points_at_framing() -> None:
    variants = {"Crimson Hand": 2, "Red Brotherhood": 1}
    ent = Entity("e5", "Crimson Hand", "GROUP", variants, aliases_from=["alias-table"])
    c = _one({
        "a": "The Crimson Hand claimed the attack.", "b": "The Red Brotherhood claimed the attack.",
    }, ent)  # fmt: skip
    assert not c.unexplained
    assert "'Red Brotherhood' is an alternative name for Crimson Hand" in c.explanation
    assert "stance" in c.explanation


def test_forms_nothing_explains_are_flagged() -> None:
    # joined by some upstream step but neither spelling, initials nor the alias table agree
    ent = Entity("e6", "Harlow Group", "ORG", {"Harlow Group": 1, "Vantor Holdings": 1})
    c = _one({"a": "Harlow Group bought the mill.", "b": "Vantor Holdings bought the mill."}, ent)
    assert c.unexplained
    assert "share no spelling" in c.explanation


def test_shorter_form_is_named_and_whitespace_alone_is_no_variant() -> None:
    ent = Entity("e7", "Rasmus Eklund", "PERSON", {"Rasmus Eklund": 1, "Eklund": 1})
    c = _one({"a": "Rasmus Eklund resigned.", "b": "Eklund resigned on Friday."}, ent)
    assert c.explanation.startswith("a shorter and a fuller form")

    ent = Entity("e8", "Ida Brandt", "PERSON", {"Ida Brandt": 2})
    arts, anns, ents = _corpus({"a": "Ida Brandt left.", "b": "Ida\xa0Brandt left."}, ent)
    anns["b"].mentions.append(Mention((0, 10), "Ida\xa0Brandt", "PERSON", entity="e8"))
    assert _names(arts, anns, ents) == []


@pytest.fixture(scope="module")
def seed_names(seed_story: Any) -> dict[str, NameVariants]:
    by_id = {a.id: a for a in seed_story.articles}
    return {n.name: n for n in _names(by_id, seed_story.annotations, seed_story.entities)}


def test_seed_country_abbreviation_and_group_names_are_explained(
    seed_names: dict[str, NameVariants],
) -> None:
    us = seed_names["United States"]
    assert not us.unexplained
    assert "'U.S.' abbreviates 'United States'" in us.explanation
    isis = seed_names["Islamic State"]
    relations = _relations(isis)
    assert relations["Daesh"] == "alternative-name"
    assert relations["ISIS"] == "abbreviation"
    assert not [n for n in seed_names.values() if n.unexplained]


def test_seed_transliteration_and_misspelling(seed_names: dict[str, NameVariants]) -> None:
    assert "transliterations" in seed_names["Yahya Rasool"].explanation
    blinken = next(n for name, n in seed_names.items() if "Blinken" in name)
    assert "'Anthony Blinken' is likely a misspelling" in blinken.explanation
