"""The store contract, written once: every read and write both backends share.

Why a base class: the SQLite and PostgreSQL stores must behave identically, so a
pipeline stage never knows which one it talks to. Everything that is the same
(record conversion, article versioning, the tables of later stages, migrations)
lives here, written in one SQL dialect: ``?`` placeholders, ``COLLATE "C"`` for
byte-order sorting, and ``{in}`` where a column is matched against a list. Each
backend translates that dialect (``_sql``, ``_in``) and supplies the few things that
differ: connections and transactions, the schema version's home, full-text search,
locks for concurrent writers, and how TEXT holds what the database refuses.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Self

from newsprism.compare.records import IndexRow, StoryComparison, StorySpan
from newsprism.errors import NotFound, StoreError
from newsprism.model import (
    Annotations,
    Article,
    ArticleVersion,
    Entity,
    FetchState,
    Metadata,
    RawDocument,
    ReadProblem,
    ReusePair,
    Source,
    Story,
    annotations_from_dict,
    article_from_dict,
    entity_from_dict,
    reuse_from_dict,
    story_from_dict,
    to_dict,
)
from newsprism.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:  # numpy loads with the first vector, not with the store
    import numpy as np

# A row as the backend's driver returns it: read by column name only.
Row = Any

RAW_ORDER = 'ORDER BY path COLLATE "C", record COLLATE "C" NULLS FIRST, sha'
SQL_REUSE = "SELECT data FROM reuse"
REPORT_COLUMNS = (
    "story, input_sha, n_conflicts, outlets, title, span_start, span_end, n_articles, data"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, sort_keys=True)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _utc_naive(value: datetime) -> datetime:
    """A stored time as naive UTC, the one kind every version time has."""
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def _prefix_pattern(prefix: str) -> str:
    """A LIKE pattern matching ids that start with ``prefix`` taken literally."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def _raw_order(raw: RawDocument) -> tuple[str, bool, str, str]:
    """``RAW_ORDER`` in Python (code-point order is UTF-8 byte order)."""
    record = raw.source.record
    return (raw.source.path, record is not None, record or "", raw.content_sha)


class BaseStore:
    """Reads and writes of one newsprism database, over a backend's small interface."""

    read_only: bool
    label: str  # how error messages name the database (never with a password)
    address: str  # how another process opens the same database (``open_store``)
    _local: threading.local
    IN_CHUNK: ClassVar[int] = 500  # values per ``{in}`` list in one statement
    MAX_KEY_CHARS: ClassVar[int | None] = None  # longest text a primary key column takes
    FTS_STATEMENTS: ClassVar[list[str]] = []  # the backend's full-text index, made in step 0

    # ------------------------------------------------------------------ backend interface

    @property
    def conn(self) -> Any:
        """The calling thread's connection (a transaction belongs to one thread)."""
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[Any]:
        """All or nothing; a nested call joins the outer transaction."""
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        """The shared dialect in the backend's own."""
        raise NotImplementedError

    def _in(self, column: str, values: Sequence[str]) -> tuple[str, list[Any]]:
        """A condition "column is one of values" and its parameters."""
        raise NotImplementedError

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement (in the shared dialect); how many rows it changed."""
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        raise NotImplementedError

    def schema_version(self) -> int:
        raise NotImplementedError

    def _set_schema_version(self, version: int) -> None:
        raise NotImplementedError

    def _lock_migration(self) -> None:
        """Hold off other processes migrating the same database (inside the transaction)."""

    def _lock_names(self, names: Sequence[str]) -> None:
        """Serialise concurrent writers of these names until the transaction ends."""

    def _ddl(self, statement: str) -> str:
        """A migration statement in the backend's own types."""
        return statement

    def _text(self, value: str | None) -> str | None:
        """A value for a plain TEXT column (PostgreSQL's refuses NUL characters)."""
        return value

    def search_articles(self, query: str, limit: int = 100) -> list[str]:
        raise NotImplementedError

    # ------------------------------------------------------------------ lifetime

    def _open(self, label: str, read_only: bool, driver_error: type[Exception]) -> None:
        """Check the schema (read-only) or migrate it; a driver's error names the database."""
        self.label = label
        self.read_only = read_only
        self._local = threading.local()
        try:
            if read_only:
                self._check_version()
            else:
                self._migrate()
        except driver_error as exc:
            raise StoreError(f"{label}: cannot open as a newsprism database: {exc}") from exc

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _count(self, sql: str) -> int:
        return int(self._query(sql)[0]["n"])

    def _chunks_in(self, sql: str, column: str, values: Sequence[str]) -> Iterator[list[Row]]:
        """The rows of ``sql`` with ``{in}`` matching ``column`` to values, a chunk at a time."""
        for start in range(0, len(values), self.IN_CHUNK):
            cond, params = self._in(column, values[start : start + self.IN_CHUNK])
            yield self._query(sql.replace("{in}", cond), params)

    def _loads(self, text: str | bytes) -> Any:
        """A stored JSON value; one that no longer parses means the file was damaged
        (SQLite has no checksums: a flipped byte inside a record reads back as is)."""
        try:
            return json.loads(text)
        except ValueError:
            raise self._damaged("a stored record is not valid JSON") from None

    def _damaged(self, cause: str) -> StoreError:
        """The message for a damaged store; each backend says how to recover."""
        return StoreError(
            f"{self.label}: the store is damaged ({cause}); restore it from a backup, or "
            "ingest the original files again into a new store"
        )

    def _key(self, value: str) -> str:
        return value if self.MAX_KEY_CHARS is None else value[: self.MAX_KEY_CHARS]

    # ------------------------------------------------------------------ schema

    def _check_version(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise self._newer(version)
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.label}: schema version {version} is older than this newsprism "
                f"({SCHEMA_VERSION}); run `newsprism clean --db {self.label}` once to migrate it"
            )

    def _newer(self, version: int) -> StoreError:
        """Migrating cannot help a store a later newsprism made: only upgrading can."""
        return StoreError(
            f"{self.label}: schema version {version} is newer than this newsprism "
            f"({SCHEMA_VERSION}); upgrade newsprism to read it"
        )

    def _migrate(self) -> None:
        """Bring the schema to this newsprism's version, all steps in one transaction."""
        if self.schema_version() == SCHEMA_VERSION:
            return  # the common case: no write lock taken just to open the store
        with self.transaction():
            self._lock_migration()
            version = self.schema_version()
            if version > SCHEMA_VERSION:
                raise self._newer(version)
            for target in range(version, SCHEMA_VERSION):
                for stmt in MIGRATIONS[target]:
                    self._execute(self._ddl(stmt))
                self._after_step(target)
            if version != SCHEMA_VERSION:
                self._set_schema_version(SCHEMA_VERSION)

    def _after_step(self, target: int) -> None:
        """What a migration step needs beyond the shared statements."""
        steps: dict[int, Callable[[], None]] = {
            0: self._create_fts,
            4: self._canonical_keys,
        }
        step = steps.get(target)
        if step is not None:
            step()

    def _canonical_keys(self) -> None:
        """Re-key stored articles by their canonical URL. Pages stored under two links to
        one page (a feed's tracking parameters, a fragment) become versions of one
        article: numbered in the order they were stored, the newest current. Ids stay,
        so annotations and reports keep their rows."""
        from newsprism.sources.urls import canonical_url

        def canonical(key: str) -> str:
            base, hash_, part = key.rpartition("#")  # an article key is "<doc key>#<part>"
            return f"{canonical_url(base)}#{part}" if hash_ else canonical_url(key)

        for row in self._query("SELECT DISTINCT doc_key FROM raw_documents"):
            if (new := canonical_url(row["doc_key"])) != row["doc_key"]:
                self._execute(
                    "UPDATE raw_documents SET doc_key = ? WHERE doc_key = ?", (new, row["doc_key"])
                )
        rows = self._query(
            """SELECT a.id, a.article_key, a.version, a.data, r.ingested_at
               FROM articles a JOIN raw_documents r ON r.sha = a.raw_sha"""
        )
        groups: dict[str, list[Row]] = {}
        for row in rows:
            groups.setdefault(canonical(row["article_key"]), []).append(row)
        for key, members in groups.items():
            if all(m["article_key"] == key for m in members):
                continue
            merged = len({m["article_key"] for m in members}) > 1
            members.sort(key=lambda m: (m["ingested_at"], int(m["version"]), m["id"]))
            for n, m in enumerate(members, 1):
                version = n if merged else int(m["version"])
                current = (n == len(members)) if merged else None
                data = self._loads(m["data"])
                data.update(key=key, version=version)
                sets, params = "article_key = ?, version = ?, data = ?", [key, version]
                params.append(json.dumps(data, ensure_ascii=False, sort_keys=True))
                if current is not None:
                    sets += ", current = ?"
                    params.append(1 if current else 0)
                self._execute(f"UPDATE articles SET {sets} WHERE id = ?", (*params, m["id"]))

    def _create_fts(self) -> None:
        for stmt in self.FTS_STATEMENTS:
            self._execute(stmt)

    # ------------------------------------------------------------------ raw input

    def has_raw(self, sha: str) -> bool:
        return bool(self._query("SELECT 1 AS one FROM raw_documents WHERE sha = ?", (sha,)))

    def known_raw(self, shas: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored: a few round trips for a whole shard."""
        sql = "SELECT sha FROM raw_documents WHERE {in}"
        return {r["sha"] for rows in self._chunks_in(sql, "sha", list(shas)) for r in rows}

    def add_raw(self, raw: RawDocument) -> bool:
        """Store a raw document; False (and nothing written) when its content is known."""
        with self.transaction():
            return (
                self._execute(
                    """INSERT INTO raw_documents
                       (sha, path, record, format, doc_key, encoding, size, text, html, meta,
                        ingested_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT(sha) DO NOTHING""",
                    (
                        raw.content_sha,
                        raw.source.path,
                        raw.source.record,
                        raw.source.format,
                        raw.key,
                        raw.encoding,
                        raw.size,
                        self._text(raw.text),
                        self._text(raw.html),
                        _json(raw.meta),
                        _now(),
                    ),
                )
                == 1
            )

    def _raw_from_row(self, row: Row) -> RawDocument:
        return RawDocument(
            source=Source(path=row["path"], format=row["format"], record=row["record"]),
            content_sha=row["sha"],
            text=row["text"],
            html=row["html"],
            encoding=row["encoding"] or "utf-8",
            meta=Metadata(**self._loads(row["meta"])),
            size=row["size"],
        )

    def raw_documents(self, *, uncleaned_only: bool = False) -> Iterator[RawDocument]:
        sql = "SELECT * FROM raw_documents r"
        if uncleaned_only:
            sql += " WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.raw_sha = r.sha)"
        for row in self._query(f"{sql} {RAW_ORDER}"):
            yield self._raw_from_row(row)

    # The four readers below let a cluster's client and tasks read just what they need
    # from a store too large to list whole.

    def raw_headers(self) -> Iterator[RawDocument]:
        """Every raw document without its text or HTML, in ``raw_documents`` order."""
        sql = (
            "SELECT sha, path, record, format, encoding, size, meta, NULL AS text, NULL AS html"
            f" FROM raw_documents {RAW_ORDER}"
        )
        for row in self._query(sql):
            yield self._raw_from_row(row)

    def get_raw_documents(self, shas: Iterable[str]) -> Iterator[RawDocument]:
        """These raw documents, in ``raw_documents`` order."""
        chunks = self._chunks_in("SELECT * FROM raw_documents WHERE {in}", "sha", list(shas))
        found = [self._raw_from_row(r) for rows in chunks for r in rows]
        yield from sorted(found, key=_raw_order)

    def cleaned_raw_shas(self, shas: Iterable[str]) -> set[str]:
        """Which of these raw documents have articles (any version)."""
        sql = "SELECT DISTINCT raw_sha FROM articles WHERE {in}"
        return {r["raw_sha"] for rows in self._chunks_in(sql, "raw_sha", list(shas)) for r in rows}

    def article_dates(self) -> list[tuple[str, datetime | None]]:
        """(id, published) of every current article, in ``articles`` order."""
        rows = self._query(
            "SELECT id, published FROM articles WHERE current = 1"
            ' ORDER BY published IS NULL, published COLLATE "C", id COLLATE "C"'
        )
        return [
            (r["id"], datetime.fromisoformat(r["published"]) if r["published"] else None)
            for r in rows
        ]

    def article_languages(self) -> dict[str, str | None]:
        """Article id -> language of every current article (for the web's language
        filter). Read from the article JSON: no column holds it, and a schema step
        for one filter is not worth it; the web app calls this once per store change."""
        rows = self._query("SELECT id, data FROM articles WHERE current = 1")
        return {r["id"]: self._loads(r["data"]).get("language") for r in rows}

    def count_raw(self) -> int:
        return self._count("SELECT COUNT(*) AS n FROM raw_documents")

    # ------------------------------------------------------------------ articles

    def put_articles(self, raw_sha: str, articles: Sequence[Article]) -> None:
        """Replace the articles cut from one raw document, versioning by article key.

        A key seen before with other content gets the next version number and becomes
        the current one; older versions stay, marked not current. Concurrent writers of
        one key serialise on its lock, so each version number is given once.
        """
        with self.transaction():
            self._lock_names(sorted({f"raw:{raw_sha}"} | {f"key:{a.key}" for a in articles}))
            # Cleaning a stored page again (its site got new pages) keeps the version it
            # had: an old version re-cleaned must not come back as the newest one.
            had = {
                r["article_key"]: int(r["version"])
                for r in self._query(
                    "SELECT article_key, version FROM articles WHERE raw_sha = ?", (raw_sha,)
                )
            }
            self._execute("DELETE FROM articles WHERE raw_sha = ?", (raw_sha,))
            for art in articles:
                # The same text arriving again (a page whose bytes changed but not its
                # article) keeps its version number; only new text is a new version.
                same = self._query("SELECT version FROM articles WHERE id = ?", (art.id,))
                others = self._query(
                    "SELECT COUNT(DISTINCT raw_sha) AS n, MAX(version) AS newest"
                    " FROM articles WHERE article_key = ?",
                    (art.key,),
                )[0]
                if same:
                    art.version = int(same[0]["version"])
                elif art.key in had:
                    art.version = had[art.key]
                else:
                    art.version = int(others["n"]) + 1
                current = others["newest"] is None or art.version >= int(others["newest"])
                if current:
                    self._execute(
                        "UPDATE articles SET current = 0 WHERE article_key = ? AND current <> 0",
                        (art.key,),
                    )
                self._execute(
                    """INSERT INTO articles
                       (id, raw_sha, part, article_key, version, current, title, outlet,
                        published, url, body, data)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET data = excluded.data,
                         title = excluded.title, outlet = excluded.outlet,
                         published = excluded.published, url = excluded.url,
                         current = excluded.current""",
                    (
                        art.id,
                        raw_sha,
                        art.part,
                        art.key,
                        art.version,
                        1 if current else 0,
                        self._text(art.title),
                        self._text(art.outlet),
                        _iso(art.published),
                        art.url,
                        self._text(art.text),
                        _json(art),
                    ),
                )

    def articles(self, *, current_only: bool = True) -> Iterator[Article]:
        sql = "SELECT data FROM articles"
        if current_only:
            sql += " WHERE current = 1"
        sql += ' ORDER BY published IS NULL, published COLLATE "C", id COLLATE "C"'
        for row in self._query(sql):
            yield article_from_dict(self._loads(row["data"]))

    def article_ids(self) -> list[str]:
        rows = self._query('SELECT id FROM articles WHERE current = 1 ORDER BY id COLLATE "C"')
        return [r["id"] for r in rows]

    def _by_prefix(self, table: str, kind: str, ident: str) -> dict[str, Any]:
        """A record's JSON by full id, or by a unique prefix of at least four characters."""
        if len(ident) < 4:
            raise NotFound(kind, ident)
        rows = self._query(
            f"SELECT data FROM {table} WHERE id = ? OR id LIKE ? ESCAPE '\\'"
            " ORDER BY id = ? DESC LIMIT 1",
            (ident, _prefix_pattern(ident), ident),
        )
        if not rows:
            raise NotFound(kind, ident)
        data: dict[str, Any] = self._loads(rows[0]["data"])
        return data

    def get_article(self, article_id: str) -> Article:
        """By full id, or by a unique prefix of at least four characters (as the CLI shows)."""
        return article_from_dict(self._by_prefix("articles", "article", article_id))

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        wanted = list(ids)
        out = {
            r["id"]: article_from_dict(self._loads(r["data"]))
            for rows in self._chunks_in("SELECT id, data FROM articles WHERE {in}", "id", wanted)
            for r in rows
        }
        return [out[i] for i in wanted if i in out]

    def count_articles(self) -> int:
        return self._count("SELECT COUNT(*) AS n FROM articles WHERE current = 1")

    def article_batches(
        self, *, batch: int = 500, current_only: bool = True
    ) -> Iterator[list[Article]]:
        """Every article in id order, ``batch`` per query, so a caller streaming a store
        of any size (``export``) holds one batch at a time."""
        after = ""
        where = "current = 1 AND " if current_only else ""
        while True:
            rows = self._query(
                f'SELECT id, data FROM articles WHERE {where}id COLLATE "C" > ?'
                ' ORDER BY id COLLATE "C" LIMIT ?',
                (after, batch),
            )
            if not rows:
                return
            yield [article_from_dict(self._loads(row["data"])) for row in rows]
            after = rows[-1]["id"]

    def report_batches(self, *, batch: int = 100) -> Iterator[list[dict[str, Any]]]:
        """Every story report in story-id order, ``batch`` per query."""
        after = ""
        while True:
            rows = self._query(
                'SELECT story, data FROM reports WHERE story COLLATE "C" > ?'
                ' ORDER BY story COLLATE "C"'
                " LIMIT ?",
                (after, batch),
            )
            if not rows:
                return
            yield [self._loads(r["data"]) for r in rows]
            after = rows[-1]["story"]

    # ------------------------------------------------------------------ versions

    def article_versions(self, key: str) -> list[ArticleVersion]:
        """Every stored version of the article with this key, oldest first, with the
        time each entered the store and, for collected pages, when it was fetched."""
        rows = self._query(
            """SELECT a.data, a.current, r.ingested_at, r.meta FROM articles a
               JOIN raw_documents r ON r.sha = a.raw_sha
               WHERE a.article_key = ? ORDER BY a.version, r.ingested_at""",
            (key,),
        )
        out = []
        for r in rows:
            fetched = (self._loads(r["meta"]).get("extra") or {}).get("fetched_at")
            out.append(
                ArticleVersion(
                    article_from_dict(self._loads(r["data"])),
                    _utc_naive(datetime.fromisoformat(r["ingested_at"])),
                    datetime.fromisoformat(fetched) if isinstance(fetched, str) else None,
                    bool(r["current"]),
                )
            )
        return out

    # ------------------------------------------------------------------ collection

    def get_fetch_state(self, url: str) -> FetchState | None:
        rows = self._query("SELECT * FROM fetch_state WHERE url = ?", (self._key(url),))
        if not rows:
            return None
        r = rows[0]
        return FetchState(
            r["url"],
            datetime.fromisoformat(r["fetched_at"]),
            int(r["status"]),
            r["etag"],
            r["last_modified"],
            r["content_sha"],
        )

    def put_fetch_state(self, state: FetchState) -> None:
        with self.transaction():
            self._execute(
                """INSERT INTO fetch_state
                   (url, fetched_at, status, etag, last_modified, content_sha)
                   VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT(url) DO UPDATE SET fetched_at = excluded.fetched_at,
                     status = excluded.status, etag = excluded.etag,
                     last_modified = excluded.last_modified,
                     content_sha = excluded.content_sha""",
                (
                    self._key(state.url),
                    state.fetched_at.isoformat(timespec="seconds"),
                    state.status,
                    self._text(state.etag),
                    self._text(state.last_modified),
                    state.content_sha,
                ),
            )

    def feed_body(self, url: str) -> bytes | None:
        """The last body kept for a feed URL (``put_feed_body``), or None."""
        rows = self._query("SELECT body FROM fetch_state WHERE url = ?", (self._key(url),))
        return bytes(rows[0]["body"]) if rows and rows[0]["body"] is not None else None

    def put_feed_body(self, url: str, body: bytes) -> None:
        with self.transaction():
            self._execute("UPDATE fetch_state SET body = ? WHERE url = ?", (body, self._key(url)))

    # ------------------------------------------------------------------ problems

    def add_problem(self, problem: ReadProblem) -> None:
        with self.transaction():
            self._execute(
                """INSERT INTO problems (path, record, reason, severity, seen_at)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (path, record, reason) DO UPDATE SET seen_at = excluded.seen_at""",
                (
                    self._text(self._key(problem.path)),
                    self._text(self._key(problem.record or "")),
                    self._text(self._key(problem.reason)),
                    problem.severity,
                    _now(),
                ),
            )

    def problems(self) -> list[ReadProblem]:
        rows = self._query('SELECT * FROM problems ORDER BY path COLLATE "C", record COLLATE "C"')
        return [
            ReadProblem(r["path"], r["reason"], r["record"] or None, r["severity"]) for r in rows
        ]

    # ------------------------------------------------------------------ annotations

    def annotation_state(
        self, article_ids: Iterable[str] | None = None
    ) -> dict[str, tuple[str, str]]:
        """article id -> (text_sha, annotator version), to re-annotate only what changed."""
        sql = "SELECT article, text_sha, version FROM annotations"
        if article_ids is None:
            rows = self._query(sql)
        else:
            chunks = self._chunks_in(sql + " WHERE {in}", "article", list(article_ids))
            rows = [r for chunk in chunks for r in chunk]
        return {r["article"]: (r["text_sha"], r["version"]) for r in rows}

    def put_annotations(self, items: Iterable[Annotations]) -> None:
        """Store annotations; a record without its parse keeps the stored parse of the
        same text (resolution rewrites annotations it read without their parses)."""
        rows = [(a.article, a.text_sha, a.version, _json(a), a.parse) for a in items]
        with self.transaction():
            self._executemany(
                """INSERT INTO annotations (article, text_sha, version, data, parse)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(article) DO UPDATE SET text_sha = excluded.text_sha,
                     version = excluded.version, data = excluded.data,
                     parse = CASE WHEN excluded.parse IS NULL
                                   AND excluded.text_sha = annotations.text_sha
                              THEN annotations.parse ELSE excluded.parse END""",
                rows,
            )

    def get_annotations(
        self, article_ids: Iterable[str] | None = None, *, with_parse: bool = False
    ) -> dict[str, Annotations]:
        """Annotations by article id; ``with_parse`` also loads the kept spaCy parse."""
        sql = "SELECT article, data" + (", parse" if with_parse else "") + " FROM annotations"
        if article_ids is None:
            rows = self._query(sql)
        else:
            chunks = self._chunks_in(sql + " WHERE {in}", "article", list(article_ids))
            rows = [r for chunk in chunks for r in chunk]
        out: dict[str, Annotations] = {}
        for r in rows:
            ann = annotations_from_dict(self._loads(r["data"]))
            if with_parse and r["parse"] is not None:
                ann.parse = bytes(r["parse"])
            out[r["article"]] = ann
        return out

    # ------------------------------------------------------------------ entities

    def put_entities(self, entities: Iterable[Entity]) -> None:
        """Replace the corpus-wide entity table (resolution is recomputed as a whole)."""
        rows = [(e.id, e.name, e.label, _json(e)) for e in entities]
        with self.transaction():
            self._execute("DELETE FROM entities")
            self._executemany(
                "INSERT INTO entities (id, name, label, data) VALUES (?, ?, ?, ?)", rows
            )

    def entities(self) -> dict[str, Entity]:
        rows = self._query('SELECT id, data FROM entities ORDER BY name COLLATE "C"')
        return {r["id"]: entity_from_dict(self._loads(r["data"])) for r in rows}

    # ------------------------------------------------------------------ vectors

    def put_vectors(self, model: str, items: Iterable[tuple[str, str, np.ndarray]]) -> None:
        import numpy as np

        rows = [
            (aid, model, sha, np.asarray(vec, dtype=np.float32).tobytes())
            for aid, sha, vec in items
        ]
        with self.transaction():
            self._executemany(
                """INSERT INTO vectors (article, model, text_sha, data) VALUES (?, ?, ?, ?)
                   ON CONFLICT(article, model) DO UPDATE SET text_sha = excluded.text_sha,
                     data = excluded.data""",
                rows,
            )

    def get_vectors(self, model: str) -> dict[str, tuple[str, np.ndarray]]:
        import numpy as np

        rows = self._query("SELECT article, text_sha, data FROM vectors WHERE model = ?", (model,))
        return {
            r["article"]: (r["text_sha"], np.frombuffer(bytes(r["data"]), dtype=np.float32))
            for r in rows
        }

    # ------------------------------------------------------------------ stories

    def put_stories(self, stories: Iterable[Story]) -> None:
        """Replace the story table: clustering returns the whole, updated set."""
        story_rows = []
        member_rows = []
        for s in stories:
            story_rows.append(
                (s.id, s.title, _iso(s.start), _iso(s.end), len(s.articles), _json(s))
            )
            member_rows += [(a, s.id) for a in s.articles]
        with self.transaction():
            self._execute("DELETE FROM stories")
            self._execute("DELETE FROM story_articles")
            self._executemany(
                """INSERT INTO stories (id, title, start_at, end_at, n_articles, data)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                story_rows,
            )
            self._executemany(
                "INSERT INTO story_articles (article, story) VALUES (?, ?)", member_rows
            )

    def stories(self) -> list[Story]:
        rows = self._query(
            'SELECT data FROM stories ORDER BY start_at IS NULL, start_at COLLATE "C", '
            'id COLLATE "C"'
        )
        return [story_from_dict(self._loads(r["data"])) for r in rows]

    def get_story(self, story_id: str) -> Story:
        return story_from_dict(self._by_prefix("stories", "story", story_id))

    def story_of(self, article_id: str) -> str | None:
        rows = self._query("SELECT story FROM story_articles WHERE article = ?", (article_id,))
        return None if not rows else str(rows[0]["story"])

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Each article's story in one query per chunk: export asks for a batch of
        articles at a time, and a query per article made large stores slow."""
        sql = "SELECT article, story FROM story_articles WHERE {in}"
        chunks = self._chunks_in(sql, "article", list(article_ids))
        return {str(r["article"]): str(r["story"]) for rows in chunks for r in rows}

    # ------------------------------------------------------------------ reuse

    def put_reuse(self, pairs: Iterable[ReusePair], *, replace: bool = True) -> None:
        rows = [(p.a, p.b, p.kind, p.score, _json(p)) for p in pairs]
        with self.transaction():
            if replace:
                self._execute("DELETE FROM reuse")
            self._executemany(
                """INSERT INTO reuse (a, b, kind, score, data) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(a, b) DO UPDATE SET kind = excluded.kind,
                     score = excluded.score, data = excluded.data""",
                rows,
            )

    def reuse_pairs(self, article_ids: Iterable[str] | None = None) -> list[ReusePair]:
        order = ' ORDER BY a COLLATE "C", b COLLATE "C"'
        if article_ids is None:
            return [reuse_from_dict(self._loads(r["data"])) for r in self._query(SQL_REUSE + order)]
        found: dict[tuple[str, str], ReusePair] = {}
        wanted = list(article_ids)
        for column in ("a", "b"):
            for rows in self._chunks_in(SQL_REUSE + " WHERE {in}", column, wanted):
                for r in rows:
                    pair = reuse_from_dict(self._loads(r["data"]))
                    found[(pair.a, pair.b)] = pair
        return [found[k] for k in sorted(found)]

    # ------------------------------------------------------------------ reports

    def put_report(self, story_id: str, input_sha: str, report: StoryComparison) -> None:
        """Store one story's comparison, with the columns a story list reads."""
        row = report.index_row()
        data = json.dumps(report.to_json(), ensure_ascii=False, sort_keys=True)
        outlets = json.dumps(row.outlets, ensure_ascii=False)
        with self.transaction():
            self._execute(
                f"""INSERT INTO reports ({REPORT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(story) DO UPDATE SET input_sha = excluded.input_sha,
                     n_conflicts = excluded.n_conflicts, outlets = excluded.outlets,
                     title = excluded.title, span_start = excluded.span_start,
                     span_end = excluded.span_end, n_articles = excluded.n_articles,
                     data = excluded.data""",
                (story_id, input_sha, row.n_conflicts, outlets, row.title, row.span.start,
                 row.span.end, row.n_articles, data),
            )  # fmt: skip

    def report_state(self) -> dict[str, str]:
        rows = self._query("SELECT story, input_sha FROM reports")
        return {r["story"]: r["input_sha"] for r in rows}

    def report_index(self) -> list[IndexRow]:
        """One small row per story report, read from the index columns so that listing
        stories never parses a report."""
        rows = self._query(
            "SELECT story, title, span_start, span_end, outlets, n_articles, n_conflicts"
            ' FROM reports ORDER BY story COLLATE "C"'
        )
        return [
            IndexRow(
                id=r["story"],
                title=r["title"],
                span=StorySpan(r["span_start"], r["span_end"]),
                outlets=self._loads(r["outlets"]),
                n_articles=r["n_articles"],
                n_conflicts=r["n_conflicts"],
            )
            for r in rows
        ]

    def get_report(self, story_id: str) -> StoryComparison:
        rows = self._query("SELECT data FROM reports WHERE story = ?", (story_id,))
        if not rows:
            raise NotFound("story report", story_id)
        return StoryComparison.from_json(self._loads(rows[0]["data"]))

    def reports(self) -> Iterator[StoryComparison]:
        rows = self._query('SELECT data FROM reports ORDER BY story COLLATE "C"')
        for r in rows:
            yield StoryComparison.from_json(self._loads(r["data"]))

    def delete_reports_except(self, story_ids: Iterable[str]) -> None:
        keep = set(story_ids)
        with self.transaction():
            gone = [(s,) for s in self.report_state() if s not in keep]
            self._executemany("DELETE FROM reports WHERE story = ?", gone)
