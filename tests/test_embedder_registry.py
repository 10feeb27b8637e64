"""One registry entry per embedder: every stage reads its cuts and normalisation there."""

from __future__ import annotations

import pytest

from newsprism.compare.options import CompareOptions
from newsprism.embedders import REGISTRY, embedder
from newsprism.errors import OptionsError
from newsprism.settings import Options, apply_overrides
from newsprism.stories.options import StoryOptions


def test_every_stage_reads_the_cuts_of_the_chosen_embedders_entry() -> None:
    for name, spec in REGISTRY.items():
        assert CompareOptions(embedder=name).cuts() == spec.compare
        assert StoryOptions(embedder=name).cuts() == spec.story


def test_a_user_value_overrides_the_entry_and_unset_means_the_embedders_own() -> None:
    options = apply_overrides(Options(), {"stories": {"cluster_threshold": 0.31}}, "t.toml")
    assert options.stories.cuts().cluster == 0.31
    assert options.stories.cuts().related == REGISTRY["wordllama"].story.related


def test_only_static_embeddings_are_pooled_unnormalised() -> None:
    assert embedder("wordllama").pool_raw and not embedder("minilm").pool_raw


@pytest.mark.parametrize(
    "call",
    [
        lambda: embedder("glove"),
        lambda: StoryOptions(embedder="glove").cuts(),
        lambda: StoryOptions(cluster_threshold="high").cuts(),  # type: ignore[arg-type]
    ],
)
def test_an_unknown_embedder_or_a_bad_cut_is_an_options_error(call: object) -> None:
    with pytest.raises(OptionsError):
        call()  # type: ignore[operator]
