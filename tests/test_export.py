"""``export``: streaming files out of a real store, and the JSONL round trip back in."""

from __future__ import annotations

import csv
import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsprism.export import export_store
from newsprism.model import Article
from newsprism.pipeline import ingest
from newsprism.store.sqlite import SQLiteStore
from tests.conftest import EXAMPLES, comparison


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "corpus.db"
    with SQLiteStore(db) as store:
        ingest([EXAMPLES], store)
        store.put_report(
            "story-1",
            "input",
            comparison(
                "story-1",
                "Port Aldrave strike",
                outlets=("Harbour Ledger", "Coast Observer"),
                span=("2026-03-09", "2026-03-14"),
            ),
        )
    return db


def without_raw(article: Article) -> dict[str, object]:
    return {k: v for k, v in dataclasses.asdict(article).items() if k != "raw_sha"}


def test_jsonl_round_trip_gives_the_same_articles(corpus_db: Path, tmp_path: Path) -> None:
    with SQLiteStore(corpus_db, read_only=True) as store:
        summary = export_store(store, tmp_path / "out")
        before = {a.id: a for a in store.articles()}
    assert summary.articles == len(before) == 8
    with SQLiteStore(tmp_path / "again.db") as store:
        result = ingest([tmp_path / "out" / "articles.jsonl"], store)
        assert result.problems == []
        ingest([tmp_path / "out" / "articles.jsonl"], store)  # twice: nothing new
        after = {a.id: a for a in store.articles()}
    assert set(after) == set(before)
    for aid, article in before.items():
        assert without_raw(after[aid]) == without_raw(article)
    # what the round trip does not keep, and says so: the raw page is not exported
    assert all(after[i].raw_sha != before[i].raw_sha for i in before)


def test_edited_text_comes_back_as_a_new_version(corpus_db: Path, tmp_path: Path) -> None:
    with SQLiteStore(corpus_db, read_only=True) as store:
        export_store(store, tmp_path / "out")
    lines = (tmp_path / "out" / "articles.jsonl").read_text().splitlines()
    record = json.loads(lines[0])
    edited = tmp_path / "edited.jsonl"
    edited.write_text(
        lines[0] + "\n" + json.dumps({**record, "text": record["text"] + " Corrected."}) + "\n"
    )
    with SQLiteStore(tmp_path / "edited.db") as store:
        ingest([edited], store)
        versions = store.article_versions(record["key"])
    assert [v.article.version for v in versions] == [1, 2]
    assert versions[0].article.id == record["id"] and versions[1].article.id != record["id"]


def test_csv_and_parquet_hold_every_article_and_story(corpus_db: Path, tmp_path: Path) -> None:
    with SQLiteStore(corpus_db, read_only=True) as store:
        ids = sorted(store.article_ids())
        for fmt in ("csv", "parquet"):
            summary = export_store(
                store,
                tmp_path / fmt,
                fmt,
                stories=True,
                batch=3,  # type: ignore[arg-type]
            )
            assert (summary.articles, summary.stories) == (8, 1)
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ids  # streamed in id order, three at a time
    removed = json.loads(rows[0]["removed"])
    assert all({"line_no", "text", "reason"} <= set(r) for r in removed)
    table = pq.read_table(tmp_path / "parquet" / "articles.parquet")
    assert table.num_rows == 8 and table.column("id").to_pylist() == ids
    assert table.schema.field("version").type == "int64"
    stories = pq.read_table(tmp_path / "parquet" / "stories.parquet").to_pylist()
    assert stories[0]["id"] == "story-1" and stories[0]["n_articles"] == 2
    assert json.loads(stories[0]["report"])["title"] == "Port Aldrave strike"


def test_annotations_are_added_on_request(corpus_db: Path, tmp_path: Path) -> None:
    with SQLiteStore(corpus_db, read_only=True) as store:
        export_store(store, tmp_path / "plain")
        export_store(store, tmp_path / "notes", annotations=True)
    plain = json.loads((tmp_path / "plain" / "articles.jsonl").read_text().splitlines()[0])
    notes = json.loads((tmp_path / "notes" / "articles.jsonl").read_text().splitlines()[0])
    assert "annotations" not in plain
    assert "annotations" in notes and notes["annotations"] is None  # not annotated yet


@pytest.mark.slow
def test_annotations_export_with_spans_into_the_text(seed_store_path: Path, tmp_path: Path) -> None:
    with SQLiteStore(seed_store_path, read_only=True) as store:
        summary = export_store(store, tmp_path, annotations=True, stories=True)
    assert summary.stories >= 1
    records = [json.loads(line) for line in (tmp_path / "articles.jsonl").read_text().splitlines()]
    quotes = [(r["text"], q) for r in records for q in r["annotations"]["quotes"]]
    assert quotes
    for text, q in quotes:
        if q["where"] == "text":
            assert text[q["span"][0] : q["span"][1]] == q["text"]


@pytest.mark.slow
def test_parquet_without_pyarrow_names_the_extra(corpus_db: Path, tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['pyarrow'] = None; sys.modules['pyarrow.parquet'] = None\n"
        "from newsprism.cli import main; sys.argv = ['newsprism'] + sys.argv[1:]; main()"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, "export", "--format", "parquet", "--db", str(corpus_db),
         "--out", str(tmp_path / "p")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 2
    assert "pip install 'newsprism[parquet]'" in run.stderr
    assert "Traceback" not in run.stderr
