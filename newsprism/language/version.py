"""The annotator version: bump it whenever annotation output changes, so the store
re-annotates articles annotated by an older version."""

ANNOTATOR_VERSION = "language-11.8"  # "no survivors among the 8 passengers" counts the dead
