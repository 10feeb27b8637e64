"""The Dask executor on a real two-process LocalCluster, writing to a real PostgreSQL
server, held to the local SQLite run's results on the seeds and the example corpus."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import distributed
import pg
import pytest

from newsprism import pipeline
from newsprism.model import sha256_hex
from newsprism.pipeline import IngestSummary
from newsprism.scale import run_distributed
from newsprism.scale.executor import clean_pages, ingest_files
from newsprism.scale.synthetic import write_synthetic_corpus
from newsprism.settings import Options
from newsprism.store import open_store
from tests.conftest import EXAMPLES, SEEDS

pg_server = pg.pg_server
pg_url = pg.pg_url

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _inputs() -> list[Path]:
    return [SEEDS, EXAMPLES]


def _article_rows(store: Any) -> list[tuple[Any, ...]]:
    return sorted(
        (a.id, a.key, a.version, a.title, a.published, a.outlet, sha256_hex(a.text))
        for a in store.articles(current_only=False)
    )


def _ingest_on_dask(cluster: Any, db: str, paths: list[Path], progress: Any = None) -> Any:
    options = Options()
    summary = IngestSummary()
    with distributed.Client(cluster.scheduler_address) as client, open_store(db) as store:
        sites = ingest_files(client, db, paths, options, summary, progress or (lambda *a: None))
        clean_pages(client, db, store, options, sites, lambda *a: None)
    return summary


def test_ingest_and_clean_on_dask_match_the_local_run(
    cluster: Any, pg_url: str, tmp_path: Path
) -> None:
    paths = _inputs()
    with open_store(tmp_path / "local.db") as local:
        local_summary = pipeline.ingest(paths, local, Options())
        expected = _article_rows(local)
        expected_problems = sorted(map(str, local.problems()))
    assert expected, "the local run found no articles in the seeds/examples"

    summary = _ingest_on_dask(cluster, pg_url, paths)
    with open_store(pg_url) as shared:
        assert _article_rows(shared) == expected
        assert sorted(map(str, shared.problems())) == expected_problems
        assert shared.count_raw() == local_summary.documents_new
    assert summary.documents_new == local_summary.documents_new
    assert summary.files_read == local_summary.files_read

    again = _ingest_on_dask(cluster, pg_url, paths)  # resumable: everything is known
    assert again.documents_new == 0
    assert again.documents_known == local_summary.documents_new
    with open_store(pg_url) as shared:
        assert _article_rows(shared) == expected


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(
    cluster: Any, pg_url: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    write_synthetic_corpus(corpus, n_articles=240, n_shards=24, compress=True)
    paths = [corpus, *_inputs()]
    with open_store(tmp_path / "local.db") as local:
        pipeline.ingest(paths, local, Options())
        expected = _article_rows(local)
        expected_raw = local.count_raw()

    with distributed.Client(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    killed: list[int] = []

    def kill_one(stage: str, done: int, total: int | None) -> None:
        if stage == "read" and done == 2 and not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    _ingest_on_dask(cluster, pg_url, paths, kill_one)
    assert killed == [victim]
    with open_store(pg_url) as shared:
        assert shared.count_raw() == expected_raw
        rows = _article_rows(shared)
        assert rows == expected  # every article once: same ids, keys and versions
        assert len({r[0] for r in rows}) == len(rows)
        assert shared.count_articles() == len({r[1] for r in rows})


def test_full_run_on_dask_gives_the_local_stories_facts_and_conflicts(
    cluster: Any, pg_url: str, tmp_path: Path
) -> None:
    paths = _inputs()
    options = Options()
    with open_store(tmp_path / "local.db") as local:
        pipeline.analyze(paths, local, options=options)
        stories = sorted(
            (s.id, s.title, tuple(s.articles), tuple(s.related)) for s in local.stories()
        )
        reports = {r.id: r for r in local.reports()}
    assert stories, "the local run found no stories"

    links: list[str] = []
    summary = run_distributed(
        paths, pg_url, options, scheduler=cluster.scheduler_address, dashboard=links.append
    )
    assert links and links[0].startswith("http")
    with open_store(pg_url) as shared:
        got = sorted((s.id, s.title, tuple(s.articles), tuple(s.related)) for s in shared.stories())
        assert got == stories
        shared_reports = {r.id: r for r in shared.reports()}
    assert shared_reports.keys() == reports.keys()
    for sid, report in reports.items():
        assert shared_reports[sid].facts == report.facts
        assert shared_reports[sid].findings == report.findings
    assert summary.stories == len(stories)
    assert summary.compared == len(reports)
