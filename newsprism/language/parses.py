"""The language stage's spaCy parse, kept so that later stages read it instead of parsing again.

Comparison reads grammar (what a number counts, which clause a date governs, which
nouns name people) from the same parse the language layer made. Parsing is the
costliest step of the whole run, so it happens once per article text: the parse is
kept with the annotations and rebuilt on demand against the English vocabulary,
which needs no model.

The format is ours rather than spaCy's ``DocBin``: the token texts and the strings
the parse uses as JSON, then one unsigned 64-bit row per token (lemma, part of
speech, tag, dependency, head offset, entity, sentence start), zlib-compressed.
About 15 bytes a token, and rebuilt in 40 % of ``DocBin``'s time, which spends most
of its own on registry lookups in its msgpack decoder.
"""

from __future__ import annotations

import functools
import json
import zlib
from collections.abc import Mapping
from typing import cast

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, SENT_START, TAG
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.types import Ints2d

KEPT_ATTRS = [LEMMA, POS, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
FORMAT = 1


@functools.cache
def english_vocab() -> Vocab:
    """A vocabulary with English's syntax iterators (noun chunks), without a model."""
    import spacy

    vocab: Vocab = spacy.blank("en").vocab
    return vocab


def dump_parse(doc: Doc) -> bytes:
    rows = np.asarray(doc.to_array(KEPT_ATTRS), dtype=np.uint64)
    strings = sorted({s for t in doc for s in (t.lemma_, t.tag_, t.dep_, t.ent_type_) if s})
    head = json.dumps(
        {
            "v": FORMAT,
            "w": [t.text for t in doc],
            "s": [bool(t.whitespace_) for t in doc],
            "k": strings,
        },
        ensure_ascii=False,
    ).encode("utf-8")
    return zlib.compress(len(head).to_bytes(4, "little") + head + rows.tobytes(), 6)


def load_parse(data: bytes) -> Doc:
    raw = zlib.decompress(data)
    size = int.from_bytes(raw[:4], "little")
    head = json.loads(raw[4 : 4 + size])
    vocab = english_vocab()
    for s in head["k"]:
        vocab.strings.add(s)
    doc = Doc(vocab, words=head["w"], spaces=head["s"])
    if head["w"]:
        rows = np.frombuffer(raw[4 + size :], dtype=np.uint64).reshape(
            len(head["w"]), len(KEPT_ATTRS)
        )
        doc.from_array(KEPT_ATTRS, cast(Ints2d, rows))  # spaCy reads uint64 rows
    return doc


def load_parses(parses: Mapping[str, bytes | None]) -> dict[str, Doc]:
    """Rebuilt parses by article id; articles without a kept parse are left out."""
    return {key: load_parse(data) for key, data in parses.items() if data}
