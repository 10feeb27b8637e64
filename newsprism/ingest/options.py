"""Limits and choices for reading input files. Defaults here are the documented defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class IngestOptions:
    max_file_mb: float = 64.0  # a larger plain/HTML/JSON file is refused with a clear error
    max_decompressed_mb: float = 512.0  # gzip bombs and huge shards stop here
    max_record_mb: float = 16.0  # one JSON line, WARC record or feed entry
    follow_symlinks: bool = False
