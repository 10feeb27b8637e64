"""Typed records back from their JSON form, driven by the dataclasses' own type hints.

The store and the report read comparisons back from JSON. One decoder that follows
the declared field types (nested records, lists, dicts, spans, optional fields,
dates) keeps every reader typed without a hand-written ``from_dict`` per record
that could drift from the record it reads.

The type hints are read once per type and turned into a decoder function, so a story
of a few hundred thousand values is not re-dispatched on ``get_origin`` value by value:
reading records back was a third of the report stage.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar, Union, get_args, get_origin

T = TypeVar("T")

Decoder = Callable[[Any], Any]


def from_dict(cls: type[T], data: Any) -> T:
    """An instance of the dataclass ``cls`` from its ``to_dict`` form; fields missing
    from ``data`` take their defaults (records written before a field existed)."""
    value: T = _decoder(cls)(data)
    return value


def _identity(value: Any) -> Any:
    return value


def _float(value: Any) -> Any:
    return float(value) if isinstance(value, int) else value


def _datetime(value: Any) -> Any:
    return None if value is None else datetime.fromisoformat(value)


def _date(value: Any) -> Any:
    return None if value is None else date.fromisoformat(value)


_DECODERS: dict[Any, Decoder] = {}


def _decoder(tp: Any) -> Decoder:
    """The function that decodes a value of type ``tp``, built once per type."""
    decoder = _DECODERS.get(tp)
    if decoder is None:
        decoder = _DECODERS[tp] = _build(tp)
    return decoder


def _build(tp: Any) -> Decoder:
    """``None`` stays ``None`` at every level (an optional field, a missing span)."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else _identity
    if origin is typing.Literal or tp is Any:
        return _identity
    if origin is list:
        return _sequence(list, get_args(tp)[0])
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return _sequence(tuple, args[0])
        return _fixed_tuple(args)
    if origin is dict:
        return _mapping(get_args(tp)[1])
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _record(tp)
    if tp is datetime:
        return _datetime
    if tp is date:
        return _date
    if tp is float:
        return _float
    return _identity


def _sequence(kind: type, item_type: Any) -> Decoder:
    def decode(value: Any) -> Any:
        if value is None:
            return None
        item = _decoder(item_type)
        if item is _identity:
            return kind(value)
        return kind(None if v is None else item(v) for v in value)

    return decode


def _fixed_tuple(args: tuple[Any, ...]) -> Decoder:
    def decode(value: Any) -> Any:
        if value is None:
            return None
        return tuple(
            None if v is None else _decoder(a)(v) for a, v in zip(args, value, strict=True)
        )

    return decode


def _mapping(item_type: Any) -> Decoder:
    def decode(value: Any) -> Any:
        if value is None:
            return None
        item = _decoder(item_type)
        return {k: None if v is None else item(v) for k, v in value.items()}

    return decode


def _record(cls: type) -> Decoder:
    """A dataclass's decoder. Its field decoders are built on first use, not here: a
    record may hold records of its own type (a tree), and building eagerly would
    recurse without end."""
    fields: tuple[tuple[str, Decoder], ...] | None = None

    def decode(value: Any) -> Any:
        nonlocal fields
        if value is None:
            return None
        if fields is None:
            hints = typing.get_type_hints(cls)
            fields = tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))
        kwargs = {}
        for name, field_decoder in fields:
            if name in value:
                v = value[name]
                kwargs[name] = None if v is None else field_decoder(v)
        return cls(**kwargs)

    return decode
