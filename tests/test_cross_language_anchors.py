"""A sentence in another language carries a claim only when its words agree (issue 23).

The multilingual encoder rates any two sentences of one story close; on real coverage
"the helicopter had a hard landing" scored as close to "the president did not
survive" as a translation does, and the coverage grid showed outlets carrying claims
they never printed. Invented sentences, the real encoder and word tables.
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from newsprism.compare.anchors import agree, sentence_anchors, topic_names
from newsprism.compare.cross_language import with_other_languages
from newsprism.model import Article, Source

ALIGN, CARRY = 0.66, 0.5


def _article(aid: str, language: str) -> Article:
    return Article(
        id=aid,
        source=Source(f"/data/{aid}.txt", "text"),
        raw_sha=aid,
        part=0,
        url=f"https://{aid}.example/a",
        title="",
        text="",
        outlet=aid,
        published=datetime(2026, 3, 2, tzinfo=UTC),
        language=language,
    )


def test_a_sentence_naming_no_death_does_not_carry_a_death() -> None:
    claim = sentence_anchors(
        "Governor Tomas Velkan died when his boat capsized on Lake Oruna on Sunday.", "en"
    )
    elsewhere = sentence_anchors(
        "Le bateau du gouverneur Tomas Velkan a chaviré dimanche sur le lac Oruna.", "fr"
    )
    told = sentence_anchors(
        "Le gouverneur Tomas Velkan est mort dimanche quand son bateau a chaviré.", "fr"
    )
    assert not agree(claim, elsewhere)  # the French names the capsizing, not the death
    assert agree(claim, told)
    german = sentence_anchors("Gouverneur Tomas Velkan ist ums Leben gekommen.", "de")
    assert agree(claim, german)


def test_names_every_article_carries_are_no_evidence_of_one_claim() -> None:
    texts = [
        ("a", "en", "Governor Tomas Velkan inaugurated the Brask dam before the trip."),
        ("b", "es", "Los rescatistas buscaron a Tomas Velkan durante la noche."),
        ("c", "fr", "Tomas Velkan voyageait avec le ministre Idris Olme."),
        ("d", "de", "Tomas Velkan wurde in Sarvik begraben."),
    ]
    anchors = [sentence_anchors(t, lang) for _, lang, t in texts]
    topic = topic_names(anchors, [a for a, _, _ in texts])
    assert topic  # the governor's name is in every article
    assert not agree(anchors[0], anchors[1], topic)  # only the topic name in common
    dam = sentence_anchors("Velkan avait inauguré le barrage de Brask avant le vol.", "fr")
    assert agree(anchors[0], dam, topic)  # the dam's name is specific


def test_one_language_shares_content_words_and_a_figure_counts_in_any() -> None:
    a = sentence_anchors("Les premiers rapports évoquent un atterrissage brutal.", "fr")
    b = sentence_anchors("On a d'abord parlé d'un atterrissage brutal de l'appareil.", "fr")
    assert agree(a, b)
    c = sentence_anchors("The ferry carried 214 passengers.", "en")
    d = sentence_anchors("El transbordador llevaba 214 pasajeros.", "es")
    assert agree(c, d)


def test_encoder_pairs_whose_words_disagree_stay_under_the_carry_cut() -> None:
    texts = [
        "Governor Tomas Velkan died when his boat capsized on Lake Oruna on Sunday.",
        "Le gouverneur Tomas Velkan est mort dimanche quand son bateau a chaviré sur le lac.",
        "Le bateau du gouverneur Tomas Velkan avait quitté le port d'Oruna dimanche matin.",
    ]
    owners = ["en1", "fr1", "fr2"]
    articles = {
        "en1": _article("en1", "en"),
        "fr1": _article("fr1", "fr"),
        "fr2": _article("fr2", "fr"),
    }
    sim = np.zeros((3, 3), dtype=np.float32)
    out, near = with_other_languages(sim, texts, owners, articles, ALIGN, CARRY)
    assert out[0, 1] >= CARRY  # the death told in French
    assert out[0, 2] < CARRY and out[2, 0] < CARRY  # the boat leaving port tells no death
    assert near[0, 2] and near[2, 0] and not near[0, 1]  # close, and said to be close
