"""The shared store for a cluster: the SQLite store's contract, on PostgreSQL.

Why a second backend: many worker processes on many machines write at once, which
one SQLite file cannot take. Every method has the SQLite store's signature and
meaning (same schema from ``store.schema.MIGRATIONS``), so the pipeline never knows
which one it talks to. What differs is how safety is obtained:

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

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import numpy as np

from newsprism.errors import MissingExtra, NotFound, StoreError
from newsprism.model import (
    Annotations,
    Article,
    Entity,
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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, sort_keys=True)


def _text(value: str | None) -> str | None:
    return None if value is None else value.replace("\x00", "\ufffd")


def _redact(url: str) -> str:
    """The URL without its password, for error messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "<invalid PostgreSQL URL>"
    user, host = info.get("user", ""), info.get("host", "localhost")
    return f"postgresql://{user}@{host}:{info.get('port', 5432)}/{info.get('dbname', '')}"


class PostgresStore:
    """All reads and writes of one newsprism PostgreSQL database.

    ``read_only=True`` opens sessions with ``default_transaction_read_only``, so the
    server itself refuses any write (the web app's guarantee, as with SQLite).
    """

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        self.label = _redact(url)
        self._local = threading.local()
        try:
            conn = self.conn
            if read_only:
                self._check_version(conn)
            else:
                self._migrate(conn)
        except psycopg.Error as exc:
            raise StoreError(f"{self.label}: cannot open as a newsprism database: {exc}") from exc

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

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self.conn.execute(sql, params).fetchall()

    # ------------------------------------------------------------------ schema

    def schema_version(self) -> int:
        row = self.conn.execute(
            "SELECT to_regclass('newsprism_schema') IS NOT NULL AS present"
        ).fetchone()
        if not row or not row["present"]:
            return 0
        row = self.conn.execute("SELECT version FROM newsprism_schema").fetchone()
        return int(row["version"]) if row else 0

    def _check_version(self, conn: psycopg.Connection[dict[str, Any]]) -> None:
        version = self.schema_version()
        if version == 0:
            raise StoreError(f"{self.label}: no newsprism database here (run `newsprism ingest`)")
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.label}: schema version {version}, this newsprism needs {SCHEMA_VERSION}"
                " (open it once without --read-only to migrate)"
            )

    def _migrate(self, conn: psycopg.Connection[dict[str, Any]]) -> None:
        with self.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute("CREATE TABLE IF NOT EXISTS newsprism_schema (version INTEGER NOT NULL)")
            version = self.schema_version()
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.label}: schema version {version} is newer than this newsprism "
                    f"({SCHEMA_VERSION}); upgrade newsprism"
                )
            for target in range(version, SCHEMA_VERSION):
                for stmt in MIGRATIONS[target]:
                    conn.execute(stmt)
                if target == 0:
                    for stmt in FTS_STATEMENTS:
                        conn.execute(stmt)
            if version != SCHEMA_VERSION:
                conn.execute("DELETE FROM newsprism_schema")
                conn.execute("INSERT INTO newsprism_schema VALUES (%s)", (SCHEMA_VERSION,))

    # ------------------------------------------------------------------ raw input

    def has_raw(self, sha: str) -> bool:
        return bool(self._query("SELECT 1 FROM raw_documents WHERE sha = %s", (sha,)))

    def known_raw(self, shas: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored: one round trip for a whole shard."""
        wanted = list(shas)
        if not wanted:
            return set()
        rows = self._query("SELECT sha FROM raw_documents WHERE sha = ANY(%s::text[])", (wanted,))
        return {r["sha"] for r in rows}

    def add_raw(self, raw: RawDocument) -> bool:
        """Store a raw document; False (and nothing written) when its content is known."""
        with self.transaction() as conn:
            cur = conn.execute(
                """INSERT INTO raw_documents
                   (sha, path, record, format, doc_key, encoding, size, text, html, meta,
                    ingested_at)
                   VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
                   ON CONFLICT(sha) DO NOTHING""",
                (
                    raw.content_sha,
                    raw.source.path,
                    raw.source.record,
                    raw.source.format,
                    raw.key,
                    raw.encoding,
                    raw.size,
                    _text(raw.text),
                    _text(raw.html),
                    _json(raw.meta),
                    _now(),
                ),
            )
            return cur.rowcount == 1

    @staticmethod
    def _raw_from_row(row: dict[str, Any]) -> RawDocument:
        return RawDocument(
            source=Source(path=row["path"], format=row["format"], record=row["record"]),
            content_sha=row["sha"],
            text=row["text"],
            html=row["html"],
            encoding=row["encoding"] or "utf-8",
            meta=Metadata(**json.loads(row["meta"])),
            size=row["size"],
        )

    def raw_documents(self, *, uncleaned_only: bool = False) -> Iterator[RawDocument]:
        sql = "SELECT * FROM raw_documents r"
        if uncleaned_only:
            sql += " WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.raw_sha = r.sha)"
        sql += ' ORDER BY path COLLATE "C", record COLLATE "C" NULLS FIRST, sha'
        for row in self._query(sql):
            yield self._raw_from_row(row)

    # The four methods below are not in the SQLite store: they let a cluster's client
    # and tasks read just what they need from a store too large to list whole.

    def raw_headers(self) -> Iterator[RawDocument]:
        """Every raw document without its text or HTML, in ``raw_documents`` order."""
        sql = (
            "SELECT sha, path, record, format, encoding, size, meta, NULL AS text, NULL AS html"
            ' FROM raw_documents ORDER BY path COLLATE "C", record COLLATE "C" NULLS FIRST, sha'
        )
        for row in self._query(sql):
            yield self._raw_from_row(row)

    def get_raw_documents(self, shas: Iterable[str]) -> Iterator[RawDocument]:
        """These raw documents, in ``raw_documents`` order."""
        wanted = list(shas)
        for start in range(0, len(wanted), 5000):
            rows = self._query(
                "SELECT * FROM raw_documents WHERE sha = ANY(%s::text[])"
                ' ORDER BY path COLLATE "C", record COLLATE "C" NULLS FIRST, sha',
                (wanted[start : start + 5000],),
            )
            yield from (self._raw_from_row(r) for r in rows)

    def cleaned_raw_shas(self, shas: Iterable[str]) -> set[str]:
        """Which of these raw documents have articles (any version)."""
        rows = self._query(
            "SELECT DISTINCT raw_sha FROM articles WHERE raw_sha = ANY(%s::text[])", (list(shas),)
        )
        return {r["raw_sha"] for r in rows}

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

    def count_raw(self) -> int:
        return int(self._query("SELECT COUNT(*) AS n FROM raw_documents")[0]["n"])

    # ------------------------------------------------------------------ articles

    def put_articles(self, raw_sha: str, articles: Sequence[Article]) -> None:
        """Replace the articles cut from one raw document, versioning by article key.

        A key seen before with other content gets the next version number and becomes
        the current one; older versions stay, marked not current. Two processes writing
        the same key serialise on its advisory lock, so each version number is given once.
        """
        with self.transaction() as conn:
            names = sorted({f"raw:{raw_sha}"} | {f"key:{a.key}" for a in articles})
            conn.execute(
                """SELECT pg_advisory_xact_lock(h) FROM (
                     SELECT DISTINCT hashtextextended(n, 0) AS h FROM unnest(%s::text[]) AS n
                   ) locks ORDER BY h""",
                (names,),
            )
            conn.execute("DELETE FROM articles WHERE raw_sha = %s", (raw_sha,))
            for art in articles:
                prior = conn.execute(
                    "SELECT COUNT(DISTINCT raw_sha) AS n FROM articles WHERE article_key = %s",
                    (art.key,),
                ).fetchone()
                art.version = int(prior["n"] if prior else 0) + 1
                conn.execute(
                    "UPDATE articles SET current = 0 WHERE article_key = %s AND current <> 0",
                    (art.key,),
                )
                conn.execute(
                    """INSERT INTO articles
                       (id, raw_sha, part, article_key, version, current, title, outlet,
                        published, url, body, data)
                       VALUES (%s, %s, %s, %s, %s, 1, %s, %s, %s, %s, %s, %s)
                       ON CONFLICT(id) DO UPDATE SET data = excluded.data,
                         title = excluded.title, outlet = excluded.outlet,
                         published = excluded.published, url = excluded.url, current = 1""",
                    (
                        art.id,
                        raw_sha,
                        art.part,
                        art.key,
                        art.version,
                        _text(art.title),
                        _text(art.outlet),
                        art.published.isoformat() if art.published else None,
                        art.url,
                        _text(art.text),
                        _json(art),
                    ),
                )

    def articles(self, *, current_only: bool = True) -> Iterator[Article]:
        sql = "SELECT data FROM articles"
        if current_only:
            sql += " WHERE current = 1"
        sql += ' ORDER BY published IS NULL, published COLLATE "C", id COLLATE "C"'
        for row in self._query(sql):
            yield article_from_dict(json.loads(row["data"]))

    def article_ids(self) -> list[str]:
        rows = self._query('SELECT id FROM articles WHERE current = 1 ORDER BY id COLLATE "C"')
        return [r["id"] for r in rows]

    def get_article(self, article_id: str) -> Article:
        """By full id, or by a unique prefix of at least four characters (as the CLI shows)."""
        if len(article_id) < 4:
            raise NotFound("article", article_id)
        rows = self._query(
            """SELECT data FROM articles WHERE id = %s OR id LIKE %s
               ORDER BY id = %s DESC LIMIT 1""",
            (article_id, article_id.replace("%", "").replace("_", "\\_") + "%", article_id),
        )
        if not rows:
            raise NotFound("article", article_id)
        return article_from_dict(json.loads(rows[0]["data"]))

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        wanted = list(ids)
        out: dict[str, Article] = {}
        for start in range(0, len(wanted), 5000):
            chunk = wanted[start : start + 5000]
            for row in self._query(
                "SELECT id, data FROM articles WHERE id = ANY(%s::text[])", (chunk,)
            ):
                out[row["id"]] = article_from_dict(json.loads(row["data"]))
        return [out[i] for i in wanted if i in out]

    def count_articles(self) -> int:
        return int(self._query("SELECT COUNT(*) AS n FROM articles WHERE current = 1")[0]["n"])

    def search_articles(self, query: str, limit: int = 100) -> list[str]:
        """Article ids with every word of the query; ``plainto_tsquery`` reads user input
        as plain words, so it can never be taken as query syntax."""
        words = [w for w in query.replace('"', " ").split() if w]
        if not words:
            return []
        rows = self._query(
            """SELECT id FROM articles, plainto_tsquery('simple', %s) q
               WHERE fts @@ q AND current = 1
               ORDER BY ts_rank(fts, q) DESC, id COLLATE "C" LIMIT %s""",
            (" ".join(words), limit),
        )
        return [r["id"] for r in rows]

    # ------------------------------------------------------------------ problems

    def add_problem(self, problem: ReadProblem) -> None:
        with self.transaction() as conn:
            conn.execute(
                """INSERT INTO problems (path, record, reason, severity, seen_at)
                   VALUES (%s, %s, %s, %s, %s)
                   ON CONFLICT (path, record, reason) DO UPDATE SET seen_at = excluded.seen_at""",
                (
                    problem.path[:REASON_CHARS],
                    (problem.record or "")[:REASON_CHARS],
                    _text(problem.reason[:REASON_CHARS]),
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

    def annotation_state(self) -> dict[str, tuple[str, str]]:
        """article id -> (text_sha, annotator version), to re-annotate only what changed."""
        rows = self._query("SELECT article, text_sha, version FROM annotations")
        return {r["article"]: (r["text_sha"], r["version"]) for r in rows}

    def put_annotations(self, items: Iterable[Annotations]) -> None:
        rows = [(a.article, a.text_sha, a.version, _json(a)) for a in items]
        if not rows:
            return
        with self.transaction() as conn, conn.cursor() as cur:
            cur.executemany(
                """INSERT INTO annotations (article, text_sha, version, data)
                   VALUES (%s, %s, %s, %s)
                   ON CONFLICT(article) DO UPDATE SET text_sha = excluded.text_sha,
                     version = excluded.version, data = excluded.data""",
                rows,
            )

    def get_annotations(self, article_ids: Iterable[str] | None = None) -> dict[str, Annotations]:
        if article_ids is None:
            rows = self._query("SELECT article, data FROM annotations")
        else:
            ids = list(article_ids)
            rows = []
            for i in range(0, len(ids), 5000):
                rows += self._query(
                    "SELECT article, data FROM annotations WHERE article = ANY(%s::text[])",
                    (ids[i : i + 5000],),
                )
        return {r["article"]: annotations_from_dict(json.loads(r["data"])) for r in rows}

    # ------------------------------------------------------------------ entities

    def put_entities(self, entities: Iterable[Entity]) -> None:
        """Replace the corpus-wide entity table (resolution is recomputed as a whole)."""
        rows = [(e.id, e.name, e.label, _json(e)) for e in entities]
        with self.transaction() as conn, conn.cursor() as cur:
            cur.execute("DELETE FROM entities")
            if rows:
                cur.executemany(
                    "INSERT INTO entities (id, name, label, data) VALUES (%s, %s, %s, %s)", rows
                )

    def entities(self) -> dict[str, Entity]:
        rows = self._query('SELECT id, data FROM entities ORDER BY name COLLATE "C"')
        return {r["id"]: entity_from_dict(json.loads(r["data"])) for r in rows}

    # ------------------------------------------------------------------ vectors

    def put_vectors(self, model: str, items: Iterable[tuple[str, str, np.ndarray]]) -> None:
        rows = [
            (aid, model, sha, np.asarray(vec, dtype=np.float32).tobytes())
            for aid, sha, vec in items
        ]
        if not rows:
            return
        with self.transaction() as conn, conn.cursor() as cur:
            cur.executemany(
                """INSERT INTO vectors (article, model, text_sha, data) VALUES (%s, %s, %s, %s)
                   ON CONFLICT(article, model) DO UPDATE SET text_sha = excluded.text_sha,
                     data = excluded.data""",
                rows,
            )

    def get_vectors(self, model: str) -> dict[str, tuple[str, np.ndarray]]:
        rows = self._query("SELECT article, text_sha, data FROM vectors WHERE model = %s", (model,))
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
                (
                    s.id,
                    s.title,
                    s.start.isoformat() if s.start else None,
                    s.end.isoformat() if s.end else None,
                    len(s.articles),
                    _json(s),
                )
            )
            member_rows += [(a, s.id) for a in s.articles]
        with self.transaction() as conn, conn.cursor() as cur:
            cur.execute("DELETE FROM stories")
            cur.execute("DELETE FROM story_articles")
            if story_rows:
                cur.executemany(
                    """INSERT INTO stories (id, title, start_at, end_at, n_articles, data)
                       VALUES (%s, %s, %s, %s, %s, %s)""",
                    story_rows,
                )
            if member_rows:
                cur.executemany(
                    "INSERT INTO story_articles (article, story) VALUES (%s, %s)", member_rows
                )

    def stories(self) -> list[Story]:
        rows = self._query(
            'SELECT data FROM stories ORDER BY start_at IS NULL, start_at COLLATE "C", '
            'id COLLATE "C"'
        )
        return [story_from_dict(json.loads(r["data"])) for r in rows]

    def get_story(self, story_id: str) -> Story:
        if len(story_id) < 4:
            raise NotFound("story", story_id)
        rows = self._query(
            """SELECT data FROM stories WHERE id = %s OR id LIKE %s
               ORDER BY id = %s DESC LIMIT 1""",
            (story_id, story_id.replace("%", "").replace("_", "\\_") + "%", story_id),
        )
        if not rows:
            raise NotFound("story", story_id)
        return story_from_dict(json.loads(rows[0]["data"]))

    def story_of(self, article_id: str) -> str | None:
        rows = self._query("SELECT story FROM story_articles WHERE article = %s", (article_id,))
        return None if not rows else str(rows[0]["story"])

    # ------------------------------------------------------------------ reuse

    def put_reuse(self, pairs: Iterable[ReusePair], *, replace: bool = True) -> None:
        rows = [(p.a, p.b, p.kind, p.score, _json(p)) for p in pairs]
        with self.transaction() as conn, conn.cursor() as cur:
            if replace:
                cur.execute("DELETE FROM reuse")
            if rows:
                cur.executemany(
                    """INSERT INTO reuse (a, b, kind, score, data) VALUES (%s, %s, %s, %s, %s)
                       ON CONFLICT(a, b) DO UPDATE SET kind = excluded.kind,
                         score = excluded.score, data = excluded.data""",
                    rows,
                )

    def reuse_pairs(self, article_ids: Iterable[str] | None = None) -> list[ReusePair]:
        if article_ids is None:
            rows = self._query('SELECT data FROM reuse ORDER BY a COLLATE "C", b COLLATE "C"')
        else:
            wanted = list(article_ids)
            rows = self._query(
                "SELECT data FROM reuse WHERE a = ANY(%s::text[]) OR b = ANY(%s::text[]) "
                'ORDER BY a COLLATE "C", b COLLATE "C"',
                (wanted, wanted),
            )
        return [reuse_from_dict(json.loads(r["data"])) for r in rows]

    # ------------------------------------------------------------------ reports

    def put_report(self, story_id: str, input_sha: str, report: dict[str, Any]) -> None:
        outlets = sorted({a.get("outlet") or "" for a in report.get("articles", [])})
        with self.transaction() as conn:
            conn.execute(
                """INSERT INTO reports (story, input_sha, n_conflicts, outlets, data)
                   VALUES (%s, %s, %s, %s, %s)
                   ON CONFLICT(story) DO UPDATE SET input_sha = excluded.input_sha,
                     n_conflicts = excluded.n_conflicts, outlets = excluded.outlets,
                     data = excluded.data""",
                (
                    story_id,
                    input_sha,
                    len(report.get("conflicts", [])),
                    json.dumps(outlets, ensure_ascii=False),
                    json.dumps(report, ensure_ascii=False, sort_keys=True),
                ),
            )

    def report_state(self) -> dict[str, str]:
        rows = self._query("SELECT story, input_sha FROM reports")
        return {r["story"]: r["input_sha"] for r in rows}

    def get_report(self, story_id: str) -> dict[str, Any]:
        rows = self._query("SELECT data FROM reports WHERE story = %s", (story_id,))
        if not rows:
            raise NotFound("story report", story_id)
        data: dict[str, Any] = json.loads(rows[0]["data"])
        return data

    def reports(self) -> list[dict[str, Any]]:
        rows = self._query('SELECT data FROM reports ORDER BY story COLLATE "C"')
        return [json.loads(r["data"]) for r in rows]

    def delete_reports_except(self, story_ids: Iterable[str]) -> None:
        keep = list(story_ids)
        with self.transaction() as conn:
            conn.execute("DELETE FROM reports WHERE NOT (story = ANY(%s::text[]))", (keep,))
