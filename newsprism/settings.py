"""One options object for a whole run, with defaults from each stage's options class.

A user TOML file overrides only what it sets, section by section::

    [ingest]
    max_file_mb = 128

    [stories]
    window_days = 14

Unknown sections or keys are an error, so a typo never silently does nothing.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import io
import tokenize
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.clean.options import CleanOptions
from newsprism.collect.options import CollectOptions
from newsprism.compare.options import CompareOptions
from newsprism.errors import OptionsError
from newsprism.ingest.options import IngestOptions
from newsprism.language.options import LanguageOptions
from newsprism.language.rules.options import MultilingualOptions
from newsprism.stories.options import StoryOptions


@dataclass(slots=True)
class Options:
    ingest: IngestOptions = field(default_factory=IngestOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    language: LanguageOptions = field(default_factory=LanguageOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)
    compare: CompareOptions = field(default_factory=CompareOptions)
    collect: CollectOptions = field(default_factory=CollectOptions)
    multilingual: MultilingualOptions = field(default_factory=MultilingualOptions)


def load_options(path: str | Path | None = None) -> Options:
    options = Options()
    if path is None:
        return options
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise OptionsError(f"{path}: cannot read options: {exc}") from exc
    return apply_overrides(options, data, str(path))


def apply_overrides(options: Options, data: dict[str, Any], origin: str = "options") -> Options:
    sections = {f.name for f in dataclasses.fields(options)}
    for section, values in data.items():
        if section not in sections:
            raise OptionsError(f"{origin}: unknown section [{section}]")
        if not isinstance(values, dict):
            raise OptionsError(f"{origin}: [{section}] must be a table")
        target = getattr(options, section)
        known = {f.name: f for f in dataclasses.fields(target)}
        for key, value in values.items():
            if key not in known:
                raise OptionsError(f"{origin}: unknown option {section}.{key}")
            expected = _expected_type(getattr(target, key), str(known[key].type))
            if expected is not None and not _fits(value, expected):
                raise OptionsError(
                    f"{origin}: {section}.{key} must be {expected.__name__}, got {value!r}"
                )
            setattr(target, key, value)
    return options


def _expected_type(default: Any, annotation: str) -> type | None:
    """The type a TOML value must have: the default's, or for an option that defaults
    to "not set" the one its annotation names (``float | None`` -> float)."""
    if default is not None:
        return type(default)
    for name, kind in (("bool", bool), ("float", float), ("int", int), ("str", str)):
        if name in annotation.replace("None", ""):
            return kind
    return None


def _fits(value: Any, expected: type) -> bool:
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


def options_as_toml(options: Options) -> str:
    """The effective options as TOML, for `newsprism options` and the docs."""
    lines: list[str] = []
    for f in dataclasses.fields(options):
        lines.append(f"[{f.name}]")
        section = getattr(options, f.name)
        helps = option_help(type(section))
        for sf in dataclasses.fields(section):
            value = getattr(section, sf.name)
            if helps.get(sf.name):
                lines.append(f"# {helps[sf.name]}")
            if value is None:
                lines.append(f"# {sf.name} = (not set)")
            elif isinstance(value, bool):
                lines.append(f"{sf.name} = {'true' if value else 'false'}")
            elif isinstance(value, int | float):
                lines.append(f"{sf.name} = {value}")
            else:
                lines.append(f'{sf.name} = "{value}"')
        lines.append("")
    return "\n".join(lines)


def option_help(cls: type) -> dict[str, str]:
    """Each option's help: its ``help`` metadata, else the comment written beside the
    field (or the comment lines right above it) in the options class.

    The comment next to a default is where a maintainer explains it; reading it here
    keeps one text for the source and for `newsprism options`, so help cannot drift
    from the code or be forgotten when an option is added.
    """
    source = inspect.getsource(cls)
    comments = {
        tok.start[0]: tok.string.lstrip("#").strip(" -")
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT
    }
    lines = source.splitlines()
    (node,) = ast.parse(source).body
    assert isinstance(node, ast.ClassDef)
    out: dict[str, str] = {}
    for stmt in node.body:
        if not isinstance(stmt, ast.AnnAssign) or not isinstance(stmt.target, ast.Name):
            continue
        span = range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1)
        text = " ".join(comments[n] for n in span if n in comments)
        if not text:
            above: list[str] = []
            n = stmt.lineno - 1
            while n in comments and lines[n - 1].lstrip().startswith("#"):
                above.insert(0, comments[n])
                n -= 1
            text = " ".join(above)
        out[stmt.target.id] = text
    for f in dataclasses.fields(cls):
        if f.metadata.get("help"):
            out[f.name] = str(f.metadata["help"])
    return out
