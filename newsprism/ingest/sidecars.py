"""Metadata that lives beside the articles: ``NAME.meta.json`` files and manifest CSVs.

A folder of saved pages rarely carries each page's URL, outlet and date inside the
page; users add them in a sidecar or one manifest, and these override what the page
says. Both are metadata files: they are never read as articles themselves.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

from newsprism.ingest.decode import NotText, decode
from newsprism.ingest.fields import metadata_from
from newsprism.ingest.json_records import TooDeep, load_json
from newsprism.ingest.options import IngestOptions, mb
from newsprism.model import Metadata, ReadProblem

META_SUFFIX = ".meta.json"
MANIFEST_NAME = "manifest.csv"
MANIFEST_SUFFIX = ".manifest.csv"


def is_metadata_file(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(META_SUFFIX) or name == MANIFEST_NAME or name.endswith(MANIFEST_SUFFIX)


def is_manifest(path: Path) -> bool:
    name = path.name.lower()
    return name == MANIFEST_NAME or name.endswith(MANIFEST_SUFFIX)


def sidecar_candidates(path: Path, stem: str) -> list[Path]:
    """``page.html.meta.json`` first, then ``page.meta.json``."""
    names = [path.name + META_SUFFIX, stem + META_SUFFIX]
    return [path.with_name(n) for n in dict.fromkeys(names)]


def read_sidecar(path: Path, options: IngestOptions) -> Metadata | ReadProblem:
    text = _read_small(path, options)
    if isinstance(text, ReadProblem):
        return text
    try:
        obj = load_json(text)
    except json.JSONDecodeError as exc:
        return ReadProblem(str(path), f"invalid JSON in metadata file: {exc}")
    except TooDeep as exc:
        return ReadProblem(str(path), f"metadata file: {exc}")
    if not isinstance(obj, dict):
        return ReadProblem(str(path), "metadata file must hold one JSON object")
    return metadata_from(obj)


def read_manifest(
    path: Path, options: IngestOptions, *, check_paths: bool = True
) -> Iterator[tuple[Path, Metadata] | ReadProblem]:
    """Rows of a manifest as (resolved file path, metadata); bad rows become problems."""
    text = _read_small(path, options)
    if isinstance(text, ReadProblem):
        yield text
        return
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "path" not in reader.fieldnames:
        yield ReadProblem(str(path), "manifest has no 'path' column")
        return
    row_no = 1
    rows = iter(reader)
    while True:
        row_no += 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadProblem(str(path), f"malformed CSV: {exc}; the rest is not read", str(row_no))
            return
        rel = (row.get("path") or "").strip()
        if not rel:
            yield ReadProblem(str(path), "row has an empty path", str(row_no), "warning")
            continue
        try:
            target = (path.parent / rel).resolve()
        except (OSError, ValueError) as exc:
            yield ReadProblem(str(path), f"unusable path {rel[:80]!r}: {exc}", str(row_no))
            continue
        if check_paths and not target.exists():
            yield ReadProblem(str(path), f"no such file {rel!r}", str(row_no), "warning")
            continue
        fields = {k: v for k, v in row.items() if k and k != "path" and v not in (None, "")}
        yield target, metadata_from(fields)


def _read_small(path: Path, options: IngestOptions) -> str | ReadProblem:
    size = path.stat().st_size
    if size > options.max_file_bytes:
        return ReadProblem(
            str(path),
            f"file is {mb(size)}, over the {options.max_file_mb:g} MB limit (ingest.max_file_mb)",
        )
    try:
        return decode(path.read_bytes())[0]
    except NotText as exc:
        return ReadProblem(str(path), str(exc))
