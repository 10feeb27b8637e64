"""Render the report's HTML files: the index of every story, and one page per story.

Every file is self-contained: the same inline stylesheet and script, pinned by hash
in a CSP meta tag, so a page opened from disk fetches nothing and runs nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsprism.compare.records import IndexRow, StorySpan
from newsprism.model import outlet_count
from newsprism.report.charts import FigureChartOptions
from newsprism.report.templating import Links, PageLinks, asset, csp_hash, environment
from newsprism.report.views import DigestItem, StoryView
from newsprism.versions import VersionHistory


def _shell() -> dict[str, str]:
    css, js = asset("style.css"), asset("report.js")
    return {"css": css, "js": js, "style_hash": csp_hash(css), "script_hash": csp_hash(js)}


def render_index_html(
    entries: Sequence[IndexRow],
    pages: Mapping[str, str],
    top: Sequence[tuple[IndexRow, Sequence[DigestItem]]] = (),
    stories: Sequence[StoryView] = (),
) -> str:
    """The index page; ``stories`` (a small corpus) are also inlined so one file can be mailed."""
    template = environment().get_template("report.html")
    return template.render(
        entries=entries,
        pages=PageLinks(pages),
        top=top,
        stories=stories,
        links=Links(),
        n_articles=sum(e.n_articles for e in entries),
        n_outlets=outlet_count(o for e in entries for o in e.outlets),
        **_shell(),
    )


def render_story_html(
    view: StoryView,
    pages: Mapping[str, str],
    root: str = "../../",
    versions: Sequence[VersionHistory] = (),
    chart: FigureChartOptions | None = None,
) -> str:
    """One story's own page with its articles inlined; ``root`` leads back to the index;
    ``versions`` are its articles that changed after publication; ``chart`` sizes its
    figure-history charts."""
    template = environment().get_template("story_page.html")
    return template.render(
        v=view,
        links=PageLinks(pages, root, here=view.id),
        versions=versions,
        chart_options=chart,
        **_shell(),
    )


def render_html(views: Sequence[StoryView]) -> str:
    """Every story inline in one page, as the index of a small corpus shows them."""
    entries = [
        IndexRow(
            v.id, v.title, StorySpan(v.start, v.end), v.outlets, len(v.articles), v.n_conflicts
        )
        for v in views
    ]
    top = [(e, v.digest) for e, v in zip(entries, views, strict=True)]
    return render_index_html(entries, {}, top, views)
