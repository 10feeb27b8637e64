"""Who a sentence credits its figure to: "12 were killed, police said" is police's figure,
"selon le ministère de la Santé" the ministry's. A fact-checker's first question about a
figure is whose it is; when the sentence names nobody, the answer is None, never a guess.
"""

from __future__ import annotations

import re

from newsprism.lexicon import CREDIT_AFTER, CREDIT_BEFORE, CREDIT_MAX_WORDS, OFFICIAL_SOURCE_WORDS

_STOP = re.compile(r"[,.;:!?()\[\]«»“”\"\n،؛]")
_CLAUSE_WORDS = {"had", "has", "have", "was", "were", "is", "are", "previously", "also", "earlier"}
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "who", "that", "which", "this", "these"}
_PRONOUNS |= {"its", "his", "her", "their", "our", "my", "your"}  # "their results"
_LEADING = {"the", "a", "an", "le", "la", "les", "l'", "el", "los", "las", "o", "os", "die", "der"}


def credited_to(sentence: str, language: str | None = None) -> str | None:
    """The source the sentence names for what it reports, as written (without a
    leading article), or None."""
    lang = language if language in CREDIT_BEFORE else "en"
    low = sentence.lower()
    for cue in CREDIT_BEFORE[lang] + (CREDIT_BEFORE["en"] if lang != "en" else ()):
        at = _word_at(low, cue)
        if at is not None:
            found = _name(_STOP.split(sentence[at + len(cue) :], 1)[0])
            if found:
                return found
    for verb in CREDIT_AFTER[lang]:
        at = _word_at(low, verb)
        if at is None:
            continue
        before = _STOP.split(sentence[:at])[-1]
        found = _name(before)
        if found:
            return found
        after = _name(_STOP.split(sentence[at + len(verb) :], 1)[0])  # "said police"
        if after and lang == "en":
            return after
    return None


def _word_at(low: str, cue: str) -> int | None:
    match = re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", low)
    return match.start() if match else None


def _name(text: str) -> str | None:
    words = text.split()
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    if not words or len(words) > CREDIT_MAX_WORDS:
        return None
    if words[0].lower() in _PRONOUNS:
        return None  # a pronoun names nobody a reader can check
    if any(w.lower() in _CLAUSE_WORDS for w in words):
        return None  # "authorities had previously": a clause, not a name
    return " ".join(words)


def is_official(source: str | None) -> bool:
    """Whether a credited source is an official body or its spokesperson ("police", "the
    county coroner", "ministère de la Santé", "وزارة الداخلية"), not a witness or a relative."""
    if not source:
        return False
    return any(w.strip("'’").lower() in OFFICIAL_SOURCE_WORDS for w in source.split())


def subject_before(sentence: str, word: str) -> str | None:
    """Who does what ``word`` says, when the sentence names them just before it: "The
    health ministry withdrew its figure" -> "health ministry" (a name, as ``credited_to``
    accepts one), or None."""
    at = _word_at(sentence.lower(), word.lower())
    if at is None:
        return None
    return _name(_STOP.split(sentence[:at])[-1])
