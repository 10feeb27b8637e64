"""Every option a user can set says what it does in `newsprism options`: the help is
the comment its maintainer wrote beside the default, so an option added without one
fails here."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass

from newsprism.settings import Options, option_help


def test_every_option_of_every_section_has_help() -> None:
    options = Options()
    missing = [
        f"{section.name}.{sf.name}"
        for section in dataclasses.fields(options)
        for sf in dataclasses.fields(getattr(options, section.name))
        if not option_help(type(getattr(options, section.name))).get(sf.name)
    ]
    assert missing == []


@dataclass
class _Written:
    plain: int = 1  # the comment beside it
    # two lines above
    # explain this one
    above: float = 0.5
    bare: bool = True

    unrelated: str = "x"
    meta: int = dataclasses.field(default=3, metadata={"help": "from metadata"})  # not this


def test_help_is_the_comment_beside_or_above_and_metadata_wins() -> None:
    helps = option_help(_Written)
    assert helps["plain"] == "the comment beside it"
    assert helps["above"] == "two lines above explain this one"
    assert helps["bare"] == ""  # the comment block of another field is not its help
    assert helps["unrelated"] == ""
    assert helps["meta"] == "from metadata"


def test_newsprism_options_prints_valid_toml_with_a_help_line_before_each_value() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "newsprism", "options"], capture_output=True, text=True, check=True
    ).stdout
    assert tomllib.loads(out)["clean"]["split_pages"] is True
    lines = out.splitlines()
    value = re.compile(r"^[a-z_]+ = |^# [a-z_]+ = \(not set\)$")
    values = [i for i, line in enumerate(lines) if value.match(line)]
    assert len(values) > 50
    for i in values:
        assert lines[i - 1].startswith("# ") and not value.match(lines[i - 1]), lines[i]
