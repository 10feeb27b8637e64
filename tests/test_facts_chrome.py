"""Fact rows are whole clauses from the body, never page chrome (issue 23), in any
language: a note about the page, an explainer's signpost, a picture credit or a cut-off
excerpt inside a paragraph is no fact; a lead never shows its dateline or date stamp.
Invented pages, the real language layer."""

from __future__ import annotations

import dataclasses

from test_findings_cells import annotate_all, article, run

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
                        "tempête. Cet article sera mis à jour au fil de la journée.",
                        "Voici ce que l'on sait sur la fermeture du quai. Deux ferries ont été "
                        "endommagés dans la nuit, selon la capitainerie.",
                        "Les commerçants craignent une saison perdue. (Imagen: cortesía de "
                        "la capitanía).",
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
    lead = next(f for f in out.facts if "quai nord" in f.text)
    assert lead.text.startswith("Le port de Valdora"), lead.text  # its dateline cut off


def test_no_sentence_a_report_shows_starts_with_the_date_stamp_or_dateline() -> None:
    """A figure's context, a quotation's sentence and a timeline entry show the
    language layer's sentences: the dateline is a sentence of its own, in English and
    in the languages read by rule."""
    english = _with_dateline(
        article(
            "a",
            "Valley News",
            [
                "date 2025-04-10 Riot police cleared the blockade at the Tarsk grain terminal "
                "on Tuesday."
            ],
        )
    )
    french = _with_dateline(
        article("b", "Gazette de Valdora", ["Valdora — Le port a rouvert son quai nord mardi."]),
        "fr",
    )
    annotations = annotate_all([english, french])
    for a, lead in ((english, "Riot police"), (french, "Le port")):
        texts = [a.text[s.span[0] : s.span[1]] for s in annotations[a.id].sentences]
        assert any(t.startswith(lead) for t in texts), texts
        clauses = [a.text[c.span[0] : c.span[1]] for c in annotations[a.id].clauses]
        assert clauses and all(not c.startswith(("date", "Valdora —")) for c in clauses)
    # the parse's own sentence, which dates and quotations cite, starts after the stamp
    stamp = english.text.index("Riot")
    cited = [t.sentence for t in annotations[english.id].times if t.sentence and t.span[0] > stamp]
    assert cited and all(english.text[s[0] : s[1]].startswith("Riot") for s in cited)


def test_a_dateline_date_dates_no_timeline_event() -> None:
    lead = (
        "Valdora, Ostland | KPA | lundi 14/04/2025 - Le port a rouvert son quai nord mardi dernier."
    )
    out = run(
        [
            _with_dateline(article("a", "Gazette de Valdora", [lead]), "fr"),
            article(
                "b",
                "Plains Herald",
                ["The port of Valdora reopened its northern quay on Tuesday."],
            ),
        ]
    )
    assert not any("KPA" in e.description for e in out.timeline), out.timeline
    assert not any(e.start.startswith("2025-04-14") for e in out.timeline), out.timeline
