"""The language layer: sentences, names resolved across outlets (with the descriptions an
article joins to them), quotes and reported speech with speakers, figures with what they
count and what befell it, and dates on the calendar (each with its rule and anchor).
The word tables (months, number words, qualifiers, outcomes, reporting verbs) are
``newsprism.lexicon``'s; ``timex.py`` maps a resolved date to its TIMEX3 value.

    annotate(articles)               -> Annotations per article (one spaCy pass each)
    resolve_entities(articles, ann)  -> Entity list; fills Mention.entity, Quote.speaker_entity
    reanchor_times(article, ann, d)  -> Annotations with relative dates resolved against d

The functions load on first use, so importing the options (as every command does)
does not load spaCy.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from newsprism.language.options import LanguageOptions
from newsprism.language.version import ANNOTATOR_VERSION

if TYPE_CHECKING:
    from newsprism.language.annotator import annotate
    from newsprism.language.nlp import load_nlp
    from newsprism.language.reanchor import reanchor_times
    from newsprism.language.resolve import resolve_entities

_WHERE = {
    "annotate": "annotator",
    "load_nlp": "nlp",
    "reanchor_times": "reanchor",
    "resolve_entities": "resolve",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"newsprism.language.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'newsprism.language' has no attribute {name!r}")


__all__ = [
    "ANNOTATOR_VERSION",
    "LanguageOptions",
    "annotate",
    "load_nlp",
    "reanchor_times",
    "resolve_entities",
]
