"""Compare coverage inside a story: facts, findings, figures, quotes, names, framing,
timeline, digest, and an overview of what differs (``records.StoryComparison``).

``compare_story`` is imported on first use: importing this package (as the options
loader does) must not load the language models.
"""

from typing import TYPE_CHECKING, Any

from newsprism.compare.options import CompareOptions

COMPARE_VERSION = "5"
"""Bump when the comparison output changes, so stored reports are recomputed."""

if TYPE_CHECKING:
    from newsprism.compare.story import compare_story


def __getattr__(name: str) -> Any:
    if name == "compare_story":
        from newsprism.compare.story import compare_story

        return compare_story
    raise AttributeError(f"module 'newsprism.compare' has no attribute {name!r}")


__all__ = ["COMPARE_VERSION", "CompareOptions", "compare_story"]
