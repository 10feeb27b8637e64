"""Streaming writers: rows go to the file as they come, a batch at a time.

Every writer takes the same records (lists and objects as Python lists and dicts,
times as ISO text) and writes them as its format holds them best: JSON Lines as they
are; CSV with lists and objects as JSON text in the cell; Parquet typed, from the
column kinds the caller names (times as timestamps, lists as lists, objects as
structs), so a data tool reads a date as a date without parsing.

JSON Lines and CSV need nothing beyond the standard library. Parquet needs pyarrow
(the ``parquet`` extra); it is written one row group per batch, so memory stays flat.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from newsprism.errors import MissingExtra

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[Format, ...] = ("jsonl", "csv", "parquet")

Kind = Literal["string", "int", "timestamp", "strings", "removed", "dateline", "json"]
"""How a column is typed in Parquet: text (the default), an integer, a timestamp, a
list of strings, removed lines, a dateline object, or JSON text (a nested record too
irregular for one struct type)."""


class RowWriter(Protocol):
    def write(self, rows: Sequence[dict[str, Any]]) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    def __init__(self, path: Path) -> None:
        self._fh: IO[str] = path.open("w", encoding="utf-8", newline="\n")

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        for row in rows:
            self._fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")

    def close(self) -> None:
        self._fh.close()


class CsvWriter:
    """Lists and objects as JSON text in their cell (CSV has no nesting)."""

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        self._fh: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._csv = csv.DictWriter(self._fh, fieldnames=list(columns), extrasaction="ignore")
        self._csv.writeheader()

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        self._csv.writerows(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for k, v in row.items()
            }
            for row in rows
        )

    def close(self) -> None:
        self._fh.close()


def _timestamp(value: object) -> datetime | None:
    """ISO text as a naive timestamp (an aware one in UTC), None when it is not one."""
    if isinstance(value, datetime):
        stamp = value
    elif isinstance(value, str) and value:
        try:
            stamp = datetime.fromisoformat(value)
        except ValueError:
            return None
    else:
        return None
    return stamp.astimezone(UTC).replace(tzinfo=None) if stamp.tzinfo else stamp


class ParquetWriter:
    """Every column typed by its ``kinds`` entry; unnamed columns are text."""

    def __init__(self, path: Path, columns: Sequence[str], kinds: Mapping[str, Kind]) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise MissingExtra("parquet export", "parquet", "pyarrow") from None
        self._pa = pa
        types: dict[str, Any] = {
            "string": pa.string(),
            "json": pa.string(),
            "int": pa.int64(),
            "timestamp": pa.timestamp("us"),
            "strings": pa.list_(pa.string()),
            "removed": pa.list_(
                pa.struct([("line_no", pa.int64()), ("text", pa.string()), ("reason", pa.string())])
            ),
            "dateline": pa.struct(
                [
                    ("text", pa.string()),
                    ("place", pa.string()),
                    ("agency", pa.string()),
                    ("span", pa.list_(pa.int64())),
                ]
            ),
        }
        self._kinds = {c: kinds.get(c, "string") for c in columns}
        self._schema = pa.schema([(c, types[k]) for c, k in self._kinds.items()])
        self._writer = pq.ParquetWriter(str(path), self._schema)

    def _cell(self, kind: Kind, value: object) -> object:
        if value is None:
            return None
        if kind == "timestamp":
            return _timestamp(value)
        if kind == "json":
            return json.dumps(value, ensure_ascii=False)
        return value

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            columns = {
                name: [self._cell(kind, row.get(name)) for row in rows]
                for name, kind in self._kinds.items()
            }
            self._writer.write_table(self._pa.table(columns, schema=self._schema))

    def close(self) -> None:
        self._writer.close()


def open_writer(
    path: Path, fmt: Format, columns: Sequence[str], kinds: Mapping[str, Kind] | None = None
) -> RowWriter:
    if fmt == "jsonl":
        return JsonlWriter(path)
    if fmt == "csv":
        return CsvWriter(path, columns)
    return ParquetWriter(path, columns, kinds or {})
