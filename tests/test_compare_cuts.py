"""Per-embedder similarity cuts as the fact grouping applies them, and user options on top.

The cut values themselves are tuned data (``newsprism/embedders.py``, measured by the
benchmarks); these tests check what a cut does: a pair of sentences just above the
align cut is one fact, just below it two, and a sentence close to one member of a
group but not to the group as a whole stays out (the linkage cut).
"""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.compare.align import align_units
from newsprism.compare.options import EMBEDDER_CUTS, CompareOptions
from newsprism.compare.units import Unit
from newsprism.embedders import REGISTRY
from newsprism.errors import OptionsError
from newsprism.settings import Options, apply_overrides

STEP = 0.01  # well above float noise, well below the gaps between cuts


def _sentences(*articles: str) -> list[Unit]:
    """One whole sentence per article (alignment reads only who and where)."""
    return [
        Unit(article=a, span=(0, 40), text="Forty people were hurt in the blast.", sentence=(0, 40),
             position=0)
        for a in articles
    ]  # fmt: skip


def _matrix(n: int, pairs: dict[tuple[int, int], float]) -> np.ndarray:
    sim = np.zeros((n, n), dtype=np.float32)
    for (i, j), value in pairs.items():
        sim[i, j] = sim[j, i] = value
    return sim


def _grouped(units: list[Unit], sim: np.ndarray, embedder: str) -> list[list[str]]:
    cuts = CompareOptions(embedder=embedder).cuts()
    groups = align_units(units, sim, cuts.align, cuts.linkage)
    return sorted(sorted(units[m].article for m in g.members) for g in groups)


@pytest.mark.parametrize("embedder", sorted(REGISTRY))
def test_a_pair_just_above_the_align_cut_is_one_fact_and_just_below_two(embedder: str) -> None:
    cut = CompareOptions(embedder=embedder).cuts().align
    units = _sentences("a", "b")
    assert _grouped(units, _matrix(2, {(0, 1): cut + STEP}), embedder) == [["a", "b"]]
    assert _grouped(units, _matrix(2, {(0, 1): cut - STEP}), embedder) == []


@pytest.mark.parametrize("embedder", sorted(REGISTRY))
def test_a_sentence_close_to_one_member_only_stays_out_of_the_group(embedder: str) -> None:
    """A~B and B~C above the align cut, A~C far apart: C joins only if the mean of its
    links to the group keeps the linkage cut."""
    cuts = CompareOptions(embedder=embedder).cuts()
    units = _sentences("a", "b", "c")
    strong, near = min(1.0, cuts.align + 0.3), cuts.align + STEP
    # A~C low enough that the mean of C's two links misses the linkage cut, then high
    # enough that it keeps it.
    apart = 2 * cuts.linkage - near - STEP
    together = 2 * cuts.linkage - near + STEP
    sim = _matrix(3, {(0, 1): strong, (1, 2): near, (0, 2): apart})
    assert _grouped(units, sim, embedder) == [["a", "b"]]
    sim = _matrix(3, {(0, 1): strong, (1, 2): near, (0, 2): together})
    assert _grouped(units, sim, embedder) == [["a", "b", "c"]]


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
