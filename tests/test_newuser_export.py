"""Export as a data user reads it: typed Parquet, every article with its story, and the
stories file with the same columns whatever the format.

The store is the real ``analyze`` of the invented flood (``test_newuser_versions``):
three outlets, one story, compared.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsprism.export import export_store
from newsprism.store.sqlite import SQLiteStore
from tests.test_newuser_versions import write_corpus

pytestmark = pytest.mark.slow  # runs analyze, which loads the models


@pytest.fixture(scope="module")
def flood_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("exported")
    write_corpus(root / "in", edited=False)
    db = root / "flood.db"
    res = subprocess.run(
        [sys.executable, "-m", "newsprism", "analyze", str(root / "in"), "--db", str(db),
         "--out", str(root / "out"), "-q"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    return db


def test_parquet_columns_are_typed(flood_db: Path, tmp_path: Path) -> None:
    with SQLiteStore(flood_db, read_only=True) as store:
        export_store(store, tmp_path, "parquet", stories=True)
    table = pq.read_table(tmp_path / "articles.parquet")
    schema = table.schema
    assert pa.types.is_timestamp(schema.field("published").type)
    assert pa.types.is_timestamp(schema.field("updated").type)
    assert pa.types.is_list(schema.field("wire").type)
    assert pa.types.is_list(schema.field("removed").type)
    assert pa.types.is_struct(schema.field("dateline").type)
    assert table.column("published").to_pylist()[0] == datetime(2024, 3, 5, 9, 0)
    stories = pq.read_table(tmp_path / "stories.parquet")
    assert pa.types.is_list(stories.schema.field("articles").type)
    assert pa.types.is_timestamp(stories.schema.field("start").type)


def test_every_article_row_names_its_story(flood_db: Path, tmp_path: Path) -> None:
    with SQLiteStore(flood_db, read_only=True) as store:
        (story,) = store.stories()
        for fmt in ("jsonl", "csv", "parquet"):
            export_store(store, tmp_path / fmt, fmt)  # type: ignore[arg-type]
    lines = (tmp_path / "jsonl" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    jsonl = [json.loads(x) for x in lines]
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    parquet = pq.read_table(tmp_path / "parquet" / "articles.parquet").to_pylist()
    for records in (jsonl, rows, parquet):
        assert [r["story"] for r in records] == [story.id] * 3


def test_stories_have_the_same_columns_in_every_format(flood_db: Path, tmp_path: Path) -> None:
    with SQLiteStore(flood_db, read_only=True) as store:
        for fmt in ("jsonl", "csv", "parquet"):
            export_store(store, tmp_path / fmt, fmt, stories=True)  # type: ignore[arg-type]
    (line,) = (tmp_path / "jsonl" / "stories.jsonl").read_text().splitlines()
    jsonl = json.loads(line)
    with (tmp_path / "csv" / "stories.csv").open(encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    (parquet,) = pq.read_table(tmp_path / "parquet" / "stories.parquet").to_pylist()
    assert list(jsonl) == list(row) == list(parquet)
    assert jsonl["n_articles"] == parquet["n_articles"] == int(row["n_articles"]) == 3
    assert jsonl["articles"] == parquet["articles"] == json.loads(row["articles"])
    assert jsonl["report"]["id"] == jsonl["id"]


def test_the_cli_counts_stories_only_when_it_exports_them(flood_db: Path, tmp_path: Path) -> None:
    def export(*extra: str) -> str:
        res = subprocess.run(
            [sys.executable, "-m", "newsprism", "export", "--db", str(flood_db),
             "--out", str(tmp_path), *extra],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert res.returncode == 0, res.stderr
        return res.stdout.splitlines()[-1]

    assert export() == "3 articles"
    assert export("--stories") == "3 articles, 1 story"
