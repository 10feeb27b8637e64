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

from collections.abc import Sequence

import numpy as np

from newsprism.compare.anchors import sentence_anchors
from newsprism.compare.cross_language import encoder_pairs
from newsprism.language.rules.reader import language_group

QUOTE_COSINE = 0.55  # multilingual cosine at which two quotes render one statement
MIN_CROSS_WORDS = 3  # a shorter fragment in another language is matched by its words only


def cross_language_cosines(texts: Sequence[str], languages: Sequence[str | None]) -> np.ndarray:
    """Cosines of the pairs read in two languages (or one read by rule); -1 for the
    pairs word overlap scores, for fragments too short to encode, and for pairs whose
    figures disagree. No encoder is loaded for quotes all in English."""
    n = len(texts)
    out = np.full((n, n), -1.0, dtype=np.float32)
    groups = [language_group(lang) for lang in languages]
    if n < 2 or not any(encoder_pairs(groups).ravel()):
        return out
    from newsprism.multilingual_encoder import encode

    mask = encoder_pairs(groups)
    long_enough = np.array([len(t.split()) >= MIN_CROSS_WORDS for t in texts])
    mask &= long_enough[:, None] & long_enough[None, :]
    if not mask.any():
        return out
    vecs = encode(list(texts))
    cos = vecs @ vecs.T
    numbers = [sentence_anchors(t, lang).numbers for t, lang in zip(texts, languages, strict=True)]
    for i, j in zip(*np.nonzero(np.triu(mask, k=1)), strict=True):
        a, b = numbers[int(i)], numbers[int(j)]
        if a and b and not a & b:
            continue  # each holds figures and none agree: two statements
        out[i, j] = out[j, i] = cos[i, j]
    return out
