"""Describe one article: title, byline, dateline, publication date, wire, language.

Only what the page (or the input's metadata) states is recorded. A date in a photo
caption is when the photo was taken, not when the story was published, so it is
never used as the publication date — at most to supply the year of a lead that
says "on Thursday (Feb 8)", and only when that weekday fits that year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from newsprism.clean.boilerplate import Labelled, headline_like, same_text
from newsprism.clean.dateline import find_dateline
from newsprism.clean.dates import find_dates, lead_weekday_date, parse_date
from newsprism.clean.lines import line_key
from newsprism.clean.options import CleanOptions
from newsprism.model import Dateline

_CONTENT = re.compile(r"[^\W\d_]{3,}")
_NAME_PARTICLE = {"al", "el", "bin", "ibn", "de", "da", "del", "van", "von", "der", "la", "le"}
_BY = re.compile(r"^(?:by|von|par|por|di)\s+", re.I)
_AUTHOR_LABEL = re.compile(r"^(?:author|written by|by)\s*:?\s+", re.I)
_UPDATED = re.compile(r"\b(updated|modified|edited)\b", re.I)


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
    the one whose words the first paragraphs use, which the page often also repeats.
    """
    first_prose = next((i for i, s in enumerate(seg) if s.prose), len(seg))
    candidates = [
        i
        for i, s in enumerate(seg[:first_prose])
        if s.reason is None and headline_like(s.line) and not person_name(s.line.text)
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
        return overlap + 0.25 * repeated + 0.1 * (i == candidates[-1])

    best = max(candidates, key=score)
    if score(best) < 0.2 and len(candidates) > 1:
        return None
    return keys.index(keys[best])  # the first time the page shows the headline


def _content_words(text: str, stopwords: frozenset[str], limit: int | None = None) -> set[str]:
    words = [w.casefold() for w in _CONTENT.findall(text)][:limit]
    return {w for w in words if w not in stopwords}


def person_name(text: str) -> str | None:
    """``text`` as one or two person names ("Dilan Sirwan", "By A and B"), else None."""
    text = _BY.sub("", text.strip()).strip(" ,.")
    people = [p.strip() for p in re.split(r"\s*(?:,|\band\b|&)\s*", text) if p.strip()]
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


def pick_byline(seg: list[Labelled], title: int | None) -> tuple[int | None, str | None]:
    """The author line near the headline, else the name in an "Author X" label."""
    first_prose = next((i for i, s in enumerate(seg) if s.prose), len(seg))
    start = title + 1 if title is not None else 0
    for i in range(start, first_prose):
        item = seg[i]
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


def find_published(
    seg: list[Labelled], page_years: list[int], options: CleanOptions
) -> Published | None:
    """The publication date the article's own date line or lead states, else None."""
    date_lines = [s for s in seg if s.reason == "date-line"]
    date_lines.sort(key=lambda s: bool(_UPDATED.search(s.line.text)))  # "Updated" last
    for item in date_lines:
        found = find_dates(item.line.text, day_first=options.day_first)
        if found:
            return Published(found[0].value, found[0].text, "page")
    lead = [s.line.text for s in seg if s.prose and s.reason is None][:2]
    for paragraph in lead:
        found = lead_weekday_date(paragraph, page_years)
        if found:
            return Published(found.value, found.text, "page:lead-weekday")
    return None


def parse_published(text: str | None, source: str, options: CleanOptions) -> Published | None:
    """A date given as metadata (ISO or as a page would write it)."""
    if not text:
        return None
    found = parse_date(text, day_first=options.day_first)
    return Published(found.value, text, source) if found else None


def locate_dateline(body: list[str]) -> Dateline | None:
    """The dateline opening one of the first paragraphs, with its span in the joined body."""
    offset = 0
    for paragraph in body[:2]:
        found = find_dateline(paragraph)
        if found:
            start = offset + (found.span[0] if found.span else 0)
            return Dateline(found.text, found.place, found.agency, (start, start + len(found.text)))
        offset += len(paragraph) + 2
    return None


def wire_of(seg: list[Labelled], dateline: Dateline | None) -> tuple[list[str], list[str]]:
    """Agencies the article credits, and the words that credit them."""
    agencies: list[str] = []
    evidence: list[str] = []
    for item in seg:
        if item.wire:
            agencies.extend(item.wire)
            evidence.append(item.line.text)
    if dateline and dateline.agency:
        agencies.append(dateline.agency)
        evidence.append(dateline.text)
    return list(dict.fromkeys(agencies)), list(dict.fromkeys(evidence))
