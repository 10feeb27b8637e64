"""Reading input files into ``RawDocument`` records (and ``ReadProblem`` for bad ones).

    read_paths(paths, options) -> documents and problems, in the order ``plan.py`` gives
    read_file(path, options)   -> one file's documents and problems

``plan.py`` decides which files a run reads (shared with the cluster run), ``read.py``
picks a reader per format (``whole_files``, ``json_records``, ``streams`` with
``warc_records``, ``feed_entries``), ``decode.py`` and ``sidecars.py`` give every
reader the same text and metadata. The readers load on first use, so reading the
options loads neither warcio nor feedparser.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from newsprism.ingest.options import IngestOptions

if TYPE_CHECKING:
    from newsprism.ingest.read import read_file, read_paths

_WHERE = {"read_file": "read", "read_paths": "read"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"newsprism.ingest.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'newsprism.ingest' has no attribute {name!r}")


__all__ = ["IngestOptions", "read_file", "read_paths"]
