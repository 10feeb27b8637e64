"""The annotator version: bump it whenever annotation output changes, so the store
re-annotates articles annotated by an older version."""

ANNOTATOR_VERSION = "language-11.11"  # "50 rounds were fired ... four injured": four people
