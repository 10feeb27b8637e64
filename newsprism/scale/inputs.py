"""Input files to shards a worker can read alone, with exactly what ``read_paths`` reads.

Why this is done on the client: metadata files (a folder's ``manifest.csv``, a
``NAME.meta.json`` sidecar) describe other files, so a worker holding one shard
must be handed the manifest metadata of its files; sidecars sit next to their file
and ``read_file`` finds them itself. Folders are walked with ``read_paths``' rules
(sorted, hidden names passed over, symbolic links reported unless followed), so a
cluster run reads the same documents in the same order as a local run.

Shards are groups of whole files: a JSONL or WARC shard is never split, because the
reader streams it record by record and a worker needs only one record in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.errors import InputError
from newsprism.ingest.options import IngestOptions
from newsprism.ingest.read import walk_folder
from newsprism.ingest.sidecars import is_manifest, is_metadata_file, read_manifest
from newsprism.model import Metadata, ReadProblem

SHARD_BYTES = 64 * 1024 * 1024  # small files are grouped up to this many bytes per shard
SHARD_FILES = 64  # ... and at most this many files, so one slow shard cannot hold the run


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str
    size: int
    override: Metadata | None = None  # from a manifest; a sidecar is read by the worker


@dataclass(slots=True)
class InputPlan:
    files: list[InputFile] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)  # walk and manifest problems


def plan_inputs(paths: Iterable[str | Path], options: IngestOptions) -> InputPlan:
    """Every input file of ``paths`` with its manifest metadata, in reading order.

    Raises ``InputError`` for a path that does not exist, before anything is read,
    as ``read_paths`` does.
    """
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists() and not root.is_symlink():
            raise InputError(str(root), "no such file or directory")
    plan = InputPlan()
    for root in roots:
        if root.is_dir():
            files = _walk(root, options, plan.problems)
            overrides = _manifest_overrides(files, options, plan.problems, check_paths=True)
        else:
            files = [root]
            siblings = sorted(p for p in root.parent.iterdir() if is_manifest(p))
            overrides = _manifest_overrides(siblings, options, plan.problems, check_paths=False)
        for path in files:
            if not is_metadata_file(path):
                plan.files.append(InputFile(str(path), _size(path), overrides.get(path.resolve())))
    return plan


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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader reports why it cannot be read


def _walk(root: Path, options: IngestOptions, problems: list[ReadProblem]) -> list[Path]:
    files, found = walk_folder(root, options)
    problems.extend(found)
    return files


def _manifest_overrides(
    files: list[Path], options: IngestOptions, problems: list[ReadProblem], *, check_paths: bool
) -> dict[Path, Metadata]:
    overrides: dict[Path, Metadata] = {}
    for path in files:
        if not is_manifest(path):
            continue
        for item in read_manifest(path, options, check_paths=check_paths):
            if isinstance(item, ReadProblem):
                problems.append(item)
                continue
            target, meta = item
            overrides[target] = overrides[target].merged_with(meta) if target in overrides else meta
    return overrides


def iter_shard(shard: list[InputFile], options: IngestOptions) -> Iterator[object]:
    """The documents and problems of one shard, streamed (what a worker reads)."""
    from newsprism.ingest import read_file

    for f in shard:
        yield from read_file(Path(f.path), options, f.override)
