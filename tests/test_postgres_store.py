"""One store contract, held against both backends: a real SQLite file and a real
PostgreSQL server on loopback. A pipeline stage must never be able to tell them apart."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pg
import pytest

from newsprism.errors import NotFound, StoreError
from newsprism.model import (
    Annotations,
    Article,
    Entity,
    Mention,
    Metadata,
    Quantity,
    Quote,
    RawDocument,
    ReadProblem,
    ReusePair,
    Sentence,
    SharedSentence,
    Source,
    Story,
    TimeExpression,
    sha256_hex,
)
from newsprism.store import base, open_store
from newsprism.store.schema import SCHEMA_VERSION
from tests.conftest import comparison

pg_server = pg.pg_server
pg_url = pg.pg_url

pytestmark = pytest.mark.postgres

HARBOUR = "The harbour authority of Velmora closed the northern pier on Tuesday after a crane fell."
STORM = "A storm warning kept 40 fishing boats in port along the Caldera coast."


def make_raw(text: str, url: str | None = "https://example.test/pier") -> RawDocument:
    return RawDocument(
        source=Source(path="/in/pier.txt", format="text"),
        content_sha=sha256_hex(text),
        text=text,
        meta=Metadata(url=url, outlet="Velmora Post", extra={"lang": "en"}),
        size=len(text),
    )


def make_article(raw: RawDocument, text: str, part: int = 0) -> Article:
    key = f"{raw.key}#{part}"
    return Article(
        id=Article.make_id(key, part, text),
        source=raw.source,
        raw_sha=raw.content_sha,
        part=part,
        text=text,
        title="Pier closed",
        outlet="Velmora Post",
        url=raw.meta.url,
        published=datetime(2031, 3, 4, 9, 30, tzinfo=UTC),
        key=key,
    )


@pytest.fixture(params=["sqlite", "postgres"])
def address(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "contract.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(address: str) -> Iterator[Any]:
    with open_store(address) as s:
        yield s


def test_schema_is_migrated_once_and_reopens(address: str) -> None:
    with open_store(address) as first:
        assert first.schema_version() == SCHEMA_VERSION
    with open_store(address) as again, open_store(address, read_only=True) as ro:
        assert again.schema_version() == SCHEMA_VERSION
        assert ro.schema_version() == SCHEMA_VERSION


def test_add_raw_is_idempotent_and_round_trips(store: Any) -> None:
    raw = make_raw(HARBOUR)
    assert store.add_raw(raw) is True
    assert store.add_raw(raw) is False
    assert store.count_raw() == 1
    [back] = list(store.raw_documents())
    assert back == raw
    assert [r.content_sha for r in store.raw_documents(uncleaned_only=True)] == [raw.content_sha]
    store.put_articles(raw.content_sha, [make_article(raw, HARBOUR)])
    assert list(store.raw_documents(uncleaned_only=True)) == []


def test_new_content_under_one_key_is_a_new_version(store: Any) -> None:
    first = make_raw(HARBOUR)
    second = make_raw(HARBOUR + " Repairs will take a week.")
    for raw in (first, second):
        store.add_raw(raw)
        store.put_articles(raw.content_sha, [make_article(raw, raw.text or "")])
    # a retried write of the same document must not invent a third version
    store.put_articles(second.content_sha, [make_article(second, second.text or "")])
    current = list(store.articles())
    every = list(store.articles(current_only=False))
    assert [a.text for a in current] == [second.text]
    assert sorted(a.version for a in every) == [1, 2]
    assert store.count_articles() == 1
    assert store.get_article(current[0].id[:6]).version == 2
    assert store.article_ids() == [current[0].id]


def test_full_text_search_finds_words_and_reads_syntax_as_words(store: Any) -> None:
    a = make_raw(HARBOUR, "https://example.test/a")
    b = make_raw(STORM, "https://example.test/b")
    for raw in (a, b):
        store.add_raw(raw)
        store.put_articles(raw.content_sha, [make_article(raw, raw.text or "")])
    [art_a] = store.get_articles([make_article(a, HARBOUR).id])
    assert store.search_articles("crane") == [art_a.id]
    assert store.search_articles("northern pier") == [art_a.id]
    assert store.search_articles("crane storm") == []
    assert len(store.search_articles("Velmora")) == 2  # outlet is indexed too
    assert store.search_articles('" OR NEAR( -crane') == []
    assert store.search_articles("   ") == []


def test_annotations_round_trip_exactly(store: Any) -> None:
    raw = make_raw(HARBOUR)
    store.add_raw(raw)
    art = make_article(raw, HARBOUR)
    store.put_articles(raw.content_sha, [art])
    ann = Annotations(
        article=art.id,
        text_sha=sha256_hex(HARBOUR),
        version="t1",
        sentences=[Sentence((0, len(HARBOUR)), 0)],
        mentions=[Mention((26, 33), "Velmora", "GPE", entity="e1")],
        quotes=[Quote((4, 20), "harbour authority", "indirect", speaker="authority")],
        quantities=[Quantity((0, 2), "40", 40.0, noun="boats", qualifier="at least")],
        times=[
            TimeExpression(
                (60, 70), "on Tuesday", date(2031, 3, 4), date(2031, 3, 4), "weekday", None
            )
        ],
    )
    store.put_annotations([ann])
    store.put_annotations([ann])
    assert store.get_annotations() == {art.id: ann}
    assert store.get_annotations([art.id, "missing"]) == {art.id: ann}
    assert store.annotation_state() == {art.id: (ann.text_sha, "t1")}


def test_stories_replace_the_whole_set(store: Any) -> None:
    s1 = Story("s1aaaa", "Pier closed", ["a1", "a2"], start=datetime(2031, 3, 4, tzinfo=UTC))
    s2 = Story("s2bbbb", "Storm", ["a3"], related=["s1aaaa"])
    store.put_stories([s1, s2])
    assert store.stories() == [s1, s2]
    assert store.story_of("a3") == "s2bbbb"
    s3 = Story("s3cccc", "Pier reopened", ["a1"])
    store.put_stories([s3])
    assert store.stories() == [s3]
    assert store.story_of("a3") is None
    assert store.get_story("s3cc") == s3
    with pytest.raises(NotFound):
        store.get_story("s1aaaa")


def test_vectors_entities_reuse_reports_problems(store: Any) -> None:
    vec = np.linspace(-1, 1, 8, dtype=np.float32)
    store.put_vectors("m", [("a1", "sha1", vec)])
    store.put_vectors("m", [("a1", "sha2", vec * 2)])
    [(sha, back)] = store.get_vectors("m").values()
    assert sha == "sha2" and np.array_equal(back, vec * 2)
    assert store.get_vectors("other") == {}

    ent = Entity("e1", "Velmora", "GPE", {"Velmora": 3, "Velmorra": 1}, ["a1"])
    store.put_entities([ent])
    store.put_entities([ent])
    assert store.entities() == {"e1": ent}

    pair = ReusePair("a1", "a2", "wire-copy", 0.9, [SharedSentence((0, 5), (1, 6), 0.97, ("x",))])
    store.put_reuse([pair])
    store.put_reuse([pair], replace=False)
    assert store.reuse_pairs() == [pair]
    assert store.reuse_pairs(["a2"]) == [pair]
    assert store.reuse_pairs(["zz"]) == []

    report = comparison("s1", "Pier", outlets=("Velmora Post",), contradictions=2)
    store.put_report("s1", "in1", report)
    store.put_report("s2", "in2", comparison("s2"))
    assert store.report_state() == {"s1": "in1", "s2": "in2"}
    assert store.get_report("s1") == report
    store.delete_reports_except(["s2"])
    assert [r.id for r in store.reports()] == ["s2"]
    store.delete_reports_except([])
    assert list(store.reports()) == []
    with pytest.raises(NotFound):
        store.get_report("s1")

    problem = ReadProblem("/in/x.gz", "truncated gzip stream after 3 records", "4")
    store.add_problem(problem)
    store.add_problem(problem)
    assert store.problems() == [problem]


def test_cluster_readers_agree_with_the_full_listings(store: Any) -> None:
    a = make_raw(HARBOUR, "https://example.test/a")
    b = make_raw(STORM, "https://example.test/b")
    b.source = Source(path="/in/pier.txt", format="warc", record="7")
    for raw in (b, a):
        store.add_raw(raw)
    store.put_articles(a.content_sha, [make_article(a, HARBOUR)])
    listed = list(store.raw_documents())
    assert [r.content_sha for r in listed] == [a.content_sha, b.content_sha]  # no record first
    headers = list(store.raw_headers())
    assert [(h.content_sha, h.text, h.html, h.meta) for h in headers] == [
        (r.content_sha, None, None, r.meta) for r in listed
    ]
    assert list(store.get_raw_documents([b.content_sha, a.content_sha, "nope"])) == listed
    assert store.known_raw([a.content_sha, "nope"]) == {a.content_sha}
    assert store.known_raw([]) == set()
    assert store.cleaned_raw_shas([a.content_sha, b.content_sha]) == {a.content_sha}
    art = make_article(a, HARBOUR)
    assert store.article_dates() == [(art.id, art.published)]


def test_prefix_lookup_takes_like_wildcards_literally(store: Any) -> None:
    raw = make_raw(HARBOUR)
    store.add_raw(raw)
    store.put_articles(raw.content_sha, [make_article(raw, HARBOUR)])
    with pytest.raises(NotFound):
        store.get_article("%%%%")
    with pytest.raises(NotFound):
        store.get_article("____")


STORY_REPORT = comparison(
    "s1",
    "Pier closed after crane fall",
    outlets=("Velmora Post", "Harbour Daily"),
    span=("2031-03-04", "2031-03-06"),
    contradictions=1,
    differences=2,
)


def test_report_index_is_the_story_list_without_parsing_reports(store: Any) -> None:
    store.put_report("s1", "in1", STORY_REPORT)
    store.put_report("s0", "in0", comparison("s0", "Storm warning"))
    assert store.report_index() == [comparison("s0", "Storm warning").index_row(),
                                    STORY_REPORT.index_row()]  # fmt: skip
    [_, s1] = store.report_index()
    assert s1.outlets == ["Harbour Daily", "Velmora Post"]
    assert (s1.n_articles, s1.n_conflicts) == (2, 1)  # "differs" is not a conflict
    assert (s1.span.start, s1.span.end) == ("2031-03-04", "2031-03-06")


def test_an_older_database_is_migrated_and_its_stale_reports_dropped(
    address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as m:
        m.setattr(base, "SCHEMA_VERSION", 1)  # what newsprism wrote before migration 1
        with open_store(address) as old:
            assert old.schema_version() == 1
            with old.transaction():
                old._execute(  # a report as version 1 stored it, in the old JSON shape
                    "INSERT INTO reports (story, input_sha, n_conflicts, outlets, data)"
                    " VALUES (?, ?, ?, ?, ?)",
                    ("s1", "in1", 3, '["", "Velmora Post"]', json.dumps({"id": "s1"})),
                )
    with pytest.raises(
        StoreError, match=rf"schema version 1 is older than this newsprism \({SCHEMA_VERSION}\)"
    ):
        open_store(address, read_only=True)
    with open_store(address) as new:
        assert new.schema_version() == SCHEMA_VERSION
        assert new.report_index() == []  # recomputed by the next compare, never misread
        assert new.report_state() == {}
        new.put_report("s1", "in2", STORY_REPORT)
        assert [e.title for e in new.report_index()] == ["Pier closed after crane fall"]


def test_transaction_rolls_back_everything(store: Any) -> None:
    raw = make_raw(HARBOUR)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_raw(raw)
        store.put_articles(raw.content_sha, [make_article(raw, HARBOUR)])
        raise RuntimeError("killed mid-batch")
    assert store.count_raw() == 0
    assert store.count_articles() == 0


# --------------------------------------------------------------------------- PostgreSQL only


def test_postgres_read_only_refuses_writes(pg_url: str) -> None:
    import psycopg

    with pytest.raises(StoreError, match="no newsprism database"):
        open_store(pg_url, read_only=True)
    open_store(pg_url).close()
    with (
        open_store(pg_url, read_only=True) as ro,
        pytest.raises(psycopg.errors.ReadOnlySqlTransaction),
    ):
        ro.add_raw(make_raw(HARBOUR))


def test_postgres_error_names_server_without_password() -> None:
    with pytest.raises(StoreError) as info:
        open_store("postgresql://someone:s3cret@127.0.0.1:1/nowhere")
    assert "s3cret" not in str(info.value)
    assert "127.0.0.1:1/nowhere" in str(info.value)


def _write_versions(url: str, worker: int, rounds: int) -> list[bool]:
    """One process's writes: a shared raw document, and its own edits of one key."""
    added = []
    with open_store(url) as store:
        for r in range(rounds):
            added.append(store.add_raw(make_raw(STORM, "https://example.test/shared")))
            raw = make_raw(f"{HARBOUR} Update {worker}-{r}.")
            store.add_raw(raw)
            store.put_articles(raw.content_sha, [make_article(raw, raw.text or "")])
    return added


def test_postgres_concurrent_writers_version_each_edit_once(pg_url: str) -> None:
    open_store(pg_url).close()
    workers, rounds = 4, 5
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers) as pool:
        results = pool.starmap(_write_versions, [(pg_url, w, rounds) for w in range(workers)])
    assert sum(flag for res in results for flag in res) == 1  # the shared page: stored once
    with open_store(pg_url) as store:
        every = list(store.articles(current_only=False))
        assert sorted(a.version for a in every) == list(range(1, workers * rounds + 1))
        assert store.count_articles() == 1
        assert store.count_raw() == workers * rounds + 1
