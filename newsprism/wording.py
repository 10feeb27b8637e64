"""How counts, dates and their sources read wherever a user sees them.

"1 article", "3 articles"; "2024-02-08" for a day, not "2024-02-08T00:00:00"; "from the
weekday in its lead", not "page:lead-weekday". One home, shared by the HTML templates
(filters), the Markdown report and the CLI, so no page prints "1 outlets" while
another gets it right.
"""

from __future__ import annotations

from datetime import datetime, time


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one ("1 story", "0 stories")."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


# Where a publication date was read, in words: the stored names ("page:lead-weekday")
# are the cleaning rules', kept for the JSON; a reader sees these instead.
DATE_SOURCES = {
    "metadata": "from the input's metadata",
    "feed": "from the feed",
    "url": "from the URL",
    "page": "from the page",
    "page:html-metadata": "from the page's metadata",
    "page:lead-weekday": "from the weekday in its lead",
    "page:lead-date": "from the date opening its lead",
    "page:date-stamp": "from the date stamp opening the page",
    "page:date-line": "from its date line",
    "story": "from its story's other articles",
}


def date_source(source: str | None) -> str | None:
    """Where a date came from, for a reader; an unlisted rule reads by its family
    ("page:…" is "from the page"), never by its internal name."""
    if not source:
        return None
    return DATE_SOURCES.get(source) or DATE_SOURCES.get(source.split(":", 1)[0]) or "inferred"


OUTLET_SOURCES = {
    "metadata": "from the input's metadata",
    "url": "from the URL",
    "url:domain": "from the URL's domain",
    "html-metadata": "from the page's metadata",
    "page:copyright": "from the page's copyright line",
}


def outlet_source(source: str | None) -> str:
    """Where an outlet's name came from, for a reader (never the rule's name)."""
    if not source:
        return "not stated"
    return OUTLET_SOURCES.get(source) or DATE_SOURCES.get(source.split(":", 1)[0]) or "inferred"


def shown_time(value: str | datetime | None) -> str | None:
    """A stored time as a reader reads it: "2024-02-08" when only the day is known
    (stored as midnight), "2024-02-08 14:30" otherwise, with its offset when it has one
    ("2024-02-08 14:30 +01:00")."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return str(value)  # not a time newsprism wrote: shown as it is
    if value.tzinfo is None and value.time() == time(0, 0):
        return value.date().isoformat()
    shown = value.strftime("%Y-%m-%d %H:%M")
    offset = value.strftime("%z")
    return f"{shown} {offset[:3]}:{offset[3:]}" if offset else shown
