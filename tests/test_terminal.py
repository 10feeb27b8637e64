"""`newsprism show --annotations`: which words the terminal marks, and how."""

from __future__ import annotations

from datetime import date

from newsprism.model import Annotations, Mention, Quantity, Quote, TimeExpression
from newsprism.terminal import STYLES, marked_text

TEXT = 'Mayor Ines Ralda said on Monday that "12 families were moved to the school".'


def _span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def test_every_annotation_kind_is_marked_on_its_own_words() -> None:
    ann = Annotations(
        article="a",
        text_sha="s",
        mentions=[Mention(_span("Ines Ralda"), "Ines Ralda", "PERSON")],
        quotes=[Quote(_span("12 families were moved to the school"), "", "direct")],
        quantities=[Quantity(_span("12"), "12", 12.0, "families")],
        times=[TimeExpression(_span("Monday"), "Monday", date(2026, 3, 9), date(2026, 3, 9), "r")],
    )
    marked = {(TEXT[s.start : s.end], str(s.style)) for s in marked_text(TEXT, ann).spans}
    assert ("Ines Ralda", STYLES["entity"]) in marked
    assert ("Monday", STYLES["time"]) in marked
    assert ("12", STYLES["quantity"]) in marked  # a number inside a quote still shows
    assert ("12 families were moved to the school", STYLES["quote"]) in marked
