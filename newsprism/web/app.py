"""The local web app: browse stories, search articles, read a story as in the report.

Pages render on the server as plain HTML with the report's own templates and work
without JavaScript; a big story's page leaves out what the reader has not asked for
yet (``story_parts``) and its script loads those parts, each also a page of its own.
The store is opened read-only; every input from the URL is validated and capped
before it reaches SQL (a bad one is a 400, never a 500); nothing outside the
package's static files can be served.
"""

from __future__ import annotations

import functools
import logging
import re
import socket
import time
from collections.abc import Callable
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
from newsprism.errors import NotFound, ServeError
from newsprism.model import to_dict
from newsprism.report.templating import WebLinks, asset, environment
from newsprism.report.views import StoryView, article_view, story_view
from newsprism.store import open_store
from newsprism.store.protocol import Store
from newsprism.versions import version_history
from newsprism.web.backend import time_limit
from newsprism.web.catalog import MATCHES_SHOWN, Catalog, StoryFilter
from newsprism.web.errors import HANDLERS, BadRequest
from newsprism.web.security import SecurityHeaders
from newsprism.web.story_parts import (
    Pager,
    find,
    page_facts,
    page_rows,
    pager,
    story_page_part,
    trimmed,
)

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 200
MAX_PAGE = 1000
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")
SPAN_PATTERN = re.compile(r"([0-9]{1,9})-([0-9]{1,9})")
PAGE_PATTERN = re.compile(r"[0-9]{1,4}")  # ASCII digits: "²" passes isdigit() and fails int()
STATIC_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}(/[A-Za-z0-9][A-Za-z0-9_.-]{0,99}){0,3}")
CONTROL = re.compile("[\x00-\x1f\x7f]")
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
    if CONTROL.search(value):  # a NUL reaches SQL as a string terminator
        raise BadRequest(f"parameter {name!r} contains control characters")
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
    f = StoryFilter(
        query=_text_param(request, "q"),
        start=_date_param(request, "from"),
        end=_date_param(request, "to"),
        outlet=_text_param(request, "outlet"),
        language=_text_param(request, "language"),
        conflicts_only=_text_param(request, "conflicts") in ("1", "on", "yes", "true"),
        page=_page_param(request, "page"),
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


def _page(name: str, headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    html = environment(web=True).get_template(name).render(links=LINKS, **context)
    return HTMLResponse(html, headers=headers)


def _page_param(request: Request, name: str) -> int:
    value = _text_param(request, name) or "1"
    if not PAGE_PATTERN.fullmatch(value) or not 1 <= int(value) <= MAX_PAGE:
        raise BadRequest(f"parameter {name!r} must be a number from 1 to {MAX_PAGE}")
    return int(value)


def _pager(report: StoryComparison, page: int, name: str) -> Pager:
    try:
        return pager(report, page)
    except ValueError as exc:
        raise BadRequest(f"parameter {name!r} must be {exc}") from None


def _fragment(request: Request) -> bool:
    """The part alone, for a page's script, rather than a page of its own."""
    return _text_param(request, "fragment") == "1"


class Pages:
    """Route handlers over one read-only store. Sync handlers: Starlette runs them in a
    thread pool, and the store keeps one connection per thread (either backend)."""

    def __init__(self, store: Store) -> None:
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
            matches_shown=MATCHES_SHOWN,
        )

    def _report(self, story_id: str) -> StoryComparison:
        return self.catalog.report(checked_id(story_id, "story"))

    def _view(self, part: StoryComparison) -> StoryView:
        """The story view of a part of the comparison (``story_parts``), with the story's
        articles at hand for the sentences around cited words."""
        with time_limit(self.store):
            articles = self.store.get_articles([a.id for a in part.articles])
        return story_view(part, articles, with_articles=False)

    def story_page(self, request: Request) -> Response:
        """The story with one page of its matrix (``?facts=N``) and quotes folded."""
        report = self._report(request.path_params["story_id"])
        p = _pager(report, _page_param(request, "facts"), "facts")
        view = page_rows(self._view(story_page_part(report, p)), report, p)
        return _page("story.html", v=view, pager=p)

    def story_facts(self, request: Request) -> Response:
        """More rows of the matrix, for the story page's script."""
        report = self._report(request.path_params["story_id"])
        p = _pager(report, _page_param(request, "page"), "page")
        view = self._view(trimmed(report, facts=page_facts(report, p)))
        headers = {"x-next-page": str(p.next)} if p.next else {}
        return _page("story_facts.html", headers, v=view)

    def story_evidence(self, request: Request) -> Response:
        """The sentences behind one cell of the matrix: a claim, as one outlet has it."""
        report = self._report(request.path_params["story_id"])
        fact = find(report.facts, checked_id(_text_param(request, "fact"), "fact"), "claim")
        view = self._view(trimmed(report, facts=[fact]))
        outlet = _text_param(request, "outlet")
        (row,) = view.matrix
        cell = next((c for c in row.cells if c.outlet == outlet), None)
        if cell is None:
            raise NotFound("outlet in this story", outlet)
        return _page("story_cell.html", v=view, row=row, cell=cell, fragment=_fragment(request))

    def story_quote(self, request: Request) -> Response:
        """Every version of one quote, with word differences."""
        report = self._report(request.path_params["story_id"])
        quote_id = checked_id(request.path_params["quote_id"], "quote")
        view = self._view(trimmed(report, quotes=[find(report.quotes, quote_id, "quote")]))
        return _page("story_quote.html", v=view, q=view.quotes[0], fragment=_fragment(request))

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
            report = self.catalog.report(entry["id"])
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
        slug = request.path_params["slug"]
        if len(slug) > MAX_QUERY_CHARS or CONTROL.search(slug):
            raise BadRequest("malformed outlet address")
        name = self.catalog.outlet_name(slug)
        profile = self.catalog.outlet_profile(name) if name is not None else None
        if profile is None:
            raise NotFound("outlet", slug)
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


def timed(handler: Callable[[Request], Response]) -> Callable[[Request], Response]:
    """The handler, adding a ``Server-Timing`` header: its wall time and its thread's CPU
    time (``app``, ``cpu``), so a load test can tell the server's work from queueing."""

    @functools.wraps(handler)
    def timed_handler(request: Request) -> Response:
        wall, cpu = time.perf_counter(), time.thread_time()
        response = handler(request)
        wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
        response.headers["server-timing"] = f"app;dur={wall * 1000:.1f}, cpu;dur={cpu * 1000:.1f}"
        return response

    return timed_handler


def static_file(request: Request) -> Response:
    """The shared stylesheet and script, then files under web/static; nothing else."""
    name = request.path_params["name"]
    if not STATIC_NAME.fullmatch(name):
        raise BadRequest("malformed static file name")
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
        Route("/", timed(pages.story_list)),
        Route("/stories/{story_id}.json", timed(pages.story_json)),
        Route("/stories/{story_id}", timed(pages.story_page)),
        Route("/stories/{story_id}/facts", timed(pages.story_facts)),
        Route("/stories/{story_id}/evidence", timed(pages.story_evidence)),
        Route("/stories/{story_id}/quotes/{quote_id}", timed(pages.story_quote)),
        Route("/articles/{article_id}", timed(pages.article_page)),
        Route("/outlets/{slug}", timed(pages.outlet_page)),
        Route("/api/stories", timed(pages.api_stories)),
        Route("/api/stories/{story_id}", timed(pages.story_json)),
        Route("/api/articles/{article_id}", timed(pages.api_article)),
        Route("/api/search", timed(pages.api_search)),
        Route("/api/{rest:path}", pages.api_not_found),
        Route("/static/{name:path}", static_file),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers=HANDLERS,
    )
    app.state.store = store
    return app


def listen(host: str = "127.0.0.1", port: int = 8000) -> socket.socket:
    """A listening socket for the app, taken before the server starts, so that a busy
    port or a bad address is a ``ServeError`` naming it (not uvicorn's exit code 3)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(address)
            sock.listen(2048)
        except OSError:
            sock.close()
            raise
    except OSError as exc:
        raise ServeError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc} (choose another --port)"
        ) from exc
    return sock


def run_app(app: Starlette, sock: socket.socket) -> None:
    """Serve ``app`` on ``sock`` until interrupted."""
    import uvicorn

    host, port = sock.getsockname()[:2]
    if host not in ("127.0.0.1", "::1"):
        log.warning("serving on %s: anyone who can reach this address can read the store", host)
    config = uvicorn.Config(app, host=host, port=port, log_level="info")
    uvicorn.Server(config).run(sockets=[sock])


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app until interrupted. Loopback by default: the store may hold private notes."""
    app = create_app(db)
    run_app(app, listen(host, port))
