"""Clean articles (and stories' comparisons) out of the store: JSON Lines, CSV, Parquet.

``records`` is the shape of an exported article, both ways: the JSONL an export
writes is ingestable again and gives back the same articles. ``writers`` streams
rows to a file, a batch at a time, so a store of any size exports in flat memory.
"""

from __future__ import annotations

from newsprism.export.run import ExportSummary, export_store

__all__ = ["ExportSummary", "export_store"]
