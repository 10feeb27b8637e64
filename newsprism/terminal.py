"""Annotated text for the terminal: the spans the language layer found, marked in colour.

Kept apart from the CLI so the marking rule (which span wins where they overlap) is
one small function a test can check.
"""

from __future__ import annotations

from rich.text import Text

from newsprism.model import Annotations

STYLES = {
    "quote": "italic green",
    "entity": "bold cyan",
    "quantity": "bold magenta",
    "time": "bold yellow",
}


def marked_text(text: str, ann: Annotations) -> Text:
    """Quotes are styled first so that names, numbers and dates inside them still show."""
    out = Text(text)
    for q in ann.quotes:
        out.stylize(STYLES["quote"], *q.span)
    for m in ann.mentions:
        out.stylize(STYLES["entity"], *m.span)
    for n in ann.quantities:
        out.stylize(STYLES["quantity"], *n.span)
    for t in ann.times:
        out.stylize(STYLES["time"] if t.start else "yellow", *t.span)
    return out


def legend() -> Text:
    return Text.assemble(*[(f" {k} ", v) for k, v in STYLES.items()])
