"""Where newsprism keeps everything: SQLite by default, PostgreSQL for a cluster.

``open_store`` picks the backend from the address: a ``postgresql://`` URL opens
the shared PostgreSQL store (needs the ``scale`` extra), anything else is a path
to a SQLite file. Both backends have the same methods (the ``Store`` protocol, which
the rest of newsprism is typed against) and the same schema.
"""

from __future__ import annotations

from pathlib import Path

from newsprism.store.base import BaseStore
from newsprism.store.protocol import Store
from newsprism.store.sqlite import SQLiteStore

DEFAULT_DB = "newsprism.db"


def open_store(address: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
    text = str(address)
    if text.startswith(("postgresql://", "postgres://")):
        from newsprism.store.postgres import PostgresStore

        return PostgresStore(text, read_only=read_only)
    return SQLiteStore(text, read_only=read_only)


__all__ = ["DEFAULT_DB", "BaseStore", "SQLiteStore", "Store", "open_store"]
