"""The report's files on disk: atomic writes, one folder per story, and stale-folder cleanup.

An interrupted run must never leave half a file next to a complete one from an earlier
run, and cleaning up after an earlier run must never delete something a user put in
the output folder: only folders that hold our own per-story report.json are touched,
and only our own file names inside them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

STORIES_DIR = "stories"
REPORT_NAMES = ("report.json", "report.html", "report.md")
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9_-]+")
_OUR_TEMP = re.compile(r"\.report\.(json|html|md)\..+\.tmp")


@contextmanager
def atomic_file(path: Path) -> Iterator[IO[str]]:
    """A text file that appears under ``path`` only once it is complete."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    with atomic_file(path) as fh:
        fh.write(text)


def copy_into(src: IO[str], dst: IO[str]) -> None:
    src.seek(0)
    shutil.copyfileobj(src, dst)


def story_folders(story_ids: Iterable[str]) -> dict[str, str]:
    """A folder name per story id that is safe on every filesystem and unique ignoring case.

    Ids are usually already safe (``st-<hex>``) and are kept as they are, so a folder
    can be found from the id by eye; any other id gets a cleaned prefix plus a hash.
    """
    used: set[str] = set()
    out: dict[str, str] = {}
    for sid in story_ids:
        digest = hashlib.sha256(sid.encode("utf-8")).hexdigest()[:12]
        name = sid
        if not _SAFE_NAME.fullmatch(sid):
            name = f"{_UNSAFE_CHARS.sub('_', sid)[:60].strip('_-') or 'story'}-{digest}"
        if name.casefold() in used:
            name = f"{name[:60]}-{digest}"
        used.add(name.casefold())
        out[sid] = name
    return out


def is_our_story_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a per-story report.json we wrote (it has a schema_version)."""
    report = folder / "report.json"
    if folder.is_symlink() or not folder.is_dir() or report.is_symlink() or not report.is_file():
        return False
    try:
        with report.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(data, dict) and "schema_version" in data and "id" in data


def remove_stale_folders(stories_dir: Path, keep: Iterable[str]) -> list[Path]:
    """Delete our files from story folders of an earlier run that this run did not write.

    A folder is emptied of our own file names only and then removed if nothing else
    is left; anything a user added stays, with a warning naming it.
    """
    if not stories_dir.is_dir():
        return []
    wanted = set(keep)
    removed: list[Path] = []
    for folder in sorted(stories_dir.iterdir()):
        if folder.name in wanted or not is_our_story_folder(folder):
            continue
        for child in folder.iterdir():
            if child.is_file() and (child.name in REPORT_NAMES or _OUR_TEMP.fullmatch(child.name)):
                child.unlink()
        left = sorted(p.name for p in folder.iterdir())
        if left:
            log.warning("stale story folder %s kept: it holds other files %s", folder, left)
            continue
        folder.rmdir()
        removed.append(folder)
    if removed:
        log.info("removed %d stale story folders from %s", len(removed), stories_dir)
    return removed
