"""The shared store for a cluster: the SQLite store's contract, on PostgreSQL.

Why a second backend: many worker processes on many machines write at once, which
one SQLite file cannot take. The reads and writes are ``BaseStore``'s, shared with
SQLite (same schema from ``store.schema.MIGRATIONS``), so the pipeline never knows
which one it talks to. What this module adds is how safety is obtained:

- writes run in transactions and are keyed (``ON CONFLICT``), so a retried task
  writes nothing twice;
- ``put_articles`` takes transaction-scoped advisory locks on the raw document and
  on every article key it versions, always in one global order, so concurrent
  writers neither double-count versions nor deadlock;
- migrations run under an advisory lock, so many workers opening a fresh database
  at the same moment migrate it once;
- text sorts with ``COLLATE "C"`` (byte order, like SQLite) whatever the database
  locale, so both backends list records in the same order;
- full-text search uses a generated ``tsvector`` column with a GIN index, built
  with the ``simple`` configuration (no stemming), as SQLite's ``unicode61`` does.

PostgreSQL ``TEXT`` cannot hold NUL characters: they are stored as U+FFFD in the
plain-text columns (raw text/html, article body); the JSON ``data`` columns escape
them and round-trip exactly.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from newsprism.errors import MissingExtra, StoreError
from newsprism.store.base import BaseStore, Row

try:
    import psycopg
    from psycopg.rows import dict_row
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise MissingExtra("the PostgreSQL store", "scale", "psycopg") from exc

MIGRATION_LOCK = 0x6E657773  # advisory lock id held while migrating ("news")
FTS_CHARS = 400_000  # text indexed per article: tsvector has a 1 MB limit

FTS_STATEMENTS = [
    f"""ALTER TABLE articles ADD COLUMN IF NOT EXISTS fts tsvector
        GENERATED ALWAYS AS (to_tsvector('simple',
            coalesce(title, '') || ' ' || left(body, {FTS_CHARS}) || ' ' || coalesce(outlet, '')
        )) STORED""",
    "CREATE INDEX IF NOT EXISTS articles_fts ON articles USING GIN (fts)",
    "CREATE INDEX IF NOT EXISTS articles_current ON articles(current)",
    "CREATE INDEX IF NOT EXISTS vectors_model ON vectors(model)",
]

REASON_CHARS = 1000  # problems' key columns must fit a btree index entry


def _redact(url: str) -> str:
    """The URL without its password, for error messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "<invalid PostgreSQL URL>"
    user, host = info.get("user", ""), info.get("host", "localhost")
    return f"postgresql://{user}@{host}:{info.get('port', 5432)}/{info.get('dbname', '')}"


class PostgresStore(BaseStore):
    """All reads and writes of one newsprism PostgreSQL database.

    ``read_only=True`` opens sessions with ``default_transaction_read_only``, so the
    server itself refuses any write (the web app's guarantee, as with SQLite).
    """

    IN_CHUNK = 5000
    MAX_KEY_CHARS = REASON_CHARS
    FTS_STATEMENTS = FTS_STATEMENTS

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.url = url
        self.address = url  # what another process opens it by
        self._open(_redact(url), read_only, psycopg.Error)

    # ------------------------------------------------------------------ connection

    @property
    def conn(self) -> psycopg.Connection[dict[str, Any]]:
        """One connection per thread, as with SQLite: a transaction belongs to one thread."""
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            try:
                conn = psycopg.connect(
                    self.url, autocommit=True, row_factory=dict_row, connect_timeout=30
                )
            except psycopg.Error as exc:
                raise StoreError(f"{self.label}: cannot connect: {exc}") from exc
            if self.read_only:
                conn.execute("SET default_transaction_read_only = on")
            self._local.conn = conn
            self._local.depth = 0
        return conn

    def __getstate__(self) -> dict[str, Any]:
        """Pickle as the address only: a Dask task reopens its own connection."""
        return {"url": self.url, "read_only": self.read_only}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.url = state["url"]
        self.read_only = state["read_only"]
        self.label = _redact(self.url)
        self._local = threading.local()

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection[dict[str, Any]]]:
        """All or nothing; nested calls join the outer transaction (as in SQLite)."""
        conn = self.conn
        if self._local.depth:
            yield conn
            return
        self._local.depth = 1
        try:
            with conn.transaction():
                yield conn
        finally:
            self._local.depth = 0

    # ------------------------------------------------------------------ dialect

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def _in(self, column: str, values: Sequence[str]) -> tuple[str, list[Any]]:
        return f"{column} = ANY(?::text[])", [list(values)]

    def _text(self, value: str | None) -> str | None:
        return None if value is None else value.replace("\x00", "\ufffd")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        # Without parameters psycopg sends the text as is (a literal % needs no escaping).
        return self.conn.execute(self._sql(sql), params or None).rowcount

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.conn.execute(self._sql(sql), params or None).fetchall()

    # ------------------------------------------------------------------ schema and locks

    def schema_version(self) -> int:
        rows = self._query("SELECT to_regclass('newsprism_schema') IS NOT NULL AS present")
        if not rows[0]["present"]:
            return 0
        rows = self._query("SELECT version FROM newsprism_schema")
        return int(rows[0]["version"]) if rows else 0

    def _check_version(self) -> None:
        if self.schema_version() == 0:
            raise StoreError(f"{self.label}: no newsprism database here (run `newsprism ingest`)")
        super()._check_version()

    def _lock_migration(self) -> None:
        self._execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
        self._execute("CREATE TABLE IF NOT EXISTS newsprism_schema (version INTEGER NOT NULL)")

    def _set_schema_version(self, version: int) -> None:
        self._execute("DELETE FROM newsprism_schema")
        self._execute("INSERT INTO newsprism_schema VALUES (?)", (version,))

    def _lock_names(self, names: Sequence[str]) -> None:
        self._execute(
            """SELECT pg_advisory_xact_lock(h) FROM (
                 SELECT DISTINCT hashtextextended(n, 0) AS h FROM unnest(?::text[]) AS n
               ) locks ORDER BY h""",
            (list(names),),
        )

    # ------------------------------------------------------------------ search

    def search_articles(self, query: str, limit: int = 100) -> list[str]:
        """Article ids with every word of the query; ``plainto_tsquery`` reads user input
        as plain words, so it can never be taken as query syntax."""
        words = [w for w in query.replace('"', " ").split() if w]
        if not words:
            return []
        rows = self._query(
            """SELECT id FROM articles, plainto_tsquery('simple', ?) q
               WHERE fts @@ q AND current = 1
               ORDER BY ts_rank(fts, q) DESC, id COLLATE "C" LIMIT ?""",
            (" ".join(words), limit),
        )
        return [r["id"] for r in rows]
