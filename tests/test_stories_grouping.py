"""The fitted same-event model and the signals it reads.

The model file holds the trees themselves, read with numpy; these tests hold that
reading to scikit-learn's own, hold the shipped file to its provenance (fitted on the
tune halves only)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from newsprism.errors import OptionsError
from newsprism.stories.same_event import (
    MODEL_FILE,
    model_from_json,
    model_from_sklearn,
    packaged_model,
)
from newsprism.stories.signals import PAIR_FEATURES


def test_trees_read_from_the_file_score_as_scikit_learn_does() -> None:
    rng = np.random.default_rng(0)
    rows = rng.random((600, len(PAIR_FEATURES)))
    # "same event" when the words agree and the stated figures are close: an interaction
    words, gap = PAIR_FEATURES.index("words"), PAIR_FEATURES.index("other_days")
    labels = ((rows[:, words] > 0.5) & (rows[:, gap] < 0.3)).astype(int)
    fitted = HistGradientBoostingClassifier(max_iter=30, random_state=0).fit(rows, labels)
    model = model_from_sklearn(fitted, PAIR_FEATURES, 0.5, {"fitted_on": ["written here"]})
    again = model_from_json(json.loads(json.dumps(model.to_json())))
    # a small batch walks all trees at once, a large one tree by tree: both as sklearn
    for size in (1, 200, 3000):
        probe = rng.random((size, len(PAIR_FEATURES)))
        expected = fitted.decision_function(probe)
        assert np.allclose(model.log_odds(probe), expected, atol=1e-9)
        assert np.allclose(again.log_odds(probe), expected, atol=1e-6)
        assert np.allclose(again.probability(probe), fitted.predict_proba(probe)[:, 1], atol=1e-6)


def test_a_model_fitted_on_other_features_is_refused_with_the_file_named(
    tmp_path: Path,
) -> None:
    data = packaged_model().to_json()
    data["features"] = list(PAIR_FEATURES[:-1])
    where = tmp_path / "grouping.json"
    with pytest.raises(OptionsError, match=r"grouping\.json.*refit"):
        model_from_json(data, where)
    broken = packaged_model().to_json()
    del broken["trees"]
    with pytest.raises(OptionsError, match="not a same-event model"):
        model_from_json(broken, where)


def test_the_shipped_model_says_what_it_was_fitted_on_and_never_saw_the_check_halves() -> None:
    model = packaged_model()
    facts = model.provenance
    assert facts["command"] == "python benchmarks/fit_grouping.py"
    fitted_on, checked = set(facts["fitted_on"]), set(facts["check_sets"])
    assert fitted_on and checked and not fitted_on & checked
    assert {"ecbplus-tune", "gvc-tune"} <= fitted_on
    assert 0.0 < model.cut < 1.0 and model.trees
    assert MODEL_FILE.name == "grouping.json"
