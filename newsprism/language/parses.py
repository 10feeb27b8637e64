"""The language stage's spaCy parse, kept so that later stages read it instead of parsing again.

Comparison reads grammar (what a number counts, which clause a date governs, which
nouns name people) from the same parse the language layer made. Parsing is the
costliest step of the whole run, so it happens once per article text: the parse is
serialised with the annotations (spaCy's ``DocBin``: token texts, lemmas, tags,
dependencies, entities and sentence starts; about 16 bytes a token, compressed) and
rebuilt on demand against the English vocabulary, which needs no model.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

KEPT_ATTRS = ("ORTH", "SPACY", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE",
              "SENT_START")  # fmt: skip


@functools.cache
def english_vocab() -> Vocab:
    """A vocabulary with English's syntax iterators (noun chunks), without a model."""
    import spacy

    return spacy.blank("en").vocab


def dump_parse(doc: Doc) -> bytes:
    docs = DocBin(attrs=list(KEPT_ATTRS), store_user_data=False)
    docs.add(doc)
    return bytes(docs.to_bytes())


def load_parse(data: bytes) -> Doc:
    return next(iter(DocBin().from_bytes(data).get_docs(english_vocab())))


def load_parses(parses: Mapping[str, bytes | None]) -> dict[str, Doc]:
    """Rebuilt parses by article id; articles without a kept parse are left out."""
    return {key: load_parse(data) for key, data in parses.items() if data}
