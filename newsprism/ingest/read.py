"""``read_paths``: every input file or folder to a stream of documents and problems.

Reading is a generator of ``RawDocument | ReadProblem`` so that a caller can store
as it goes and a bad file costs one problem record, never the run. Folders are
walked recursively in sorted order (the same corpus always reads in the same order);
hidden files and folders (names starting with ".") are not inputs and are passed over.
Metadata files (``NAME.meta.json``, manifests) are applied to the files they describe;
a file given on its own also picks up manifests in its folder and the two above.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Generator, Iterable, Iterator
from functools import partial
from pathlib import Path

from newsprism.errors import InputError
from newsprism.ingest.feed_entries import read_feed_file
from newsprism.ingest.json_records import read_json_file, read_jsonl_file
from newsprism.ingest.options import IngestOptions
from newsprism.ingest.sidecars import (
    is_manifest,
    is_metadata_file,
    read_manifest,
    read_sidecar,
    sidecar_candidates,
)
from newsprism.ingest.warc_records import read_warc_file
from newsprism.ingest.whole_files import read_html_file, read_text_file
from newsprism.model import Metadata, RawDocument, ReadProblem

logger = logging.getLogger(__name__)

Reader = Callable[..., Iterator[RawDocument | ReadProblem]]

READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".json": read_json_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".warc": read_warc_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".xml": partial(read_feed_file, must_be_feed=False),
}
"""Reader per extension; each also reads the gzipped form (``NAME.EXT.gz``)."""


def read_paths(
    paths: Iterable[str | Path], options: IngestOptions | None = None
) -> Iterator[RawDocument | ReadProblem]:
    """Documents and problems from files and folders, in a deterministic order.

    Raises ``InputError`` only when a given path does not exist at all (checked for
    every path before anything is read); any other trouble is a ``ReadProblem``.
    """
    options = options or IngestOptions()
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists() and not root.is_symlink():
            raise InputError(str(root), "no such file or directory")
    for root in roots:
        if root.is_dir():
            files, problems = walk_folder(root, options)
            yield from problems
            overrides = yield from _manifests(files, options, check_paths=True)
            for path in files:
                if not is_metadata_file(path):
                    yield from read_file(path, options, overrides.get(path.resolve()))
        elif is_metadata_file(root):
            yield ReadProblem(
                str(root), "metadata file, not an article (skipped)", severity="warning"
            )
        else:
            nearby = _manifests_near(root)
            overrides = yield from _manifests(nearby, options, check_paths=False)
            yield from read_file(root, options, overrides.get(root.resolve()))


def read_file(
    path: Path, options: IngestOptions, override: Metadata | None = None
) -> Iterator[RawDocument | ReadProblem]:
    """One file, with its sidecar applied over ``override`` (from a manifest)."""
    suffix, stem, gzipped = split_name(path)
    reader = READERS.get(suffix)
    if reader is None:
        shown = f"'{suffix}{'.gz' if gzipped else ''}'" if suffix else "(no extension)"
        yield ReadProblem(str(path), f"unknown file type {shown} (skipped)", severity="warning")
        return
    for candidate in sidecar_candidates(path, stem):
        if candidate.is_file():
            sidecar = read_sidecar(candidate, options)
            if isinstance(sidecar, ReadProblem):
                yield sidecar
            else:
                override = override.merged_with(sidecar) if override else sidecar
            break
    try:
        for item in reader(path, options, gzipped=gzipped):
            if isinstance(item, RawDocument) and override is not None:
                item.meta = item.meta.merged_with(override)
            yield item
    except OSError as exc:
        yield ReadProblem(str(path), f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a reader bug or a library error must not end the run
        logger.exception("unexpected error reading %s", path)
        yield ReadProblem(str(path), f"cannot read: {type(exc).__name__}: {exc}")


def split_name(path: Path) -> tuple[str, str, bool]:
    """(extension that picks the reader, name without it, gzipped?): ``a.jsonl.gz``."""
    name = path.name
    gzipped = name.lower().endswith(".gz")
    if gzipped:
        name = name[:-3]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        return "", name, gzipped
    return f".{ext.lower()}", stem, gzipped


def walk_folder(root: Path, options: IngestOptions) -> tuple[list[Path], list[ReadProblem]]:
    """The files of a folder in reading order, and the links passed over (shared with the
    cluster planner, so both runs see the same files)."""
    files: list[Path] = []
    problems: list[ReadProblem] = []
    seen: set[str] = set()
    for folder, dirs, names in os.walk(root, followlinks=options.follow_symlinks):
        real = os.path.realpath(folder)
        if real in seen:  # a link back up the tree: walk each real folder once
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = Path(folder) / name
            if name.startswith("."):
                logger.debug("hidden file passed over: %s", path)
            elif path.is_symlink() and not options.follow_symlinks:
                problems.append(
                    ReadProblem(
                        str(path),
                        "symbolic link (skipped; ingest.follow_symlinks is off)",
                        severity="warning",
                    )
                )
            elif path.is_file():
                files.append(path)
    files.sort(key=lambda p: p.relative_to(root).parts)
    problems.sort(key=lambda p: p.path)
    return files, problems


def _manifests_near(path: Path, levels: int = 3) -> list[Path]:
    """Manifests that may name a file given on its own: in its folder and two above."""
    found: list[Path] = []
    for folder in reversed(list(path.resolve().parents)[:levels]):  # nearest wins
        try:
            found.extend(sorted(p for p in folder.iterdir() if is_manifest(p) and p.is_file()))
        except OSError:
            continue
    return found


def _manifests(
    files: list[Path], options: IngestOptions, *, check_paths: bool
) -> Generator[ReadProblem, None, dict[Path, Metadata]]:
    """Problems of every manifest among ``files``; returns resolved path -> metadata."""
    overrides: dict[Path, Metadata] = {}
    for path in files:
        if not is_manifest(path):
            continue
        for item in read_manifest(path, options, check_paths=check_paths):
            if isinstance(item, ReadProblem):
                yield item
            else:
                target, meta = item
                overrides[target] = (
                    overrides[target].merged_with(meta) if target in overrides else meta
                )
    return overrides
