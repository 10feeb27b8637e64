"""Schema migrations, shared by every store backend.

Each migration is a list of statements; ``MIGRATIONS[i]`` takes schema version i to
i+1. Statements use only SQL that SQLite and PostgreSQL both accept, except the
full-text index, which each backend builds its own way (``fts`` hooks). A step may
also need rows rewritten, which ``BaseStore._after_step`` does in Python. Never edit a
released step: a database at that version already ran it; add the next one instead.
"""

from __future__ import annotations

SCHEMA_VERSION = 5

MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE IF NOT EXISTS raw_documents (
            sha TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            record TEXT,
            format TEXT NOT NULL,
            doc_key TEXT NOT NULL,
            encoding TEXT,
            size INTEGER NOT NULL,
            text TEXT,
            html TEXT,
            meta TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS raw_documents_key ON raw_documents(doc_key)",
        """CREATE TABLE IF NOT EXISTS articles (
            id TEXT PRIMARY KEY,
            raw_sha TEXT NOT NULL REFERENCES raw_documents(sha),
            part INTEGER NOT NULL,
            article_key TEXT NOT NULL,
            version INTEGER NOT NULL,
            current INTEGER NOT NULL DEFAULT 1,
            title TEXT,
            outlet TEXT,
            published TEXT,
            url TEXT,
            body TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS articles_raw ON articles(raw_sha)",
        "CREATE INDEX IF NOT EXISTS articles_key ON articles(article_key)",
        "CREATE INDEX IF NOT EXISTS articles_published ON articles(published)",
        """CREATE TABLE IF NOT EXISTS problems (
            path TEXT NOT NULL,
            record TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL,
            severity TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (path, record, reason)
        )""",
        """CREATE TABLE IF NOT EXISTS annotations (
            article TEXT PRIMARY KEY,
            text_sha TEXT NOT NULL,
            version TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            label TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS vectors (
            article TEXT NOT NULL,
            model TEXT NOT NULL,
            text_sha TEXT NOT NULL,
            data BYTEA NOT NULL,
            PRIMARY KEY (article, model)
        )""",
        """CREATE TABLE IF NOT EXISTS stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            start_at TEXT,
            end_at TEXT,
            n_articles INTEGER NOT NULL,
            data TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS story_articles (
            article TEXT PRIMARY KEY,
            story TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story)",
        """CREATE TABLE IF NOT EXISTS reuse (
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            kind TEXT NOT NULL,
            score REAL NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (a, b)
        )""",
        """CREATE TABLE IF NOT EXISTS reports (
            story TEXT PRIMARY KEY,
            input_sha TEXT NOT NULL,
            n_conflicts INTEGER NOT NULL,
            outlets TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
    ],
    # 1 -> 2: the story list's columns, so listing reports never parses their JSON
    # (step 3 drops the reports of this shape, so no step fills them in).
    [
        "ALTER TABLE reports ADD COLUMN title TEXT",
        "ALTER TABLE reports ADD COLUMN span_start TEXT",
        "ALTER TABLE reports ADD COLUMN span_end TEXT",
        "ALTER TABLE reports ADD COLUMN n_articles INTEGER NOT NULL DEFAULT 0",
    ],
    # 2 -> 3: the language stage's spaCy parse, kept so the comparison reads it instead
    # of parsing again (``newsprism.language.parses``); loaded only when asked for.
    # Reports change shape with it (typed comparison records, schema 2 of the story
    # JSON): the old ones are dropped and recomputed by the next compare.
    ["ALTER TABLE annotations ADD COLUMN parse BYTEA", "DELETE FROM reports"],
    # 3 -> 4: conditional-request state of collected URLs (``newsprism fetch``/``watch``);
    # a feed's last body is kept so a 304 still lists its links.
    [
        """CREATE TABLE IF NOT EXISTS fetch_state (
            url TEXT PRIMARY KEY,
            fetched_at TEXT NOT NULL,
            status INTEGER NOT NULL,
            etag TEXT,
            last_modified TEXT,
            content_sha TEXT,
            body BYTEA
        )""",
    ],
    # 4 -> 5: article keys are canonical URLs (``sources.urls``); the articles whose keys
    # then agree are merged into the versions of one (``BaseStore._canonical_keys``).
    [],
]
