"""Datelines: the place (and agency) a story opens with, "TEHRAN (Tasnim) -", "DUBAI:".

The dateline stays in the body — it is part of the text an outlet published — and
its span is recorded so later stages can skip or use it (a claim never starts with
it, a fact row never shows it). Outlets write it in many forms, and scraped text
often runs the page's date stamp into it:

- "TEHRAN (Tasnim) -", "WASHINGTON, Feb 8 (Reuters) -", "JAKARTA:" (capitals);
- "Aldrin — The …", "Port Selene, Mare Nubium - …", "Tarsk, Mar. 9 (Agency) -- …",
  "Tarsk, May 20: …" (a capitalised place: only before a dash of its own, or with a
  date or an agency, since a sentence may open on a name too);
- "KORVA, OSTLAND, (Agency).- …", "KORVA, May 3. /AGENCY/. …", "Korva, Ostland |
  AGENCY | lundi 20/03/2024 - …" (agency and date in other wire styles);
- "(Agency) The …": an agency credit alone;
- "example.com – …", "KORVA, example.co – …": the site's own name as the opener;
- "date 2024-02-15 …", "2024-05-07 KORVA — …": a date stamp before all of this.
"""

from __future__ import annotations

import re

from newsprism.model import Dateline

_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z]\.?"  # TEHRAN, ERBIL, ST. LOUIS, N'DJAMENA
_NAME_WORD = r"[A-ZÀ-Ý][\w'’.\-]*"  # Tarsk, Port, St.
_REGION_WORD = r"(?:[A-ZÀ-Ý][\w'’.\-]*|of|and|the|de|la|al|el|upon|on)"
_MONTH_DAY = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.?"  # "Feb 8", "Sep. 9", "August 23."
_DOMAIN = r"[a-z0-9][a-z0-9\-]*(?:\.[a-z]{2,6})+"  # example.com, news.example.co
# a labelled month ("date 2024-05") or a full day, labelled or not ("2024-05-07"): an
# unlabelled month may be a figure's label ("2024-02 figures are out")
_STAMP = re.compile(
    r"^\s*(?:(?:date|dated|published|posted)\s*:?\s*\d{4}-\d{2}(?:-\d{2})?|\d{4}-\d{2}-\d{2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?(?![\d-])\s+"
)
# the capitals form: a capitalised place alone is too weak after a plain hyphen
_CAPS = (
    rf"(?P<place>{_CAPS_WORD}(?:\s+{_CAPS_WORD})*"
    rf"(?:,\s*(?:[A-Z][\w'’.\-]*(?:\s+{_REGION_WORD}){{0,5}}|{_DOMAIN}))?)"
)
_NAMED = (
    rf"(?P<place>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
    rf"(?:,\s*{_NAME_WORD}(?:\s+{_REGION_WORD}){{0,3}})?)"
)
_DATE = rf"(?P<date>,?\s+{_MONTH_DAY})"
_AGENCY = (
    r"(?:,?\s*\((?P<agency>[^()]{2,40})\)"  # (Reuters), , (EFE)
    r"|\s*/(?P<slash>[A-Z][\w\-]{1,20})/\.?"  # /TASS/.
    r"|\s*\|\s*(?P<bar>[^|\d]{2,30}?)\s*\|[^|\n]{0,30}?)"  # | AFP | lundi 20/03/2024
)
_DASH = r"(?:—|–|--|\.-)"  # a separator no sentence opens with
_SEP = r"\s*(?P<sep>\.-|--|[-–—:])"
_AFTER = r"\s+(?=[\"“‘'«A-ZÀ-Ý0-9])"
_FORMS = [
    # TEHRAN (Tasnim) -   WASHINGTON, Feb 8 (Reuters) -   KORVA, OSTLAND, (EFE).-
    re.compile(rf"(?P<text>{_CAPS}(?:{_DATE})?(?:{_AGENCY})?{_SEP}){_AFTER}"),
    # MOSCOW, August 23. /TASS/. An …
    re.compile(rf"(?P<text>{_CAPS}(?:{_DATE})?\s*/(?P<slash>[A-Z][\w\-]{{1,20}})/\.?){_AFTER}"),
    # Tarsk, Mar. 9 (Agency) --   Tarsk, May 20:   Korva, Ostland | AGENCY | … -
    # (a capitalised place with neither date nor agency is left to the forms below)
    re.compile(rf"(?P<text>{_NAMED}(?:{_DATE})?(?:{_AGENCY})?{_SEP}){_AFTER}"),
    # Aldrin —   Port Selene, Mare Nubium -
    re.compile(rf"(?P<text>{_NAMED}\s*(?P<sep>{_DASH})){_AFTER}"),
    re.compile(rf"(?P<text>{_NAMED}\s+(?P<sep>-)){_AFTER}"),
    # example.com –
    re.compile(rf"(?P<text>(?P<site>{_DOMAIN})\s*(?P<sep>[-–—:]))\s+(?=[A-ZÀ-Ý\"“])"),
    # (Agency) The …
    re.compile(r"(?P<text>\((?P<agency>[A-Z][\w .&/\-]{1,30})\))\s+(?=[A-ZÀ-Ý\"“])"),
]


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of ``paragraph``; span is relative to the paragraph.

    A date stamp before the text ("date 2024-02-15") is part of the span, so a claim
    cut after it never starts with it; with no dateline after it, the stamp alone is
    the opener (no place, no agency)."""
    stamp = _STAMP.match(paragraph)
    start = stamp.end() if stamp else 0
    rest = paragraph[start:]
    for form in _FORMS:
        m = form.match(rest)
        if m and (found := _dateline(m, paragraph, start)):
            return found
    if stamp is None:
        return None
    text = paragraph[: stamp.end()].strip()
    return Dateline(text=text, place=None, agency=None, span=(0, len(text)))


def _dateline(m: re.Match[str], paragraph: str, start: int) -> Dateline | None:
    groups = m.groupdict()
    place = (groups.get("place") or "").strip().rstrip(",") or None
    if place is not None:
        head, _, region = place.rpartition(",")
        if head and re.fullmatch(_DOMAIN, region.strip()):
            place = head.strip()  # "SERANG, example.co –": the site, not a region
        first = place.split(",")[0].split()
        if sum(len(w) for w in first) < 3:
            return None
    agency = groups.get("agency") or groups.get("slash") or groups.get("bar")
    if m.re is _FORMS[2] and not (agency or groups.get("date")) and groups.get("sep") in (":", "-"):
        return None  # "Tarsk: …", "Tarsk - …": the weak forms have their own rules below
    text = paragraph[: start + m.end("text")].strip()
    return Dateline(
        text=text, place=place, agency=agency.strip() if agency else None, span=(0, len(text))
    )


# how far down a dateline may open a paragraph: a page may print a standfirst and a
# caption above the dateline's lead
DATELINE_PARAGRAPHS = 3


def locate_dateline(body: list[str]) -> Dateline | None:
    """The dateline opening one of the first paragraphs, with its span in the joined body."""
    offset = 0
    for paragraph in body[:DATELINE_PARAGRAPHS]:
        found = find_dateline(paragraph)
        if found:
            start = offset + (found.span[0] if found.span else 0)
            return Dateline(found.text, found.place, found.agency, (start, start + len(found.text)))
        offset += len(paragraph) + 2
    return None
