"""Figures in Spanish, Portuguese, French, German, Indonesian and Arabic text, as the
project's own ``Quantity`` records, so the comparison's figure slots take them as they
take English ones.

No parser reads these languages here, so what a number counts is read from the words
around it, by the lexicon's tables for the language: a unit after it makes it a
distance, a span of time, money or a share, never a toll ("a 84 kilómetros"); a people
noun after it says it counts people ("84 personas"); an outcome word in the same clause
and within a few words says what happened to them ("murieron", "heridas", "tewas",
"قتلى"), with its span kept as evidence; a hedge before it ("al menos", "sedikitnya")
or, in Arabic, after it ("على الأقل") is read as the English qualifier whose range it
allows. A number with no outcome word near it stays a plain count with no outcome, so
it never enters a slot by guesswork.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsprism import lexicon
from newsprism.language.quantities import typo_quantities
from newsprism.language.rules.numbers import Number, find_numbers
from newsprism.language.rules.words import (
    LanguageWords,
    Token,
    fold,
    match_at,
    match_ending_at,
    tokens,
)
from newsprism.model import Quantity, QuantityKind, Sentence

OUTCOME_REACH = 6  # tokens between a number and the outcome word that reports it
TOLL_REACH = 18  # tokens between "the toll of dead" and the figure its clause gives it
# nouns of a tally ("la cifra de muertos", "le bilan des morts", "حصيلة القتلى"): the
# outcome word after one names what the figure at the end of its clause counts, however
# far ("la cifra de muertos tras la tormenta del viernes en la costa alcanza los 2.310")
TOLL_NOUNS = frozenset(
    {"cifra", "numero", "balance", "bilan", "nombre", "toll", "number", "tally"}
    | {"zahl", "bilanz", "jumlah", "total", "حصيلة", "عدد"}
)
# "passed the 1,000 mark", "pasó la barrera de los mil": a threshold, not the figure
THRESHOLD_NOUNS = frozenset({"mark", "barrier", "barrera", "umbral", "barre", "seuil", "cap"})
THRESHOLD_GAP = 3  # tokens between a threshold and the figure that passed it
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "،", "؛"})
_YEAR_RANGE = (1900, 2100)
# "and" in the languages read here: after a number it opens the next item of a list
# ("2.310 y los heridos 4.870"), whose outcome word is the next number's, never a noun
_AND = frozenset({"y", "e", "et", "und", "dan", "and"})
_Hit = tuple[str | None, tuple[int, int] | None]  # (outcome family, its words' span)


def _clause_break(text: str, a: int, b: int) -> bool:
    """Whether punctuation that ends a clause lies between two character offsets."""
    return any(c in _CLAUSE_BREAKS for c in text[a:b])


_KINDS: dict[str, QuantityKind] = {
    "measure": "measure", "duration": "duration", "percent": "percent", "money": "money",
}  # fmt: skip


_MONTH_LINKS = frozenset({".", "de", "del", "du", "of", "di", "-", "/"})


def _day_of_month(num: Number, toks: Sequence[Token], language: str) -> bool:
    """Whether ``num`` is the day of a date: followed by a month name ("8 de septiembre",
    "8. September", "8 سبتمبر") or just after one ("septiembre 8")."""
    months = {fold(m) for m in lexicon.FOREIGN_MONTHS.get(language, ())}
    if num.words or not num.value.is_integer() or not 1 <= num.value <= 31 or not months:
        return False
    j = num.last
    while j < len(toks) and j < num.last + 2 and toks[j].folded in _MONTH_LINKS:
        j += 1
    if j < len(toks) and toks[j].folded in months:
        return True
    return num.first > 0 and toks[num.first - 1].folded in months


def _kind(
    num: Number, toks: Sequence[Token], table: LanguageWords
) -> tuple[QuantityKind, str | None]:
    """What sort of figure ``num`` is, and the unit word that says so."""
    unit = match_at(table.units, toks, num.last) if num.last < len(toks) else None
    if unit is not None:
        words = " ".join(t.text for t in toks[num.last : num.last + len(unit.words)])
        return _KINDS.get(unit.value, "other"), words
    if num.last < len(toks) and toks[num.last].text == "%":
        return "percent", "%"
    before = lexicon.MEASURE_BEFORE.get(table.language, frozenset())
    if num.first > 0 and toks[num.first - 1].folded in before:
        return "measure", toks[num.first - 1].text  # "magnitud 7", "بقوة 7": no count
    if _day_of_month(num, toks, table.language):
        return "day", None  # "el 8 de septiembre murieron ...": a date, never 8 dead
    four_digits = not num.words and num.value.is_integer() and len(num.text) == 4
    people_next = num.last < len(toks) and match_at(table.people, toks, num.last) is not None
    if four_digits and _YEAR_RANGE[0] <= num.value <= _YEAR_RANGE[1] and not people_next:
        return "year", None  # "2000 شخص", "2009 personas" count people, not a year
    return "count", None


def _qualifier(toks: Sequence[Token], num: Number, table: LanguageWords) -> tuple[str | None, int]:
    """The English qualifier key and the index of the first token of the hedge."""
    before = match_ending_at(table.qualifiers, toks, num.first)
    if before is not None:
        return before.value, num.first - len(before.words)
    if table.language == "ar":  # "84 شخصا على الأقل": the hedge follows the counted noun
        for start in range(num.last, min(len(toks), num.last + 3)):
            after = match_at(table.qualifiers, toks, start)
            if after is not None:
                return after.value, num.first
    return None, num.first


def _outcomes(
    text: str, toks: Sequence[Token], numbers: Sequence[Number], table: LanguageWords
) -> list[_Hit]:
    """The outcome of each number: looked for in the language's usual place first (after
    the number; before it in Arabic, which puts the verb first: "قتل 84 شخصا"), then on
    the other side, where a word another number already took is not taken again
    ("284 resultaron heridas en dos explosiones": "heridas" is the 284's, not the two's).

    Before the number, outside Arabic, the word must govern a count of people ("murieron
    84 personas"), not of things ("tewas dalam dua ledakan": two explosions). In "from X
    to Y" ("korban tewas ... dari 103 menjadi 84 orang") X looks further back for its
    outcome and Y takes X's."""
    from_words, to_words = lexicon.FOREIGN_FROM_TO.get(table.language, (frozenset(), frozenset()))

    def is_from(k: int) -> bool:
        n = numbers[k]
        return (
            k + 1 < len(numbers)
            and n.first > 0
            and toks[n.first - 1].folded in from_words
            and any(t.folded in to_words for t in toks[n.last : numbers[k + 1].first])
            and numbers[k + 1].first - n.last <= 2
        )

    def after(k: int) -> _Hit:
        stop = numbers[k + 1].first if k + 1 < len(numbers) else len(toks)
        return _outcome_after(text, toks, numbers[k], stop, table)

    def before(k: int, start: int) -> _Hit:
        reach = OUTCOME_REACH * 2 if is_from(k) else OUTCOME_REACH
        hit = _outcome_before(text, toks, numbers[k], start, table, reach)
        if hit[1] is None and _counts_people(text, toks, numbers[k], table):
            hit = _tally_before(
                text, toks, numbers[k], max(start, numbers[k - 1].last if k else 0), table
            )
            if (
                hit[1] is None
                and k
                and _threshold(toks, numbers[k - 1])
                and numbers[k].first - numbers[k - 1].last <= THRESHOLD_GAP
            ):
                # "pasó la barrera de los mil, hasta los 1.150": the figure after the
                # threshold is the tally's
                hit = _tally_before(text, toks, numbers[k - 1], start, table, True)
            if hit[1] is not None:
                return hit
        if hit[1] is None or table.language == "ar" or is_from(k):
            return hit
        adjacent = toks[numbers[k].first - 1].span[1] == hit[1][1]  # "murieron 12 soldados"
        counts_people = _counts_people(text, toks, numbers[k], table)
        return hit if adjacent or counts_people else (None, None)

    forward = table.language != "ar"
    first = [after(k) if forward else (None, None) for k in range(len(numbers))]
    claimed = {hit[1]: k for k, hit in enumerate(first) if hit[1] is not None}
    out: list[_Hit] = []
    start = 0  # backward search stops at the last number that has its own outcome
    for k, hit in enumerate(first):
        if hit[0] is None:
            hit = before(k, start)
            if hit[1] is not None and claimed.get(hit[1], k) != k:
                hit = (None, None)
        if hit[0] is None and not forward:
            hit = after(k)
        if hit[0] is None and k > 0 and is_from(k - 1) and out[k - 1][0] is not None:
            hit = out[k - 1]  # "from 103 to 84": the 84 counts what the 103 counted
        if hit[0] is not None:
            start = numbers[k].last
        out.append(hit)
    return out


def _counts_people(text: str, toks: Sequence[Token], num: Number, table: LanguageWords) -> bool:
    """No noun after the number (the clause ends, or "and" opens the next item: "los
    heridos son 4.870, según ...", "suman 2.310 y ..."), or a people noun ("84
    personas", "103 orang")."""
    if num.last >= len(toks):
        return True
    nxt = toks[num.last]
    return (
        not nxt.text[:1].isalpha()
        or nxt.folded in _AND
        or _clause_break(text, num.span[1], nxt.span[0])
        or match_at(table.people, toks, num.last) is not None
        or match_at(table.links, toks, num.last) is not None
        or match_at(table.outcomes, toks, num.last) is not None
    )


def _elided(text: str, tok: Token) -> bool:
    """An elided article or pronoun written onto the next word: the "l" of "l'avion",
    the "d" of "d'Evguéni", the "qu" of "qu'il"."""
    return len(tok.text) <= 2 and text[tok.span[1] : tok.span[1] + 1] in ("'", "’")


def _outcome_after(
    text: str, toks: Sequence[Token], num: Number, stop: int, table: LanguageWords
) -> _Hit:
    words = 0
    for i in range(num.last, stop):
        if words >= OUTCOME_REACH:
            break
        if i > num.last and _clause_break(text, toks[num.last - 1].span[1], toks[i].span[0]):
            break
        if toks[i].folded in _AND:
            break  # "2.310 y los heridos": the outcome after "and" is another item's
        words += not _elided(text, toks[i])  # "l'avion" is one word, not two
        hit = match_at(table.outcomes, toks, i)
        if hit is not None:
            return hit.value, (toks[i].span[0], toks[i + len(hit.words) - 1].span[1])
    return None, None


def _outcome_before(
    text: str,
    toks: Sequence[Token],
    num: Number,
    start: int,
    table: LanguageWords,
    reach: int = OUTCOME_REACH,
) -> _Hit:
    for i in range(num.first - 1, max(start, num.first - reach) - 1, -1):
        if _clause_break(text, toks[i].span[1], toks[num.first].span[0]):
            break
        hit = match_at(table.outcomes, toks, i)
        if hit is not None and i + len(hit.words) <= num.first:
            return hit.value, (toks[i].span[0], toks[i + len(hit.words) - 1].span[1])
    return None, None


def _threshold(toks: Sequence[Token], num: Number) -> bool:
    """ "the 1,000 mark", "la barrera de los mil": a threshold the figure passed."""
    return any(t.folded in THRESHOLD_NOUNS for t in toks[max(0, num.first - 3) : num.first])


def _tally_before(
    text: str,
    toks: Sequence[Token],
    num: Number,
    start: int,
    table: LanguageWords,
    past_threshold: bool = False,
) -> _Hit:
    """ "La cifra de muertos [...] alcanza los 2.310": the outcome word right after a
    tally noun (past "de", "des", "of") earlier in the figure's clause, with no other
    number between, is the figure's outcome."""
    if not past_threshold and _threshold(toks, num):
        return None, None
    for i in range(num.first - 1, max(start, num.first - TOLL_REACH) - 1, -1):
        if _clause_break(text, toks[i].span[1], toks[num.first].span[0]):
            break
        if toks[i].folded not in TOLL_NOUNS:
            continue
        for j in range(i + 1, min(i + 3, num.first)):
            hit = match_at(table.outcomes, toks, j)
            if hit is not None:
                return hit.value, (toks[j].span[0], toks[j + len(hit.words) - 1].span[1])
        for j in range(max(start, i - 1), i):  # "death toll", "القتلى حصيلة" read back
            hit = match_at(table.outcomes, toks, j)
            if hit is not None and j + len(hit.words) == i:
                return hit.value, (toks[j].span[0], toks[j + len(hit.words) - 1].span[1])
    return None, None


def _counted(
    text: str,
    toks: Sequence[Token],
    num: Number,
    table: LanguageWords,
    outcome_span: tuple[int, int] | None,
) -> tuple[str | None, tuple[int, int] | None, str | None]:
    """(noun as written, its span, counted class) of the word after the number."""
    if num.last >= len(toks) or _clause_break(text, num.span[1], toks[num.last].span[0]):
        return None, None, "people" if outcome_span else None  # "4.870, según ...": no noun
    nxt = toks[num.last]
    if outcome_span is not None and nxt.span[0] == outcome_span[0]:
        return None, None, "people"  # "84 muertos": the outcome word is the noun
    if match_at(table.people, toks, num.last) is not None:
        return nxt.text, nxt.span, "people"
    if outcome_span is None:
        return None, None, None
    to_words = lexicon.FOREIGN_FROM_TO.get(table.language, (frozenset(), frozenset()))[1]
    link = (
        match_at(table.links, toks, num.last) is not None
        or nxt.folded in to_words
        or nxt.folded in _AND  # "los 2.310 y ...": "y" is no noun
    )
    noun = nxt.text[:1].isalpha() and not link
    around = outcome_span[0] > nxt.span[0] or outcome_span[1] <= toks[num.first].span[0]
    if noun and around:
        return nxt.text, nxt.span, nxt.folded  # "84 soldados murieron": soldiers
    return None, None, "people"  # "murieron 84 en ...": no noun; people by default


_ARTICLES_BEFORE = frozenset({"los", "las", "les", "os", "as", "die", "den", "der", "the"})


def _none_survived(toks: Sequence[Token], num: Number, language: str) -> _Hit:
    """ "ningún superviviente entre los 8 pasajeros", "aucun survivant parmi les 8
    passagers": none of the people counted survived, so they are the dead; the words
    that say so are the outcome's evidence (``lexicon.NO_SURVIVORS``)."""
    end = num.first
    if end > 0 and toks[end - 1].folded in _ARTICLES_BEFORE:
        end -= 1
    for words in lexicon.NO_SURVIVORS.get(language, ()):
        start = end - len(words)
        if start >= 0 and tuple(t.folded for t in toks[start:end]) == words:
            return "killed", (toks[start].span[0], toks[end - 1].span[1])
    return None, None


def _remains_of(text: str, toks: Sequence[Token], num: Number, table: LanguageWords) -> _Hit:
    """ "les corps des 10 occupants de l'avion ... ont été retrouvés": the outcome the
    clause gives the bodies (``lexicon.FOREIGN_REMAINS``) is the people's, wherever in the
    clause it comes."""
    remains = lexicon.FOREIGN_REMAINS.get(table.language, frozenset())
    if not any(t.folded in remains for t in toks[max(0, num.first - 3) : num.first]):
        return None, None
    for i in range(num.last, len(toks)):
        if _clause_break(text, toks[num.last - 1].span[1], toks[i].span[0]):
            break
        hit = match_at(table.outcomes, toks, i)
        if hit is not None:
            return hit.value, (toks[i].span[0], toks[i + len(hit.words) - 1].span[1])
    return None, None


def _a_part(toks: Sequence[Token], num: Number, first: int, table: LanguageWords) -> bool:
    """Whether the number counts a part of a count already given: "dont 51", "de los
    cuales 721" before it (``lexicon.FOREIGN_SUBSET_BEFORE``), or "721 de los lesionados"
    after it (``lexicon.FOREIGN_PARTITIVE``, then an outcome word or a people noun)."""
    for words in lexicon.FOREIGN_SUBSET_BEFORE.get(table.language, ()):
        start = first - len(words)
        if start >= 0 and tuple(t.folded for t in toks[start:first]) == words:
            return True
    for phrase in lexicon.FOREIGN_PARTITIVE.get(table.language, ()):
        words = tuple(phrase.split())
        end = num.last + len(words)
        if tuple(t.folded for t in toks[num.last : end]) == words and end < len(toks):
            named = match_at(table.outcomes, toks, end) or match_at(table.people, toks, end)
            if named is not None:
                return True
    return False


def read_figures(text: str, sentences: Sequence[Sentence], table: LanguageWords) -> list[Quantity]:
    """Every number of every sentence, with its kind, outcome, counted class and hedge."""
    out: list[Quantity] = []
    for sent in sentences:
        s, e = sent.span
        toks = tokens(text[s:e], s)
        typos = typo_quantities(text[s:e], [sent.span], s)
        out += typos
        numbers = [  # "1O0" is flagged above, never read as the 1 it starts with
            n
            for n in find_numbers(text, toks, table)
            if not any(t.span[0] <= n.span[0] < t.span[1] for t in typos)
        ]
        kinds = [_kind(num, toks, table) for num in numbers]
        counts = [n for n, (kind, _) in zip(numbers, kinds, strict=True) if kind == "count"]
        found = dict(zip(map(id, counts), _outcomes(text, toks, counts, table), strict=True))
        for num, (kind, unit) in zip(numbers, kinds, strict=True):
            qualifier, first = _qualifier(toks, num, table)
            outcome, outcome_span = found.get(id(num), (None, None))
            if kind == "count" and outcome is None:
                outcome, outcome_span = _none_survived(toks, num, table.language)
            if kind == "count" and outcome is None:
                outcome, outcome_span = _remains_of(text, toks, num, table)
            noun, noun_span, counted = (unit, None, None)
            if kind == "count":
                noun, noun_span, counted = _counted(text, toks, num, table, outcome_span)
            start = toks[first].span[0]
            part_of = kind == "count" and _a_part(toks, num, first, table)
            out.append(
                Quantity(
                    span=(start, num.span[1]),
                    text=text[start : num.span[1]],
                    value=num.value,
                    noun=noun,
                    noun_span=noun_span,
                    qualifier=qualifier,
                    sentence=sent.span,
                    kind=kind,
                    outcome=outcome,
                    outcome_span=outcome_span,
                    counted=counted,
                    part_of=part_of,
                )
            )
    return out


# --------------------------------------------------------------------------- for compare

WINDOW = 3  # words kept on each side of the count and its outcome word


@dataclass(frozen=True, slots=True)
class CountContext:
    """What the comparison reads around a count it has no parse for."""

    context: str  # the clause: the sentence, cut at clause punctuation around the count
    window: str  # the count and its outcome word with a few words around them
    previous: bool  # the "X" of "from X to Y"
    cue: str | None  # the update word of the sentence ("elevó", "direvisi")


def count_context(
    text: str, q: Quantity, language: str, words_file: str | None = None
) -> CountContext:
    """The clause, window, "from X" and update cue of a count read by ``read_figures``."""
    from newsprism.language.rules.words import language_words

    table = language_words(language, words_file)
    s, e = q.sentence or q.span
    toks = tokens(text[s:e], s)
    spans = [q.span] + ([q.outcome_span] if q.outcome_span is not None else [])
    inside = [i for i, t in enumerate(toks) for a, b in spans if a <= t.span[0] < b]
    if not inside:
        return CountContext(text[s:e], text[s:e], False, None)
    lo, hi = min(inside), max(inside)
    window = text[toks[max(0, lo - WINDOW)].span[0] : toks[min(len(toks) - 1, hi + WINDOW)].span[1]]
    c_lo, c_hi = lo, hi
    while c_lo > 0 and not _clause_break(text, toks[c_lo - 1].span[1], toks[c_lo].span[0]):
        c_lo -= 1
    while c_hi + 1 < len(toks):
        if _clause_break(text, toks[c_hi].span[1], toks[c_hi + 1].span[0]):
            break
        c_hi += 1
    context = text[toks[c_lo].span[0] : toks[c_hi].span[1]]
    from_words, to_words = lexicon.FOREIGN_FROM_TO.get(language, (frozenset(), frozenset()))
    first = min(i for i, t in enumerate(toks) if t.span[0] >= q.span[0])
    last = max(i for i, t in enumerate(toks) if t.span[1] <= q.span[1])
    previous = (
        first > 0
        and toks[first - 1].folded in from_words
        and any(t.folded in to_words for t in toks[last + 1 : last + 3])
    )
    cue = next((toks[i].text for i in range(len(toks)) if match_at(table.updates, toks, i)), None)
    return CountContext(context, window, previous, cue)
