"""``read_paths``: every input file or folder to a stream of documents and problems.

Reading is a generator of ``RawDocument | ReadProblem`` so that a caller can store
as it goes and a bad file costs one problem record, never the run. Which files are
read, in which order and with which manifest metadata is ``plan.plan_paths``'s
job (shared with the cluster run); this module reads them. Every document and
problem leaving here names its file by ``plan.path_text``: absolute, resolved, and
escaped where the name is not UTF-8.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from newsprism.ingest.feed_entries import read_feed_file
from newsprism.ingest.json_records import read_json_file, read_jsonl_file
from newsprism.ingest.options import IngestOptions
from newsprism.ingest.plan import path_text, plan_paths
from newsprism.ingest.sidecars import read_sidecar, sidecar_candidates
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
    plan = plan_paths(paths, options)
    yield from plan.problems
    for f in plan.files:
        yield from read_file(Path(f.path), options, f.override)


def read_file(
    path: Path, options: IngestOptions, override: Metadata | None = None
) -> Iterator[RawDocument | ReadProblem]:
    """One file, with its sidecar applied over ``override`` (from a manifest).

    Never raises for a file's content: whatever goes wrong is a problem naming the file.
    """
    for item in _read_file(path, options, override):
        yield _named(item)


def _read_file(
    path: Path, options: IngestOptions, override: Metadata | None
) -> Iterator[RawDocument | ReadProblem]:
    suffix, stem, gzipped = split_name(path)
    reader = READERS.get(suffix)
    if reader is None:
        shown = f"'{suffix}{'.gz' if gzipped else ''}'" if suffix else "(no extension)"
        yield ReadProblem(str(path), f"unknown file type {shown} (skipped)", severity="warning")
        return
    try:
        for candidate in sidecar_candidates(path, stem):
            if candidate.is_file():
                sidecar = read_sidecar(candidate, options)
                if isinstance(sidecar, ReadProblem):
                    yield sidecar
                else:
                    override = override.merged_with(sidecar) if override else sidecar
                break
        for item in reader(path, options, gzipped=gzipped):
            if isinstance(item, RawDocument) and override is not None:
                item.meta = item.meta.merged_with(override)
            yield item
    except OSError as exc:
        yield ReadProblem(str(path), f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a reader bug or a library error must not end the run
        logger.exception("unexpected error reading %s", path_text(path))
        yield ReadProblem(str(path), f"cannot read: {type(exc).__name__}: {exc}")


def _named(item: RawDocument | ReadProblem) -> RawDocument | ReadProblem:
    """The item with its path as stored and shown (``path_text``)."""
    if isinstance(item, ReadProblem):
        text = path_text(item.path)
        return item if text == item.path else dataclasses.replace(item, path=text)
    text = path_text(item.source.path)
    if text != item.source.path:
        item.source = dataclasses.replace(item.source, path=text)
    return item


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
