"""Reading input files into ``RawDocument`` records (and ``ReadProblem`` for bad ones)."""

from newsprism.ingest.options import IngestOptions
from newsprism.ingest.read import read_file, read_paths

__all__ = ["IngestOptions", "read_file", "read_paths"]
