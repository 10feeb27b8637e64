"""Which files a run reads, in which order, with which manifest metadata.

One planner for the local run (``read_paths``) and the cluster run
(``scale.inputs``), so both read the same files, find the same manifests and report
the same problems. Folders are walked recursively in sorted order (the same corpus
always reads in the same order); hidden files and folders (names starting with ".")
are not inputs and are passed over. A folder that cannot be listed is a problem like
a file that cannot be read. Metadata files (``NAME.meta.json``, manifests) describe
other files and are never read as articles; a file given on its own also picks up
manifests in its folder and the two above it.

Paths are made absolute and resolved before anything is read, because a document's
source path is part of its identity: the same file named ``cases/x.txt`` from one
folder and ``../A/cases/x.txt`` from another is the same article. Within the
library a path stays the ``str`` the operating system gave (undecodable bytes as
surrogate escapes, so the file can still be opened); what is stored and shown is
``path_text``, a lossless escape of it that any database can hold.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.errors import InputError
from newsprism.ingest.options import IngestOptions
from newsprism.ingest.sidecars import is_manifest, is_metadata_file, read_manifest
from newsprism.model import Metadata, ReadProblem

logger = logging.getLogger(__name__)

MANIFEST_LEVELS = 3  # a file given on its own: manifests in its folder and the two above


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str  # as the OS gave it (may hold surrogate escapes); open it with Path(path)
    size: int
    override: Metadata | None = None  # from a manifest; a sidecar is read with the file


@dataclass(slots=True)
class InputPlan:
    files: list[InputFile] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)  # walk and manifest problems


def path_text(path: str | Path) -> str:
    """A file system path as text that any store can hold, losslessly.

    Names that are valid UTF-8 without a backslash stay as they are. Otherwise the
    name's bytes are written with ``\\\\`` for a backslash and ``\\xNN`` for a byte that
    is not UTF-8, so two different files never get the same text.
    """
    raw = os.fsencode(path)
    if b"\\" not in raw:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def plan_paths(paths: Iterable[str | Path], options: IngestOptions) -> InputPlan:
    """Every input file of ``paths`` with its manifest metadata, in reading order.

    Raises ``InputError`` for a path that does not exist, before anything is read;
    any other trouble (an unreadable folder, a bad manifest row, a metadata file
    given as input) is a problem in the plan.
    """
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists() and not root.is_symlink():
            raise InputError(path_text(root), "no such file or directory")
    plan = InputPlan()
    for given in roots:
        root = given.resolve()
        if root.is_dir():
            files, problems = walk_folder(root, options)
            plan.problems.extend(problems)
            overrides = _manifest_overrides(files, options, plan.problems, check_paths=True)
            chosen = [f for f in files if not is_metadata_file(f)]
        elif is_metadata_file(root):
            plan.problems.append(
                ReadProblem(
                    path_text(root), "metadata file, not an article (skipped)", severity="warning"
                )
            )
            continue
        else:
            nearby = manifests_near(root)
            overrides = _manifest_overrides(nearby, options, plan.problems, check_paths=False)
            chosen = [root]
        for path in chosen:
            override = overrides.get(path.resolve()) if overrides else None
            plan.files.append(InputFile(str(path), _size(path), override))
    return plan


def walk_folder(root: Path, options: IngestOptions) -> tuple[list[Path], list[ReadProblem]]:
    """The files of a folder in reading order, and the folders and links passed over."""
    files: list[Path] = []
    problems: list[ReadProblem] = []
    seen: set[str] = set()

    def unreadable(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else root
        problems.append(
            ReadProblem(path_text(where), f"cannot read folder: {exc.strerror or exc} (skipped)")
        )

    for folder, dirs, names in os.walk(
        root, onerror=unreadable, followlinks=options.follow_symlinks
    ):
        real = os.path.realpath(folder)
        if real in seen:  # a link back up the tree: walk each real folder once
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = Path(folder) / name
            if name.startswith("."):
                logger.debug("hidden file passed over: %s", path_text(path))
            elif path.is_symlink() and not options.follow_symlinks:
                problems.append(
                    ReadProblem(
                        path_text(path),
                        "symbolic link (skipped; ingest.follow_symlinks is off)",
                        severity="warning",
                    )
                )
            elif path.is_file():
                files.append(path)
            else:
                what = "broken symbolic link" if path.is_symlink() else "not a regular file"
                problems.append(
                    ReadProblem(path_text(path), f"{what} (skipped)", severity="warning")
                )
    files.sort(key=lambda p: p.relative_to(root).parts)
    problems.sort(key=lambda p: p.path)
    return files, problems


def manifests_near(path: Path, levels: int = MANIFEST_LEVELS) -> list[Path]:
    """Manifests that may name a file given on its own: in its folder and two above,
    farthest first so that the nearest one wins."""
    found: list[Path] = []
    for folder in reversed(list(path.parents)[:levels]):
        try:
            found.extend(sorted(p for p in folder.iterdir() if is_manifest(p) and p.is_file()))
        except OSError:
            continue
    return found


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader reports why it cannot be read


def _manifest_overrides(
    files: list[Path], options: IngestOptions, problems: list[ReadProblem], *, check_paths: bool
) -> dict[Path, Metadata]:
    """Resolved path -> metadata from every manifest among ``files``."""
    overrides: dict[Path, Metadata] = {}
    for path in files:
        if not is_manifest(path):
            continue
        try:
            items = list(read_manifest(path, options, check_paths=check_paths))
        except OSError as exc:
            problems.append(ReadProblem(path_text(path), f"cannot read: {exc.strerror or exc}"))
            continue
        for item in items:
            if isinstance(item, ReadProblem):
                problems.append(_shown(item))
                continue
            target, meta = item
            overrides[target] = overrides[target].merged_with(meta) if target in overrides else meta
    return overrides


def _shown(problem: ReadProblem) -> ReadProblem:
    text = path_text(problem.path)
    if text == problem.path:
        return problem
    return ReadProblem(text, problem.reason, problem.record, problem.severity)
