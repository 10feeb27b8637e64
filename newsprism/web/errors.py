"""One error shape for the JSON API and a friendly page for people, never a traceback.

API clients get ``{"error": {"status": 404, "title": "Not Found", "detail": "..."}}``
for every failure: every ``/api/`` and ``.json`` URL, every ``/static/`` file, and any
URL asked for with ``Accept: application/json``. Browsers get the same facts as an
HTML page. Unexpected exceptions are logged with their traceback on the server and
shown as a plain 500.
"""

from __future__ import annotations

import logging
import sqlite3
from http import HTTPStatus

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from newsprism.errors import NotFound, StoreError
from newsprism.report.templating import environment
from newsprism.web.backend import QueryTooSlow

log = logging.getLogger(__name__)


class BadRequest(HTTPException):
    def __init__(self, detail: str) -> None:
        super().__init__(400, detail)


def wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/static/")) or path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_body(status: int, detail: str) -> dict[str, dict[str, object]]:
    return {"error": {"status": status, "title": HTTPStatus(status).phrase, "detail": detail}}


def error_response(request: Request, status: int, detail: str) -> Response:
    if wants_json(request):
        return JSONResponse(error_body(status, detail), status_code=status)
    page = (
        environment(web=True)
        .get_template("error.html")
        .render(status=status, title=HTTPStatus(status).phrase, detail=detail)
    )
    return HTMLResponse(page, status_code=status)


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    detail = exc.detail if exc.detail != HTTPStatus(exc.status_code).phrase else ""
    return error_response(request, exc.status_code, detail or HTTPStatus(exc.status_code).phrase)


async def on_not_found(request: Request, exc: Exception) -> Response:
    return error_response(request, 404, str(exc))


async def on_store_error(request: Request, exc: Exception) -> Response:
    log.error("store error on %s: %s", request.url.path, exc)
    return error_response(request, 503, "the database cannot be read right now")


async def on_too_slow(request: Request, exc: Exception) -> Response:
    log.warning("query over the time limit on %s: %s", request.url.path, exc)
    return error_response(request, 503, "the query took too long; narrow it down")


async def on_sqlite_error(request: Request, exc: Exception) -> Response:
    if "interrupted" in str(exc):
        return error_response(request, 503, "the query took too long; narrow it down")
    log.exception("database error on %s", request.url.path)
    return error_response(request, 500, "internal error")


async def on_unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s", request.url.path)
    return error_response(request, 500, "internal error")


HANDLERS = {
    HTTPException: on_http_error,
    NotFound: on_not_found,
    StoreError: on_store_error,
    QueryTooSlow: on_too_slow,
    sqlite3.Error: on_sqlite_error,
    Exception: on_unexpected,
}
