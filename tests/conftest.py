"""Shared test settings: where the real inputs live.

The seeds are real scraped pages kept beside the repository (../shared/seeds); they
are read from there, never copied into the repository.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def cluster() -> Iterator[Any]:
    """A real Dask LocalCluster with two worker processes, shared by the scale tests
    (a test that kills a worker leaves it to the nanny to restart)."""
    import distributed

    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
    ) as c:
        yield c


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsprism.db"
