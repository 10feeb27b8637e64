"""Coverage in other languages: Spanish, Portuguese, French, German, Indonesian, Arabic.

Separable pieces, each in its own module, that the stages call:

- ``langid``: which language an article is in (fastText's bundled lite model);
- ``annotate``: the language stage for an article not in English (sentences, figures,
  dates, names by rule: ``sentences``, ``numbers``, ``figures``, ``dates``, ``names``,
  with the word tables of ``newsprism.lexicon`` read through ``words``);
- ``encoder``: the multilingual sentence encoder (Universal Sentence Encoder v3);
- ``gloss``: English glosses of Spanish, Portuguese and French sentences by Apertium,
  marked as machine translation, when Apertium is installed.

Importing this package loads no model.
"""

from newsprism.lexicon import FOREIGN_LANGUAGES

SUPPORTED_LANGUAGES: dict[str, str] = {"en": "English", **FOREIGN_LANGUAGES}

__all__ = ["SUPPORTED_LANGUAGES"]
