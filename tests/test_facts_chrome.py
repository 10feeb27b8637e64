"""Fact rows are whole clauses from the body, never page chrome (issue 23), in any
language: a note about the page, an explainer's signpost, a picture credit or a cut-off
excerpt inside a paragraph is no fact; a lead never shows its dateline or date stamp.
Invented pages, the real language layer."""

from __future__ import annotations

import dataclasses

from test_findings_cells import article, run

from newsprism.clean.dateline import find_dateline
from newsprism.model import Article


def _with_dateline(a: Article, language: str | None = None) -> Article:
    return dataclasses.replace(a, dateline=find_dateline(a.text), language=language)


def test_chrome_sentences_inside_paragraphs_are_no_facts() -> None:
    out = run(
        [
            _with_dateline(
                article(
                    "a",
                    "Gazette de Valdora",
                    [
                        "Valdora — Le port de Valdora a fermé son quai nord lundi après la "
                        "tempête. L'article est régulièrement mis à jour avec les derniers "
                        "chiffres.",
                        "Voici ce que l'on sait du naufrage. Deux ferries ont été endommagés "
                        "dans la nuit, selon la capitainerie.",
                        "Les commerçants craignent une saison perdue. (Imagen: Cortesía del "
                        "puerto).",
                        "Le maire a promis une navette entre les deux terminaux, qui ...",
                    ],
                ),
                "fr",
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "The port of Valdora closed its northern quay on Monday after the storm.",
                    "Two ferries were damaged overnight, the harbour master said.",
                ],
            ),
        ]
    )
    shown = [f.text for f in out.facts]
    assert not any("mis à jour" in t or "Voici" in t or "Imagen" in t for t in shown), shown
    assert not any(t.rstrip().endswith("...") for t in shown), shown
