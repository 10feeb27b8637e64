"""The annotator version: bump it whenever annotation output changes, so the store
re-annotates articles annotated by an older version."""

ANNOTATOR_VERSION = "language-11.4"  # "shot dead", "a total of", "one of them died", "no one"
