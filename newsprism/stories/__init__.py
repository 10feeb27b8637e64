"""Stories: reuse (wire copy) detection, event clustering and storylines.

``reuse.py`` finds shared text (``minhash.py`` candidates, ``alignment.py`` edits);
``clustering.py`` groups articles into one-event stories over ``features.py`` rows
(TF-IDF, entities, ``embedding.py`` vectors from the ``newsprism.embedders`` registry)
and ``evidence.py`` event identity, with ``neighbours.py`` candidates in a time
window; ``storylines.py`` links stories that continue one another. ``textunits.py``
is the cheap sentence splitter used at corpus scale.

Typical use::

    vectors = embed_articles(articles)
    pairs = find_reuse(articles, vectors)
    stories = cluster_stories(articles, vectors, existing=previous_stories)
    stories = link_storylines(stories, articles, vectors)

The functions load on first use, so importing the options (as every command does)
does not load the embedding model or the index libraries.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from newsprism.stories.options import StoryOptions

if TYPE_CHECKING:
    from newsprism.stories.clustering import cluster_stories, story_id
    from newsprism.stories.embedding import embed_articles
    from newsprism.stories.reuse import compare_pair, describe_edits, find_reuse
    from newsprism.stories.storylines import link_storylines
    from newsprism.stories.translations import find_translations

_WHERE = {
    "cluster_stories": "clustering",
    "story_id": "clustering",
    "embed_articles": "embedding",
    "compare_pair": "reuse",
    "describe_edits": "reuse",
    "find_reuse": "reuse",
    "find_translations": "translations",
    "link_storylines": "storylines",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"newsprism.stories.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'newsprism.stories' has no attribute {name!r}")


__all__ = [
    "StoryOptions",
    "cluster_stories",
    "compare_pair",
    "describe_edits",
    "embed_articles",
    "find_reuse",
    "find_translations",
    "link_storylines",
    "story_id",
]
