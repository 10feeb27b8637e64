"""Entity resolution on invented articles: what must join and what must stay apart."""

from __future__ import annotations

from pathlib import Path

from newsprism.language import LanguageOptions, annotate, resolve_entities
from newsprism.language.mentions import _split_owner
from newsprism.model import Annotations, Article, Entity, Source


def _article(ident: str, text: str) -> Article:
    return Article(
        id=ident, source=Source(f"{ident}.txt", "text"), raw_sha=ident, part=0, text=text
    )


def _resolve(
    texts: dict[str, str], options: LanguageOptions | None = None
) -> tuple[dict[str, Annotations], list[Entity]]:
    arts = [_article(k, v) for k, v in texts.items()]
    anns = {a.article: a for a in annotate(arts, options)}
    return anns, resolve_entities(arts, anns, options)


def _holding(entities: list[Entity], spelling: str) -> list[Entity]:
    return [e for e in entities if spelling in e.variants]


def test_two_people_sharing_a_surname_stay_apart():
    anns, ents = _resolve(
        {
            "a": "Interior Minister Ali Hussein met the press in Basra on Monday. "
            "Hussein said the new checkpoints would stay.",
            "b": "Foreign Minister Fuad Hussein travelled to Paris on Tuesday. "
            "Hussein told reporters the talks went well.",
        }
    )
    (ali,) = _holding(ents, "Ali Hussein")
    (fuad,) = _holding(ents, "Fuad Hussein")
    assert ali.id != fuad.id
    # each bare "Hussein" joins the full name used in its own article
    for ident, ent in (("a", ali), ("b", fuad)):
        bare = [m for m in anns[ident].mentions if m.text == "Hussein"]
        assert bare and all(m.entity == ent.id for m in bare)
        assert all(m.head == ent.name for m in bare)


def test_transliterations_and_titles_join_across_articles():
    _, ents = _resolve(
        {
            "a": "President Mahmoud Haddad of Karvania opened the bridge on Monday.",
            "b": "Mahmud Haddad, the Karvanian president, opened a bridge this week.",
            "c": "Critics of Haddad's government marched in the capital.",
        }
    )
    (haddad,) = _holding(ents, "Mahmud Haddad")
    assert "Mahmoud Haddad" in haddad.variants or "President Mahmoud Haddad" in haddad.variants
    assert haddad.label == "PERSON"
    assert {"a", "b"} <= set(haddad.articles)


def test_different_first_names_do_not_join():
    _, ents = _resolve(
        {
            "a": "Omar Farouk, the mayor, cut the ribbon.",
            "b": "Samir Farouk, a shop owner, said business was slow.",
        }
    )
    assert _holding(ents, "Omar Farouk")[0].id != _holding(ents, "Samir Farouk")[0].id


def test_places_one_letter_apart_stay_apart():
    _, ents = _resolve({"a": "Iraq and Iran signed a deal in Baghdad.", "b": "Iran said no."})
    assert _holding(ents, "Iraq")[0].id != _holding(ents, "Iran")[0].id


def test_acronym_defined_in_article_joins_long_name():
    _, ents = _resolve(
        {
            "a": "The Northern Rivers Defence League (NRDL) said it would disarm. "
            "The NRDL has 400 fighters.",
        }
    )
    (league,) = _holding(ents, "Northern Rivers Defence League")
    assert league.name == "Northern Rivers Defence League"
    assert "NRDL" in league.variants


def test_alias_table_corrects_labels_and_user_file_extends_it(tmp_path: Path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text(
        "# mine\nBlue Crescent Brigades\tGROUP\tBCB|Kataib al-Hilal al-Azraq\n", encoding="utf-8"
    )
    options = LanguageOptions(alias_file=str(aliases))
    _, ents = _resolve(
        {
            "a": "Daesh fighters attacked a village. "
            "The Blue Crescent Brigades said they fought back.",
            "b": "Kataib al-Hilal al-Azraq claimed the attack, a spokesman said.",
        },
        options,
    )
    (isis,) = _holding(ents, "Daesh")
    assert (isis.name, isis.label) == ("Islamic State", "GROUP")
    assert "alias-table" in isis.aliases_from
    (bcb,) = _holding(ents, "Kataib al-Hilal al-Azraq")
    assert bcb.name == "Blue Crescent Brigades"
    assert "Blue Crescent Brigades" in bcb.variants
    assert bcb.label == "GROUP"


def test_entity_ids_are_stable_across_runs():
    texts = {"a": "Prime Minister Leila Moradi spoke in Tabriz.", "b": "Moradi spoke again."}
    _, first = _resolve(texts)
    _, second = _resolve(dict(reversed(list(texts.items()))))
    assert {(e.id, e.name) for e in first} == {(e.id, e.name) for e in second}


def test_organisation_spellings_join_without_the_alias_table():
    _, ents = _resolve(
        {
            "a": "The Northern Valley Defence Front claimed it.",
            "b": "The Northern Valley Defense Front denied it.",
            "c": "The Northern Valley Farmers Union stayed silent.",
        }
    )
    (front,) = _holding(ents, "Northern Valley Defence Front")
    assert set(front.variants) == {"Northern Valley Defence Front", "Northern Valley Defense Front"}
    assert "spelling" in front.aliases_from
    (union,) = _holding(ents, "Northern Valley Farmers Union")
    assert union.id != front.id


def test_malformed_alias_file_names_file_and_line(tmp_path: Path):
    from newsprism.errors import OptionsError
    from newsprism.language.aliases import load_aliases

    bad = tmp_path / "bad.tsv"
    bad.write_text("Blue Crescent Brigades GROUP BCB\n", encoding="utf-8")
    try:
        load_aliases(str(bad))
    except OptionsError as exc:
        assert f"{bad}:1:" in str(exc)
    else:
        raise AssertionError("a line without tabs must be rejected")


def test_a_place_the_model_calls_a_person_is_a_place_by_agreement():
    # The small model tags the invented "Dunmark" PERSON or ORG in most of these
    # sentences and GPE once; it is written after "in" and "to", so it is a place.
    _, ents = _resolve(
        {
            "a": "Dunmark said the talks failed. Troops returned to Dunmark on Monday.",
            "b": "Dunmark rejected the offer. Officials in Dunmark met on Tuesday.",
        }
    )
    (dunmark,) = _holding(ents, "Dunmark")
    assert dunmark.label == "GPE"


def test_a_person_spoken_to_stays_a_person():
    # The model tags "Orlesk" GPE once ("the allies of Orlesk") and PERSON three times;
    # "spoke to Orlesk" is not a direction, so the majority stands.
    _, ents = _resolve(
        {
            "a": "Orlesk said the talks failed. Reporters spoke to Orlesk on Monday.",
            "b": "Orlesk rejected the offer. The allies of Orlesk met on Tuesday.",
        }
    )
    (orlesk,) = _holding(ents, "Orlesk")
    assert orlesk.label == "PERSON"


def test_a_name_owning_an_economy_and_a_coastline_is_a_place():
    # The model tags the invented "Kazvin" PERSON every time and never GPE.
    _, ents = _resolve(
        {
            "a": "Kazvin's economy shrank last year. Kazvin said it would borrow.",
            "b": "Most of Kazvin's exports pass through the strait. Kazvin rejected the offer.",
        }
    )
    (kazvin,) = _holding(ents, "Kazvin")
    assert kazvin.label == "GPE"


def test_a_leader_owning_a_government_stays_a_person():
    # a government, a cabinet and an army are a leader's too: no reason to call him a place
    _, ents = _resolve(
        {
            "a": "Premier Oskar Tellan's government fell on Monday. Tellan said he would stay.",
            "b": "Oskar Tellan's cabinet resigned and Oskar Tellan's army withdrew.",
        }
    )
    (tellan,) = _holding(ents, "Oskar Tellan")
    assert tellan.label == "PERSON"


def test_an_owner_and_what_it_owns_are_two_names():
    assert _split_owner(10, "Dravia’s al-Mureik") == [(10, "Dravia"), (19, "al-Mureik")]
    assert _split_owner(0, "People's Liberation Front") == [(0, "People's Liberation Front")]
    assert _split_owner(0, "Dravia’s border") == [(0, "Dravia’s border")]
    # the model starts this name at the owner's "’s": the mention starts at the name
    anns, _ = _resolve({"a": "The strikes hit Dravia’s al-Mureik on the border."})
    (mureik,) = [m for m in anns["a"].mentions if "Mureik" in m.text]
    assert mureik.text == "al-Mureik"
