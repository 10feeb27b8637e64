"""The two things the web app does differently per store backend: time limits and
noticing that another process changed the store.

Everything else goes through the store's shared methods. SQLite is a local file,
so a query is interrupted from Python (progress handler) and a change shows in the
file's modification time; PostgreSQL lives on a server, so the server enforces the
limit (``statement_timeout``) and a change shows in the stored report state.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.store.protocol import Store
from newsprism.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from newsprism.store.postgres import PostgresStore

QUERY_TIME_LIMIT_S = 2.0
SIGNATURE_TTL_S = 5.0  # a server store is asked for its state at most this often


class QueryTooSlow(Exception):
    """A read went over the web app's time limit (either backend)."""


@contextmanager
def _sqlite_limit(conn: sqlite3.Connection, seconds: float) -> Iterator[None]:
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTooSlow(str(exc)) from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)


@contextmanager
def _postgres_limit(store: PostgresStore, seconds: float) -> Iterator[None]:
    import psycopg

    conn = store.conn
    # SET takes no bind parameters; the value is a number this module computes.
    conn.execute(f"SET statement_timeout = {max(1, int(seconds * 1000))}")
    try:
        yield
    except psycopg.errors.QueryCanceled as exc:
        raise QueryTooSlow(str(exc)) from exc
    finally:
        if not conn.closed:
            conn.execute("RESET statement_timeout")


@contextmanager
def time_limit(store: Store, seconds: float = QUERY_TIME_LIMIT_S) -> Iterator[None]:
    """Abort the calling thread's statements that run longer than ``seconds``
    (raises QueryTooSlow), so one heavy request cannot hold a worker or the server."""
    if isinstance(store, SQLiteStore):
        with _sqlite_limit(store.conn, seconds):
            yield
        return
    # Imported here: psycopg is an extra, and a SQLite-only install never gets here.
    from newsprism.store.postgres import PostgresStore

    if not isinstance(store, PostgresStore):
        raise TypeError(f"no query time limit for a {type(store).__name__}")
    with _postgres_limit(store, seconds):
        yield


def _file_signature(path: Path) -> tuple[int, ...]:
    sig: list[int] = []
    for suffix in ("", "-wal"):
        try:
            st = Path(f"{path}{suffix}").stat()
            sig += [st.st_mtime_ns, st.st_size]
        except FileNotFoundError:
            sig += [0, 0]
    return tuple(sig)


def _state_signature(store: Store) -> tuple[int, ...]:
    """Which reports exist and from which input: changes whenever the pipeline rewrites
    a report, adds one or drops one."""
    state = store.report_state()
    digest = hashlib.blake2b(digest_size=8)
    for story in sorted(state):
        digest.update(f"{story}\x00{state[story]}\x01".encode())
    return (len(state), int.from_bytes(digest.digest(), "big"))


class ChangeWatch:
    """A value that changes when the store's contents change, cheap to ask often.

    SQLite: the file's (and its WAL's) mtime and size, read on every call. Server
    stores: a hash of ``report_state()``, asked at most once per ``SIGNATURE_TTL_S``
    seconds, so a change made by a cluster run shows within that time.
    """

    def __init__(self, store: Store, ttl: float = SIGNATURE_TTL_S) -> None:
        self.store = store
        self.ttl = ttl
        self._checked = -float("inf")
        self._last: tuple[int, ...] = ()

    def signature(self) -> tuple[int, ...]:
        if isinstance(self.store, SQLiteStore):
            return _file_signature(self.store.path)
        now = time.monotonic()
        if now - self._checked >= self.ttl:
            with time_limit(self.store):
                self._last = _state_signature(self.store)
            self._checked = now
        return self._last
