"""A run of ``analyze`` resumed after an interruption ends where an uninterrupted run
ends: the same stories (members, titles, confidence, dates, links) and the same
findings (every story's comparison), wherever the first run stopped.

Every stage commits as it goes, so what a kill leaves is a store in which some stages
(or some batches of one stage) are done. Each case below makes such a store with the
stages' own functions, at each stage boundary and inside each stage, then runs
``analyze`` over it; one case kills a real ``newsprism analyze`` process with SIGKILL.
The corpus is invented: three events, three outlets each, one outlet undated, so the
story's date is lent to its relative dates ("on Tuesday").
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from newsprism import pipeline
from newsprism.model import to_dict
from newsprism.settings import Options
from newsprism.store.sqlite import SQLiteStore

EVENTS = {
    "flood": [
        "Floodwater swept through the lower town of Mirecourt on Tuesday after the Vell river "
        "burst its banks, forcing {n} families from their homes.",
        "Mayor Anneke Dros said the council had opened two shelters and that army engineers "
        "were building a temporary levee near the old mill.",
        '"We have never seen the river rise this fast," Dros told reporters at the town hall, '
        "adding that rain was expected to ease by Thursday.",
        "The regional weather office said {m} millimetres of rain fell in the valley in 24 "
        "hours, the most since records began in 1931.",
    ],
    "strike": [
        "Train drivers across the Kessel network walked out on Monday in a dispute over "
        "rosters, cancelling {n} services on the first day.",
        "The drivers' union leader, Paul Verhane, said the strike would last until the rail "
        "operator withdrew its new shift plan.",
        '"Our members are exhausted and the plan makes it worse," Verhane said outside the '
        "central station in Kessel.",
        "The operator said talks would resume on Wednesday and that buses would replace "
        "trains on {m} routes in the meantime.",
    ],
    "fire": [
        "A fire destroyed a warehouse in the port district of Ostrava Bay overnight, and {n} "
        "firefighters spent six hours bringing it under control.",
        "Fire chief Lena Haas said nobody was hurt and that the cause was not yet known, "
        "though an electrical fault was suspected.",
        '"The building was full of paper and the fire spread very quickly," Haas said at the '
        "scene on Saturday morning.",
        "Port managers said {m} shipping containers parked beside the warehouse had been "
        "moved away before the flames reached them.",
    ],
}
OUTLETS = [
    ("Lakeside Tribune", "lakesidetribune.example", ""),
    ("Harbour Ledger", "harbourledger.example", " as figures rise"),
    ("Valley Post", "valleypost.example", ", officials say"),  # publishes no dates
]
FIGURES = {
    "flood": [(300, 112), (320, 112), (300, 115)],
    "strike": [(450, 12), (450, 14), (480, 12)],
    "fire": [(60, 40), (60, 40), (65, 38)],
}
DATES = {"flood": "2026-04-07", "strike": "2026-04-13", "fire": "2026-04-18"}
TITLES = {
    "flood": "Floods force families from Mirecourt homes",
    "strike": "Kessel train drivers strike over rosters",
    "fire": "Warehouse fire in Ostrava Bay port",
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for event, paragraphs in EVENTS.items():
        for k, (outlet, domain, suffix) in enumerate(OUTLETS):
            n, m = FIGURES[event][k]
            record: dict[str, Any] = {
                "text": "\n\n".join(p.format(n=n, m=m) for p in paragraphs),
                "url": f"https://{domain}/news/{event}",
                "outlet": outlet,
                "title": TITLES[event] + suffix,
            }
            if k < 2:
                record["published"] = f"{DATES[event]}T{8 + k}:00:00Z"
            (folder / f"{event}-{k}.json").write_text(json.dumps(record))
    return folder


def outcome(store: SQLiteStore) -> dict[str, Any]:
    """What a user sees of a run: its stories and every story's findings."""
    return {
        "stories": sorted(
            (s.id, sorted(s.articles), s.title, sorted(s.related), s.confidence, s.start, s.end)
            for s in store.stories()
        ),
        "findings": sorted(json.dumps(to_dict(r), sort_keys=True) for r in store.reports()),
        "problems": sorted((p.path, p.reason) for p in store.problems()),
    }


# The states a kill leaves, made with the stages' own functions -------------------


def after_ingest(store: SQLiteStore, paths: list[Path], options: Options) -> None:
    pipeline.ingest(paths, store, options)


def after_annotate(store: SQLiteStore, paths: list[Path], options: Options) -> None:
    after_ingest(store, paths, options)
    pipeline.annotate_store(store, options)


def after_cluster(store: SQLiteStore, paths: list[Path], options: Options) -> None:
    after_annotate(store, paths, options)
    pipeline.cluster_store(store, options)


def after_compare(store: SQLiteStore, paths: list[Path], options: Options) -> None:
    after_cluster(store, paths, options)
    pipeline.compare_store(store, options)


def inside_reading(store: SQLiteStore, paths: list[Path], options: Options) -> None:
    """Four raw documents kept, nothing cleaned."""
    items = list(pipeline.read_raw(paths, options))[:4]
    pipeline.store_raw(store, items, pipeline.IngestSummary())


def inside_cleaning(store: SQLiteStore, paths: list[Path], options: Options) -> None:
    """Every raw document kept, four of them cleaned (a page commits on its own)."""
    pipeline.store_raw(store, pipeline.read_raw(paths, options), pipeline.IngestSummary())
    raws = list(store.raw_documents())[:4]
    pipeline.clean_partition(store, raws, options)


def inside_annotating(store: SQLiteStore, paths: list[Path], options: Options) -> None:
    """Four articles annotated, entities not yet resolved across the corpus."""
    after_ingest(store, paths, options)
    articles = list(store.articles(current_only=False))
    pipeline.annotate_articles(store, articles[:4], options)


def inside_clustering(store: SQLiteStore, paths: list[Path], options: Options) -> None:
    """Reuse pairs stored, stories not."""
    from newsprism.stories import find_reuse

    after_annotate(store, paths, options)
    articles = list(store.articles())
    vectors = pipeline.article_vectors(store, articles, options)
    store.put_reuse(find_reuse(articles, vectors, options.stories))


def inside_comparing(store: SQLiteStore, paths: list[Path], options: Options) -> None:
    """One story compared, the others not."""
    after_cluster(store, paths, options)
    pipeline.compare_stories(store, [s.id for s in store.stories()][:1], options)


STATES: list[Callable[[SQLiteStore, list[Path], Options], None]] = [
    after_ingest,
    after_annotate,
    after_cluster,
    after_compare,
    inside_reading,
    inside_cleaning,
    inside_annotating,
    inside_clustering,
    inside_comparing,
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("resume") / "in")


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with SQLiteStore(tmp_path_factory.mktemp("whole") / "whole.db") as store:
        pipeline.analyze([corpus], store, None, Options())
        result = outcome(store)
    assert len(result["stories"]) == 3 and len(result["findings"]) == 3
    return result


@pytest.mark.slow
@pytest.mark.parametrize("interrupted", STATES, ids=lambda f: f.__name__)
def test_analyze_resumed_after_an_interruption_ends_as_an_uninterrupted_run(
    corpus: Path,
    uninterrupted: dict[str, Any],
    tmp_path: Path,
    interrupted: Callable[[SQLiteStore, list[Path], Options], None],
) -> None:
    with SQLiteStore(tmp_path / "resumed.db") as store:
        interrupted(store, [corpus], Options())
        pipeline.analyze([corpus], store, None, Options())
        assert outcome(store) == uninterrupted


@pytest.mark.slow
def test_analyze_killed_with_sigkill_and_rerun_ends_as_an_uninterrupted_run(
    corpus: Path, uninterrupted: dict[str, Any], tmp_path: Path
) -> None:
    """The kill lands once the run has annotated something (or after it ended: then
    the rerun is a second run, which must change nothing either)."""
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "newsprism.cli", "analyze", str(corpus), "--db", str(db)]
    out = ["--out", str(tmp_path / "out"), "-q"]
    proc = subprocess.Popen([*command, *out], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while proc.poll() is None and not annotated_any(db):
            time.sleep(0.05)  # waiting for a state, not asserting a time
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
    rerun = subprocess.run([*command, *out], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    with SQLiteStore(db, read_only=True) as store:
        assert outcome(store) == uninterrupted


def annotated_any(db: Path) -> bool:
    if not db.exists():
        return False
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return bool(conn.execute("SELECT 1 FROM annotations LIMIT 1").fetchall())
    except sqlite3.Error:  # not made yet, or busy migrating
        return False
