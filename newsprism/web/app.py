"""The local web app: browse stories, search articles, read a story as in the report.

Pages render on the server as plain HTML with the report's own templates and work
without JavaScript. The store is opened read-only; every input from the URL is
validated and capped before it reaches SQL; nothing outside the package's static
files can be served.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from newsprism.compare.records import StoryComparison
from newsprism.errors import NotFound
from newsprism.model import to_dict
from newsprism.report.templating import WebLinks, asset, environment
from newsprism.report.views import article_view, story_view
from newsprism.store import open_store
from newsprism.store.base import BaseStore
from newsprism.versions import version_history
from newsprism.web.backend import time_limit
from newsprism.web.catalog import Catalog, StoryFilter
from newsprism.web.errors import HANDLERS, BadRequest
from newsprism.web.security import SecurityHeaders

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 200
MAX_PAGE = 1000
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")
SPAN_PATTERN = re.compile(r"(\d{1,9})-(\d{1,9})")
STATIC_DIR = Path(str(resources.files("newsprism.web").joinpath("static")))
SHARED_ASSETS = {"style.css": ("style.css", "text/css"), "app.js": ("report.js", "text/javascript")}
LINKS = WebLinks()


# --------------------------------------------------------------------------- input checks


def checked_id(value: str, what: str) -> str:
    if not ID_PATTERN.fullmatch(value):
        raise BadRequest(f"malformed {what} id")
    return value


def _text_param(request: Request, name: str) -> str:
    value = request.query_params.get(name, "").strip()
    if len(value) > MAX_QUERY_CHARS:
        raise BadRequest(f"parameter {name!r} is longer than {MAX_QUERY_CHARS} characters")
    return value


def _date_param(request: Request, name: str) -> date | None:
    value = _text_param(request, name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"parameter {name!r} must be a date like 2024-02-08") from None


def story_filter(request: Request) -> StoryFilter:
    page_text = _text_param(request, "page") or "1"
    if not page_text.isdigit() or not 1 <= int(page_text) <= MAX_PAGE:
        raise BadRequest(f"parameter 'page' must be a number from 1 to {MAX_PAGE}")
    f = StoryFilter(
        query=_text_param(request, "q"),
        start=_date_param(request, "from"),
        end=_date_param(request, "to"),
        outlet=_text_param(request, "outlet"),
        language=_text_param(request, "language"),
        conflicts_only=_text_param(request, "conflicts") in ("1", "on", "yes", "true"),
        page=int(page_text),
    )
    if f.start and f.end and f.start > f.end:
        raise BadRequest("'from' is after 'to'")
    return f


def _span_param(request: Request) -> tuple[int, int] | None:
    value = _text_param(request, "span")
    if not value:
        return None
    m = SPAN_PATTERN.fullmatch(value)
    if not m or int(m.group(1)) > int(m.group(2)):
        raise BadRequest("parameter 'span' must look like 120-180")
    return int(m.group(1)), int(m.group(2))


# --------------------------------------------------------------------------- pages


def _page(name: str, **context: Any) -> HTMLResponse:
    html = environment(web=True).get_template(name).render(links=LINKS, **context)
    return HTMLResponse(html)


class Pages:
    """Route handlers over one read-only store. Sync handlers: Starlette runs them in a
    thread pool, and the store keeps one connection per thread (either backend)."""

    def __init__(self, store: BaseStore) -> None:
        self.store = store
        self.catalog = Catalog(store)

    def story_list(self, request: Request) -> Response:
        f = story_filter(request)
        hits = self.catalog.stories(f)
        snap = self.catalog.snapshot()
        return _page(
            "stories.html",
            f=f,
            hits=hits,
            outlets=snap.outlets,
            languages=snap.languages,
            languages_of=snap.languages_of,
            n_all=len(snap.index),
            page_size=len(hits.rows),
        )

    def _report(self, story_id: str) -> StoryComparison:
        with time_limit(self.store):
            report: StoryComparison = self.store.get_report(checked_id(story_id, "story"))
            return report

    def story_page(self, request: Request) -> Response:
        report = self._report(request.path_params["story_id"])
        ids = [a.id for a in report.articles]
        with time_limit(self.store):
            articles = self.store.get_articles(ids)
            annotations = self.store.get_annotations(ids)
        view = story_view(report, articles, annotations, self.catalog.snapshot().entities)
        return _page("story.html", v=view)

    def story_json(self, request: Request) -> Response:
        return JSONResponse(self._report(request.path_params["story_id"]).to_json())

    def article_page(self, request: Request) -> Response:
        article_id = checked_id(request.path_params["article_id"], "article")
        focus = _span_param(request)
        with time_limit(self.store):
            article = self.store.get_article(article_id)
            annotations = self.store.get_annotations([article.id]).get(article.id)
            story_id = self.store.story_of(article.id)
        entry = self.catalog.snapshot().by_id.get(story_id or "")
        copy_of = None
        if entry is not None:
            with time_limit(self.store):
                report = self.store.get_report(entry["id"])
            copy_of = next((a.copy_of for a in report.articles if a.id == article.id), None)
        view = article_view(
            article,
            annotations,
            self.catalog.snapshot().entities,
            copy_of=copy_of,
            story=story_id,
            focus=focus,
        )
        with time_limit(self.store):
            history = version_history(self.store.article_versions(article.key))
        return _page("article.html", a=view, parent=entry, history=history)

    def outlet_page(self, request: Request) -> Response:
        name = request.path_params["name"]
        if len(name) > MAX_QUERY_CHARS:
            raise BadRequest("outlet name too long")
        profile = self.catalog.outlet_profile(name)
        if profile is None:
            raise NotFound("outlet", name)
        return _page("outlet.html", o=profile)

    # ------------------------------------------------------------------ JSON API

    def api_stories(self, request: Request) -> Response:
        f = story_filter(request)
        hits = self.catalog.stories(f)
        return JSONResponse(
            {"total": hits.total, "page": f.page, "stories": hits.rows, "matches": hits.matches}
        )

    def api_search(self, request: Request) -> Response:
        query = _text_param(request, "q")
        if not query:
            raise BadRequest("parameter 'q' is required")
        return JSONResponse({"query": query, "articles": self.catalog.article_hits(query)})

    def api_article(self, request: Request) -> Response:
        article_id = checked_id(request.path_params["article_id"], "article")
        with time_limit(self.store):
            article = self.store.get_article(article_id)
            ann = self.store.get_annotations([article.id]).get(article.id)
        return JSONResponse({"article": to_dict(article), "annotations": to_dict(ann)})

    def api_not_found(self, request: Request) -> Response:
        raise HTTPException(404, "no such API endpoint; see /api/stories and /api/search")


def static_file(request: Request) -> Response:
    """The shared stylesheet and script, then files under web/static; nothing else."""
    name = request.path_params["name"]
    if name in SHARED_ASSETS:
        source, media = SHARED_ASSETS[name]
        return Response(
            asset(source), media_type=media, headers={"cache-control": "public, max-age=3600"}
        )
    root = STATIC_DIR.resolve()
    target = (root / name).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        raise NotFound("static file", name)
    return FileResponse(target)


def create_app(db: str | Path) -> Starlette:
    """The app over one store (a SQLite file or a ``postgresql://`` URL), opened
    read-only; fails now, with a StoreError, if the store is missing or unreadable."""
    store = open_store(db, read_only=True)
    pages = Pages(store)
    routes = [
        Route("/", pages.story_list),
        Route("/stories/{story_id}.json", pages.story_json),
        Route("/stories/{story_id}", pages.story_page),
        Route("/articles/{article_id}", pages.article_page),
        Route("/outlets/{name}", pages.outlet_page),
        Route("/api/stories", pages.api_stories),
        Route("/api/stories/{story_id}", pages.story_json),
        Route("/api/articles/{article_id}", pages.api_article),
        Route("/api/search", pages.api_search),
        Route("/api/{rest:path}", pages.api_not_found),
        Route("/static/{name:path}", static_file),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers=HANDLERS,  # type: ignore[arg-type]
    )
    app.state.store = store
    return app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app until interrupted. Loopback by default: the store may hold private notes."""
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s: anyone who can reach this address can read the store", host)
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
