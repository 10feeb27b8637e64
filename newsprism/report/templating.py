"""The one Jinja environment behind the report file and the web app.

Both render the same macros (``_story.html``); what differs is how a link to an
article, a story or an outlet is written, so templates ask a ``Links`` object
instead of building URLs. Autoescape is on for every template: article text and
every string in a report come from scraped pages and are untrusted.

Untrusted text can also carry invisible characters: an unterminated U+202E in an
outlet name would reverse the rest of an article's metadata line. Every string a
template prints goes through ``visible_controls`` (the environment's ``finalize``),
which shows bidi embeddings, overrides, isolates and control characters as
"⟨U+202E⟩"; templates put each untrusted string in ``<bdi>`` (or an element the
stylesheet isolates), so right-to-left names cannot reorder their neighbours either.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape

from newsprism.model import outlet_count
from newsprism.report.charts import figure_chain, figure_chart
from newsprism.wording import counted, date_source, shown_time

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# C0/C1 controls but tab and newlines, DEL, bidi embeddings/overrides/isolates.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_has_invisible = _INVISIBLE.search


def visible_controls(value: object) -> object:
    """Untrusted text with its invisible controls shown as "⟨U+202E⟩"; markup the
    templates made themselves (``Markup``) and non-strings pass unchanged."""
    # Called for every expression of every page: the common case (plain text without
    # controls) is one C-level search.
    if type(value) is str and _has_invisible(value):
        return _INVISIBLE.sub(_shown, value)
    return value


def _shown(m: re.Match[str]) -> str:
    return f"⟨U+{ord(m.group()):04X}⟩"


class Links:
    """Links inside one self-contained report file: everything is an in-page anchor."""

    def story(self, story_id: str) -> str:
        return f"#story-{anchor(story_id)}"

    def article(self, article_id: str, story_id: str | None = None) -> str:
        return f"#art-{anchor(story_id or '')}-{anchor(article_id)}"

    def cited(self, article_id: str, span: tuple[int, int], story_id: str | None = None) -> str:
        return self.article(article_id, story_id)

    def outlet(self, name: str) -> str | None:
        return None

    def story_json(self, story_id: str) -> str | None:
        return None


class PageLinks(Links):
    """Links between the files of a written report, relative so the folder can be moved.

    ``pages`` maps a story id to its page, relative to the report folder; ``root`` leads
    from the current file back to that folder; ``here`` is the story whose page this is,
    whose articles are inlined and so reached by in-page anchors.
    """

    def __init__(self, pages: Mapping[str, str], root: str = "", here: str | None = None):
        self.pages = pages
        self.root = root
        self.here = here

    def index(self) -> str:
        return f"{self.root}report.html"

    def story(self, story_id: str) -> str:
        page = self.pages.get(story_id)
        if page is None or story_id == self.here:
            return super().story(story_id)
        return self.root + page

    def article(self, article_id: str, story_id: str | None = None) -> str:
        anchor_ = super().article(article_id, story_id)
        page = self.pages.get(story_id or "")
        if page is None or story_id == self.here:
            return anchor_
        return self.root + page + anchor_

    def cited(self, article_id: str, span: tuple[int, int], story_id: str | None = None) -> str:
        return self.article(article_id, story_id)

    def story_json(self, story_id: str) -> str | None:
        return "report.json" if story_id == self.here else None


class WebLinks(Links):
    """Links in the web app: every page has its own URL."""

    def story(self, story_id: str) -> str:
        return f"/stories/{quote(story_id, safe='')}"

    def article(self, article_id: str, story_id: str | None = None) -> str:
        return f"/articles/{quote(article_id, safe='')}"

    def cited(self, article_id: str, span: tuple[int, int], story_id: str | None = None) -> str:
        return f"{self.article(article_id)}?span={int(span[0])}-{int(span[1])}#focus"

    def outlet(self, name: str) -> str | None:
        return f"/outlets/{outlet_slug(name)}"

    def story_json(self, story_id: str) -> str | None:
        return f"/stories/{quote(story_id, safe='')}.json"


@lru_cache(maxsize=8192)  # a story list links every outlet of every story on the page
def outlet_slug(name: str) -> str:
    """An outlet's URL segment: readable words and a hash of the exact name, so a name
    with "/", "?" or only non-Latin letters still has a page, and no two names share one."""
    from anyascii import anyascii

    words = _NOT_SLUG.sub("-", anyascii(name).lower()).strip("-")[:48].strip("-")
    return f"{words or 'outlet'}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"


def anchor(value: str) -> str:
    """An HTML id fragment that cannot break out of an attribute or clash on case."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in value)[:80]


@lru_cache(maxsize=4)
def environment(web: bool = False) -> Environment:
    loaders = [PackageLoader("newsprism.report", "templates")]
    if web:
        loaders.insert(0, PackageLoader("newsprism.web", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=visible_controls,
    )
    env.globals["anchor"] = anchor
    env.globals["figure_chain"] = figure_chain
    env.globals["figure_chart"] = figure_chart
    env.globals["outlet_count"] = outlet_count
    env.filters["counted"] = counted
    env.filters["date_source"] = date_source
    env.filters["shown_time"] = shown_time
    return env


def templates_digest() -> str:
    """A hash of every packaged report template and asset: what a page looks like.

    ``scripts/screenshot.py`` stamps it into the README's screenshot, and a test
    compares, so a change to the report's look that forgot the picture is caught."""
    folder = resources.files("newsprism.report").joinpath("templates")
    digest = hashlib.sha256()
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if item.is_file():
            digest.update(item.name.encode("utf-8") + b"\x00" + item.read_bytes())
    return digest.hexdigest()[:16]


def asset(name: str) -> str:
    """A packaged stylesheet or script, read as text (for inlining or serving)."""
    return resources.files("newsprism.report").joinpath("templates", name).read_text("utf-8")


def csp_hash(text: str) -> str:
    """The CSP source expression allowing exactly this inline block and nothing else."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
