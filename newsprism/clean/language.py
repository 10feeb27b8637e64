"""The language of a page: fastText's guess (``newsprism.clean.langid``), else
a cheap guess from stopword ratios, using jusText's stopword lists.

fastText's bundled lite model tells the languages apart on a sentence; the stopword
guess is kept for when it is not installed or not sure, since news text is long enough
that the share of a language's function words separates languages well. Returns None
rather than a guess when no language clearly wins.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from newsprism.clean.lines import stoplist

# jusText stoplist name -> ISO 639-1; the languages news in this tool is likely to be in.
ISO_CODES: dict[str, str] = {
    "English": "en", "German": "de", "French": "fr", "Spanish": "es", "Italian": "it",
    "Portuguese": "pt", "Dutch": "nl", "Swedish": "sv", "Danish": "da", "Norwegian_Bokmal": "no",
    "Finnish": "fi", "Polish": "pl", "Czech": "cs", "Slovak": "sk", "Hungarian": "hu",
    "Romanian": "ro", "Croatian": "hr", "Serbian": "sr", "Slovenian": "sl", "Turkish": "tr",
    "Greek": "el", "Russian": "ru", "Ukrainian": "uk", "Bulgarian": "bg", "Indonesian": "id",
    "Malay": "ms", "Catalan": "ca", "Basque": "eu", "Galician": "gl", "Lithuanian": "lt",
    "Latvian": "lv", "Estonian": "et", "Icelandic": "is", "Irish": "ga", "Welsh": "cy",
    "Swahili": "sw", "Tagalog": "tl", "Vietnamese": "vi", "Persian": "fa", "Urdu": "ur",
    "Hindi": "hi", "Bengali": "bn", "Armenian": "hy", "Georgian": "ka", "Albanian": "sq",
    "Afrikaans": "af", "Azerbaijani": "az", "Kazakh": "kk", "Macedonian": "mk", "Arabic": "ar",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_HEBREW = re.compile(r"[\u0590-\u05FF]")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


MIN_FASTTEXT_SCORE = 0.5  # a fastText guess below this falls back to stopwords
SHORT_TEXT_LETTERS = 200  # on less text than this fastText must be surer:
MIN_SHORT_TEXT_SCORE = 0.8  # "Or, use your facebook account" came back Spanish at 0.55


def detect_language(text: str, *, min_ratio: float = 0.15, sample_words: int = 600) -> str | None:
    """ISO 639-1 code of the language of ``text``, or None when no language clearly wins."""
    from newsprism.clean.langid import SAMPLE_CHARS, identify

    guess = identify(text)
    short = sum(c.isalpha() for c in text[:SAMPLE_CHARS]) < SHORT_TEXT_LETTERS
    if guess is not None and guess.score >= (MIN_SHORT_TEXT_SCORE if short else MIN_FASTTEXT_SCORE):
        return guess.code
    return stopword_language(text, min_ratio=min_ratio, sample_words=sample_words)


def stopword_language(text: str, *, min_ratio: float = 0.15, sample_words: int = 600) -> str | None:
    """ISO 639-1 code of the language whose stopwords cover most of ``text``, or None."""
    words = [w.casefold() for w in _WORD.findall(text[: sample_words * 12])][:sample_words]
    if len(words) < 5:
        return None
    letters = "".join(words)
    if _CJK.search(letters) and len(_CJK.findall(letters)) > len(letters) / 3:
        return None  # no stopword list can tell Chinese from Japanese reliably
    if len(_ARABIC.findall(letters)) > len(letters) / 2:
        return "ar" if _stop_ratio(words, "Arabic") >= min_ratio / 2 else "fa"
    if len(_HEBREW.findall(letters)) > len(letters) / 2:
        return "he"
    index = _stopword_index()
    hits = Counter(name for w in words for name in index.get(w, ()))
    ranked = [(n / len(words), name) for name, n in hits.most_common(2)] + [(0.0, ""), (0.0, "")]
    (best, name), (second, _) = ranked[0], ranked[1]
    if best < min_ratio or best - second < 0.05:
        return None
    return ISO_CODES[name]


def justext_language(code: str | None) -> str:
    """The jusText stoplist name for an ISO code; English when unknown or unsupported."""
    for name, iso in ISO_CODES.items():
        if iso == code:
            return name
    return "English"


def _stop_ratio(words: list[str], language: str) -> float:
    stops = stoplist(language)
    return sum(w in stops for w in words) / len(words) if stops else 0.0


@lru_cache(maxsize=1)
def _stopword_index() -> dict[str, tuple[str, ...]]:
    """Word -> the languages whose stoplist holds it: one lookup per word, not per language."""
    index: dict[str, list[str]] = {}
    for name in ISO_CODES:
        for word in stoplist(name):
            index.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in index.items()}
