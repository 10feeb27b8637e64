"""The stages import only the stages before them and the bottom layer.

ingest -> clean -> language -> stories -> compare -> store -> report / export -> web,
with the records and tables underneath every stage, and the drivers (pipeline, settings,
collect, scale, the CLI) on top. An arrow running upward (clean calling the language
layer, compare calling the report) is how a stage stops being replaceable on its own,
so every ``import`` in the package, including the ones inside functions and under
``TYPE_CHECKING``, is read with ``ast`` and checked against these ranks.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newsprism"

BOTTOM = 0
TOP = 9
RANK: dict[str, int] = {
    # records, word tables, encoders, errors and the small helpers they use
    **dict.fromkeys(
        [
            "errors",
            "codec",
            "sources",
            "model",
            "lexicon",
            "embedders",
            "multilingual_encoder",
            "versions",
            "wording",
            "terminal",
        ],
        BOTTOM,
    ),
    "ingest": 1,
    "clean": 2,
    "language": 3,
    "stories": 4,
    "compare": 5,
    "store": 6,  # stores the comparisons compare makes
    "report": 7,
    "export": 7,
    "web": 8,  # renders the report's views
    **dict.fromkeys(
        ["pipeline", "settings", "collect", "scale", "cli", "__init__", "__main__"], TOP
    ),
}


def unit_of(module: str) -> str:
    """The top-level unit of ``newsprism.a.b`` (``a``); ``newsprism`` itself is ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imported_units(source: str) -> set[str]:
    """Every ``newsprism`` unit a module's source imports, wherever the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
            if node.module == "newsprism":
                names = [f"newsprism.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(unit_of(n) for n in names if n == "newsprism" or n.startswith("newsprism."))
    return found


def allowed(source: str, target: str) -> bool:
    if source == target:
        return True
    s, t = RANK[source], RANK[target]
    return t < s or s == t in (BOTTOM, TOP)


def upward_arrows(root: Path) -> list[str]:
    arrows = []
    for path in sorted(root.rglob("*.py")):
        source = unit_of(".".join(("newsprism", *path.relative_to(root).with_suffix("").parts)))
        for target in sorted(imported_units(path.read_text(encoding="utf-8"))):
            if not allowed(source, target):
                arrows.append(f"{path.relative_to(root)}: {source} -> {target}")
    return arrows


def test_every_unit_of_the_package_has_a_rank() -> None:
    units = {unit_of(f"newsprism.{p.stem}") for p in PACKAGE.glob("*.py")}
    units |= {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert units - set(RANK) == set()


def test_no_stage_imports_a_later_stage() -> None:
    assert upward_arrows(PACKAGE) == []


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("clean", "from newsprism.language.rules.reader import is_foreign\n"),
        ("compare", "def f() -> None:\n    from newsprism.report.gloss import gloss\n"),
        (
            "model",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import newsprism.store\n",
        ),
        ("language", "from newsprism import stories\n"),
    ],
)
def test_an_upward_arrow_is_found_wherever_the_import_stands(
    tmp_path: Path, module: str, source: str
) -> None:
    (tmp_path / module).mkdir()
    (tmp_path / module / "late.py").write_text(source, encoding="utf-8")
    assert len(upward_arrows(tmp_path)) == 1


def test_peers_of_one_stage_do_not_import_each_other_but_the_bottom_may() -> None:
    assert not allowed("report", "export")
    assert allowed("model", "codec")
    assert allowed("cli", "pipeline")
    assert allowed("web", "report") and not allowed("report", "web")
