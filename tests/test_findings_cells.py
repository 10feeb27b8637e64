"""Coverage cells a fact-checker could defend to the outlet concerned (issue 23).

Every article is invented for the test. Each test is a cell that was wrong: an
outlet marked as contradicting the very figure it prints, an outlet marked as
omitting a claim it carries, a relative date in an undated article set against a
dated one.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from newsprism.compare import CompareOptions, compare_story
from newsprism.compare.records import FactRow, StoryComparison
from newsprism.language import annotate, resolve_entities
from newsprism.language.rules.reader import annotate_foreign, is_foreign
from newsprism.model import Annotations, Article, ReusePair, Source, Story


def article(
    aid: str, outlet: str, sentences: list[str], published: str | None = "2025-04-10T09:00"
) -> Article:
    return Article(
        aid,
        Source(f"{aid}.txt", "text"),
        "x",
        0,
        "\n\n".join(sentences),
        title=None,
        outlet=outlet,
        published=datetime.fromisoformat(published) if published else None,
    )


def annotate_all(articles: list[Article]) -> dict[str, Annotations]:
    """As the pipeline does: English through spaCy, the other languages by their reader."""
    english = [a for a in articles if not is_foreign(a.language)]
    out = {a.id: n for a, n in zip(english, annotate(english), strict=True)}
    out.update({a.id: annotate_foreign(a) for a in articles if is_foreign(a.language)})
    return out


def run(articles: list[Article], reuse: list[ReusePair] | None = None) -> StoryComparison:
    annotations = annotate_all(articles)
    entities = {e.id: e for e in resolve_entities(articles, annotations)}
    story = Story("s", "invented", [a.id for a in articles])
    return compare_story(
        story, articles, annotations, entities, reuse or [], options=CompareOptions()
    )


def fact(out: StoryComparison, phrase: str) -> FactRow:
    return next(f for f in out.facts if phrase in f.text)


def states(row: FactRow) -> dict[str, str]:
    return {c.outlet: c.state for c in row.cells}


def arrests_story() -> StoryComparison:
    """Two outlets print 30 arrests, a third 34."""
    return run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Riot police cleared the blockade at the Tarsk grain terminal on Tuesday.",
                    "Police said 30 people had been arrested.",
                ],
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Riot police broke up the blockade of the Tarsk grain terminal on Tuesday.",
                    "Police said 30 people had been arrested during the night.",
                ],
            ),
            article(
                "c",
                "North Star",
                [
                    "Police cleared protesters blocking the Tarsk grain terminal on Tuesday.",
                    "Police said 34 people had been arrested.",
                ],
            ),
        ]
    )


def test_an_outlet_printing_the_claims_figure_never_contradicts_it() -> None:
    """Only the outlet giving 34 contradicts the 30-arrests claim, whichever of the two
    giving 30 shows the row, and the row's own outlet never does."""
    out = arrests_story()
    row = fact(out, "people had been arrested")
    cells = states(row)
    assert cells["North Star"] == "contradicts", cells
    assert cells["Valley News"] != "contradicts", cells
    assert cells["Plains Herald"] != "contradicts", cells
    assert cells[row.cite.outlet] != "contradicts"


def test_an_omits_cell_says_how_the_outlet_was_searched() -> None:
    """'omits' is a claim about the outlet's whole text: the cell says it was searched
    in other words and languages, over how many sentences, and how near the nearest came;
    a translation of the claim is no omission."""
    valley = article(
        "a",
        "Valley News",
        [
            "Riot police cleared the blockade at the Tarsk grain terminal on Tuesday.",
            "Farmers' unions called a national day of protest for next Monday.",
        ],
    )
    plains = article(
        "b",
        "Plains Herald",
        [
            "Riot police broke up the blockade of the Tarsk grain terminal on Tuesday.",
            "The port authority said twelve ships were waiting at anchor off Tarsk.",
        ],
    )
    diario = article(
        "c",
        "Diario Sur",
        [
            "La policía antidisturbios desalojó el martes el bloqueo de la terminal de grano "
            "de Tarsk.",
            "La autoridad portuaria dijo que doce barcos esperaban fondeados frente a Tarsk.",
        ],
    )
    diario.language = "es"
    out = run([valley, plains, diario])
    protest = states(fact(out, "national day of protest"))
    assert protest == {"Valley News": "states", "Plains Herald": "omits", "Diario Sur": "omits"}
    ships = fact(out, "twelve ships")
    assert states(ships)["Diario Sur"] == "differs"
    [omits] = [c for c in fact(out, "national day of protest").cells if c.outlet == "Diario Sur"]
    assert omits.note is not None
    assert omits.note.startswith("searched 2 sentences (es) for the claim in the same or other")
    assert "closest" in omits.note


def test_a_sentence_with_other_figures_is_no_support_for_the_claim() -> None:
    """Outlets giving another vote count for the same result say something else, not
    the claim in other words: their cell differs with "other figures" and the digest
    does not count them as support (a fact-checker's "a cell with a different number
    is never support")."""
    out = run(
        [
            article("a", "Valley News", [
                "The election commission said the winner received 12,403,977 votes in the "
                "eastern region, according to the final tally published on Wednesday.",
                "Turnout in the region was high, officials said.",
            ]),
            article("b", "Plains Herald", [
                "The election commission said the winner received 12,403,977 votes in the "
                "eastern region, according to the final tally released on Wednesday.",
            ]),
            article("c", "Harbour Times", [
                "According to the final tally released on Wednesday, the winner won "
                "12,405,311 votes in the eastern region, the election commission said.",
            ]),
        ]
    )  # fmt: skip
    row = fact(out, "votes in the")
    cells = {c.outlet: c for c in row.cells}
    assert cells["Harbour Times"].state == "differs"
    assert (cells["Harbour Times"].note or "").startswith("other figures")
    [item] = [d for d in out.digest if d.fact == row.id]
    assert "Harbour Times" not in item.outlets
    assert {"Valley News", "Plains Herald"} <= set(item.outlets)


def test_a_page_out_before_anyone_told_the_claim_does_not_omit_it() -> None:
    """A Thursday page cannot leave out what was first reported on Saturday: its cell
    says it predates the claim, and the reports show it as such, not as an omission."""
    from newsprism.report.views import Cell as ViewCell

    out = run(
        [
            article("a", "Valley News", [
                "Rescuers searched the Tarn river near Velmora on Thursday for a fisherman "
                "who went missing in the storm.",
            ], "2025-04-10T09:00"),
            article("b", "Plains Herald", [
                "Rescuers searched the Tarn river near Velmora for a fisherman who went "
                "missing in the storm.",
                "The search was called off on Saturday after divers found the fisherman's "
                "boat wrecked against the weir below the old mill.",
            ], "2025-04-12T18:00"),
            article("c", "Harbour Times", [
                "The search was called off on Saturday after divers found the fisherman's "
                "boat wrecked against the weir below the old mill.",
            ], "2025-04-12T20:00"),
        ]
    )  # fmt: skip
    row = fact(out, "called off")
    cell = next(c for c in row.cells if c.outlet == "Valley News")
    assert cell.state == "omits"
    assert cell.note and "published before any outlet reported the claim" in cell.note
    assert "2025-04-10" in cell.note and "2025-04-12" in cell.note
    assert ViewCell(cell.outlet, cell.state, [], cell.note).label == "predates"
    searched = fact(out, "Rescuers searched")
    later = next(c for c in searched.cells if c.outlet == "Harbour Times")
    assert "published before" not in (later.note or "")  # a later page can omit it


def test_a_page_dated_only_to_the_month_never_predates_a_claim() -> None:
    """ "2025-04" is stored as the 1st of April: that is no day the page came out on,
    so it cannot be said to predate a claim first told on the 12th."""
    month = article("m", "Valley News", [
        "Rescuers searched the Tarn river near Velmora for a fisherman who went missing.",
    ], "2025-04-01T00:00")  # fmt: skip
    month.published_text = "2025-04"
    out = run(
        [
            month,
            article("b", "Plains Herald", [
                "The search was called off on Saturday after divers found the fisherman's "
                "boat wrecked against the weir below the old mill.",
            ], "2025-04-12T18:00"),
            article("c", "Harbour Times", [
                "The search was called off on Saturday after divers found the fisherman's "
                "boat wrecked against the weir below the old mill.",
            ], "2025-04-12T20:00"),
        ]
    )  # fmt: skip
    cell = next(c for c in fact(out, "called off").cells if c.outlet == "Valley News")
    assert "published before" not in (cell.note or "")


def test_one_pages_repeated_line_is_one_claim() -> None:
    """A speaker's line printed twice by one page, once inside its opening quotation
    mark, is one row, not two claims only that outlet carries."""
    out = run(
        [
            article("a", "Valley News", [
                "The harbour master spoke to reporters after the storm on Thursday.",
                "“We will not close the port. We will not close the port. The ferries will "
                "run on time.",
                "“The storm is over and the quays are safe,” she said.",
            ]),
            article("b", "Plains Herald", [
                "The harbour master spoke to reporters after the storm on Thursday.",
            ]),
        ]
    )  # fmt: skip
    rows = [f for f in out.facts if "not close the port" in f.text]
    assert len(rows) == 1, [f.text for f in rows]


def test_a_sentence_in_another_language_with_other_figures_is_no_support() -> None:
    """The Spanish outlet gives another vote count for the same result: its cell says
    "other figures", and the digest does not count it as telling the claim."""
    out = run(
        [
            article("a", "Valley News", [
                "The election commission said the winner received 12,403,977 votes in the "
                "eastern region, according to the final tally published on Wednesday.",
            ]),
            article("b", "Plains Herald", [
                "The election commission said the winner received 12,403,977 votes in the "
                "eastern region, according to the final tally released on Wednesday.",
            ]),
            dataclasses.replace(article("c", "Diario del Sur", [
                "La comisión electoral dijo que el ganador obtuvo 12.405.311 votos en la "
                "región oriental, según el recuento final publicado el miércoles.",
            ]), language="es"),
        ]
    )  # fmt: skip
    row = fact(out, "votes in the")
    cell = next(c for c in row.cells if c.outlet == "Diario del Sur")
    assert cell.state != "states"
    if cell.state == "differs":
        assert (cell.note or "").startswith("other figures"), cell.note
    for item in out.digest:
        if item.fact == row.id:
            assert "Diario del Sur" not in item.outlets


def test_the_coverage_bar_of_an_outlet_counts_only_the_claims_it_could_have_told() -> None:
    """A claim first told after the outlet's pages is neither carried nor left out, so
    the bar's parts add up to the outlet's own total."""
    from newsprism.report.charts import coverage_bars

    out = run(
        [
            article("a", "Valley News", [
                "Rescuers searched the Tarn river near Velmora on Thursday for a fisherman "
                "who went missing in the storm.",
            ], "2025-04-10T09:00"),
            article("b", "Plains Herald", [
                "The search was called off on Saturday after divers found the fisherman's "
                "boat wrecked against the weir below the old mill.",
            ], "2025-04-12T18:00"),
        ]
    )  # fmt: skip
    bar = next(b for b in coverage_bars(out.facts, out.outlets).bars if b.outlet == "Valley News")
    assert sum(p.n for p in bar.parts) == bar.total == len(out.facts) - 1
