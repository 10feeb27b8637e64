"""Write newsprism/schema/story.schema.json from the comparison's typed records.

The schema is the published contract of a story's JSON; the records in
``newsprism/compare/records.py`` are its source. Run this after changing a record
(``python scripts/story_schema.py``) and commit both: the tests validate every
story the pipeline writes against the committed file, so a record changed without
its schema fails them.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from newsprism.compare import records

OUT = Path(__file__).resolve().parents[1] / "newsprism" / "schema" / "story.schema.json"


def _schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return {"anyOf": [_schema(a, defs) for a in get_args(tp)]}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin is list:
        return {"type": "array", "items": _schema(get_args(tp)[0], defs)}
    if origin is tuple:
        args = get_args(tp)
        return {"type": "array", "prefixItems": [_schema(a, defs) for a in args],
                "minItems": len(args), "maxItems": len(args)}  # fmt: skip
    if origin is dict:
        return {"type": "object", "additionalProperties": _schema(get_args(tp)[1], defs)}
    if tp is type(None):
        return {"type": "null"}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            hints = typing.get_type_hints(tp)
            fields = dataclasses.fields(tp)
            defs[name] = {
                "type": "object",
                "description": (tp.__doc__ or "").strip().split("\n\n")[0],
                "properties": {f.name: _schema(hints[f.name], defs) for f in fields},
                "required": [f.name for f in fields],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def story_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _schema(records.StoryComparison, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newsprism.example/schema/story.schema.json",
        "title": "newsprism story comparison",
        "description": (
            f"One story compared across outlets (schema_version {records.SCHEMA_VERSION}). "
            "Every object with article, span and text cites text[span] of that article."
        ),
        **root,
        "$defs": defs,
    }


if __name__ == "__main__":
    OUT.write_text(json.dumps(story_schema(), indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {OUT}")
