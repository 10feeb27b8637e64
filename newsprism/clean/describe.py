"""Describe one article: title, byline, dateline, dates, outlet, wire, language.

Only what the page (or the input's metadata) states is recorded. A date in a photo
caption is when the photo was taken, not when the story was published, so it is
never used as the publication date — at most to supply the year of a lead that
says "on Thursday (Feb 8)", and only when that weekday fits that year. An "Updated"
time is kept as the update time, never as the publication time.
Which outlet published the page is ``clean.outlet``'s question; it decides here only
whether a dateline's agency is the outlet itself or a source the outlet copied.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from newsprism.clean.boilerplate import Labelled, headline_like, same_text
from newsprism.clean.dates import (
    FoundDate,
    labelled_dates,
    lead_weekday_date,
    parse_date,
    url_date,
)
from newsprism.clean.lines import line_key
from newsprism.clean.options import CleanOptions
from newsprism.clean.outlet import OutletFound
from newsprism.lexicon import NEWSROOM_ROLES
from newsprism.model import Dateline
from newsprism.sources.outlets import OutletTable, name_key

_CONTENT = re.compile(r"[^\W\d_]{3,}")
_NAME_PARTICLE = {"al", "el", "bin", "ibn", "de", "da", "del", "van", "von", "der", "la", "le"}
_BY = re.compile(r"^(?:by|von|par|por|di)\s+", re.I)
_AUTHOR_LABEL = re.compile(r"^(?:author|written by|by)\s*:?\s+", re.I)
_MENU = re.compile(r"(?:\S\s+[|•·]\s+\S.*){2}")  # "Home | World | Business"
MONTH_FIRST_COUNTRIES = frozenset({"US"})  # where 01/04/2024 is 4 January


@dataclass(slots=True)
class Published:
    value: datetime
    text: str
    source: str


def pick_title(
    seg: list[Labelled], stopwords: frozenset[str], hint: str | None = None
) -> int | None:
    """The headline: the headline-like line before the body that best matches the lead.

    Award banners and section names are also short capitalised lines; the headline is
    the one whose words the first paragraphs use, which the page often also repeats,
    and which sits just above the byline or the date line. A menu ("Home | World |
    Business") is never a headline.
    """
    first_prose = next((i for i, s in enumerate(seg) if s.prose), len(seg))
    candidates = [
        i
        for i, s in enumerate(seg[:first_prose])
        if s.reason is None
        and headline_like(s.line)
        and not person_name(s.line.text)
        and not _byline_like(s.line.text)
        and not _MENU.search(s.line.text)
    ]
    if hint:
        for i, s in enumerate(seg):
            if s.reason is None and same_text(s.line.key, line_key(hint)):
                return i
    if not candidates:
        return None
    lead = _content_words(
        " ".join(s.line.text for s in seg[first_prose:] if s.prose), stopwords, 400
    )
    keys = [s.line.key for s in seg]

    def score(i: int) -> float:
        words = _content_words(seg[i].line.text, stopwords)
        overlap = len(words & lead) / len(words) if words else 0.0
        repeated = keys.count(keys[i]) > 1
        return (
            overlap
            + 0.25 * repeated
            + 0.1 * (i == candidates[-1])
            + 0.3 * _above_byline_or_date(seg, i)
        )

    best = max(candidates, key=score)
    if score(best) < 0.2 and len(candidates) > 1:
        return None
    return keys.index(keys[best])  # the first time the page shows the headline


def _above_byline_or_date(seg: list[Labelled], i: int) -> bool:
    """Whether the line is followed (within two lines) by a byline or a date line."""
    for item in seg[i + 1 : i + 3]:
        if item.reason in ("date-line", "author-bio:label") or (
            item.reason is None and item.line.n_words <= 10 and person_name(item.line.text)
        ):
            return True
    return False


def _content_words(text: str, stopwords: frozenset[str], limit: int | None = None) -> set[str]:
    words = [w.casefold() for w in _CONTENT.findall(text)][:limit]
    return {w for w in words if w not in stopwords}


def person_name(text: str) -> str | None:
    """``text`` as one or two person names ("Dilan Sirwan", "By A and B"), else None."""
    text = _BY.sub("", text.strip()).strip(" ,.")
    people = [p.strip() for p in re.split(r"\s*(?:,|\band\b|&)\s*", text) if p.strip()]
    # "Luka Marsden, Port reporter": a role after the name is not another person
    people = [p for p in people if not _is_role(p)] if len(people) > 1 else people
    if not people or len(people) > 3:
        return None
    for person in people:
        words = person.split()
        if not 2 <= len(words) <= 4:
            return None
        for w in words:
            base = w.split("-")[-1] if "-" in w else w
            if w.casefold().split("-")[0] in _NAME_PARTICLE and w != words[0]:
                continue
            if not (base[:1].isupper() and base.replace("'", "").replace("’", "").isalpha()):
                return None
            if w.isupper() and len(w) > 3:  # "NEWSLETTER TEAM" is a label, not a name
                return None
    return ", ".join(people) if len(people) > 1 else people[0]


def _byline_like(text: str) -> bool:
    """ "By Tove Lindqvist, Port reporter" (not "By the numbers: ...")."""
    m = _BY.match(text)
    return m is not None and text[m.end() : m.end() + 1].isupper() and len(text.split()) <= 12


def _is_role(text: str) -> bool:
    return any(w.casefold() in NEWSROOM_ROLES for w in text.split())


def pick_byline(seg: list[Labelled], title: int | None) -> tuple[int | None, str | None]:
    """The author line near the headline, else the name in an "Author X" label.

    Between the headline and the body any short name line is a byline; just after a
    standfirst (the body's first lines) only one that says "By" is.
    """
    first_prose = next((i for i, s in enumerate(seg) if s.prose), len(seg))
    start = title + 1 if title is not None else 0
    for i in range(start, min(len(seg), first_prose + 3)):
        item = seg[i]
        if i >= first_prose and not _BY.match(item.line.text):
            continue
        if item.reason is None and item.line.n_words <= 10:
            name = person_name(item.line.text)
            if name:
                return i, name
    for item in seg:
        if (item.reason or "").startswith("author-bio:label"):
            name = person_name(_AUTHOR_LABEL.sub("", item.line.text))
            if name:
                return None, name
    return None, None


@dataclass(slots=True)
class PageDates:
    published: Published | None = None
    updated: Published | None = None


def find_page_dates(seg: list[Labelled], day_first: bool) -> PageDates:
    """The publication date the page states (its date lines, its URL path, its lead),
    and an update time kept apart."""
    out = PageDates()
    for item in seg:
        if item.reason != "date-line":
            continue
        for found, is_update in labelled_dates(item.line.text, day_first=day_first):
            if is_update:
                out.updated = out.updated or Published(found.value, found.text, "page")
            else:
                out.published = out.published or Published(found.value, found.text, "page")
    return out


def url_published(url: str | None) -> Published | None:
    found = url_date(url)
    return Published(found.value, found.text, "url") if found else None


# what may stand before a date that opens a page's first paragraph: a label or nothing
_LEAD_DATE_LABEL = re.compile(r"\s*(?:(?:date|dated|published|posted|on)\s*:?\s*)?", re.I)


def lead_date(paragraph: str, day_first: bool) -> Published | None:
    """A full date opening the first paragraph, before its dateline ("date 2024-05-07
    BALTIMORE —", "March 4, 2025 - TARSK (Agency) -"): scraped text often runs a
    page's date line into its lead, and then it is the page's date."""
    found = labelled_dates(paragraph[:60], day_first=day_first)
    if not found:
        return None
    first, is_update = found[0]
    label = _LEAD_DATE_LABEL.fullmatch(paragraph[: first.start])
    if label is None or is_update:
        return None
    return Published(first.value, first.text, "page:lead-date")


# "date 2024-02-14 ...": a labelled ISO day opening the page, as scrapers stamp it
_DATE_STAMP = re.compile(
    r"\s*(?:date|dated|published|posted)\s*:?\s*(\d{4}-\d{2}-\d{2})(?![\d-])", re.I
)


def stamp_published(seg: list[Labelled]) -> Published | None:
    """A labelled ISO day opening the page's first line, whatever that line is (a
    title, a caption): a scraper's stamp says which day it is and that it is the page's
    date, where a lead's date is read only in prose, since a caption's or a title's own
    date ("March 20, 2024") may be the event's. An unlabelled or month-only stamp is
    not enough: "2024-02 figures" is a label of a figure."""
    first = next((s.line.text for s in seg if s.line.text.strip()), "")
    m = _DATE_STAMP.match(first)
    if m is None:
        return None
    try:
        value = datetime.fromisoformat(m.group(1))
    except ValueError:
        return None
    return Published(value, m.group(0).strip(), "page:date-stamp")


def lead_published(
    seg: list[Labelled], page_years: list[int], day_first: bool = True
) -> Published | None:
    lead = [s.line.text for s in seg if s.prose and s.reason is None][:2]
    if lead and (opening := lead_date(lead[0], day_first)):
        return opening
    for paragraph in lead:
        found = lead_weekday_date(paragraph, page_years)
        if found:
            return Published(found.value, found.text, "page:lead-weekday")
    return None


def publication_dates(
    seg: list[Labelled],
    given: str | None,
    html_date: str | None,
    url: str | None,
    page_years: list[int],
    day_first: bool,
) -> tuple[Published | None, Published | None]:
    """(published, updated): the input's metadata, else the page's own date line, the
    page's HTML metadata, the URL path, and last a lead's "Thursday (Feb 8)"."""
    page = find_page_dates(seg, day_first)
    published = (
        parse_published(given, "metadata", day_first)
        or page.published
        or parse_published(html_date, "page:html-metadata", day_first)
        or url_published(url)
        or stamp_published(seg)
        or lead_published(seg, page_years, day_first)
    )
    return published, page.updated


def day_first_for(outlet: OutletFound | None, options: CleanOptions) -> bool:
    """Numeric dates are day-first unless the outlet is in a month-first country."""
    if outlet and outlet.entry and outlet.entry.country in MONTH_FIRST_COUNTRIES:
        return False
    return options.day_first


def parse_published(text: str | None, source: str, day_first: bool) -> Published | None:
    """A date given as metadata (ISO or as a page would write it)."""
    if not text:
        return None
    found: FoundDate | None = parse_date(text, day_first=day_first)
    return Published(found.value, text, source) if found else None


HEAD_LINES = 8  # where a page prints its credit line: above or at the start of the body

# A credit set off by bars or followed by a publication stamp: "Reuters Published 21 Mar",
# "Korva, Ostland | AFP | mercredi 20/03/2024 -", "AP | Updated 10:02"
_CREDIT_SEGMENT = re.compile(
    r"(?:^|\|)\s*(?P<who>[^|\d]{2,40}?)\s*(?=\||\s+(?:published|updated|posted|mis à jour"
    r"|publicado|actualizado|veröffentlicht|aktualisiert)\b)",
    re.I,
)
# a line that is only a name and a colon ("AP :"), the credit some reprints put above
# the body; a name the outlet table does not know as an agency ("WATCH:") is no credit
_COLON_CREDIT = re.compile(r"^\s*(?P<who>[^\W\d][\w .&/-]{0,30}?)\s*:\s*$")


def head_credits(seg: list[Labelled], table: OutletTable) -> list[tuple[str, str]]:
    """Agencies named in a page's credit line (agency, the line's words): a name between
    bars or before "Published", or alone before a colon, when the outlet table knows it
    as a news agency. The wire-credit rules see only lines that are nothing but a
    credit; these lines also hold a place or a date, so a reprint of Reuters copy read
    as uncredited."""
    out: list[tuple[str, str]] = []
    for item in seg[:HEAD_LINES]:
        text = item.line.text
        colon = _COLON_CREDIT.match(text)
        if colon:
            entry = table.by_name(colon.group("who"))
            if entry is not None and entry.kind == "agency":
                out.append((colon.group("who"), text.strip()))
            continue
        # a date line ("Reuters Published 21 Mar") or a line set off by bars: never a
        # sentence of the body that says an agency published something
        if item.reason != "date-line" and "|" not in text[:120]:
            continue
        for m in _CREDIT_SEGMENT.finditer(text[:300]):
            who = m.group("who").strip(" ,-–—:")
            entry = table.by_name(who)
            if entry is not None and entry.kind == "agency":
                out.append((who, text[:120]))  # the name as the page writes it
    return out


def wire_of(
    seg: list[Labelled],
    dateline: Dateline | None,
    outlet: OutletFound | None = None,
    table: OutletTable | None = None,
) -> tuple[list[str], list[str]]:
    """Agencies the article credits, and the words that credit them.

    An agency's own dateline on its own site ("TEHRAN (Tasnim) -" on tasnimnews.com)
    names the outlet, not a source it copied: a credit is dropped only when the outlet
    is known from elsewhere (metadata, URL, publisher metadata) to be that agency. A
    page with no such evidence keeps the credit: it may be a copy of the agency's story.
    """
    own = outlet.names() if outlet else set()
    agencies: list[str] = []
    evidence: list[str] = []
    credits: list[tuple[Sequence[str], str]] = [
        (item.wire, item.line.text) for item in seg if item.wire
    ]
    if dateline and dateline.agency:
        credits.append(([dateline.agency], dateline.text))
    if table is not None and not credits:
        credits.extend(([agency], words) for agency, words in head_credits(seg, table))
    for names, words in credits:
        kept = [a for a in names if name_key(a) not in own]
        if kept:
            agencies.extend(kept)
            evidence.append(words)
    return list(dict.fromkeys(agencies)), list(dict.fromkeys(evidence))


# --------------------------------------------------------------------------- outlets
