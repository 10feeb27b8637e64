"""Which outlet published a page, from the strongest evidence the page and its input give.

In order: the input's metadata (JSON field, sidecar, manifest), the URL's domain when
the outlet table knows it, the page's publisher metadata (``og:site_name``), the page's
copyright line, and last the URL's registered domain itself. Never a file name, and
never a guess: a page with no URL and no such evidence has no outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.clean.boilerplate import Labelled
from newsprism.clean.options import CleanOptions
from newsprism.model import Metadata
from newsprism.sources import OutletEntry, OutletTable, host_of, load_outlets, registered_domain
from newsprism.sources.outlets import name_key

_SITE_SUFFIX = re.compile(r"^(?P<head>.+?)\s+[-–—|:•]\s+(?P<site>[^-–—|:•]{2,60})$")
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|&copy;?|\bcopyright\b)(?:\s*(?:©|\(c\)|copyright))?\s*"
    r"(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?"
    r"(?P<name>[^\W\d_][^|.,;©]{1,60}?)\s*(?:[.,;|]|\ball rights\b|$)",
    re.I,
)
_TRAILING_YEAR = re.compile(r"\s*,?\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?$")
_COMPANY_SUFFIX = re.compile(r"\s+(?:llc|ltd|limited|inc|plc|gmbh|corp|s\.?a)\.?$", re.I)


@dataclass(slots=True)
class OutletFound:
    name: str
    source: str  # "metadata", "url", "html-metadata", "page:copyright", "url:domain"
    entry: OutletEntry | None = None

    def names(self) -> set[str]:
        names = {self.name, *(self.entry.names() if self.entry else ())}
        return {name_key(n) for n in names}


def find_outlet(
    meta: Metadata, site_name: str | None, seg: list[Labelled], table: OutletTable
) -> OutletFound | None:
    """Who published the page, from the strongest evidence there is (see module doc)."""
    by_url = table.for_url(meta.url)
    if meta.outlet:
        return OutletFound(meta.outlet, "metadata", by_url or table.by_name(meta.outlet))
    if by_url is not None:
        name = (host_of(meta.url) or by_url.name) if by_url.per_host else by_url.name
        return OutletFound(name, "url", by_url)
    page_names = ((site_name, "html-metadata"), (copyright_holder(seg), "page:copyright"))
    for stated, source in page_names:
        if stated and stated.strip():
            entry = table.by_name(stated.strip()) or _as_domain(stated, table)
            if source == "page:copyright" and entry is not None and entry.kind == "agency":
                continue  # "© Thomson Reuters" on a page marks syndicated copy, not the site
            return OutletFound(entry.name if entry else stated.strip(), source, entry)
    domain = registered_domain(meta.url)
    return OutletFound(domain, "url:domain") if domain else None


def without_site_name(title: str | None, outlet: OutletFound | None) -> str | None:
    """The headline without the outlet's name that a <title>-like line appends
    ("Storm knocks out power - Lakeside Tribune"); only the outlet's own names are cut."""
    if not title or outlet is None:
        return title
    m = _SITE_SUFFIX.match(title)
    if m and name_key(m.group("site")) in outlet.names() and len(m.group("head").split()) >= 3:
        return m.group("head").strip()
    return title


def _as_domain(name: str, table: OutletTable) -> OutletEntry | None:
    """A site name written as a domain ("jpost.com", "Express.co.uk")."""
    text = name.strip().lower()
    if " " in text or "." not in text:
        return None
    entry = table.for_host(text.removeprefix("www."))
    return None if entry is None or entry.per_host else entry


def copyright_holder(seg: list[Labelled]) -> str | None:
    """The name in the page's own copyright line ("© 2024 Lakeside Tribune. All rights
    reserved."), without a company suffix; None when there is no such line."""
    for item in seg:
        if item.reason != "copyright":
            continue
        m = _COPYRIGHT_HOLDER.search(item.line.text)
        if not m:
            continue
        name = _TRAILING_YEAR.sub("", m.group("name").strip(" -–—"))
        name = _COMPANY_SUFFIX.sub("", name)
        if 1 <= len(name.split()) <= 6 and not re.search(r"\brights?\b", name, re.I):
            return name
    return None


def outlet_table(options: CleanOptions) -> OutletTable:
    return load_outlets(options.outlet_file)
