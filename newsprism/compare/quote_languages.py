"""One statement quoted in two languages: scored by the multilingual encoder.

Word overlap (``compare.quotes``) cannot see that «Le pont s'est effondré» renders
"The bridge collapsed": the two share no word. So a pair of quotes in two languages,
or in one language read by rule, is scored by the multilingual encoder the claims
use across languages (``compare.cross_language``, ``multilingual_encoder``). Quotes
are short and the encoder rates two statements about one event close, so a pair must
also keep its figures: two quotes that each hold numbers, none in common, are two
statements ("six dead" is not "ten aboard") whatever the cosine.

``QUOTE_COSINE`` was fitted on the tune half of the page benchmark: there, the pairs in
two languages that render one gold statement scored 0.56-0.79 (one printed twice,
1.0), and the closest pairs of different statements 0.52-0.53 (two witnesses each
calling the disaster the worst they had lived through); the cut sits between them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newsprism.compare.anchors import sentence_anchors
from newsprism.compare.cross_language import encoder_pairs
from newsprism.language.rules.reader import language_group

QUOTE_COSINE = 0.55  # multilingual cosine at which two quotes render one statement
MIN_CROSS_WORDS = 3  # a shorter fragment in another language is matched by its words only


def tongue(language: str | None) -> str:
    """The language a quote is printed in: its page's detected language, English when
    undetected. Finer than ``language_group``, which lumps the languages no rule reader
    reads (Turkish, Portuguese, ...) with English: a Turkish quote is no English
    wording of an English one, so it is scored by the encoder, never by shared words."""
    return language or "en"


def encoded_pairs(languages: Sequence[str | None]) -> np.ndarray:
    """The pairs the encoder scores: two printed languages, or one read by rule."""
    groups = [language_group(lang) for lang in languages]
    printed = np.array([tongue(lang) for lang in languages])
    return np.asarray(encoder_pairs(groups) | (printed[:, None] != printed[None, :]))


# a clock time ("23.00", "11 p.m.", "9h30") is when it was said, no figure of the statement:
# one rendering writes "23.00" where another writes "11 p.m."
_CLOCK = re.compile(
    r"\b(\d{1,2})(?:[.:h]\d{2}\b|\s*(?:[ap]\.?m\b\.?|h\b|heures?\b|uhr\b|horas?\b))",
    re.IGNORECASE,
)


# optional vowel and reading marks (Arabic harakat and dagger alif, Hebrew points): most
# pages leave them out, and the encoder reads a pointed quote far from its own words
# (one statement pointed and in English: 0.25, unpointed 0.67), though some pointed
# texts it reads better as printed; so a pointed quote is scored in both forms
_VOWEL_MARKS = re.compile("[\u064b-\u065f\u0670\u0591-\u05c7]")


def unpointed(text: str) -> str:
    """The text without optional vowel marks."""
    return _VOWEL_MARKS.sub("", text)


def figures(text: str, language: str | None) -> frozenset[float]:
    """The figures a quote holds, clock times left out."""
    return sentence_anchors(_CLOCK.sub(" ", text), language).numbers


def cross_language_cosines(texts: Sequence[str], languages: Sequence[str | None]) -> np.ndarray:
    """Cosines of the pairs read in two languages (or one read by rule); -1 for the
    pairs word overlap scores, for fragments too short to encode, and for pairs whose
    figures disagree. No encoder is loaded for quotes all in English."""
    n = len(texts)
    out = np.full((n, n), -1.0, dtype=np.float32)
    mask = encoded_pairs(languages)
    if n < 2 or not mask.any():
        return out
    from newsprism.multilingual_encoder import encode

    long_enough = np.array([len(t.split()) >= MIN_CROSS_WORDS for t in texts])
    mask &= long_enough[:, None] & long_enough[None, :]
    if not mask.any():
        return out
    vecs = encode(list(texts))
    cos = vecs @ vecs.T
    plain = [unpointed(t) for t in texts]
    if plain != list(texts):  # each pair read in the closer of its two forms
        bare = encode(plain)
        cos = np.maximum(cos, bare @ bare.T)
    numbers = [figures(t, lang) for t, lang in zip(texts, languages, strict=True)]
    for i, j in zip(*np.nonzero(np.triu(mask, k=1)), strict=True):
        a, b = numbers[int(i)], numbers[int(j)]
        if a and b and not a & b:
            continue  # each holds figures and none agree: two statements
        out[i, j] = out[j, i] = cos[i, j]
    return out
