"""Input files to shards a worker can read alone, with exactly what ``read_paths`` reads.

Why this is done on the client: metadata files (a folder's ``manifest.csv``, a
``NAME.meta.json`` sidecar) describe other files, so a worker holding one shard
must be handed the manifest metadata of its files; sidecars sit next to their file
and ``read_file`` finds them itself. The files, their order, their manifest
metadata and the problems found on the way come from ``ingest.plan.plan_paths``,
the planner ``read_paths`` uses, so a cluster run reads the same documents in the
same order as a local run and reports the same problems.

Shards are groups of whole files: a JSONL or WARC shard is never split, because the
reader streams it record by record and a worker needs only one record in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.ingest.options import IngestOptions
from newsprism.ingest.plan import InputFile, InputPlan, plan_paths
from newsprism.model import RawDocument, ReadProblem

__all__ = ["InputFile", "InputPlan", "iter_shard", "plan_inputs", "shard_files"]

SHARD_BYTES = 64 * 1024 * 1024  # small files are grouped up to this many bytes per shard
SHARD_FILES = 64  # ... and at most this many files, so one slow shard cannot hold the run


def plan_inputs(paths: Iterable[str | Path], options: IngestOptions) -> InputPlan:
    """Every input file of ``paths`` with its manifest metadata, in reading order.

    Raises ``InputError`` for a path that does not exist, before anything is read,
    as ``read_paths`` does.
    """
    return plan_paths(paths, options)


def shard_files(
    files: list[InputFile], max_bytes: int = SHARD_BYTES, max_files: int = SHARD_FILES
) -> list[list[InputFile]]:
    """Consecutive files grouped into shards; a file over ``max_bytes`` is a shard alone."""
    shards: list[list[InputFile]] = []
    current: list[InputFile] = []
    size = 0
    for f in files:
        if current and (size + f.size > max_bytes or len(current) >= max_files):
            shards.append(current)
            current, size = [], 0
        current.append(f)
        size += f.size
    if current:
        shards.append(current)
    return shards


def iter_shard(
    shard: list[InputFile], options: IngestOptions
) -> Iterator[RawDocument | ReadProblem]:
    """The documents and problems of one shard, streamed (what a worker reads)."""
    from newsprism.ingest import read_file

    for f in shard:
        yield from read_file(Path(f.path), options, f.override)
