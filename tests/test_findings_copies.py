"""Copy direction from credits and datelines first, text overlap second (issue 23).

An agency's dateline on a reprint names the origin; two pages of one text that name
no source are siblings, neither shown as copying the other "without credit".
Invented pages, the real language layer.
"""

from __future__ import annotations

from test_findings_cells import article, run

from newsprism.model import Dateline, ReusePair

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
