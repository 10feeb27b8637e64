"""Typed records back from their JSON form, driven by the dataclasses' own type hints.

The store and the report read comparisons back from JSON. One decoder that follows
the declared field types (nested records, lists, dicts, spans, optional fields,
dates) keeps every reader typed without a hand-written ``from_dict`` per record
that could drift from the record it reads.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from datetime import date, datetime
from typing import Any, TypeVar, Union, get_args, get_origin

T = TypeVar("T")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type[T], data: Any) -> T:
    """An instance of the dataclass ``cls`` from its ``to_dict`` form; fields missing
    from ``data`` take their defaults (records written before a field existed)."""
    value: T = _decode(cls, data)
    return value


def _decode(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is typing.Literal or tp is Any:
        return value
    if origin is list:
        (item,) = get_args(tp)
        return [_decode(item, v) for v in value]
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if origin is dict:
        _key, item = get_args(tp)
        return {k: _decode(item, v) for k, v in value.items()}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = _hints(tp)
        kwargs = {
            f.name: _decode(hints[f.name], value[f.name])
            for f in dataclasses.fields(tp)
            if f.name in value
        }
        return tp(**kwargs)
    if tp is datetime:
        return datetime.fromisoformat(value)
    if tp is date:
        return date.fromisoformat(value)
    if tp is float and isinstance(value, int):
        return float(value)
    return value
