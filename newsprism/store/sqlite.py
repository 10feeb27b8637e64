"""The embedded store: one SQLite file holding raw input, articles and every later result.

Why SQLite: it runs offline on a laptop with nothing to install, it has full-text
search (FTS5), and one file is easy to hand to a colleague. Writes go through
``transaction()`` so a crash or Ctrl-C mid-run leaves the file consistent; every
write is keyed by a content hash or an id, so a rerun writes nothing twice.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import NotFound, StoreError
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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, sort_keys=True)


class SQLiteStore:
    """All reads and writes of one newsprism database file.

    ``read_only=True`` opens the file with SQLite's own read-only mode, which the
    web app uses so that no request can change the store.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._local = threading.local()
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (run `newsprism ingest` first)")
        try:
            conn = self.conn
            if not read_only:
                self._migrate(conn)
            else:
                self._check_version(conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a newsprism database: {exc}") from exc

    # ------------------------------------------------------------------ connection

    @property
    def conn(self) -> sqlite3.Connection:
        """One connection per thread: sqlite3 connections must not cross threads."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self.read_only:
                uri = f"file:{self.path.resolve()}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=30)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, check_same_thread=False, timeout=60)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.row_factory = sqlite3.Row
            conn.isolation_level = None  # explicit transactions only
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: an exception (or a kill) inside rolls everything back."""
        conn = self.conn
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    # ------------------------------------------------------------------ schema

    def schema_version(self) -> int:
        row = self.conn.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def _check_version(self, conn: sqlite3.Connection) -> None:
        version = self.schema_version()
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version}, this newsprism needs {SCHEMA_VERSION}"
                " (open it once without --read-only to migrate)"
            )

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this newsprism "
                f"({SCHEMA_VERSION}); upgrade newsprism"
            )
        for target in range(version, SCHEMA_VERSION):
            with self.transaction():
                for stmt in MIGRATIONS[target]:
                    conn.execute(stmt.replace("BYTEA", "BLOB"))
                if target == 0:
                    for stmt in FTS_STATEMENTS:
                        conn.execute(stmt)
                conn.execute(f"PRAGMA user_version = {target + 1}")

    # ------------------------------------------------------------------ raw input

    def has_raw(self, sha: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM raw_documents WHERE sha = ?", (sha,)).fetchone()
        return row is not None

    def add_raw(self, raw: RawDocument) -> bool:
        """Store a raw document; False (and nothing written) when its content is known."""
        with self.transaction() as conn:
            cur = conn.execute(
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
                    raw.text,
                    raw.html,
                    _json(raw.meta),
                    _now(),
                ),
            )
            return cur.rowcount == 1

    @staticmethod
    def _raw_from_row(row: sqlite3.Row) -> RawDocument:
        meta = json.loads(row["meta"])
        return RawDocument(
            source=Source(path=row["path"], format=row["format"], record=row["record"]),
            content_sha=row["sha"],
            text=row["text"],
            html=row["html"],
            encoding=row["encoding"] or "utf-8",
            meta=Metadata(**meta),
            size=row["size"],
        )

    def raw_documents(self, *, uncleaned_only: bool = False) -> Iterator[RawDocument]:
        sql = "SELECT * FROM raw_documents"
        if uncleaned_only:
            sql += " WHERE sha NOT IN (SELECT raw_sha FROM articles)"
        sql += " ORDER BY path, record, sha"
        for row in self.conn.execute(sql).fetchall():
            yield self._raw_from_row(row)

    def count_raw(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM raw_documents").fetchone()[0])

    # ------------------------------------------------------------------ articles

    def put_articles(self, raw_sha: str, articles: Sequence[Article]) -> None:
        """Replace the articles cut from one raw document, versioning by article key.

        A key seen before with other content gets the next version number and becomes
        the current one; older versions stay, marked not current.
        """
        with self.transaction() as conn:
            conn.execute("DELETE FROM articles WHERE raw_sha = ?", (raw_sha,))
            for art in articles:
                prior = conn.execute(
                    "SELECT COUNT(DISTINCT raw_sha) FROM articles WHERE article_key = ?",
                    (art.key,),
                ).fetchone()[0]
                art.version = int(prior) + 1
                conn.execute("UPDATE articles SET current = 0 WHERE article_key = ?", (art.key,))
                conn.execute(
                    """INSERT INTO articles
                       (id, raw_sha, part, article_key, version, current, title, outlet,
                        published, url, body, data)
                       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET data = excluded.data,
                         title = excluded.title, outlet = excluded.outlet,
                         published = excluded.published, url = excluded.url, current = 1""",
                    (
                        art.id,
                        raw_sha,
                        art.part,
                        art.key,
                        art.version,
                        art.title,
                        art.outlet,
                        art.published.isoformat() if art.published else None,
                        art.url,
                        art.text,
                        _json(art),
                    ),
                )

    def articles(self, *, current_only: bool = True) -> Iterator[Article]:
        sql = "SELECT data FROM articles"
        if current_only:
            sql += " WHERE current = 1"
        sql += " ORDER BY published IS NULL, published, id"
        for row in self.conn.execute(sql).fetchall():
            yield article_from_dict(json.loads(row["data"]))

    def article_ids(self) -> list[str]:
        rows = self.conn.execute("SELECT id FROM articles WHERE current = 1 ORDER BY id")
        return [r[0] for r in rows.fetchall()]

    def get_article(self, article_id: str) -> Article:
        """By full id, or by a unique prefix of at least four characters (as the CLI shows)."""
        if len(article_id) < 4:
            raise NotFound("article", article_id)
        row = self.conn.execute(
            "SELECT data FROM articles WHERE id = ? OR id LIKE ? ORDER BY id = ? DESC LIMIT 1",
            (article_id, f"{article_id}%", article_id),
        ).fetchone()
        if row is None:
            raise NotFound("article", article_id)
        return article_from_dict(json.loads(row["data"]))

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        wanted = list(ids)
        out: dict[str, Article] = {}
        for chunk_start in range(0, len(wanted), 500):
            chunk = wanted[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT id, data FROM articles WHERE id IN ({marks})", chunk
            ).fetchall():
                out[row["id"]] = article_from_dict(json.loads(row["data"]))
        return [out[i] for i in wanted if i in out]

    def count_articles(self) -> int:
        return int(
            self.conn.execute("SELECT COUNT(*) FROM articles WHERE current = 1").fetchone()[0]
        )

    def search_articles(self, query: str, limit: int = 100) -> list[str]:
        """Article ids matching a full-text query; the query is quoted word by word so
        user input can never be read as FTS syntax."""
        words = [w for w in query.replace('"', " ").split() if w]
        if not words:
            return []
        fts_query = " ".join(f'"{w}"' for w in words)
        rows = self.conn.execute(
            """SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
               WHERE articles_fts MATCH ? AND a.current = 1 ORDER BY rank LIMIT ?""",
            (fts_query, limit),
        ).fetchall()
        return [r[0] for r in rows]

    # ------------------------------------------------------------------ problems

    def add_problem(self, problem: ReadProblem) -> None:
        with self.transaction() as conn:
            conn.execute(
                """INSERT INTO problems (path, record, reason, severity, seen_at)
                   VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET seen_at = excluded.seen_at""",
                (problem.path, problem.record or "", problem.reason, problem.severity, _now()),
            )

    def problems(self) -> list[ReadProblem]:
        rows = self.conn.execute("SELECT * FROM problems ORDER BY path, record").fetchall()
        return [
            ReadProblem(r["path"], r["reason"], r["record"] or None, r["severity"]) for r in rows
        ]

    # ------------------------------------------------------------------ annotations

    def annotation_state(self) -> dict[str, tuple[str, str]]:
        """article id -> (text_sha, annotator version), to re-annotate only what changed."""
        rows = self.conn.execute("SELECT article, text_sha, version FROM annotations")
        return {r[0]: (r[1], r[2]) for r in rows.fetchall()}

    def put_annotations(self, items: Iterable[Annotations]) -> None:
        with self.transaction() as conn:
            conn.executemany(
                """INSERT INTO annotations (article, text_sha, version, data) VALUES (?, ?, ?, ?)
                   ON CONFLICT(article) DO UPDATE SET text_sha = excluded.text_sha,
                     version = excluded.version, data = excluded.data""",
                [(a.article, a.text_sha, a.version, _json(a)) for a in items],
            )

    def get_annotations(self, article_ids: Iterable[str] | None = None) -> dict[str, Annotations]:
        if article_ids is None:
            rows = self.conn.execute("SELECT article, data FROM annotations").fetchall()
        else:
            ids = list(article_ids)
            rows = []
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows += self.conn.execute(
                    f"SELECT article, data FROM annotations WHERE article IN ({marks})", chunk
                ).fetchall()
        return {r[0]: annotations_from_dict(json.loads(r[1])) for r in rows}

    # ------------------------------------------------------------------ entities

    def put_entities(self, entities: Iterable[Entity]) -> None:
        """Replace the corpus-wide entity table (resolution is recomputed as a whole)."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM entities")
            conn.executemany(
                "INSERT INTO entities (id, name, label, data) VALUES (?, ?, ?, ?)",
                [(e.id, e.name, e.label, _json(e)) for e in entities],
            )

    def entities(self) -> dict[str, Entity]:
        rows = self.conn.execute("SELECT id, data FROM entities ORDER BY name").fetchall()
        return {r[0]: entity_from_dict(json.loads(r[1])) for r in rows}

    # ------------------------------------------------------------------ vectors

    def put_vectors(self, model: str, items: Iterable[tuple[str, str, np.ndarray]]) -> None:
        with self.transaction() as conn:
            conn.executemany(
                """INSERT INTO vectors (article, model, text_sha, data) VALUES (?, ?, ?, ?)
                   ON CONFLICT(article, model) DO UPDATE SET text_sha = excluded.text_sha,
                     data = excluded.data""",
                [
                    (aid, model, sha, np.asarray(vec, dtype=np.float32).tobytes())
                    for aid, sha, vec in items
                ],
            )

    def get_vectors(self, model: str) -> dict[str, tuple[str, np.ndarray]]:
        rows = self.conn.execute(
            "SELECT article, text_sha, data FROM vectors WHERE model = ?", (model,)
        ).fetchall()
        return {r[0]: (r[1], np.frombuffer(r[2], dtype=np.float32)) for r in rows}

    # ------------------------------------------------------------------ stories

    def put_stories(self, stories: Iterable[Story]) -> None:
        """Replace the story table: clustering returns the whole, updated set."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM stories")
            conn.execute("DELETE FROM story_articles")
            for s in stories:
                conn.execute(
                    """INSERT INTO stories (id, title, start_at, end_at, n_articles, data)
                       VALUES (?, ?, ?, ?, ?, ?)""",
                    (
                        s.id,
                        s.title,
                        s.start.isoformat() if s.start else None,
                        s.end.isoformat() if s.end else None,
                        len(s.articles),
                        _json(s),
                    ),
                )
                conn.executemany(
                    "INSERT INTO story_articles (article, story) VALUES (?, ?)",
                    [(a, s.id) for a in s.articles],
                )

    def stories(self) -> list[Story]:
        rows = self.conn.execute(
            "SELECT data FROM stories ORDER BY start_at IS NULL, start_at, id"
        ).fetchall()
        return [story_from_dict(json.loads(r[0])) for r in rows]

    def get_story(self, story_id: str) -> Story:
        if len(story_id) < 4:
            raise NotFound("story", story_id)
        row = self.conn.execute(
            "SELECT data FROM stories WHERE id = ? OR id LIKE ? ORDER BY id = ? DESC LIMIT 1",
            (story_id, f"{story_id}%", story_id),
        ).fetchone()
        if row is None:
            raise NotFound("story", story_id)
        return story_from_dict(json.loads(row[0]))

    def story_of(self, article_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT story FROM story_articles WHERE article = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    # ------------------------------------------------------------------ reuse

    def put_reuse(self, pairs: Iterable[ReusePair], *, replace: bool = True) -> None:
        with self.transaction() as conn:
            if replace:
                conn.execute("DELETE FROM reuse")
            conn.executemany(
                """INSERT INTO reuse (a, b, kind, score, data) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(a, b) DO UPDATE SET kind = excluded.kind,
                     score = excluded.score, data = excluded.data""",
                [(p.a, p.b, p.kind, p.score, _json(p)) for p in pairs],
            )

    def reuse_pairs(self, article_ids: Iterable[str] | None = None) -> list[ReusePair]:
        rows = self.conn.execute("SELECT data FROM reuse ORDER BY a, b").fetchall()
        pairs = [reuse_from_dict(json.loads(r[0])) for r in rows]
        if article_ids is not None:
            wanted = set(article_ids)
            pairs = [p for p in pairs if p.a in wanted or p.b in wanted]
        return pairs

    # ------------------------------------------------------------------ reports

    def put_report(self, story_id: str, input_sha: str, report: dict[str, Any]) -> None:
        outlets = sorted({a.get("outlet") or "" for a in report.get("articles", [])})
        with self.transaction() as conn:
            conn.execute(
                """INSERT INTO reports (story, input_sha, n_conflicts, outlets, data)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(story) DO UPDATE SET input_sha = excluded.input_sha,
                     n_conflicts = excluded.n_conflicts, outlets = excluded.outlets,
                     data = excluded.data""",
                (
                    story_id,
                    input_sha,
                    sum(1 for c in report.get("conflicts", []) if c.get("grade") != "agree"),
                    json.dumps(outlets, ensure_ascii=False),
                    json.dumps(report, ensure_ascii=False, sort_keys=True),
                ),
            )

    def report_state(self) -> dict[str, str]:
        rows = self.conn.execute("SELECT story, input_sha FROM reports").fetchall()
        return {r[0]: r[1] for r in rows}

    def get_report(self, story_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT data FROM reports WHERE story = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFound("story report", story_id)
        data: dict[str, Any] = json.loads(row[0])
        return data

    def reports(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT data FROM reports ORDER BY story").fetchall()
        return [json.loads(r[0]) for r in rows]

    def delete_reports_except(self, story_ids: Iterable[str]) -> None:
        keep = list(story_ids)
        with self.transaction() as conn:
            if not keep:
                conn.execute("DELETE FROM reports")
                return
            marks = ",".join("?" * len(keep))
            conn.execute(f"DELETE FROM reports WHERE story NOT IN ({marks})", keep)
