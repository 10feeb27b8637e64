"""Datelines: the place (and agency) a story opens with, "TEHRAN (Tasnim) -", "DUBAI:".

The dateline stays in the body — it is part of the text an outlet published — and
its span is recorded so later stages can skip or use it.
"""

from __future__ import annotations

import re

from newsprism.model import Dateline

_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z]\.?"  # TEHRAN, ERBIL, ST. LOUIS, N'DJAMENA
_REGION_WORD = r"(?:[A-Z][\w'’.\-]*|of|and|the|de|la|al|el|upon|on)"
_DATELINE = re.compile(
    rf"^(?P<text>(?P<place>{_CAPS_WORD}(?:\s+{_CAPS_WORD})*"
    rf"(?:,\s*[A-Z][\w'’.\-]*(?:\s+{_REGION_WORD}){{0,5}})?)"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # optional date: "WASHINGTON, Feb 8 (Reuters)"
    r"\s*(?:\((?P<agency>[^()]{2,40})\))?"
    r"\s*(?P<sep>[-–—:]))\s+(?=[\"“‘'A-Z0-9])"
)


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of ``paragraph``; span is relative to the paragraph."""
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    place = m.group("place").strip().rstrip(",")
    first = place.split(",")[0].split()
    if sum(len(w) for w in first) < 3:
        return None
    agency = m.group("agency")
    text = m.group("text").strip()
    return Dateline(
        text=text, place=place, agency=agency.strip() if agency else None, span=(0, len(text))
    )
