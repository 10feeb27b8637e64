"""Dates in Spanish, Portuguese, French, German, Indonesian and Arabic text, as the
project's own ``TimeExpression`` records, resolved against the publication day.

``dateparser.search_dates`` finds weekdays, months and relative days ("ayer",
"kemarin", "أمس") in every one of these languages, but it also reads plain numbers
as years: "el martes a 84 kilómetros" comes back as "martes a 84", 1984. So every hit
is guarded before it is kept:

- short words at its edges ("a", "de", "am") and a trailing number that is not a
  four-digit year are cut off, and what is left is parsed again;
- it must hold a calendar word (a weekday, a month, a relative day) or a written-out
  date ("3/1/2024", a four-digit year); a bare number is never a date;
- without a four-digit year in the words, a year far from the anchor's is refused.

Rules follow the English layer's names: a weekday is the last such day on or before
the publication day ("weekday-before-anchor"), a relative day counts from it
("relative-day"), a full date is "absolute"; with no publication day, only absolute
dates resolve and the others are kept as "unresolved" with the reason.
"""

from __future__ import annotations

import calendar
import functools
import logging
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from newsprism import lexicon
from newsprism.language.rules.words import fold, tokens
from newsprism.model import Sentence, TimeExpression

log = logging.getLogger(__name__)

_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DAY = re.compile(r"\b(?:[1-9]|[12]\d|3[01])\b")
_RELATIVE_DAYS: dict[str, dict[str, int]] = {
    "es": {"ayer": -1, "hoy": 0, "anteayer": -2},
    "pt": {"ontem": -1, "hoje": 0, "anteontem": -2},
    "fr": {"hier": -1, "aujourd'hui": 0, "avant-hier": -2},
    "de": {"gestern": -1, "heute": 0, "vorgestern": -2},
    "id": {"kemarin": -1, "hari ini": 0},
    "ar": {"امس": -1, "اليوم": 0},
}
"""Past and present days only: "mañana" and "Morgen" are more often "morning" in news."""
_NOT_DATES = frozenset(
    {"ahora", "agora", "maintenant", "jetzt", "sekarang", "الان", "now", "manana", "amanha",
     "demain", "morgen", "besok", "غدا", "tarde", "noche", "noite", "soir", "abend", "malam"}
)  # fmt: skip
_FAR_YEARS = 1  # without a written year, a date more than this many years away is refused
# weekly observances named after their day ("la prière du vendredi", "la oración del
# viernes", "صلاة الجمعة", "salat Jumat"): a weekday after one of these names the custom
# or a title ("le chef de la prière du vendredi"), never the day something happened
_OBSERVANCES = frozenset(
    {"priere", "prieres", "preche", "sermon", "messe", "marche", "oracion", "oraciones", "rezo",
     "misa", "mercado", "oracao", "oracoes", "missa", "feira", "gebet", "predigt",
     "salat", "shalat", "sholat", "solat", "khotbah", "khutbah", "صلاه", "خطبه", "خطيب", "امام"}
)  # fmt: skip
_GENITIVES = frozenset({"du", "de", "la", "des", "del", "da", "do", "dos", "das", "der", "al"})
# Portuguese weekdays are ordinals when written short ("segunda" is also "second"): a short
# form followed by a word that is no time of day ("numa segunda lista") is the ordinal
_PT_SHORT = frozenset({"segunda", "terca", "quarta", "quinta", "sexta"})
_PT_TIME_AFTER = frozenset({"feira", "de", "a", "à", "e", "pela", "manha", "tarde", "noite",
                            "madrugada", "passada", "proxima", "seguinte"})  # fmt: skip


# words that put a sentence in the future: auxiliaries and modals, "next", "expected"
# ("succédera en octobre", "werden voraussichtlich am 20. Oktober antreten", "akan")
_FUTURE_WORDS = frozenset(
    {"sera", "seront", "devrait", "devraient", "doit", "doivent", "prochain", "prochaine",
     "prevu", "prevue", "prevus", "prevues", "seran", "preve", "previsto", "prevista",
     "proximo", "proxima", "serao", "vai", "vao", "devera", "wird", "werden", "soll", "sollen",
     "voraussichtlich", "kommenden", "nachsten", "akan", "mendatang", "سوف", "المقبل",
     "المقبله"}
)  # fmt: skip
_FUTURE_ENDINGS = {"fr": ("era", "eront", "ira", "iront", "dra", "dront")}
_FUTURE_ACCENTED = {"es": ("rá", "rán"), "pt": ("rá", "rão")}


def future_sentence(sentence: str, language: str) -> bool:
    """Whether a sentence speaks of what is still to come, by its words alone (no parse):
    a future auxiliary or modal, "next", "expected", or a future verb ending."""
    for tok in tokens(sentence):
        word = tok.text.lower()
        folded = fold(word)
        if folded in _FUTURE_WORDS:
            return True
        if len(folded) >= 7 and folded.endswith(_FUTURE_ENDINGS.get(language, ())):
            return True
        if len(word) >= 4 and word.endswith(_FUTURE_ACCENTED.get(language, ())):
            return True
    return False


def _ahead(start: date, end: date, anchor: date) -> tuple[date, date]:
    """A yearless month or day read in the past, moved to its next occurrence."""
    years = 0
    while end.replace(year=end.year + years) < anchor and years < 2:
        years += 1
    try:
        return start.replace(year=start.year + years), end.replace(year=end.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28), end.replace(
            year=end.year + years, day=28
        )


def habitual_weekday(before: str, weekday: str, after: str, language: str) -> bool:
    """A weekday that names a kind of thing, not a day: after a weekly observance, with at
    most a genitive between ("la prière du vendredi", "oración del viernes", "صلاة
    الجمعة"), or a Portuguese ordinal ("numa segunda lista"). ``before`` and ``after`` are
    the text on either side of the weekday in its sentence."""
    words = [fold(w.text).strip(".,،") for w in tokens(before)][-3:]
    while words and words[-1] in _GENITIVES:
        words.pop()
    if words and words[-1].removeprefix("ال") in _OBSERVANCES:
        return True
    if language == "pt" and fold(weekday) in _PT_SHORT:
        nxt = [fold(w.text) for w in tokens(after)][:1]
        return bool(nxt) and nxt[0].isalpha() and nxt[0] not in _PT_TIME_AFTER
    return False


def _settings(base: datetime) -> dict[str, Any]:
    return {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": base,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }


def _weekday(word: str, language: str) -> int | None:
    names = lexicon.FOREIGN_WEEKDAYS.get(language, ())
    folded = fold(word).strip(".,،")
    for variant in (folded, folded.removeprefix("ال")):
        for i, name in enumerate(names):
            if variant == name or variant.startswith(name + "-"):
                return i
    return None


def _month(word: str, language: str) -> int | None:
    folded = fold(word).rstrip(".")
    for i, name in enumerate(lexicon.FOREIGN_MONTHS.get(language, ()), 1):
        if folded == name or (len(folded) >= 3 and name.startswith(folded) and "." in word):
            return i
    return None


def _relative(word: str, language: str) -> bool:
    return fold(word) in _RELATIVE_DAYS.get(language, {})


@functools.cache
def _calendar_word(word: str, language: str) -> bool:
    """A month or weekday name, or a relative day: a word that alone names a date."""
    if fold(word) in _NOT_DATES:
        return False
    return (
        _weekday(word, language) is not None
        or _month(word, language) is not None
        or _relative(word, language)
    )


def _keeps_edge(word: str, language: str, neighbour: str | None) -> bool:
    """Whether a word at the edge of a hit belongs to the date: a calendar word, a year,
    or a day number beside a month ("3 de enero", "Januar 2027")."""
    if _calendar_word(word, language) or _YEAR.fullmatch(word) or _NUMERIC_DATE.fullmatch(word):
        return True
    return bool(word.isdigit() and _DAY.fullmatch(word) and neighbour is not None
                and _month(neighbour, language) is not None)  # fmt: skip


def _trim(hit: str, language: str) -> str:
    """The hit cut to its calendar words: "martes a 84" is "martes", "mardi dans deux"
    is "mardi", "de terça-feira" is "terça-feira"; what lies between stays."""
    toks = tokens(hit)
    words = [t.text for t in toks]
    lo, hi = 0, len(words)
    while lo < hi and not _keeps_edge(words[lo], language, _next(words, lo + 1, hi)):
        lo += 1
    while hi > lo and not _keeps_edge(words[hi - 1], language, _prev(words, hi - 2, lo)):
        hi -= 1
    if lo >= hi:
        return ""
    return hit[toks[lo].span[0] : toks[hi - 1].span[1]]


def _next(words: list[str], i: int, hi: int) -> str | None:
    """The next word that is not a short joining word ("de" in "3 de enero")."""
    while i < hi and len(words[i]) <= 2 and not words[i].isdigit():
        i += 1
    return words[i] if i < hi else None


def _prev(words: list[str], i: int, lo: int) -> str | None:
    while i >= lo and len(words[i]) <= 2 and not words[i].isdigit():
        i -= 1
    return words[i] if i >= lo else None


def _classify(text: str, language: str) -> str | None:
    """ "absolute", "month", "year", "weekday", "relative-day", or None: not a date."""
    words = [t.text for t in tokens(text)]
    if _NUMERIC_DATE.search(text):
        return "absolute"
    months = [w for w in words if _month(w, language) is not None]
    if months and any(_DAY.fullmatch(w) for w in words):
        return "absolute"
    if months:
        return "month"
    if any(_weekday(w, language) is not None for w in words):
        return "weekday"
    if any(_relative(w, language) for w in words):
        return "relative-day"
    if len(words) == 1 and _YEAR.fullmatch(words[0]):
        return "year"
    return None


def read_dates(
    text: str,
    sentences: Sequence[Sentence],
    language: str,
    anchor: date | None,
    anchor_source: str | None = "published",
) -> list[TimeExpression]:
    """Every guarded date of every sentence, resolved against ``anchor`` when it can be."""
    from dateparser.search import search_dates

    base = datetime.combine(anchor, datetime.min.time()) if anchor else datetime(2000, 1, 1)
    out: list[TimeExpression] = []
    for sent in sentences:
        s, e = sent.span
        chunk = text[s:e]
        try:
            hits = search_dates(chunk, languages=[language], settings=_settings(base)) or []
        except Exception:  # dateparser raises assorted errors on odd text; skip the sentence
            log.debug("dateparser failed on %r", chunk[:80], exc_info=True)
            continue
        cursor = 0
        for hit, _ in hits:
            at = chunk.find(hit, cursor)
            if at < 0:
                continue
            cursor = at + len(hit)
            expr = _resolve(hit, language, anchor, anchor_source, base)
            if expr is None:
                continue
            trimmed, start, end, rule, reason = expr
            offset = s + at + hit.find(trimmed)
            if rule.startswith("weekday") and habitual_weekday(
                text[s:offset], trimmed, text[offset + len(trimmed) : e], language
            ):
                continue
            if (
                rule in ("month-near-anchor", "day-month-near-anchor")
                and anchor is not None
                and start is not None
                and end is not None
                and end < anchor
                and future_sentence(chunk, language)
            ):
                start, end = _ahead(start, end, anchor)  # "succédera en octobre": the next one
                rule = rule.replace("near", "after")
            out.append(
                TimeExpression(
                    span=(offset, offset + len(trimmed)),
                    text=trimmed,
                    start=start,
                    end=end,
                    rule=rule,
                    anchor=anchor if rule not in ("absolute", "year") and start else None,
                    anchor_source=anchor_source if anchor and rule != "absolute" else None,
                    reason=reason,
                    sentence=sent.span,
                )
            )
        out.extend(_days_from_text(text, sent, [t for t in out if t.sentence == sent.span]))
    return out


_COUNTS = {"un": 1, "una": 1, "um": 1, "uma": 1, "einen": 1, "einem": 1, "se": 1, "dos": 2,
           "deux": 2, "dois": 2, "duas": 2, "zwei": 2, "dua": 2, "tres": 3, "trois": 3, "drei": 3,
           "tiga": 3}  # fmt: skip
# a day counted from the date told before it in the sentence: "el 14 de febrero ... un
# día después", "le lendemain", "am nächsten Tag", "sehari kemudian"
_DAYS_LATER = re.compile(
    r"\b(?:(?P<n>un|una|dos|tres|deux|trois|um|uma|dois|duas|einen|zwei|drei|dua|tiga|\d)"
    r"\s+(?:d[ií]as?|jours?|dias?|Tage?n?|hari)\s+(?:despu[ée]s|m[áa]s\s+tarde|plus\s+tard"
    r"|depois|mais\s+tarde|sp[äa]ter|danach|kemudian)"
    r"|(?P<one>al\s+d[ií]a\s+siguiente|le\s+lendemain|au\s+lendemain|no\s+dia\s+seguinte"
    r"|am\s+(?:n[äa]chsten|folgenden)\s+Tag|keesokan\s+harinya|sehari\s+kemudian))\b",
    re.IGNORECASE,
)


def _days_from_text(
    text: str, sent: Sentence, found: Sequence[TimeExpression]
) -> list[TimeExpression]:
    """Days counted from a day the sentence gave before them ("comicios del 14 de febrero
    ... felicitó un día después"): the day of the earlier date plus the count, with the
    rule the English reader gives "the day after" ("day-after-date-in-text")."""
    out: list[TimeExpression] = []
    s, e = sent.span
    for m in _DAYS_LATER.finditer(text, s, e):
        before = [
            t
            for t in found
            if t.span[1] <= m.start() and t.start is not None and t.start == (t.end or t.start)
        ]
        if not before:
            continue
        base = before[-1].start
        assert base is not None
        count = 1 if m.group("one") else _COUNTS.get(fold(m.group("n")).lower(), 0)
        if not count and (m.group("n") or "").isdigit():
            count = int(m.group("n"))
        day = base + timedelta(days=count)
        out.append(
            TimeExpression(
                span=m.span(),
                text=m.group(0),
                start=day,
                end=day,
                rule="day-after-date-in-text",
                anchor=base,
                anchor_source="text",
                sentence=sent.span,
            )
        )
    return out


_Read = tuple[str, date | None, date | None, str, str | None]


def _resolve(
    hit: str, language: str, anchor: date | None, anchor_source: str | None, base: datetime
) -> _Read | None:
    import dateparser

    trimmed = _trim(hit, language)
    if not trimmed or trimmed not in hit:
        return None
    kind = _classify(trimmed, language)
    if kind is None:
        return None
    toks = tokens(trimmed)
    if kind == "weekday":
        day_index = next(i for w in toks if (i := _weekday(w.text, language)) is not None)
        if anchor is None:
            return trimmed, None, None, "unresolved", "a weekday with no publication date"
        day = anchor - timedelta(days=(anchor.weekday() - day_index) % 7)
        return trimmed, day, day, "weekday-before-anchor", None
    if kind == "relative-day":
        shift = next(
            (v for k, v in _RELATIVE_DAYS.get(language, {}).items() if k in fold(trimmed)), None
        )
        if anchor is None or shift is None:
            return trimmed, None, None, "unresolved", "a relative day with no publication date"
        day = anchor + timedelta(days=shift)
        return trimmed, day, day, "relative-day", None
    parsed = dateparser.parse(trimmed, languages=[language], settings=_settings(base))
    if parsed is None:
        return None
    written_year = bool(_YEAR.search(trimmed))
    if not written_year:
        if anchor is None:
            return trimmed, None, None, "unresolved", "no year written and no publication date"
        if abs(parsed.year - anchor.year) > _FAR_YEARS:
            return None
    if kind == "year":
        return trimmed, date(parsed.year, 1, 1), date(parsed.year, 12, 31), "absolute", None
    if kind == "month":
        last = calendar.monthrange(parsed.year, parsed.month)[1]
        rule = "absolute" if written_year else "month-near-anchor"
        return (trimmed, date(parsed.year, parsed.month, 1),
                date(parsed.year, parsed.month, last), rule, None)  # fmt: skip
    day = parsed.date()
    return trimmed, day, day, "absolute" if written_year else "day-month-near-anchor", None
