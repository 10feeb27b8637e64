"""Shared test settings: where the real inputs live.

The seeds are real scraped pages kept beside the repository (../shared/seeds); they
are read from there, never copied into the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsprism.db"
