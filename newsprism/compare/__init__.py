"""Compare coverage inside a story: facts, findings, figures, quotes, names, framing,
timeline, digest, and an overview of what differs (``records.StoryComparison``).

``story.py`` reads as the table of contents. ``context.py`` gathers what every part
reads (articles, annotations, the language stage's kept parses, the embedder and its
cuts from ``newsprism.embedders``); ``units.py`` takes the claims the language layer
cut, ``similarity.py`` scores pairs and ``align.py`` groups them into facts, which
``facts.py`` lays out as the coverage matrix. Each kind of finding has its module
(``numbers.py`` figures, ``dates.py``, ``roles.py``, ``speakers.py``, ``quotes.py``,
``names.py``, ``framing.py`` with ``people.py``, ``timeline.py``, ``digest.py``,
``copies.py`` provenance), each citing its evidence through ``evidence.py``.
``records.py`` holds the typed records they make and report, web and store read.

``compare_story`` is imported on first use: importing this package (as the options
loader does) must not load the language models.
"""

from typing import TYPE_CHECKING, Any

from newsprism.compare.options import CompareOptions

COMPARE_VERSION = "11"
"""Bump when the comparison output changes, so stored reports are recomputed."""

if TYPE_CHECKING:
    from newsprism.compare.story import compare_story


def __getattr__(name: str) -> Any:
    if name == "compare_story":
        from newsprism.compare.story import compare_story

        return compare_story
    raise AttributeError(f"module 'newsprism.compare' has no attribute {name!r}")


__all__ = ["COMPARE_VERSION", "CompareOptions", "compare_story"]
