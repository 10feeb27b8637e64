"""Spelling-insensitive keys for names, so outlets' variants of one name compare equal.

Outlets transliterate Arabic and Persian names differently ("Yahya"/"Yehia",
"Kataib"/"Kata'ib"), add titles ("Prime Minister", "President") and the article
particle ("al-Sudani"/"Sudani"). These keys strip what does not identify the person
or group, and :func:`skeleton` keeps only the consonant frame a transliteration keeps.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Indel

from newsprism.model import Mention

# Titles and roles that precede a name. Multi-word titles first, so the longest wins.
_TITLES = (
    "secretary of state",
    "secretary of defense",
    "foreign minister",
    "defence minister",
    "defense minister",
    "prime minister",
    "deputy prime minister",
    "vice president",
    "supreme leader",
    "minister",
    "president",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "sheikh",
    "sheik",
    "ayatollah",
    "general",
    "gen",
    "lt",
    "col",
    "maj",
    "brig",
    "cmdr",
    "commander",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "mayor",
    "pm",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "the",
)
_TITLE_RE = re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in _TITLES) + r")\.?\s+)+")
_THE_RE = re.compile(r"^the\s+")
_PARTICLE_RE = re.compile(r"^(?:al|el|ad|ash|as|an|ar|at)-", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"(?:'s|'|’s|’)$")
_APOSTROPHES = str.maketrans("", "", "'’‘`ʼʻ")
_VOWELISH = set("aeiouyhw")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII with apostrophes removed and hyphens/dots as spaces."""
    out = anyascii(text).translate(_APOSTROPHES).lower()
    out = re.sub(r"(?<=\w)\.(?=\w)", "", out)  # U.S. -> us
    out = re.sub(r"[^a-z0-9]+", " ", out)
    return out.strip()


def strip_possessive(text: str) -> str:
    return _POSSESSIVE_RE.sub("", text.strip())


@lru_cache(maxsize=65536)
def name_tokens(text: str, person: bool = True) -> tuple[str, ...]:
    """The identifying words of a name: no titles, no possessive, no "al-" particles.

    Titles are only stripped from people's names ("General Motors" keeps "general").
    """
    raw = anyascii(strip_possessive(text)).lower().strip()
    raw = _TITLE_RE.sub("", raw) if person else _THE_RE.sub("", raw)
    words = []
    for word in raw.split():
        word = _PARTICLE_RE.sub("", word)
        word = fold(word).replace(" ", "")
        if word:
            words.append(word)
    return tuple(words)


# Titles that only ever precede a person's name ("General Motors", "King's College" are
# organisations, so "general" and "king" are not here).
_PERSON_TITLE_RE = re.compile(
    r"^(?:mr|mrs|ms|dr|president|vice president|prime minister|pm|minister|foreign minister"
    r"|defen[cs]e minister|senator|sen|rep|gov|governor|mayor|secretary of state|chancellor"
    r"|premier|spokesman|spokeswoman|spokesperson|ayatollah|sheikh)\.?\s+[a-z]",
)


def has_person_title(text: str) -> bool:
    """ "Mr. Trump", "President Macron", "PM Sudani": a person, whatever the model says."""
    return bool(_PERSON_TITLE_RE.match(anyascii(text).lower()))


def name_key(text: str, person: bool = True) -> str:
    return " ".join(name_tokens(text, person))


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """First letter plus the consonants after it, doubled letters collapsed.

    Vowels, y, h and w are what transliterations disagree on, so they are dropped
    after the first letter: "yahya" and "yehia" both give "y", "kataib" and "kata'ib"
    give "ktb".
    """
    word = fold(word).replace(" ", "")
    if not word:
        return ""
    out = [word[0]]
    for ch in word[1:]:
        if ch in _VOWELISH:
            continue
        if out[-1] != ch:
            out.append(ch)
    return "".join(out)


def similarity(a: str, b: str) -> float:
    """Normalised indel similarity of two folded words, 0..100."""
    return Indel.normalized_similarity(a, b) * 100.0


def same_word(a: str, b: str, strict: float = 85.0, loose: float = 55.0) -> bool:
    """Two name words are one spelling apart: close, or the same consonant frame."""
    if a == b:
        return True
    score = similarity(a, b)
    if score >= strict:
        return True
    return score >= loose and len(a) > 2 and len(b) > 2 and skeleton(a) == skeleton(b)


def initials(tokens: tuple[str, ...]) -> str:
    """The acronym a multi-word name would have: "popular mobilization forces" -> "pmf"."""
    skip = {"of", "the", "and", "for", "in", "on", "de", "al"}
    return "".join(t[0] for t in tokens if t not in skip)


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def surname(mention: Mention) -> str:
    """The last word of the fullest form of a name (the in-article full form it was
    joined to, else its own words): "Tara Reid", "Reid" and "Ms. Reid" are one person
    to this key, whatever the entity resolution made of them."""
    words = (mention.head or mention.text).replace("’s", "").replace("'s", "").split()
    return words[-1].lower() if words else ""
