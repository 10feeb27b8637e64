"""Copy direction from credits and datelines first, text overlap second (issue 23).

An agency's dateline on a reprint names the origin; two pages of one text that name
no source are siblings, neither shown as copying the other "without credit".
Invented pages, the real language layer.
"""

from __future__ import annotations

from test_findings_cells import article, fact, run, states

from newsprism.model import Dateline, ReusePair, SharedSentence

LEDE = (
    "Riot police cleared the blockade at the Tarsk grain terminal on Tuesday, and "
    "the port authority said twelve ships were waiting at anchor offshore."
)
SECOND = "Farmers' unions called a national day of protest for next Monday in the capital."


def test_an_agency_dateline_on_a_reprint_is_the_origin() -> None:
    """The earlier page prints the text bare; the later one keeps the agency's
    dateline: the text is the agency's, the bare page prints it without credit."""
    bare = article("a", "Valley News", [LEDE, SECOND], published="2025-04-10T08:00")
    dated = article(
        "b",
        "Plains Herald",
        ["TARSK (Meridian Press) - " + LEDE, SECOND],
        published="2025-04-10T09:00",
    )
    dated.dateline = Dateline("TARSK (Meridian Press) -", "TARSK", "Meridian Press", (0, 24))
    out = run([bare, dated], [ReusePair("a", "b", "wire-copy", 0.98)])
    origins = {a.outlet: a.origin for a in out.articles}
    assert origins == {"Valley News": "Meridian Press", "Plains Herald": "Meridian Press"}
    assert out.overview.provenance == [
        "Plains Herald credits Meridian Press; "
        "Valley News prints the same Meridian Press text without credit"
    ]


def test_two_pages_of_one_text_naming_no_source_are_siblings() -> None:
    first = article("a", "Valley News", [LEDE, SECOND], published="2025-04-10T08:00")
    second = article("b", "Plains Herald", [LEDE, SECOND], published="2025-04-10T09:00")
    out = run([first, second], [ReusePair("a", "b", "wire-copy", 0.99)])
    [line] = out.overview.provenance
    assert "without credit" not in line
    assert line == (
        "Plains Herald, Valley News print the same text; none names its source "
        "(Valley News published first)"
    )


def test_which_undated_sibling_came_first_is_not_claimed() -> None:
    """Two undated pages of one text: their order in the input is no evidence of who
    published first."""
    first = article("a", "Valley News", [LEDE, SECOND], published=None)
    second = article("b", "Plains Herald", [LEDE, SECOND], published=None)
    out = run([first, second], [ReusePair("a", "b", "wire-copy", 0.99)])
    [line] = out.overview.provenance
    assert line.endswith("none names its source (which came first is not known)"), line


def test_a_reprint_never_omits_the_wire_text_it_carries() -> None:
    """Two pages of one agency text; the reprint reworded one sentence beyond what the
    encoder links and the original adds a paragraph of its own. The reworded sentence
    is the same wire text (the reuse pair says so): never "omits", and said to be the
    same text; the added paragraph is still an omission of the reprint."""
    lede = "TARSK (Meridian Press) - " + LEDE
    cost = "Grain traders in the port said the blockade had cost them four million euros."
    reworded = (
        "Dealers at the harbour estimated that the siege deprived them of four million euros."
    )
    extra = "Local bakers told this newspaper that flour prices had doubled since the spring."
    first = article("a", "Valley News", [lede, SECOND, cost, extra], published="2025-04-10T08:00")
    second = article("b", "Plains Herald", [lede, SECOND, reworded], published="2025-04-10T09:00")

    def spans(text: str, parts: list[str]) -> list[tuple[int, int]]:
        return [(text.index(p), text.index(p) + len(p)) for p in parts]

    shared = [
        SharedSentence(x, y, 0.9)
        for x, y in zip(
            spans(first.text, [lede, SECOND, cost]),
            spans(second.text, [lede, SECOND, reworded]),
            strict=True,
        )
    ]
    out = run([first, second], [ReusePair("a", "b", "wire-copy", 0.9, shared)])
    row = fact(out, "Grain traders in the port")
    cell = next(c for c in row.cells if c.outlet == "Plains Herald")
    assert cell.state != "omits", cell
    assert cell.note is not None and cell.note.startswith("same wire text as Valley News")
    assert [e.article for e in cell.evidence] == ["b"]
    assert states(fact(out, "flour prices"))["Plains Herald"] == "omits"
