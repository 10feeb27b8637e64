"""Streaming writers: rows go to the file as they come, a batch at a time.

JSON Lines and CSV need nothing beyond the standard library. Parquet needs pyarrow
(the ``parquet`` extra); it is written one row group per batch, so memory stays flat.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from newsprism.errors import MissingExtra

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[Format, ...] = ("jsonl", "csv", "parquet")


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
    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        self._fh: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._csv = csv.DictWriter(self._fh, fieldnames=list(columns), extrasaction="ignore")
        self._csv.writeheader()

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        self._csv.writerows(rows)

    def close(self) -> None:
        self._fh.close()


class ParquetWriter:
    """Every column as text, except the integer ones named in ``ints``."""

    def __init__(self, path: Path, columns: Sequence[str], ints: Iterable[str] = ()) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise MissingExtra("parquet export", "parquet", "pyarrow") from None
        self._pa = pa
        whole = set(ints)
        self._schema = pa.schema([(c, pa.int64() if c in whole else pa.string()) for c in columns])
        self._writer = pq.ParquetWriter(str(path), self._schema)

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            columns = {name: [row.get(name) for row in rows] for name in self._schema.names}
            self._writer.write_table(self._pa.table(columns, schema=self._schema))

    def close(self) -> None:
        self._writer.close()


def open_writer(
    path: Path, fmt: Format, columns: Sequence[str], ints: Iterable[str] = ()
) -> RowWriter:
    if fmt == "jsonl":
        return JsonlWriter(path)
    if fmt == "csv":
        return CsvWriter(path, columns)
    return ParquetWriter(path, columns, ints)
