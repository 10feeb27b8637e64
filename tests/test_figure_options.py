"""How far the figure guards look is an option a user can set and `newsprism options`
explains, not a module constant. Texts are written here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsprism.compare.numbers import figure_status, is_estimate
from newsprism.compare.options import CompareOptions
from newsprism.settings import load_options

FAR = "The toll could, in the worst case the engineers described, reach 20,000 in the valley."


def test_the_estimate_reach_is_an_option_a_user_file_sets(tmp_path: Path) -> None:
    span = (FAR.index("20,000"), FAR.index("20,000") + 6)
    assert not is_estimate(FAR, span)  # "could" is eight words before: beyond the default
    path = tmp_path / "options.toml"
    path.write_text("[compare]\nestimate_reach = 9\n", "utf-8")
    assert is_estimate(FAR, span, load_options(path).compare)


def test_the_status_reach_is_an_option_too() -> None:
    text = "The ministry withdrew on Monday evening in a short statement its figure of 300 dead."
    span = (text.index("300"), text.index("300") + 3)
    assert figure_status(text, span, "en") is None
    assert figure_status(text, span, "en", CompareOptions(status_reach=14)) == "withdrawn"


def test_newsprism_options_prints_each_guard_with_its_help() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "newsprism", "options"], capture_output=True, text=True, check=True
    )
    lines = res.stdout.splitlines()
    for key in ("estimate_reach", "estimate_after", "status_reach", "status_after"):
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{key} = "))
        assert lines[at - 1].startswith("# words "), lines[at - 1]
