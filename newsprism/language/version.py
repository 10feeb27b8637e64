"""The annotator version: bump it whenever annotation output changes, so the store
re-annotates articles annotated by an older version."""

ANNOTATOR_VERSION = "language-11.7"  # "magnitude 7" and "category 4" are measures, no counts
