"""Names in text without a parser, and a spelling key that survives transliteration.

A name is a run of capitalised words (with the small joining words names carry:
"de", "da", "bin", "al-"), leaving out the language's function words, which start
sentences capitalised ("El", "Die", "Pada"), and leaving out the role nouns that
open a run as a title ("Milizenchef Oren Volkov": the name is the last two).
Arabic has no capitals, so Arabic names are not found this way; they still meet the
others through ``skeleton``, which the cross-language evidence uses on whatever names
each side has.

``skeleton`` is the consonant frame of a name after ``anyascii`` transliteration:
"Kermán", "Kerman" and "كرمان" are all "krmn", "Qassem Soleimani" and "قاسم سليماني"
both "ksm slmn". Cheap and rough, so it is evidence added to the multilingual
encoder's score, never a decision on its own.
"""

from __future__ import annotations

import functools
import re

from anyascii import anyascii

from newsprism.clean.lines import stoplist
from newsprism.language.rules.labels import leading_titles
from newsprism.language.rules.words import Token, tokens, variants
from newsprism.lexicon import FOREIGN_LANGUAGES
from newsprism.model import Mention, Sentence

_JOINERS = frozenset({"de", "del", "da", "das", "do", "dos", "di", "von", "van", "der",
                      "bin", "binti", "al", "el", "la", "le", "du", "des", "y", "e"})  # fmt: skip
_SKELETON_DROP = re.compile(r"[aeiouyw'h\W\d_]")
_SOUNDS = str.maketrans(
    {"q": "k", "c": "k", "g": "k", "z": "s", "j": "k", "x": "ks", "v": "b", "p": "b"}
)
MIN_SKELETON = 3  # shorter frames ("km", "br") match too much


@functools.cache
def _function_words(language: str) -> frozenset[str]:
    name = FOREIGN_LANGUAGES.get(language, "English")
    return frozenset(w.casefold() for w in stoplist(name)) | _JOINERS


def find_names(text: str, sentences: list[Sentence], language: str) -> list[Mention]:
    """Capitalised runs of each sentence, as mentions labelled ``NAME`` (a hint only)."""
    stops = _function_words(language)
    out: list[Mention] = []
    for sent in sentences:
        toks = tokens(text[sent.span[0] : sent.span[1]], sent.span[0])
        run: list[Token] = []
        for i, tok in enumerate(toks):
            if run and text[run[-1].span[1] : tok.span[0]].strip():
                _close(run, text, out, language)  # punctuation between two words ends a name
            word = tok.text
            capital = word[:1].isupper()
            acronym = capital and word.isupper() and len(word) >= 2 and word.isalpha()
            name_word = (capital and tok.folded not in stops and not word.isupper()) or acronym
            joiner = bool(run) and tok.folded in _JOINERS and i + 1 < len(toks)
            if name_word or (joiner and _capital(toks[i + 1])):
                run.append(tok)
            else:
                _close(run, text, out, language)
        _close(run, text, out, language)
    return _split_joined(out, text)


def _split_joined(names: list[Mention], text: str) -> list[Mention]:
    """Two names written side by side read as one run ("de Velmora Anders Brandt"):
    split where the run ends in a name of two or more words that the article also writes
    on its own (what comes before it is a name of its own: "Unidos")."""
    alone = {m.text for m in names}
    out: list[Mention] = []
    for m in names:
        toks = tokens(m.text, m.span[0])
        cut = next(
            (k for k in range(1, len(toks) - 1) if text[toks[k].span[0] : m.span[1]] in alone),
            None,
        )
        if cut is None or text[toks[cut - 1].span[1] : toks[cut].span[0]].strip():
            out.append(m)
            continue
        for a, b in ((toks[0], toks[cut - 1]), (toks[cut], toks[-1])):
            out.append(Mention((a.span[0], b.span[1]), text[a.span[0] : b.span[1]], "NAME"))
    return out


def _capital(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _close(run: list[Token], text: str, out: list[Mention], language: str = "") -> None:
    while run and run[-1].folded in _JOINERS:
        run.pop()
    # a capitalised title is no part of the name ("Milizenchef Oren Volkov")
    del run[: leading_titles([t.folded for t in run], language)]
    while run and run[0].folded in _JOINERS:
        run.pop(0)
    if run:
        s, e = run[0].span[0], run[-1].span[1]
        out.append(Mention((s, e), text[s:e], "NAME"))
    run.clear()


UNCASED = frozenset({"ar"})  # scripts without capitals: no name can be told by its case


def uncased_name_words(text: str, language: str, limit: int = 1500) -> list[str]:
    """For a language written without capitals (Arabic), every content word of the
    text's start, with the prefixes written onto it removed: candidates that only
    count when a name of another article has the same skeleton ("خرزان", "Kharzan")."""
    stops = _function_words(language)
    out: list[str] = []
    for tok in tokens(text[:limit]):
        if tok.folded in stops or len(tok.folded) < 4:
            continue
        out.extend(v for v in variants(tok.folded) if len(v) >= 4 and v not in stops)
    return out


def skeleton(name: str) -> str:
    """The consonant frame of each word of a name, after transliteration."""
    words = []
    for original in name.replace("-", " ").split():
        if original.startswith("ال") and len(original) > 3:
            original = original[2:]  # the Arabic article written onto the name
        word = anyascii(original).lower()
        if word in ("al", "el"):
            continue
        frame = _SKELETON_DROP.sub("", word.translate(_SOUNDS))
        frame = re.sub(r"(.)\1+", r"\1", frame)  # "Qassem" and "Qasem" are one
        if word.startswith(("al", "el")) and len(frame) > MIN_SKELETON and frame[0] == "l":
            frame = frame[1:]  # "alqaim" written as one word
        if frame:
            words.append(frame)
    return " ".join(words)


def name_keys(names: list[str]) -> set[str]:
    """Skeletons of every word of the names that are long enough to tell names apart."""
    out: set[str] = set()
    for name in names:
        out.update(w for w in skeleton(name).split() if len(w) >= MIN_SKELETON)
    return out
