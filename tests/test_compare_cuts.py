"""Per-embedder similarity cuts: WordLlama keeps its tuned values, user options still win."""

from __future__ import annotations

import pytest

from newsprism.compare.options import EMBEDDER_CUTS, CompareOptions
from newsprism.errors import OptionsError
from newsprism.settings import Options, apply_overrides


def test_wordllama_keeps_the_values_it_was_tuned_with() -> None:
    cuts = CompareOptions().cuts()
    assert (cuts.align, cuts.linkage, cuts.same_event) == (0.66, 0.6, 0.45)


def test_every_embedder_has_cuts_and_minilm_differs() -> None:
    from newsprism.embedders import EMBEDDERS

    assert set(EMBEDDERS) <= set(EMBEDDER_CUTS)
    assert CompareOptions(embedder="minilm").cuts().align > CompareOptions().cuts().align


def test_user_align_threshold_overrides_the_embedder_cut() -> None:
    options = apply_overrides(
        Options(), {"compare": {"embedder": "minilm", "align_threshold": 0.7}}, "t"
    )
    cuts = options.compare.cuts()
    assert cuts.align == 0.7
    assert cuts.linkage == EMBEDDER_CUTS["minilm"].linkage


@pytest.mark.parametrize(
    "options",
    [CompareOptions(embedder="glove"), CompareOptions(align_threshold="high")],  # type: ignore[arg-type]
)
def test_bad_options_are_refused_with_a_message(options: CompareOptions) -> None:
    with pytest.raises(OptionsError):
        options.cuts()
