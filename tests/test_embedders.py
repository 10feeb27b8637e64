"""The shared embedder loader: real models, and no side effects on the host program."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from newsprism.embedders import get_embedder

pytestmark = pytest.mark.slow  # loads the spaCy/WordLlama models or spawns processes


def test_loading_the_default_model_leaves_the_root_logger_alone() -> None:
    """wordllama configures root logging on import; a library must not pass that on
    (in a Dask worker it turned every INFO line on)."""
    code = (
        "import logging; from newsprism.embedders import wordllama_model; wordllama_model(); "
        "r = logging.getLogger(); print(r.level, len(r.handlers))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["30", "0"]


def test_paraphrases_are_closer_than_unrelated_sentences() -> None:
    embed = get_embedder("wordllama")
    a, b, c = embed(
        [
            "Dockworkers walked off the job at the harbour on Monday.",
            "Port workers went on strike at the harbour on Monday.",
            "The chess championship ended in a draw after six hours.",
        ]
    )
    assert np.isclose(float(a @ a), 1.0, atol=1e-4)
    assert float(a @ b) > float(a @ c) + 0.1
