"""Limits and choices for reading input files. Defaults here are the documented defaults.

Limits, and what happens at each (every refusal is a ``ReadProblem``; reading goes on):

- ``max_file_mb`` (64): whole-file formats (``.txt``, ``.html``/``.htm``, ``.json``,
  feeds, ``NAME.meta.json``, manifests) are checked with ``stat`` *before* reading;
  a larger file is refused: "file is 200.0 MB, over the 64 MB limit (ingest.max_file_mb)".
  A gzipped whole-file input (``page.html.gz``) may not decompress beyond it either.
- ``max_decompressed_mb`` (512): streamed formats (``.jsonl``, ``.ndjson``,
  ``.jsonl.gz``, ``.warc``, ``.warc.gz``) are read record by record, never whole;
  reading stops once this many bytes have been decompressed (gzip bombs, huge shards),
  keeping the records read so far.
- ``max_record_mb`` (16): one JSON line, WARC record or feed entry larger than this is
  skipped with a problem naming the record.
- ``max_article_chars`` (1,000,000): an article longer than this after cleaning is not
  stored (its raw input is kept): "article 1 of the page is 1,234,567 characters, over
  the 1,000,000-character limit (ingest.max_article_chars)". The language model parses
  at most 1,000,000 characters at once and needs about 1 GB of memory per 100,000;
  no news article comes near this.
- ``follow_symlinks`` (false): symbolic links inside a folder are skipped with a warning
  (a link loop or a link out of the corpus cannot pull in files by accident).
- ``min_feed_summary_chars`` (400): a feed entry without full content is used only when
  its summary has at least this many characters of text; shorter ones are teasers.

MB here means 2**20 bytes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class IngestOptions:
    max_file_mb: float = 64.0  # a larger plain/HTML/JSON file is refused with a clear error
    max_decompressed_mb: float = 512.0  # gzip bombs and huge shards stop here
    max_record_mb: float = 16.0  # one JSON line, WARC record or feed entry
    max_article_chars: int = 1_000_000  # a longer cleaned article is refused (spaCy's limit)
    follow_symlinks: bool = False  # a symbolic link inside a folder is skipped with a warning
    min_feed_summary_chars: int = 400  # a shorter feed summary is a teaser, not an article

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * MB)

    @property
    def max_decompressed_bytes(self) -> int:
        return int(self.max_decompressed_mb * MB)

    @property
    def max_record_bytes(self) -> int:
        return int(self.max_record_mb * MB)


MB = 1 << 20


def mb(size: float) -> str:
    """A byte count as the problem messages show it: "200.0 MB"."""
    return f"{size / MB:.1f} MB"
