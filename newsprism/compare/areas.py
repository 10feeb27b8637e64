"""Sub-area counts: a figure tied to one part of the area a page's toll covers.

A page that gives a national toll often breaks it down: "1,591 in the province of Tarva
and 809 in Olen", "la provincia de Tarva, donde se registran 1.684 fallecidos", "à Olen
(452)", "ولاية تارفا، حيث سقط 1293 قتيلاً". Read as rival totals, those parts head the
story's chain, are graded against other outlets' national tolls, and make the page
"contradict itself". A fact-checker reads them as what they are: parts of the page's
total. The rule, in every language read:

- a figure is *tied to a sub-area* when its words name a place for it: a place after a
  locative word ("in Olen", "en Tarva", "à Olen", "في ولاية تارفا"), a place it is
  listed against ("Olen (452)", "Olen con 321", "Olen: 12"), or a locative relative
  whose place comes before it ("Tarva, where 12 died", "donde", "où", "حيث");
- a country's name is no sub-area (it is the area a toll covers);
- such a figure is a *part* when its page gives a larger figure for the same outcome
  (the total) that is not tied to the same place, and the page's parts, each place and
  figure once, add up to no more than that total.

A part is kept out of the story's toll, out of the page's internal contradictions, and
joins only counts of the same place (``numbers._other_place``): "Olen: 452 → 809" is
Olen's own development, not the nation's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from newsprism.language.rules.words import fold
from newsprism.lexicon import DEMONYMS, FOREIGN_MONTHS, FOREIGN_WEEKDAYS, MONTHS, WEEKDAYS
from newsprism.model import Span

PART_MARGIN = 1.05  # parts rounded up ("nearly 2,000") may add up a little past the total
AFTER_WORDS = 5  # words between a figure and the locative word that places it
RELATIVE_REACH = 4  # words between a locative relative and the figure it places
NAME_REACH = 8  # words between a locative relative and the place it refers to
SUBJECT_WORDS = 3  # "La provincia de Tarva ...": an area noun this near the start is the subject

# the words that place a figure: "in Olen", "en Tarva", "à Olen", "في تارفا"
LOCATIVE_WORDS = frozenset(
    {"in", "at", "en", "a", "au", "aux", "dans", "em", "no", "na", "nos", "nas", "di", "im"}
    | {"bei", "ke", "في"}
)
# determiners and area nouns that may come between the locative word and the name
AREA_NOUNS = frozenset(
    {"province", "provinces", "region", "regions", "district", "districts", "county"}
    | {"prefecture", "state", "city", "town", "village", "municipality", "governorate"}
    | {"provincia", "provincias", "region", "distrito", "municipio", "ciudad", "pueblo"}
    | {"localidad", "departamento", "comuna", "estado"}
    | {"prefecture", "departement", "ville", "commune", "wilaya", "gouvernorat"}
    | {"provinz", "bezirk", "stadt", "dorf", "landkreis", "kreis"}
    | {"provinsi", "kabupaten", "kota", "desa", "kecamatan"}
    | {"ولاية", "إقليم", "محافظة", "منطقة", "مدينة", "قرية", "عمالة", "بلدة"}
)
_FILLERS = frozenset(
    {"the", "of", "la", "le", "les", "l'", "el", "los", "las", "de", "del", "du", "des", "d'"}
    | {"der", "die", "das", "den", "dem", "o", "os", "as", "da", "do", "dos"}
)
DESCRIBING_WORDS = 2  # "the (hard-hit mountain) province of Tarva": words before an area noun
# the words that list a figure against the place before it: "Olen (452)", "Olen con 321"
LISTING_WORDS = frozenset({"(", ":", "con", "with", "avec", "mit", "com", "dengan", "مع"})
# a locative relative: "Tarva, where 12 died", "donde hay 980", "où", "حيث", "فيها"
LOCATIVE_RELATIVES = frozenset(
    {"where", "donde", "onde", "ou", "dove", "wo", "حيث", "فيها", "فيه", "بها", "mana"}
)

LOCATIVE_WORDS = frozenset(fold(w) for w in LOCATIVE_WORDS)
AREA_NOUNS = frozenset(fold(w) for w in AREA_NOUNS)
LOCATIVE_RELATIVES = frozenset(fold(w) for w in LOCATIVE_RELATIVES)

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]|[^\W\d_]|\d[\d.,]*|[():,;،؛]", re.UNICODE)
_CLAUSE_END = frozenset({",", ";", ")", "،", "؛"})


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _arabic(word: str) -> bool:
    return bool(word) and "\u0600" <= word[0] <= "\u06ff"


@cache
def _countries() -> frozenset[str]:
    """Country names in the languages read (the CLDR's, through babel): a toll "in
    Morocco" or "en Marruecos" covers the country, never a part of it."""
    from babel import Locale

    names: set[str] = set()
    for language in ("en", "es", "fr", "de", "pt", "it", "ar", "id", "tr", "ru"):
        names.update(fold(n) for n in Locale.parse(language).territories.values())
    return frozenset(names)


@cache
def _not_places() -> frozenset[str]:
    """Capitalised words after "in" that name no place: months, weekdays, nationalities
    ("in September", "en Lunes", "in Russian strikes")."""
    words = set(MONTHS) | set(WEEKDAYS) | set(DEMONYMS) | {d + "s" for d in DEMONYMS}
    words |= {w for names in FOREIGN_MONTHS.values() for w in names}
    words |= {w for names in FOREIGN_WEEKDAYS.values() for w in names}
    return frozenset(fold(w) for w in words)


def is_country(name: str) -> bool:
    """Whether ``name`` is a country ("Morocco", "Marruecos", "المغرب") or no place (a
    month, a weekday, a nationality)."""
    folded = fold(name)
    if folded in _not_places() or fold(name.split()[0]) in _not_places():
        return True
    for prefix in ("ال", "بال", "في"):  # "المغرب", "بالمغرب": the name with its article
        if folded.startswith(prefix) and folded[len(prefix) :] in _countries():
            return True
    return folded in _countries() or fold(name.split()[-1]) in _countries()


_ELIDED = re.compile(r"^(?:[dlDL]|qu|Qu)['’](?=\w)")


def _words(text: str) -> list[tuple[str, int]]:
    """The words, with an elided article apart: "d'Olen" is "d'" and "Olen"."""
    out: list[tuple[str, int]] = []
    for m in _WORD.finditer(text):
        elided = _ELIDED.match(m.group())
        if elided:
            out.append((elided.group(), m.start()))
            out.append((m.group()[elided.end() :], m.start() + elided.end()))
        else:
            out.append((m.group(), m.start()))
    return out


def _name_after(words: Sequence[tuple[str, int]], i: int) -> str | None:
    """The place named from word ``i`` on, past determiners and area nouns: "the
    province of Tarva" -> "Tarva"; an area noun alone names the place after it even
    in a script without capitals ("ولاية تارفا")."""
    area = False
    ahead = [fold(w) for w, _ in words[i : i + DESCRIBING_WORDS + 2]]
    noun = next((k for k, w in enumerate(ahead) if w in AREA_NOUNS), None)
    if noun is not None and all(not _capitalised(w) for w, _ in words[i : i + noun]):
        i, area = i + noun, True  # "the tourist region of Tarva": past the description
    while i < len(words) and (
        fold(words[i][0]) in _FILLERS or fold(words[i][0]) in AREA_NOUNS or words[i][0] == "'"
    ):
        area = area or fold(words[i][0]) in AREA_NOUNS
        i += 1
    if i >= len(words):
        return None
    word = words[i][0]
    if _capitalised(word) or (area and _arabic(word)):
        name = [word]
        for nxt, _ in words[i + 1 : i + 3]:
            if not _capitalised(nxt) or fold(nxt) in AREA_NOUNS:
                break  # "Tarva Province": the name, without its area noun
            name.append(nxt)
        return " ".join(name)
    return None


def _name_before(words: Sequence[tuple[str, int]], end: int) -> str | None:
    """The nearest place named before word ``end``: a capitalised name (not the
    sentence's first word), or the word after an area noun ("ولاية تارفا")."""
    for i in range(end - 1, max(-1, end - 1 - NAME_REACH), -1):
        word = words[i][0]
        if i > 0 and fold(words[i - 1][0]) in AREA_NOUNS and (_arabic(word) or _capitalised(word)):
            return word
        if i > 0 and _capitalised(word) and not _capitalised(words[i - 1][0]):
            name = [word]
            for nxt, _ in words[i + 1 : end]:
                if not _capitalised(nxt):
                    break
                name.append(nxt)
            return " ".join(name)
    return None


def area_of(text: str, sentence: Span, span: Span) -> str | None:
    """The sub-area a figure's words tie it to ("Olen" for "809 in Olen", "Olen (452)",
    "Tarva, donde hay 980"), or None; a country is never one."""
    start, end = sentence
    before = _words(text[start : span[0]])
    after = _words(text[span[1] : end])
    name = (
        _placed_after(after)
        or _listed_before(before)
        or _relative_before(before)
        or _named_area_before(before)
    )
    if name is None or is_country(name):
        return None
    return name


def _placed_after(after: Sequence[tuple[str, int]]) -> str | None:
    """ "809 (deaths) in Olen": a locative word within a few words after the figure,
    before the clause ends."""
    for i, (word, _) in enumerate(after[: AFTER_WORDS + 1]):
        if word in _CLAUSE_END or word == "(":
            return None
        if fold(word) in LOCATIVE_WORDS:
            return _name_after(after, i + 1)
    return None


def _listed_before(before: Sequence[tuple[str, int]]) -> str | None:
    """ "Olen (452)", "Olen con 321", "Olen: 12": the figure listed against a place."""
    if len(before) < 2 or fold(before[-1][0]) not in LISTING_WORDS:
        return None
    word = before[-2][0]
    if not _capitalised(word):
        return None
    if len(before) == 2:
        return word  # "Olen (452)" opening the sentence
    name = _name_before(before, len(before) - 1)
    return name if name and name.split()[-1] == word else None


def _relative_before(before: Sequence[tuple[str, int]]) -> str | None:
    """ "Tarva, where 12 died", "ولاية تارفا، التي سقط فيها 452": a locative relative
    shortly before the figure, and the place it refers to before that."""
    for i in range(len(before) - 1, max(-1, len(before) - 1 - RELATIVE_REACH), -1):
        if fold(before[i][0]) in LOCATIVE_RELATIVES:
            return _name_before(before, i)
    return None


def _named_area_before(before: Sequence[tuple[str, int]]) -> str | None:
    """ "The province of Tarva, south of the capital, suffered most, with 542 dead": an
    area noun that opens the figure's sentence names its subject, and ties the figure
    to that place even across a comma; one further in ("a party in the city of Olen
    left three hurt") only says where the happening was."""
    for i in range(min(len(before), SUBJECT_WORDS) - 1, -1, -1):
        if fold(before[i][0]) in AREA_NOUNS:
            name = _name_after(before, i)
            if name is not None:
                return name
    return None


def parts(
    figures: Iterable[tuple[int, float | None, float, str | None]],
) -> set[int]:
    """Which of one page's figures for one outcome are parts of its total. ``figures``:
    (id, value, upper bound of the range it allows, its sub-area). The total is the
    page's largest figure; a figure tied to another sub-area than the total's and
    smaller than it is a part, when the page's parts add up to no more than it. A
    largest figure that is itself a sub-area's, beside other sub-areas' figures, is one
    line of a breakdown whose total the page does not state: a part too."""
    rows = [r for r in figures if r[1] is not None]
    if len(rows) < 2:
        return set()
    total = max(rows, key=lambda r: (r[1] or 0.0, r[2]))
    assert total[1] is not None
    found = [
        r
        for r in rows
        if r[3] is not None and r[3] != total[3] and r[1] is not None and r[1] < total[1]
    ]
    if not found:
        return set()
    if total[3] is not None:
        return {r[0] for r in found} | {total[0]}  # a breakdown without its total
    added = sum(v for _, v in {(r[3], r[1]) for r in found} if v is not None)
    bound = total[2] if total[2] != float("inf") else 2 * total[1]
    if added > max(total[1], bound) * PART_MARGIN:
        return set()  # more than the whole: rival figures, not its parts
    return {r[0] for r in found}
