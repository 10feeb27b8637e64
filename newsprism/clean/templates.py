"""Site templates: lines that recur across many pages of one site are not any page's news.

Menus, footers, newsletter boxes and award banners repeat on every page of a site,
while an article's sentences appear on one page. Counting line hashes per site is
cheap and streams: one pass, 8 bytes per distinct line, and two indexes built on
different machines can be merged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlsplit

from newsprism.clean.lines import line_hash
from newsprism.clean.options import CleanOptions
from newsprism.model import RawDocument


def site_of(raw: RawDocument) -> str:
    """The site a page belongs to: its outlet, else its URL host, else its folder."""
    if raw.meta.outlet:
        return f"outlet:{raw.meta.outlet.casefold()}"
    if raw.meta.url:
        host = urlsplit(raw.meta.url).hostname or ""
        if host:
            return f"host:{host.removeprefix('www.')}"
    return f"folder:{PurePath(raw.source.path).parent}"


@dataclass(slots=True)
class TemplateIndex:
    """Per site: on how many distinct pages each line hash occurs."""

    min_pages: int = 3
    pages: Counter[str] = field(default_factory=Counter)
    lines: dict[str, Counter[int]] = field(default_factory=dict)
    _seen_keys: set[tuple[str, str]] = field(default_factory=set)

    def add(self, raw: RawDocument) -> None:
        """Count one page; versions of the same article (same key) count once."""
        if not raw.text:
            return
        site = site_of(raw)
        if (site, raw.key) in self._seen_keys:
            return
        self._seen_keys.add((site, raw.key))
        self.pages[site] += 1
        hashes = {line_hash(line) for line in raw.text.splitlines() if line.strip()}
        self.lines.setdefault(site, Counter()).update(hashes)

    def merge(self, other: TemplateIndex) -> TemplateIndex:
        """Combine counts learnt on another shard of the same corpus."""
        self.pages.update(other.pages)
        for site, counts in other.lines.items():
            self.lines.setdefault(site, Counter()).update(counts)
        self._seen_keys |= other._seen_keys
        return self

    def page_count(self, site: str, text: str) -> int:
        counts = self.lines.get(site)
        return counts.get(line_hash(text), 0) if counts else 0

    def is_template(self, site: str, text: str, *, prose: bool = False) -> bool:
        """A line on ``min_pages`` pages of the site is template.

        A prose sentence shared by a few articles of one outlet is often a reused
        background paragraph, which is news; it counts as template only when it is
        on at least half of the site's pages.
        """
        count = self.page_count(site, text)
        if count < self.min_pages:
            return False
        return not prose or count * 2 >= self.pages[site]


def learn_templates(
    raws: Iterable[RawDocument], options: CleanOptions | None = None
) -> TemplateIndex:
    """One pass over the pages, counting each distinct line once per page per site."""
    options = options or CleanOptions()
    index = TemplateIndex(min_pages=options.template_min_pages)
    for raw in raws:
        index.add(raw)
    return index
