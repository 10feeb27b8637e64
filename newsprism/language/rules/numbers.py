"""Numbers as written in Spanish, Portuguese, French, German, Indonesian and Arabic.

Digits are read with the language's separators ("1.200" is twelve hundred in Spanish,
"1,5" one and a half; Arabic-Indic digits too); number words go through ``text2num``
for Spanish, Portuguese, French and German ("ochenta y cuatro", "cento e três",
"quatre-vingt-quatre", "vierundachtzig") and through the lexicon's tables for
Indonesian ("delapan puluh empat") and Arabic ("أربعة وثمانون").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism import lexicon
from newsprism.language.rules.words import LanguageWords, Token, fold

TEXT2NUM_LANGUAGES = {"es": "es", "pt": "pt", "fr": "fr", "de": "de"}
_CONNECTORS = {"es": {"y"}, "pt": {"e"}, "fr": {"et"}, "de": {"und"}, "id": set(), "ar": set()}
_THOUSANDS_DOT = {"es", "pt", "de", "id"}  # "1.200": a dot groups thousands, a comma decimals
_ARTICLES = {"un", "una", "uno", "um", "uma", "une", "ein", "eine", "einen", "einem", "einer"}
_TRAILING = ".,\u00a0\u202f "  # separators a number never ends with
_DIGITS = re.compile(r"\d+(?:[.,\u066B\u066C\u00A0\u202F ]\d+)*")


@dataclass(frozen=True, slots=True)
class Number:
    first: int  # index of the first token
    last: int  # index after the last token
    span: tuple[int, int]
    text: str
    value: float
    words: bool  # spelled out rather than digits
    scale: float = 0.0  # the scale word digits were joined with ("3 mil": 1000), or COMPLETE


def _digit_value(text: str, language: str) -> float | None:
    groups = re.split(r"[.,\u066B\u066C\u00A0\u202F ]", text)
    seps = re.findall(r"[.,\u066B\u066C\u00A0\u202F ]", text)
    if not seps:
        return float(int(text))
    digits = [str(int(g)) if g else "" for g in groups]  # Arabic-Indic digits to ASCII
    digits = [g.zfill(len(raw)) for g, raw in zip(digits, groups, strict=True)]
    last_sep = seps[-1]
    thousands_like = all(len(g) == 3 for g in groups[1:])
    if language == "ar":
        decimal = last_sep == "\u066b" or (last_sep == "." and not thousands_like)
    elif language in _THOUSANDS_DOT:
        decimal = last_sep == "," or (last_sep == "." and not thousands_like)
    else:  # French writes "1 200" and "1,5"; English-style "1,200" read as thousands
        decimal = last_sep == "," and not thousands_like
    if decimal:
        whole = "".join(digits[:-1])
        return float(f"{whole or 0}.{digits[-1]}")
    if not thousands_like:
        return None
    return float("".join(digits))


@functools.cache
def _text2num(words: str, language: str) -> int | None:
    from text_to_num import text2num

    try:
        return int(text2num(words, TEXT2NUM_LANGUAGES[language]))
    except (ValueError, KeyError, IndexError):
        return None


def text2num(words: str, language: str) -> int | None:
    """The value of number words in a language the rule reader knows ("cuatro", "trois"),
    or None: for readers of a clause that has no parse."""
    return _text2num(words, language)


def _is_number_word(folded: str, language: str, table: LanguageWords) -> bool:
    if language in TEXT2NUM_LANGUAGES:
        return _text2num(folded, language) is not None
    from newsprism.language.rules.words import variants

    return any(v in table.numbers or v in table.scales for v in variants(folded))


def _table_value(words: Sequence[str], table: LanguageWords) -> int | None:
    """Indonesian and Arabic number words: units, tens and scales, added and multiplied."""
    from newsprism.language.rules.words import variants

    total = group = pending = 0
    seen = False
    for w in words:
        form = next((v for v in variants(w) if v in table.numbers or v in table.scales), None)
        if form is None:
            return None
        seen = True
        if form in table.numbers:
            value = table.numbers[form]
            if value >= 100:
                group += (pending or 1) * value
                pending = 0
            elif pending and value < 10 and pending % 10 == 0 and pending >= 20:
                group += pending + value  # Arabic "عشرون" then "أربعة" read either way
                pending = 0
            elif pending:
                group += pending
                pending = value
            else:
                pending = value
            continue
        scale = table.scales[form]
        if form == "belas":
            group += pending + 10
            pending = 0
        elif scale < 1000:
            group += (pending or 1) * scale
            pending = 0
        else:
            total += (group + pending or 1) * scale
            group = pending = 0
    return total + group + pending if seen else None


def _is_weekday(text: str, toks: Sequence[Token], i: int, language: str) -> bool:
    """A weekday name that is also a number word, read as the day: after a word that
    makes it one ("منذ يوم الاثنين"), or standing alone between punctuation ("أعلنت
    الوكالة، الإثنين، وفاة": announced, on Monday, the death), where a count would be
    followed by what it counts."""
    names, before = lexicon.FOREIGN_WEEKDAY_NUMBERS.get(language, (frozenset(), frozenset()))
    if toks[i].folded not in {fold(n) for n in names}:
        return False
    if i > 0 and toks[i - 1].folded in {fold(w) for w in before}:
        return True
    after = text[toks[i].span[1] :].lstrip()[:1]
    return after in _DAY_PUNCTUATION or after == ""


_DAY_PUNCTUATION = set(",.;:،؛)")  # Arabic comma and semicolon too


def find_numbers(text: str, toks: Sequence[Token], table: LanguageWords) -> list[Number]:
    """Every number in ``toks`` (tokens of ``text``), in order, as the longest reading."""
    language = table.language
    out: list[Number] = []
    i = 0
    connectors = _CONNECTORS.get(language, set())
    while i < len(toks):
        tok = toks[i]
        if tok.text[0].isdigit():
            m = _DIGITS.match(text, tok.span[0])
            assert m is not None
            raw = m.group().rstrip(_TRAILING)
            value = _digit_value(raw, language)
            end = tok.span[0] + len(raw)
            last = i + 1
            while last < len(toks) and toks[last].span[1] <= end:
                last += 1
            if value is not None:
                out.append(Number(i, last, (tok.span[0], end), raw, value, False))
            i = max(last, i + 1)
            continue
        if tok.folded in _ARTICLES or not _is_number_word(tok.folded, language, table):
            i += 1
            continue
        if _is_weekday(text, toks, i, language):
            i += 1  # "منذ يوم الاثنين": since Monday, not "two"
            continue
        j = i + 1
        while j < len(toks):
            if _is_number_word(toks[j].folded, language, table):
                j += 1
            elif (
                toks[j].folded in connectors
                and j + 1 < len(toks)
                and _is_number_word(toks[j + 1].folded, language, table)
            ):
                j += 2
            else:
                break
        value_found: int | None = None
        while j > i:
            words = [t.folded for t in toks[i:j]]
            if language in TEXT2NUM_LANGUAGES:
                value_found = _text2num(" ".join(words), language)
            else:
                value_found = _table_value(words, table)
            if value_found is not None:
                break
            j -= 1
        if value_found is None or j == i:
            i += 1
            continue
        span = (toks[i].span[0], toks[j - 1].span[1])
        out.append(Number(i, j, span, text[span[0] : span[1]], float(value_found), True))
        i = j
    return _join_scales(text, out)


_SCALES = (1_000.0, 1_000_000.0, 1_000_000_000.0)
COMPLETE = -1.0  # ``Number.scale`` of "2 mil 946": its hundreds are in, nothing more joins


def _join_scales(text: str, numbers: list[Number]) -> list[Number]:
    """Digits and a scale word are one number ("3 mil", "2,5 millones", "3 Tausend"),
    and so is a thousand followed by the digits of its hundreds ("2 mil 946", "mil 300":
    how Mexican and other Spanish-language papers write 2,310 and 1,400). Read apart,
    "2 mil 946 muertos" gave three figures and a toll of 946."""

    def adjacent(a: Number, b: Number) -> bool:
        return b.first == a.last and not text[a.span[1] : b.span[0]].strip()

    def scale(n: Number) -> bool:
        return n.words and n.last - n.first == 1 and n.value in _SCALES

    out: list[Number] = []
    for n in numbers:
        prev = out[-1] if out else None
        if prev is not None and adjacent(prev, n):
            if not prev.words and not prev.scale and scale(n):
                out[-1] = _joined(text, prev, n, prev.value * n.value, n.value)
                continue
            thousand = prev.scale == 1_000 or (scale(prev) and prev.value == 1_000)
            if thousand and not n.words and n.value < 1_000 and n.value.is_integer():
                out[-1] = _joined(text, prev, n, prev.value + n.value, COMPLETE)
                continue
        out.append(n)
    return out


def _joined(text: str, a: Number, b: Number, value: float, scale: float) -> Number:
    span = (a.span[0], b.span[1])
    return Number(a.first, b.last, span, text[span[0] : span[1]], value, False, scale)
