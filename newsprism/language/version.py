"""The annotator version: bump it whenever annotation output changes, so the store
re-annotates articles annotated by an older version."""

ANNOTATOR_VERSION = "language-11.9"  # "2.946 killed" in English is 2,946 (a dot grouping thousands)
