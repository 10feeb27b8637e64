"""The annotator version: bump it whenever annotation output changes, so the store
re-annotates articles annotated by an older version."""

ANNOTATOR_VERSION = (
    "language-11.10"  # "the bodies of the 10 people were recovered"; "2.946 killed" is 2,946
)
