"""The embedded store: one SQLite file holding raw input, articles and every later result.

Why SQLite: it runs offline on a laptop with nothing to install, it has full-text
search (FTS5), and one file is easy to hand to a colleague. Writes go through
``transaction()`` so a crash or Ctrl-C mid-run leaves the file consistent; every
write is keyed by a content hash or an id, so a rerun writes nothing twice. The
reads and writes themselves are ``BaseStore``'s, shared with PostgreSQL.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newsprism.errors import StoreError
from newsprism.store.base import BaseStore, Row

FTS_STATEMENTS = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        title, body, outlet, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body, outlet)
        VALUES (new.rowid, new.title, new.body, new.outlet); END""",
    """CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, outlet)
        VALUES ('delete', old.rowid, old.title, old.body, old.outlet); END""",
    """CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, outlet)
        VALUES ('delete', old.rowid, old.title, old.body, old.outlet);
        INSERT INTO articles_fts(rowid, title, body, outlet)
        VALUES (new.rowid, new.title, new.body, new.outlet); END""",
]


def store_fault(where: str, exc: sqlite3.Error, *, writing: bool = True) -> StoreError | None:
    """A fault of the database file in words a user can act on, or None for any other
    error. SQLite's own error code tells them apart (the message text is not stable);
    the one fault the driver raises without a code is a text that is not UTF-8, whose
    message would echo the damaged bytes, so it is replaced, never shown."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        if str(exc).startswith("Could not decode to UTF-8"):
            return damaged_sqlite(where, "a stored text is not valid UTF-8")
        return None
    primary = code & 0xFF
    if primary == sqlite3.SQLITE_FULL:
        return StoreError(
            f"{where}: the disk is full (SQLite: {exc}); what was committed is kept: "
            "free some space and run the same command again to finish"
        )
    if primary == sqlite3.SQLITE_CORRUPT:  # not NOTADB: that file was never a store
        return damaged_sqlite(where, f"SQLite: {exc}")
    if writing and primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
        return StoreError(
            f"{where}: the store cannot be written here (SQLite: {exc}); commands that only "
            "read it (report, export, problems, serve) still work, or copy it to a folder "
            "you can write"
        )
    if primary == sqlite3.SQLITE_IOERR:
        return StoreError(
            f"{where}: the store cannot be read or written (SQLite: {exc}); check the disk "
            "and run the same command again"
        )
    return None


def damaged_sqlite(where: str, cause: str) -> StoreError:
    """What to do with a damaged SQLite store: ``newsprism recover`` copies the raw
    input it can still read into a new store and cleans it (``salvage_raw``), from which
    every later stage is rebuilt; ``.recover`` copies every readable row (an ``sqlite3``
    shell built with the dbpage table, as sqlite.org's are; Debian's 3.40 shell is not);
    the original files always can. SQLite's own
    check is run first, so the message says whether the file's structure is broken
    (pages) or only a record's bytes changed (SQLite keeps no checksums of those)."""
    return StoreError(
        f"{where}: the store is damaged ({cause}; {integrity(where)}); rebuild it from "
        f"the raw input it keeps with `newsprism recover {where} --db recovered.db`, or "
        f"try `sqlite3 {where} .recover | sqlite3 recovered.db` and `newsprism clean --all "
        "--db recovered.db`; failing both, ingest the original files again into a new store"
    )


def integrity(where: str) -> str:
    """SQLite's ``quick_check`` of the file, in a few words (its first finding)."""
    try:
        with closing(sqlite3.connect(f"file:{quote(where)}?mode=ro", uri=True)) as conn:
            first = str(conn.execute("PRAGMA quick_check(1)").fetchone()[0])
    except sqlite3.Error as exc:
        return f"integrity check cannot run: {exc}"
    if first == "ok":
        return "integrity check passes: the pages are whole, a record's bytes changed"
    first = " ".join(first.split())
    return "integrity check fails: " + (first if len(first) <= 160 else first[:159] + "…")


class SQLiteStore(BaseStore):
    """All reads and writes of one newsprism database file.

    ``read_only=True`` opens the file with SQLite's own read-only mode, which the
    web app uses so that no request can change the store.
    """

    FTS_STATEMENTS = FTS_STATEMENTS

    def _damaged(self, cause: str) -> StoreError:
        return damaged_sqlite(self.address, cause)

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.address = str(self.path.resolve())  # what another process opens it by
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (run `newsprism ingest` first)")
        self._open(str(self.path), read_only, sqlite3.DatabaseError)

    # ------------------------------------------------------------------ connection

    @property
    def conn(self) -> sqlite3.Connection:
        """One connection per thread: sqlite3 connections must not cross threads."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            with self._driver_errors():
                conn = self._connect()
            self._local.conn = conn
        return conn

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            conn = sqlite3.connect(
                self._read_only_uri(), uri=True, check_same_thread=False, timeout=30
            )
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, check_same_thread=False, timeout=60)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.row_factory = sqlite3.Row
        conn.isolation_level = None  # explicit transactions only
        return conn

    def _read_only_uri(self) -> str:
        """SQLite's read-only mode; ``immutable`` too where the folder cannot be written.

        A WAL store read even read-only needs its ``-shm`` file, which SQLite creates
        beside the store: in a folder that cannot be written (a read-only mount, a
        shared copy) that fails. Nothing can change a store there, so it is opened as
        immutable, unless a ``-wal`` file holds changes not yet in the store itself,
        which only the WAL machinery can read.
        """
        resolved = self.path.resolve()
        uri = f"file:{quote(str(resolved))}?mode=ro"
        wal = resolved.with_name(resolved.name + "-wal")
        pending = wal.exists() and wal.stat().st_size > 0
        if not os.access(resolved.parent, os.W_OK) and not pending:
            uri += "&immutable=1"
        return uri

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: an exception (or a kill) inside rolls everything back.

        ``BEGIN IMMEDIATE`` takes the file's write lock at once, which is what keeps
        two writers (or two first openings migrating) from interleaving. SQLite may
        already have rolled back on its own (a full disk does), hence the check.
        """
        conn = self.conn
        if conn.in_transaction:
            yield conn
            return
        with self._driver_errors():
            conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                with suppress(sqlite3.Error):  # the first error is the one to report
                    conn.execute("ROLLBACK")
            raise
        else:
            with self._driver_errors():
                conn.execute("COMMIT")

    @contextmanager
    def _driver_errors(self) -> Iterator[None]:
        """The faults of the file itself (full disk, damage, I/O) as ``StoreError``s
        that name the store and the way out; any other driver error is a bug and
        stays as it is."""
        try:
            yield
        except sqlite3.Error as exc:
            error = store_fault(self.address, exc, writing=not self.read_only)
            if error is None:
                raise
            raise error from exc

    # ------------------------------------------------------------------ dialect

    def _sql(self, sql: str) -> str:
        # SQLite's default BINARY collation already sorts text in byte order.
        return sql.replace(' COLLATE "C"', "")

    def _ddl(self, statement: str) -> str:
        return statement.replace("BYTEA", "BLOB")

    def _in(self, column: str, values: Sequence[str]) -> tuple[str, list[Any]]:
        return f"{column} IN ({','.join('?' * len(values))})", list(values)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._driver_errors():
            return self.conn.execute(self._sql(sql), params).rowcount

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._driver_errors():
                self.conn.executemany(self._sql(sql), rows)

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._driver_errors():
            return self.conn.execute(self._sql(sql), params).fetchall()

    # ------------------------------------------------------------------ schema

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _set_schema_version(self, version: int) -> None:
        self.conn.execute(f"PRAGMA user_version = {int(version)}")

    # ------------------------------------------------------------------ search

    def search_articles(self, query: str, limit: int = 100) -> list[str]:
        """Article ids matching a full-text query; the query is quoted word by word so
        user input can never be read as FTS syntax."""
        words = [w for w in query.replace('"', " ").split() if w]
        if not words:
            return []
        fts_query = " ".join(f'"{w}"' for w in words)
        rows = self._query(
            """SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
               WHERE articles_fts MATCH ? AND a.current = 1 ORDER BY rank LIMIT ?""",
            (fts_query, limit),
        )
        return [r["id"] for r in rows]


def salvage_raw(damaged: Path, into: BaseStore) -> tuple[int, int]:
    """Copy every raw document a damaged store still holds into ``into``; returns
    (copied, unreadable).

    The raw input is what every later stage is rebuilt from, so it is what a damaged
    store must give back. Its rows are found through every index on them and through
    the table itself (one damaged page then hides only the rows it holds), and read
    one by one, so a row that cannot be read is counted and the rest are copied."""
    where = str(damaged.resolve())
    conn = sqlite3.connect(f"file:{quote(where)}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        try:
            rowids = _raw_rowids(conn)
        except sqlite3.Error as exc:
            raise StoreError(f"{where}: not even the list of tables can be read ({exc})") from exc
        copied = unreadable = 0
        for rowid in sorted(rowids):
            try:
                row = conn.execute("SELECT * FROM raw_documents WHERE rowid = ?", (rowid,))
                raw = into._raw_from_row(row.fetchone())
            except (sqlite3.Error, StoreError, TypeError, ValueError):
                unreadable += 1
                continue
            copied += into.add_raw(raw)
        return copied, unreadable
    finally:
        conn.close()


def _raw_rowids(conn: sqlite3.Connection) -> set[int]:
    """The rowids of ``raw_documents`` readable from any of its b-trees."""
    indexes = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'raw_documents'"
    ).fetchall()
    scans = [f'SELECT rowid FROM raw_documents INDEXED BY "{r[0]}"' for r in indexes]
    found: set[int] = set()
    for sql in [*scans, "SELECT rowid FROM raw_documents NOT INDEXED"]:
        with suppress(sqlite3.Error):  # a damaged b-tree: keep what came before it
            for row in conn.execute(sql):
                found.add(int(row[0]))
    return found
