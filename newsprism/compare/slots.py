"""What a sentence's figures count, when it says things happened, and at which stage of
a count it speaks: the slots two sentences must fill alike before one carries the
other's claim.

A figure is no evidence by its digits alone. "The hearing is set for June 3, four days
before the congress" is not told by "she faces up to 4 years in prison" nor by "the
first of four charges"; "the 12-member panel" is not told by "the panel sat for almost
12 hours". So each figure is read with what it counts: the word after it (a unit of
time, a percentage, money, people, or a counted noun), and a number that closes "30 of
41 districts" is the total the first is a part of.

The same slot filled with another value is another claim, never support: "won a
majority in 41 districts" against "won 30 of 41 districts"; "seven people died"
against "three crew and three guests". People counted with different nouns are one
slot (their sum counts too: three crew and three guests are six).

A sentence dated to another weekday, day or hour tells another moment ("officials said
Tuesday the search was over" is not "the ferry sank on Monday"), and a quick count or
preliminary tally is not the official result (nor the reverse), whatever figures they
share.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from newsprism.language.rules.numbers import find_numbers
from newsprism.language.rules.words import Token, fold, language_words, tokens, variants
from newsprism.lexicon import (
    CURRENCY_WORDS,
    DURATION_NOUNS,
    FOREIGN_MONTHS,
    FOREIGN_PEOPLE_NOUNS,
    FOREIGN_WEEKDAYS,
    MEASURE_UNITS,
    MONTHS,
    NUMBER_WORDS,
    ONE_PERSON_NOUNS,
    PEOPLE_NOUNS,
    WEEKDAY_NAMES,
)

PEOPLE = "people"  # the slot of every count of people, whatever noun counts them
TOTAL = "total"  # the "41" of "30 of 41": what the other figure is a part of
CODE = "code"  # the digits of a designation ("A320", "F-16"): a name, not a count
NOUN_STEM = 5  # counted nouns compared by their first letters: "provinces"/"provinsi"

# units of time per language, folded, to one English unit: "4 años" is years, not days
_TIME_UNITS: dict[str, dict[str, str]] = {
    "es": {"hora": "hour", "dia": "day", "semana": "week", "mes": "month", "ano": "year",
           "minuto": "minute", "segundo": "second", "noche": "night"},
    "pt": {"hora": "hour", "dia": "day", "semana": "week", "mes": "month", "ano": "year",
           "minuto": "minute", "segundo": "second", "noite": "night"},
    "fr": {"heure": "hour", "jour": "day", "semaine": "week", "mois": "month", "an": "year",
           "annee": "year", "minute": "minute", "seconde": "second", "nuit": "night"},
    "de": {"stunde": "hour", "tag": "day", "woche": "week", "monat": "month", "jahr": "year",
           "minute": "minute", "sekunde": "second", "nacht": "night", "nachte": "night"},
    "id": {"jam": "hour", "hari": "day", "minggu": "week", "bulan": "month", "tahun": "year",
           "menit": "minute", "detik": "second", "malam": "night"},
    "ar": {"ساع": "hour", "يوم": "day", "ايام": "day", "اسبوع": "week", "اسابيع": "week",
           "شهر": "month", "اشهر": "month", "عام": "year", "اعوام": "year", "سن": "year",
           "دقيق": "minute", "ليل": "night"},
}  # fmt: skip
# exact forms (a prefix would take "ano" for "anos" and "anoche" alike)
_PREFIX_UNITS = frozenset({"hora", "semana", "minuto", "heure", "semaine", "stunde", "woche",
                           "monat", "jahr", "ساع", "دقيق"})  # fmt: skip
_PERCENT = frozenset({"%", "percent", "pct", "persen", "prozent", "بالمئه"})
_PERCENT_PAIRS = frozenset({("per", "cent"), ("por", "ciento"), ("por", "cento"),
                            ("pour", "cent"), ("في", "المئه")})  # fmt: skip
_MONEY = frozenset({"dolar", "dolares", "dollar", "dollars", "euro", "euros", "rupiah",
                    "dirham", "dirhams", "دولار", "يورو", "$"}) | CURRENCY_WORDS  # fmt: skip
_SCALES = frozenset({"million", "millions", "billion", "billions", "thousand", "millones",
                     "millon", "mil", "miles", "milliards", "milliard", "millionen",
                     "milliarden", "juta", "ribu", "miliar", "milhoes", "milhao", "مليون",
                     "ملايين", "الف"})  # fmt: skip
_OF = {"en": {"of"}, "id": {"dari"}, "es": {"de"}, "pt": {"de"}, "fr": {"sur", "de"},
       "de": {"von"}, "ar": {"من"}}  # fmt: skip
# nouns that count people in each language, besides ``FOREIGN_PEOPLE_NOUNS``
_FOREIGN_PEOPLE = {
    "es": ("pasajer*", "tripulant*", "funcionari*", "miembros", "rescatistas"),
    "pt": ("passageir*", "tripulant*", "funcionari*", "membros"),
    "fr": ("passager*", "membres", "responsables", "secouristes", "fonctionnaires"),
    "de": ("passagier*", "insassen", "besatzungsmitglied*", "mitglieder", "beamte*"),
    "id": ("penumpang", "awak", "pejabat", "anggota"),
    "ar": ("راكب*", "ركاب", "مسؤول*", "افراد", "طاقم"),
}
_ENGLISH_PEOPLE = PEOPLE_NOUNS | ONE_PERSON_NOUNS | {
    "passenger", "crew", "official", "member", "rescuer", "worker", "juror", "adult",
    "pilot", "guard", "bodyguard", "minister", "citizen", "national", "tourist", "migrant",
}  # fmt: skip

_DIGITS = re.compile(r"\d+(?:[.,\u066B\u066C]\d+)*")
_CLOCK = re.compile(r"(?<![\d.,])(\d{1,2})\s?(?::|h)\s?(\d{2})(?![\d.,])")
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure and what it counts: "people", "time:day", "percent", "money",
    "measure", "total", "code", "noun:<stem>", or "" when nothing after it says."""

    value: float
    counts: str
    decimals: int = 0  # as written: "58,6" has one, "59" none


@dataclass(frozen=True, slots=True)
class When:
    """The moments a sentence names: weekdays (Monday 0), (month, day) and (hour, minute)."""

    weekdays: frozenset[int] = frozenset()
    days: frozenset[tuple[int, int]] = frozenset()
    clocks: frozenset[tuple[int, int]] = frozenset()

    def clashes(self, other: When) -> bool:
        """Both name a weekday (a day, a time) and none in common: two moments."""
        return any(
            mine and theirs and not mine & theirs
            for mine, theirs in (
                (self.weekdays, other.weekdays),
                (self.days, other.days),
                (self.clocks, other.clocks),
            )
        )

    def shares(self, other: When) -> bool:
        """A day of a month or a time of day in common: "July 11" and "11 juillet"."""
        return bool(self.days & other.days or self.clocks & other.clocks)


# --------------------------------------------------------------------------- figures


def _decimals(written: str) -> int:
    parts = re.split(r"[.,\u066B]", written)
    if len(parts) == 2 and len(parts[1]) != 3:
        return len(parts[1])
    return 0


def _english_numbers(text: str) -> list[tuple[float, tuple[int, int], int]]:
    out = []
    for m in _DIGITS.finditer(text):
        written = m.group()
        dec = _decimals(written)
        value = float(written.replace(",", ".")) if dec else float(re.sub(r"[.,]", "", written))
        out.append((value, m.span(), dec))
    for m in _ENGLISH_WORD.finditer(text):
        w = m.group().lower()
        if w in NUMBER_WORDS:
            out.append((float(NUMBER_WORDS[w]), m.span(), 0))
    return sorted(out, key=lambda x: x[1])


def _numbers(text: str, language: str) -> list[tuple[float, tuple[int, int], int]]:
    if language == "en":
        return _english_numbers(text)
    toks = tokens(text)
    found = find_numbers(text, toks, language_words(language))
    return [(_grouped(n.text, n.value), n.span, _decimals(n.text)) for n in found]


def _grouped(written: str, value: float) -> float:
    """Digits in groups of three are thousands in every language: "$130,000" in a
    Spanish sentence is 130000, not 130 (the comma is no decimal mark there)."""
    if re.fullmatch(r"\d{1,3}(?:[.,\u066C]\d{3})+", written):
        return float(re.sub(r"\D", "", written))
    return value


def _matches(pattern: str, folded: str) -> bool:
    if pattern.endswith("*"):
        return any(v.startswith(pattern[:-1]) for v in variants(folded))
    return pattern in variants(folded)


@functools.cache
def _people_patterns(language: str) -> tuple[str, ...]:
    return tuple(FOREIGN_PEOPLE_NOUNS.get(language, ())) + _FOREIGN_PEOPLE.get(language, ())


def _time_unit(word: str, language: str) -> str | None:
    if language == "en":
        for form in (word, word[:-1], word[:-2]):
            if form in DURATION_NOUNS:
                return form
        return None
    for v in variants(word):
        for stem, unit in _TIME_UNITS.get(language, {}).items():
            if v == stem or v in (stem + "s", stem + "es", stem + "en", stem + "e", stem + "n"):
                return unit
            if stem in _PREFIX_UNITS and v.startswith(stem):
                return unit
    return None


def _is_people(word: str, language: str) -> bool:
    if language == "en":
        forms = (word, word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else word)
        return any(f in _ENGLISH_PEOPLE for f in forms) or word in ("men", "women", "children")
    return any(_matches(p, word) for p in _people_patterns(language))


def _counted(word: str, language: str) -> str:
    """What a word after a figure makes it count."""
    if word in _PERCENT:
        return "percent"
    if word in _MONEY:
        return "money"
    unit = _time_unit(word, language)
    if unit is not None:
        return f"time:{unit}"
    if _is_people(word, language):
        return PEOPLE
    if word in MEASURE_UNITS or word.rstrip("s") in MEASURE_UNITS:
        return "measure"
    return f"noun:{word[:NOUN_STEM]}"


def _after(text: str, end: int) -> list[Token]:
    rest = text[end : end + 80]
    if rest.startswith("-"):
        rest = rest[1:]
    elif rest[:1].isalpha():
        return []  # digits run into letters: "3rd", "2e"
    return tokens(rest)


# "number 3", "nomor urut 3", "No. 2", "número 1": a ballot or list number, not a count
_NUMBERED = re.compile(
    r"(?:\b(?:number|no|nos|nr|nomor(?:\s+urut)?|no\.\s*urut|urut|numero|número|numéro|"
    r"nummer|رقم)\.?\s*)$",
    re.I,
)


def _is_code(text: str, start: int) -> bool:
    """Digits written onto letters ("A320", "F-16", "T-90") or after "number" ("nomor
    urut 3", "No. 2"): a designation, not a count."""
    before = text[max(0, start - 2) : start]
    if before and (before[-1].isalpha() or (before[-1] == "-" and before[:1].isalpha())):
        return True
    return _NUMBERED.search(text[max(0, start - 20) : start]) is not None


def read_figures(text: str, language: str | None) -> list[Figure]:
    """Every figure of ``text`` with what it counts; days of a month, times of day and
    years are moments, not figures, and are left out."""
    lang = language or "en"
    moments = _moment_spans(text, lang)
    numbers = [n for n in _numbers(text, lang) if not any(s <= n[1][0] < e for s, e in moments)]
    starts = {n[1][0] for n in numbers}
    out: list[Figure] = []
    totals: set[int] = set()
    of_words = _OF.get(lang, set())
    for value, (start, end), dec in numbers:
        if dec == 0 and value.is_integer() and 1900 <= value <= 2100:
            continue  # a year
        if _is_code(text, start):
            out.append(Figure(value, CODE, dec))
            continue
        if text[end : end + 2].lstrip().startswith("%") or text[max(0, start - 1) : start] == "$":
            out.append(Figure(value, "percent" if "%" in text[end : end + 2] else "money", dec))
            continue
        after = _after(text, end)
        words = [t.folded for t in after]
        k = 0
        while k < len(words) and words[k] in _SCALES:
            k += 1
        if start in totals:
            out.append(Figure(value, TOTAL, dec))
            continue
        # "30 of 41 districts", "30 kabupaten dari 41": the second is the total
        for at in (k, k + 1):
            if at + 1 < len(words) and words[at] in of_words and after[at + 1].text[:1].isdigit():
                total_start = end + 1 + text[end + 1 :].find(after[at + 1].text)
                if total_start in starts:
                    totals.add(total_start)
                if at == k:
                    k += 2
                break
        if k + 1 < len(words) and (words[k], words[k + 1]) in _PERCENT_PAIRS:
            out.append(Figure(value, "percent", dec))
            continue
        if k >= len(words) or (not after[k].text[:1].isalpha() and after[k].text != "%"):
            out.append(Figure(value, "", dec))
            continue
        out.append(Figure(value, _counted(words[k], lang), dec))
    return out


def same_value(a: Figure, b: Figure) -> bool:
    """Equal, or equal once the more precise is rounded to the other's precision
    ("59 %" is "58,6 %" rounded)."""
    if a.value == b.value:
        return True
    lo, hi = sorted((a, b), key=lambda f: f.decimals)
    return lo.decimals < hi.decimals and round(hi.value, lo.decimals) == lo.value


def _compatible(a: str, b: str) -> bool:
    """Whether two figures can count the same thing: unknown goes with anything; a
    unit of time, a percentage or money only with itself; counted nouns with each
    other (across languages the nouns differ: "personas", "people")."""
    if not a or not b:
        return True
    if a == b:
        return True
    countable = (PEOPLE, "noun:")
    return a.startswith(countable) and b.startswith(countable)


def share_figure(a: Iterable[Figure], b: Iterable[Figure]) -> bool:
    """Whether a figure of one is a figure of the other, counting the same thing."""
    theirs = list(b)
    return any(
        f.counts != TOTAL and g.counts != TOTAL and _compatible(f.counts, g.counts)
        and same_value(f, g)
        for f in a
        for g in theirs
    )  # fmt: skip


def _slots(figures: Sequence[Figure]) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for f in figures:
        if f.counts.startswith(("noun:", "time:")) or f.counts in (PEOPLE, "percent", "money"):
            out.setdefault(f.counts, []).append(f)
    people = out.get(PEOPLE, [])
    if len(people) > 1:
        total = sum(f.value for f in people)
        out[PEOPLE] = [*people, Figure(total, PEOPLE, max(f.decimals for f in people))]
    return out


def figure_conflict(
    claim: Iterable[Figure], other: Iterable[Figure], nouns_only: bool = False
) -> list[Figure]:
    """The figures of ``other`` that fill a slot of ``claim`` with another value: the
    slot (a counted noun, people, a unit of time, a percentage, money) is in both and
    no value of one is a value of the other. Empty when nothing clashes.

    ``nouns_only``: only slots of one counted noun ("provinces"), the slots specific
    enough to say two sentences speak of one thing: any two tolls share "people"."""
    mine, theirs = _slots(list(claim)), _slots(list(other))
    out: list[Figure] = []
    for slot, values in theirs.items():
        own = mine.get(slot)
        if not own or (nouns_only and not slot.startswith("noun:")):
            continue
        if not any(same_value(f, g) for f in own for g in values):
            out.extend(g for g in values if g not in out)
    return out


# --------------------------------------------------------------------------- moments


@functools.cache
def _month_table(language: str) -> dict[str, int]:
    table = {k: v for k, v in MONTHS.items() if len(k) > 3 or k == "may"}
    for i, name in enumerate(FOREIGN_MONTHS.get(language, ()), 1):
        table[fold(name)] = i
    return table


def _day_of_month(tok: Token) -> int | None:
    t = tok.text.rstrip(".")
    if t.isdigit() and 1 <= int(t) <= 31 and len(t) <= 2:
        return int(t)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th|er|e)", t)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None


def _moment_spans(text: str, language: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _CLOCK.finditer(text)]
    spans += [span for _, span in _dated_days(text, language)]
    return spans


def _dated_days(text: str, language: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """((month, day), the day's span) for each "July 11", "11 juillet", "11 de julio"."""
    months = _month_table(language)
    toks = tokens(text)
    out = []
    for i, tok in enumerate(toks):
        month = months.get(tok.folded)
        if month is None:
            continue
        if i + 1 < len(toks) and (day := _day_of_month(toks[i + 1])) is not None:
            out.append(((month, day), toks[i + 1].span))
            continue
        j = i - 1
        if j >= 1 and toks[j].folded in ("de", "del"):
            j -= 1
        if j >= 0 and (day := _day_of_month(toks[j])) is not None:
            out.append(((month, day), toks[j].span))
    return out


def _weekdays(text: str, language: str) -> set[int]:
    toks = tokens(text)
    if language == "en":
        names = {n.lower(): i for i, n in enumerate(WEEKDAY_NAMES)}
        return {names[t.folded] for t in toks if t.folded in names}
    table = FOREIGN_WEEKDAYS.get(language, ())
    out: set[int] = set()
    for k, tok in enumerate(toks):
        for i, name in enumerate(table):
            if language == "pt" and i < 5:
                hit = tok.folded in (name + "-feira", name + "feira")
            elif language == "id" and name == "minggu":
                hit = False  # also "week"
            elif language == "ar":
                hit = tok.folded in ("ال" + name, "يوم" + name) or (
                    tok.folded == name and k > 0 and toks[k - 1].folded == "يوم"
                )
            else:
                hit = tok.folded == name
            if hit:
                out.add(i)
    return out


def read_when(text: str, language: str | None) -> When:
    lang = language or "en"
    clocks = {(int(h), int(m)) for h, m in _CLOCK.findall(text) if int(h) < 24 and int(m) < 60}
    return When(
        frozenset(_weekdays(text, lang)),
        frozenset(d for d, _ in _dated_days(text, lang)),
        frozenset(clocks),
    )


# --------------------------------------------------------------------------- stages

_UNOFFICIAL: dict[str, tuple[str, ...]] = {
    "en": ("quick count", "quick counts", "unofficial", "preliminary", "exit poll",
           "exit polls", "early results", "partial results", "projections", "projected"),
    "id": ("hitung cepat", "quick count", "exit poll"),
    "es": ("conteo rapido", "conteos rapidos", "extraoficial*", "preliminar*", "sondeo*",
           "boca de urna", "resultados parciales"),
    "pt": ("contagem rapida", "extraoficia*", "preliminar*", "boca de urna"),
    "fr": ("provisoire*", "preliminaire*", "non officiel*", "officieu*", "sondage*",
           "estimation*", "comptage rapide", "decompte rapide", "resultats partiels"),
    "de": ("vorlaufig*", "hochrechnung*", "inoffiziell*", "prognose*", "nachwahlbefragung*"),
    "ar": ("اولي*", "غير رسمي*"),
}  # fmt: skip
_OFFICIAL: dict[str, tuple[str, ...]] = {
    "en": ("officially", "formally", "official result", "official results", "official count",
           "official tally", "final result", "final results", "final tally", "certified"),
    "id": ("resmi",),
    "es": ("oficialmente", "resultado oficial", "resultados oficiales", "resultados definitivos",
           "escrutinio oficial"),
    "pt": ("oficialmente", "resultado oficial", "resultados oficiais"),
    "fr": ("officiellement", "resultat officiel", "resultats officiels", "resultats definitifs"),
    "de": ("offiziell*", "amtlich*", "endergebnis*"),
    "ar": ("رسمي*",),
}  # fmt: skip


def _phrase_hits(toks: Sequence[Token], phrases: Iterable[str], used: set[int]) -> set[int]:
    hits: set[int] = set()
    forms = [variants(t.folded) for t in toks]  # once per sentence, not per phrase
    for phrase in phrases:
        words = phrase.split()
        n = len(words)
        for i in range(len(toks) - n + 1):
            if not _matches_forms(words[0], forms[i]):
                continue
            if any(i + k in used for k in range(n)):
                continue
            if all(_matches_forms(w, forms[i + k]) for k, w in enumerate(words) if k):
                hits.update(range(i, i + n))
    return hits


def _matches_forms(pattern: str, forms: tuple[str, ...]) -> bool:
    if pattern.endswith("*"):
        return any(v.startswith(pattern[:-1]) for v in forms)
    return pattern in forms


def read_stage(text: str, language: str | None) -> frozenset[str]:
    """ "unofficial" when the sentence speaks of a quick count, exit poll or preliminary
    tally; "official" when of the formal result; both, or neither."""
    lang = language or "en"
    toks = tokens(text)
    out: set[str] = set()
    unofficial = _phrase_hits(toks, _UNOFFICIAL.get(lang, ()) + _UNOFFICIAL["en"][:2], set())
    if unofficial:
        out.add("unofficial")
    if _phrase_hits(toks, _OFFICIAL.get(lang, ()), unofficial):
        out.add("official")
    return frozenset(out)


def stages_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """One speaks only of the official result, the other only of an unofficial count."""
    return len(a) == 1 and len(b) == 1 and a != b


# --------------------------------------------------------------------------- publication


def published_before(event_days: Iterable[date], reported: date | None, page: date | None) -> bool:
    """Whether a page came out before every day the claim's sentence dates what it
    reports: a page of 14 February cannot tell what was announced on 20 March.

    ``event_days`` are the single days the claim's sentence resolves, ``reported`` the
    day of the page that prints it (later days are plans, "sentencing is set for July
    11", which any earlier page can tell), ``page`` the day of the other page."""
    if reported is None or page is None:
        return False
    past = [d for d in event_days if d <= reported]
    return bool(past) and page < min(past)


PRECISE = 100  # a count from this size up, or any figure with decimals, is a tally


def _precise(f: Figure) -> bool:
    return f.counts not in (CODE, TOTAL) and (f.value >= PRECISE or f.decimals > 0)


def missing_tally(claim: Iterable[Figure], other: Iterable[Figure]) -> bool:
    """The claim gives a tally ("31,204,517 votes", "58.6 %") and the other sentence no
    figure of that kind at all: it names the same people without the claim's content
    ("Tarlo-Vem came third"), so it does not tell it."""
    tallies = [f for f in claim if _precise(f)]
    if not tallies:
        return False
    theirs = [g for g in other if g.counts not in (CODE, TOTAL)]
    return not any(_compatible(f.counts, g.counts) for f in tallies for g in theirs)


def dated_apart(
    a: Sequence[tuple[date, date]], b: Sequence[tuple[date, date]], background: date | None = None
) -> bool:
    """Whether two sentences tell different moments: both give dates (first and last day
    of each) and none of one overlaps one of the other ("in February 2004 a quake killed
    410" and "Friday's quake killed 437"; "on Wednesday the commission announced" and
    "the Feb 14 polls"). A claim whose dates all end before ``background`` (the story's
    record, not its news) is told only by a sentence that gives an overlapping date."""
    overlap = any(s1 <= e2 and s2 <= e1 for s1, e1 in a for s2, e2 in b)
    if a and background is not None and all(e < background for _, e in a):
        return not overlap
    return bool(a) and bool(b) and not overlap
