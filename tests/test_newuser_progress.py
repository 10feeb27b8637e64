"""A new user watching ``analyze`` sees every stage's bar as the stage starts, before
its slow first step (loading a model), never only once the first item is done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.pipeline import analyze
from newsprism.store.sqlite import SQLiteStore
from tests.test_newuser_versions import write_corpus

pytestmark = pytest.mark.slow  # the whole pipeline with its models


def test_every_stage_reports_progress_from_zero(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", edited=False)
    events: list[tuple[str, int, int | None]] = []

    def record(stage: str, done: int, total: int | None) -> None:
        events.append((stage, done, total))

    with SQLiteStore(tmp_path / "p.db") as store:
        analyze([tmp_path / "in"], store, tmp_path / "out", progress=record)
    first: dict[str, tuple[int, int | None]] = {}
    for stage, done, total in events:
        first.setdefault(stage, (done, total))
    order = list(first)
    assert order[order.index("clean") :] == ["clean", "annotate", "cluster", "compare", "report"]
    for stage in ("clean", "annotate", "cluster", "compare", "report"):
        assert first[stage][0] == 0, (stage, first[stage])
    assert json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
