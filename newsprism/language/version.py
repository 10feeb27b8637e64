"""The annotator version: bump it whenever annotation output changes, so the store
re-annotates articles annotated by an older version."""

ANNOTATOR_VERSION = "language-12.5"  # readings; datelines; weekdays of customs; label holders
