"""The words newsprism reads meaning from: each table once, for every stage.

Cleaning reads publication dates, the language layer reads dates, counts and
reported speech, and comparison grades figures against each other. When each kept
its own copy of "which words are months" or "what 'fewer than' allows", the copies
drifted: a qualifier known to extraction and unknown to grading turned "fewer than
10" against "9" into a contradiction. So the tables live here, with no dependency
on spaCy, and the stages import them.

English tables first; the tables of the other supported languages (Spanish, Portuguese,
French, German, Indonesian, Arabic) follow at the end, keyed by ISO 639-1 code, and a
user word file adds to them (``newsprism.language.rules.words``).
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass

# --------------------------------------------------------------------------- calendar

# The C locale's names (Python does not change LC_TIME unless a program asks).
MONTH_NAMES: tuple[str, ...] = tuple(calendar.month_name[1:])
WEEKDAY_NAMES: tuple[str, ...] = tuple(calendar.day_name)

MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)},
    **{name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)},
    "sept": 9,
}
"""Month names and abbreviations, lower case, to the month's number."""

WEEKDAYS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)},
    **{name[:3].lower(): i for i, name in enumerate(WEEKDAY_NAMES)},
    "tues": 1,
    "wednes": 2,
    "thur": 3,
    "thurs": 3,
}
"""Weekday names and abbreviations, lower case, to ``date.weekday()`` (Monday 0)."""

SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
"""Northern-hemisphere meteorological seasons as (first month, last month)."""

HOLIDAYS: dict[str, tuple[int, int, int, int]] = {
    "christmas": (12, 25, 0, 0),
    "christmas day": (12, 25, 0, 0),
    "christmas eve": (12, 24, 0, 0),
    "new year's day": (1, 1, 0, 0),
    "new year's eve": (12, 31, 0, 0),
    "halloween": (10, 31, 0, 0),
    "valentine's day": (2, 14, 0, 0),
    "fourth of july": (7, 4, 0, 0),
    "thanksgiving": (11, 0, 3, 4),
    "thanksgiving day": (11, 0, 3, 4),
    "labor day": (9, 0, 0, 1),
    "memorial day": (5, 0, 0, -1),
    "election day": (11, 0, 1, 0),
}
"""Holidays with a fixed place in the calendar, lower case, as (month, day, weekday,
nth): a fixed day when ``day`` is set, else the ``nth`` given weekday of the month
(-1 the last; 0 for US Election Day, the Tuesday after the first Monday). The
movable ones are those of the United States (Thanksgiving, Labor Day, Memorial Day,
Election Day): a rule reading them says so."""


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation ("Feb.", "September"); KeyError otherwise."""
    return MONTHS[word.lower().rstrip(".")]


def month_pattern(group: str | None = None) -> str:
    """A regular expression for any month name or abbreviation (with an optional
    full stop), longest first so "June" is not read as "Jun" + "e"."""
    names = sorted(MONTHS, key=len, reverse=True)
    body = "|".join(names)
    inner = f"(?P<{group}>{body})" if group else f"(?:{body})"
    return rf"{inner}\.?"


def weekday_pattern(group: str | None = None) -> str:
    """A regular expression for a full weekday name."""
    body = "|".join(name.lower() for name in WEEKDAY_NAMES)
    return f"(?P<{group}>{body})" if group else f"(?:{body})"


# --------------------------------------------------------------------------- numbers

_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",
)  # fmt: skip
_TENS = ("thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(_UNITS)} | {
    word: 30 + 10 * i for i, word in enumerate(_TENS)
}
"""Cardinal number words to their values (compounds are read word by word)."""

SCALES: dict[str, int] = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}

VAGUE_COUNTS: dict[str, tuple[float, float]] = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "tens of thousands": (20_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 999_999.0),
    "millions": (2_000_000.0, 9_999_999.0),
}
"""Plural counts with no single value, as the smallest and largest figure they allow."""


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A hedge on a figure and the values it allows around the stated one.

    ``low`` and ``high`` multiply the stated value; an open bound (``open_low`` or
    ``open_high``) excludes the stated value itself: "more than 10" does not allow 10,
    "at least 10" does.
    """

    phrase: str
    low: float
    high: float
    open_low: bool = False
    open_high: bool = False


def _q(
    phrase: str, low: float, high: float, open_low: bool = False, open_high: bool = False
) -> tuple[str, Qualifier]:
    return phrase, Qualifier(phrase, low, high, open_low, open_high)


QUALIFIERS: dict[str, Qualifier] = dict(
    [
        # a floor
        _q("at least", 1.0, math.inf),
        _q("no fewer than", 1.0, math.inf),
        _q("no less than", 1.0, math.inf),
        _q("a minimum of", 1.0, math.inf),
        _q("as few as", 1.0, math.inf),
        _q("more than", 1.0, math.inf, open_low=True),
        _q("over", 1.0, math.inf, open_low=True),
        _q("above", 1.0, math.inf, open_low=True),
        _q("upwards of", 1.0, math.inf, open_low=True),
        _q("in excess of", 1.0, math.inf, open_low=True),
        _q("just over", 1.0, 1.15, open_low=True),
        # a ceiling
        _q("at most", 0.0, 1.0),
        _q("up to", 0.0, 1.0),
        _q("no more than", 0.0, 1.0),
        _q("as many as", 0.0, 1.0),
        _q("a maximum of", 0.0, 1.0),
        _q("fewer than", 0.0, 1.0, open_high=True),
        _q("less than", 0.0, 1.0, open_high=True),
        _q("under", 0.0, 1.0, open_high=True),
        _q("below", 0.0, 1.0, open_high=True),
        _q("just under", 0.85, 1.0, open_high=True),
        _q("nearly", 0.85, 1.0),
        _q("almost", 0.85, 1.0),
        _q("close to", 0.85, 1.0),
        # about
        _q("about", 0.8, 1.2),
        _q("around", 0.8, 1.2),
        _q("approximately", 0.8, 1.2),
        _q("roughly", 0.8, 1.2),
        _q("some", 0.8, 1.2),
        _q("an estimated", 0.8, 1.2),
        _q("estimated", 0.8, 1.2),
        _q("or so", 0.8, 1.2),
        # exact
        _q("only", 1.0, 1.0),
        _q("exactly", 1.0, 1.0),
        _q("just", 1.0, 1.0),
    ]
)
"""Every hedge the quantity reader emits, with its range: extraction and grading
read the same table, so a hedge cannot be known to one and not the other."""

EXACT = Qualifier("", 1.0, 1.0)


def figure_range(value: float | None, qualifier: str | None) -> tuple[float, float, bool, bool]:
    """(low, high, low is open, high is open) of the values a stated figure allows.

    A vague plural ("dozens") has no value and its own range; an unknown hedge is
    treated as "about" rather than as exact, so that it can never make a conflict.
    """
    phrase = (qualifier or "").lower().strip()
    if value is None:
        low, high = VAGUE_COUNTS.get(phrase, (0.0, math.inf))
        return low, high, False, False
    q = QUALIFIERS.get(phrase, EXACT if not phrase else QUALIFIERS["about"])
    return value * q.low, value * q.high, q.open_low, q.open_high


def ranges_overlap(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    """Whether two figure ranges share a value (open bounds exclude their endpoint)."""
    lo_a, hi_a, open_lo_a, open_hi_a = a
    lo_b, hi_b, open_lo_b, open_hi_b = b
    if hi_a < lo_b or hi_b < lo_a:
        return False
    if hi_a == lo_b and (open_hi_a or open_lo_b):
        return False
    return not (hi_b == lo_a and (open_hi_b or open_lo_a))


# --------------------------------------------------------------------------- outcomes

OUTCOMES: dict[str, str] = {
    # killed
    "kill": "killed",
    "killed": "killed",
    "killing": "killed",
    "death": "killed",
    "die": "killed",
    "dead": "killed",
    "fatality": "killed",
    "fatal": "killed",
    "slay": "killed",
    "murder": "killed",
    "life": "killed",  # "claimed the lives of 12"
    "body": "killed",
    # injured
    "wound": "injured",
    "wounded": "injured",
    "injure": "injured",
    "injured": "injured",
    "injury": "injured",
    "hurt": "injured",
    "hospitalise": "injured",
    "hospitalize": "injured",
    "hospitalised": "injured",
    "hospitalized": "injured",
    "treat": "injured",  # "treated in hospital"
    "treated": "injured",
    "casualty": "casualties",
    # arrested
    "arrest": "arrested",
    "arrested": "arrested",
    "detain": "arrested",
    "detained": "arrested",
    "detention": "arrested",
    # missing, displaced, rescued
    "missing": "missing",
    "displace": "displaced",
    "displaced": "displaced",
    "evacuate": "evacuated",
    "rescue": "rescued",
    "kidnap": "abducted",
    "abduct": "abducted",
    "hostage": "abducted",
    # poisoned: "30 children were poisoned", never the dead or the injured
    "poison": "poisoned",
    "poisoned": "poisoned",
    "intoxicate": "poisoned",
    # recovered: "10 bodies were recovered", the missing found dead; its own history
    "recover": "recovered",
    "retrieve": "recovered",
}
"""Words that report an outcome for the people counted, by lemma, to one family:
"wounded", "hurt" and "injured" are one slot, "arrested" and "detained" another."""

PEOPLE_NOUNS: frozenset[str] = frozenset(
    {"people", "person", "individual", "persons", "civilian", "resident", "victim", "one"}
)
"""Nouns that count people without saying which people: one counted class."""

EVENT_NOUNS: frozenset[str] = frozenset(
    {
        "death", "killing", "attack", "strike", "airstrike", "bombing", "explosion", "blast",
        "shooting", "raid", "assault", "invasion", "war", "clash", "battle", "fire", "crash",
        "earthquake", "flood", "storm", "election", "vote", "referendum", "meeting", "summit",
        "visit", "trip", "talks", "funeral", "protest", "demonstration", "riot", "arrest",
        "trial", "verdict", "ceasefire", "truce", "anniversary", "coup", "massacre", "siege",
        "offensive", "operation", "incident", "accident", "collapse",
    }
)  # fmt: skip
"""Nouns that name a happening: a date on one of them dates that happening ("the
death of three soldiers late last month"), not the sentence's own event."""

ONE_PERSON_NOUNS: frozenset[str] = frozenset(
    {"man", "woman", "boy", "girl", "teen", "teenager", "child", "toddler", "baby", "person",
     "victim", "officer", "deputy", "trooper", "soldier", "student", "driver", "passenger",
     "resident", "bystander", "civilian", "worker", "guard", "suspect", "gunman", "father",
     "mother", "son", "daughter", "husband", "wife", "journalist", "policeman", "commander",
     "leader", "official", "fighter", "militant", "member", "pilot", "doctor", "nurse",
     "teacher", "farmer", "protester", "shooter", "worshipper", "pedestrian", "cyclist"}
)  # fmt: skip
"""Nouns (by lemma) for one person, so "a man was killed" is read as one killed."""

UPDATE_WORDS: frozenset[str] = frozenset(
    {"rise", "climb", "increase", "grow", "jump", "reach", "revise", "raise", "lower",
     "update", "correct", "surpass", "mount", "soar", "toll", "drop", "fall", "decrease",
     "reduce", "decline"}
)  # fmt: skip
"""Verbs (by lemma) that announce a figure changed: "the toll rose to 84", "dropped to 97"."""

ESTIMATE_WORDS: frozenset[str] = frozenset(
    {"could", "might", "may", "would", "feared", "expected", "projected", "forecast",
     "podría", "podrían", "podria", "podrian", "podrá", "prevé", "temen",
     "pourrait", "pourraient", "pourra", "risque",
     "poderá", "poderia", "poderão",
     "könnte", "könnten", "dürfte", "dürften",
     "قد", "وقد", "يتوقع", "يُتوقع", "ويتوقع", "متوقع", "يرجح", "يُرجح", "ويرجح"}
)  # fmt: skip
"""Words (as written, lower case) that make the figure after them a projection: "the toll
could reach 20,000", "pourrait dépasser", "قد يصل": an estimate, never the story's figure.
"May" with a capital is the month, so only the lower-case word counts."""

FIGURE_STATUS_WORDS: dict[str, frozenset[str]] = {
    "withdrawn": frozenset(
        {"withdrew", "withdrawn", "withdraws", "withdraw", "retracted", "retracts", "rescinded",
         "retiró", "retiraron", "retirado", "retirada",
         "retiré", "retirée", "retire", "retirent",
         "retirou", "retiraram",
         "zurückgezogen", "zurückgenommen",
         "سحبت", "سحب", "وسحبت", "وسحب", "تراجعت", "تراجع"}
    ),
    "denied": frozenset(
        {"denied", "denies", "deny", "refuted", "refutes",
         "desmintió", "desmintieron", "desmiente", "desmienten", "negó", "negaron", "niega",
         "démenti", "démentait", "dément", "démentent", "nié", "nie", "nient",
         "desmentiu", "desmentiram", "negou",
         "dementiert", "dementierte", "bestritt", "bestritten",
         "نفت", "نفى", "ونفت", "ونفى", "تنفي", "ينفي"}
    ),
}  # fmt: skip
"""Words (as written, lower case) that say a figure no longer stands: its source withdrew
it ("withdrew its figure of 300", "a retiré son bilan", "سحبت حصيلة") or denied it ("denied
that 300 had died", "desmintió", "نفت مقتل"). Such a figure is never the story's."""

FIGURE_STATUS_STOPS: frozenset[str] = frozenset(
    {"that", "which", "who", "whom", "where", "when", "while", "after", "before", "and",
     "que", "qui", "quien", "donde", "cuando", "y", "et", "où", "quand", "und", "dass", "die",
     "الذي", "التي", "الذين", "بعد", "و"}
)  # fmt: skip
"""Words that end the search for a status word before a figure (as a comma does), unless
the status word is just before them ("denied that 300 had died"): "denied involvement in
the attack that killed 12" denies the involvement, not the 12."""

OTHER_EVENT_SINCE: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "en": (frozenset({"since"}),
           frozenset({"deadliest", "worst", "biggest", "largest", "most", "highest",
                      "strongest", "heaviest", "bloodiest"})),
    "es": (frozenset({"desde"}), frozenset({"más", "peor", "mayor"})),
    "pt": (frozenset({"desde"}), frozenset({"mais", "pior", "maior"})),
    "fr": (frozenset({"depuis"}), frozenset({"plus", "pire"})),
    "de": (frozenset({"seit"}),
           frozenset({"schwerste", "schwersten", "tödlichste", "tödlichsten", "schlimmste",
                      "schlimmsten", "größte", "größten"})),
    "id": (frozenset({"sejak"}), frozenset({"paling", "terburuk", "terbesar"})),
    "ar": (frozenset({"منذ"}), frozenset({"الأكثر", "أسوأ", "الأسوأ", "أكبر", "الأكبر"})),
}  # fmt: skip
"""The "since" and the superlatives of "the deadliest flood since the 1999 disaster, which
killed 300" per language ("la plus meurtrière depuis", "más mortífera desde", "الأكثر دموية
منذ"): a figure after them in the sentence counts that earlier event, not the story's."""

OTHER_EVENT_SINCE_REACH = 5
"""Words between the superlative and its "since" ("the worst flooding in the region
since")."""

RELATIVE_WORDS: frozenset[str] = frozenset(
    {"which", "that", "who", "whom", "whose", "que", "qui", "quien", "quienes", "cual",
     "lequel", "laquelle", "dont", "welche", "welcher", "die", "der", "das", "yang",
     "التي", "الذي", "الذين", "اللذين",
     "including", "among", "incluidos", "incluidas", "entre", "notamment", "parmi",
     "darunter", "termasuk", "بينهم", "منهم"}
)  # fmt: skip
"""Words that open a relative clause or a list of members: after a comma they go on
describing what came before ("the 2009 disaster, which killed 300"; "17 wounded in
separate shootings, including eight ..."), so that noun's year or tally still holds."""

EARLIER_FIGURE_WORDS: frozenset[str] = frozenset(
    {"earlier", "previously", "initially", "originally", "first", "before",
     "antes", "inicialmente", "previamente", "anteriormente", "primero",
     "d'abord", "auparavant", "initialement", "précédemment", "avant",
     "früher", "zunächst", "zuvor", "sebelumnya", "awalnya",
     "سابق", "سابقا", "سابقة", "قبل", "البداية"}
)  # fmt: skip
"""Words (as written, lower case) that say a figure is an earlier one the page reports as
such ("officials had earlier said ten", "avaient d'abord indiqué", "في وقت سابق"): a page
giving its figure's history does not contradict itself."""

STREET_WORDS: frozenset[str] = frozenset(
    {"street", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane", "court",
     "place", "parkway", "pkwy", "highway", "hwy", "way", "circle", "terrace", "trail",
     "pike", "plaza", "square", "block",
     "calle", "avenida", "paseo", "carrera", "rue", "allée", "chemin", "impasse",
     "quai", "rua", "travessa", "straße", "strasse", "platz", "weg", "allee", "jalan", "jl",
     "شارع", "طريق", "ساحة"}
)  # fmt: skip
"""Words that make a number next to them part of an address: "1603 Cape Coral Parkway",
"12 rue Kerav", "calle Mayor 1603", "شارع الحمراء 12". Between the number and the word
only a name may stand (capitalised words, or two words in Arabic), so "three people were
killed on Main Street" keeps its three."""

TALLY_MARKERS: dict[str, tuple[str, ...]] = {
    "en": ("this year", "so far this year", "year to date", "in separate shootings",
           "in separate attacks", "in separate incidents", "in shootings across",
           "in several shootings", "in multiple shootings", "across the city"),
    "es": ("este año", "en lo que va del año", "en lo que va de año", "en distintos tiroteos",
           "en varios tiroteos", "en tiroteos separados"),
    "pt": ("este ano", "neste ano", "em vários tiroteios"),
    "fr": ("cette année", "depuis le début de l'année", "dans plusieurs fusillades",
           "dans des fusillades distinctes"),
    "de": ("dieses jahr", "in diesem jahr", "seit jahresbeginn"),
    "id": ("tahun ini", "sepanjang tahun"),
    "ar": ("هذا العام", "منذ بداية العام", "منذ مطلع العام", "في حوادث منفصلة"),
}  # fmt: skip
"""Phrases that make a figure in their clause a tally over many events ("at least 17 were
wounded in separate shootings across the city", "299 killings this year", "en lo que va
del año", "منذ بداية العام"), not a count of the story's event."""

TALLY_EVENT_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"shootings", "incidents", "attacks", "stabbings"}),
    "es": frozenset({"tiroteos", "incidentes", "ataques", "balaceras"}),
    "fr": frozenset({"fusillades", "incidents", "attaques"}),
}
"""Plural happenings a clause may count: "wounded in 11 shooting incidents across the
city", "en cuatro tiroteos": a figure in a clause that numbers two or more of them is a
tally over those happenings, not the toll of one."""


OUTCOME_READINGS: dict[str, str] = {
    "casualties": "dead, or dead and injured together: the word does not say which, "
    "so this count is kept apart from the killed and the injured",
}
"""How the report reads an outcome whose word is ambiguous, said beside its figure so a
reader knows which reading was taken (none: the count keeps a slot of its own)."""

FALLING_OUTCOMES: frozenset[str] = frozenset({"missing"})
"""Outcomes whose count falls as the story goes on (the missing are found, dead or alive):
of two undated revised figures, the smaller is the later. Every other count (the dead,
the injured, the recovered, the arrested) only grows as it is counted."""


# --------------------------------------------------------------------------- kinds of figure

DURATION_NOUNS: frozenset[str] = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month",
     "year", "decade", "century", "term", "season", "quarter"}
)  # fmt: skip
"""Nouns (by lemma) that make a number a length of time: "three days", "two terms"."""

CURRENCY_WORDS: frozenset[str] = frozenset(
    {"dollar", "euro", "pound", "cent", "penny", "pence", "yen", "yuan", "rupee", "dinar",
     "rial", "riyal", "lira", "ruble", "rouble", "franc", "peso", "shekel", "won", "$", "€",
     "£", "¥", "usd", "eur", "gbp"}
)  # fmt: skip
"""Units and signs (by lemma, lower case) that make a number an amount of money."""

MEASURE_UNITS: frozenset[str] = frozenset(
    {"mile", "kilometre", "kilometer", "km", "metre", "meter", "m", "foot", "feet", "inch",
     "yard", "centimetre", "centimeter", "cm", "millimetre", "mm", "kilogram", "kg", "gram",
     "lb", "ton", "tonne", "ounce", "gallon", "litre", "liter", "barrel", "acre", "hectare",
     "degree", "mph", "kph", "calibre", "caliber", "megawatt", "kilowatt", "volt", "point",
     "storey", "floor", "magnitude"}
)  # fmt: skip
"""Units (by lemma) that make a number a measure rather than a count of people or things."""

PERCENT_WORDS: frozenset[str] = frozenset({"%", "percent", "per cent", "pct", "percentage"})

NO_SURVIVORS: dict[str, tuple[tuple[str, ...], ...]] = {
    "es": (("ningun", "superviviente", "entre"), ("ningun", "sobreviviente", "entre"),
           ("sin", "supervivientes", "entre"), ("sin", "sobrevivientes", "entre")),
    "pt": (("nenhum", "sobrevivente", "entre"), ("sem", "sobreviventes", "entre")),
    "fr": (("aucun", "survivant", "parmi"), ("pas", "de", "survivant", "parmi"),
           ("aucun", "rescape", "parmi")),
    "de": (("keine", "uberlebenden", "unter"), ("kein", "uberlebender", "unter")),
    "id": (("tidak", "ada", "yang", "selamat", "dari"),),
}  # fmt: skip
"""Words (folded) just before a number, its article aside, that say none of the people
it counts survived ("ningún superviviente entre los 8 pasajeros", "aucun survivant parmi
les 8 passagers"): the count is of the dead. English reads the same from the parse."""

FOREIGN_REMAINS: dict[str, frozenset[str]] = {
    "es": frozenset({"cuerpos", "restos", "cadaveres"}),
    "pt": frozenset({"corpos", "restos", "cadaveres"}),
    "fr": frozenset({"corps", "restes", "depouilles", "cadavres"}),
    "de": frozenset({"leichen", "leichname", "uberreste"}),
    "id": frozenset({"jenazah", "jasad", "mayat"}),
    "ar": frozenset({"جثث", "رفات", "جثامين"}),
}
"""Nouns (folded) for the bodies of the people a number counts, written before it ("les
corps des 10 occupants", "los cuerpos de los 10 pasajeros"): what the clause's verb says
became of the bodies ("ont été retrouvés") is the outcome of the people counted, however
far along the clause it comes."""

FOREIGN_SUBSET_BEFORE: dict[str, tuple[tuple[str, ...], ...]] = {
    "es": (("de", "los", "cuales"), ("de", "las", "cuales"), ("entre", "ellos"),
           ("entre", "ellas"), ("de", "ellos"), ("de", "ellas")),
    "pt": (("dos", "quais"), ("das", "quais"), ("entre", "eles"), ("entre", "elas"),
           ("dentre", "eles")),
    "fr": (("dont",), ("parmi", "eux"), ("parmi", "elles"), ("parmi", "lesquels"),
           ("parmi", "lesquelles")),
    "de": (("darunter",), ("davon",)),
    "id": (("di", "antaranya"), ("diantaranya",)),
    "ar": (("من", "بينهم"), ("من", "بينها"), ("بينهم",), ("بينها",), ("منهم",)),
}  # fmt: skip
"""Words (folded) right before a number, its hedge aside, that make it a part of the
count before it: "329 blessés, dont 51 grièvement", "1.204 heridos, de los cuales 721
graves", "2059 جريحا، من بينهم 1404": the seriously hurt among the hurt, never a rival
figure for them."""

FOREIGN_PARTITIVE: dict[str, frozenset[str]] = {
    "es": frozenset({"de los", "de las"}),
    "pt": frozenset({"dos", "das"}),
    "fr": frozenset({"des", "d'entre"}),
    "de": frozenset({"der"}),
}
"""Words (folded) right after a number that make it a part of a group the sentence names:
"721 de los lesionados", "deux des blessés"; read as a part only when an outcome or a
people noun follows them."""

MEASURE_BEFORE: dict[str, frozenset[str]] = {
    "en": frozenset({"magnitude", "category", "level"}),
    "es": frozenset({"magnitud", "categoria", "nivel"}),
    "pt": frozenset({"magnitude", "categoria", "nivel"}),
    "fr": frozenset({"magnitude", "categorie", "niveau"}),
    "de": frozenset({"magnitude", "starke", "kategorie", "stufe"}),
    "id": frozenset({"magnitudo", "kategori", "level"}),
    "ar": frozenset({"بقوه", "قوه", "درجه", "مستوي"}),
}
"""Words (folded: lower case, no accents) right before a number that make it a measure or
a grade, never a count: "magnitude 7", "magnitud 6,8", "category 4", "بقوة 7". Their
number is no count of people, nor does a later figure take the word as what it counts
("the 7 magnitude earthquake has risen to 2,960" counts no magnitudes)."""

AGE_WORDS: frozenset[str] = frozenset({"aged", "age", "ages"})
"""Words right before a number that make it an age: "aged 17", "age 17"."""


# --------------------------------------------------------------------------- speech

REPORTING_VERBS: frozenset[str] = frozenset(
    {
        "say", "tell", "write", "read", "speak", "admit", "state", "caution", "emphasize",
        "emphasise", "assert", "add", "warn", "stress", "note", "insist", "claim", "announce",
        "declare", "explain", "urge", "argue", "confirm", "deny", "reply", "respond",
        "remark", "comment", "observe", "point", "affirm", "maintain", "allege",
        "acknowledge", "report", "tweet", "post", "vow", "pledge", "promise", "threaten",
        "demand", "ask", "answer", "conclude", "recall", "suggest", "predict", "describe",
        "reiterate", "accuse",
    }
)  # fmt: skip
"""Verbs that report speech, by base form (lemma)."""

WEAK_REPORTING_VERBS: frozenset[str] = frozenset(
    {"maintain", "point", "post", "report", "describe", "observe", "ask", "read", "add"}
)
"""Reporting verbs that often mean something else; they report speech only when a
quotation or a that-clause hangs on them."""

DEMONYMS: dict[str, str] = {
    "american": "United States", "british": "United Kingdom", "chinese": "China",
    "russian": "Russia", "mexican": "Mexico", "canadian": "Canada", "japanese": "Japan",
    "german": "Germany", "french": "France", "italian": "Italy", "spanish": "Spain",
    "indian": "India", "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria",
    "turkish": "Türkiye", "israeli": "Israel", "palestinian": "Palestine",
    "saudi": "Saudi Arabia", "egyptian": "Egypt", "ukrainian": "Ukraine", "polish": "Poland",
    "dutch": "Netherlands", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark",
    "finnish": "Finland", "greek": "Greece", "irish": "Ireland", "australian": "Australia",
    "brazilian": "Brazil", "argentine": "Argentina", "pakistani": "Pakistan",
    "afghan": "Afghanistan", "lebanese": "Lebanon", "jordanian": "Jordan",
    "kuwaiti": "Kuwait", "qatari": "Qatar", "yemeni": "Yemen", "libyan": "Libya",
    "nigerian": "Nigeria", "kenyan": "Kenya", "venezuelan": "Venezuela", "cuban": "Cuba",
    "colombian": "Colombia", "south korean": "South Korea", "north korean": "North Korea",
    "vietnamese": "Vietnam", "thai": "Thailand", "indonesian": "Indonesia",
    "filipino": "Philippines", "european": "Europe", "guatemalan": "Guatemala",
    "honduran": "Honduras", "salvadoran": "El Salvador",
}  # fmt: skip
"""Nationality words (lower case) to the country (or continent) they are of, so
"Chinese officials" and "China" name one actor. Only unambiguous demonyms: not
"Georgian" (a country and a US state) nor "Korean" (which Korea?)."""

QUOTING_VERBS: frozenset[str] = frozenset(
    {"shout", "joke", "quip", "exclaim", "yell", "scream", "retort", "interject", "chant",
     "mutter", "whisper", "concede", "counter", "charge", "continue", "echo", "boom", "bark",
     "beam", "snap", "gush", "laugh", "sigh", "muse", "scoff", "plead", "thunder"}
)  # fmt: skip
"""Verbs that report speech only with a quotation right beside them ('"Enough," she
snapped'; 'Continued Stone: "..."'), otherwise acts of their own ("charged with
murder", "continued to fight"); kept apart from the reporting verbs for that reason."""

ATTRIBUTION_VERBS: frozenset[str] = frozenset(
    {"say", "tell", "state", "add", "write", "report", "note", "explain", "comment", "remark",
     "claim", "reply", "respond", "stress", "emphasize", "emphasise", "assert", "announce",
     "declare", "confirm", "affirm", "acknowledge", "observe", "tweet", "post", "reiterate"}
)  # fmt: skip
"""Reporting verbs that only attribute words to a speaker ("said on Thursday" dates the
saying). The others (urge, warn, demand, vow, threaten ...) are acts in their own right."""

_IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "read": ("read", "reads", "reading"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "reply": ("reply", "replies", "replied", "replying"),
    "deny": ("deny", "denies", "denied", "denying"),
}


def inflect(base: str) -> tuple[str, ...]:
    """Written forms of a regular English verb: base, -s, -ed, -ing."""
    if base in _IRREGULAR_FORMS:
        return _IRREGULAR_FORMS[base]
    if base.endswith("e"):
        return (base, base + "s", base + "d", base[:-1] + "ing")
    if base.endswith("y") and base[-2] not in "aeiou":
        return (base, base[:-1] + "ies", base[:-1] + "ied", base + "ing")
    if base.endswith(("ss", "sh", "ch", "x")):
        return (base, base + "es", base + "ed", base + "ing")
    return (base, base + "s", base + "ed", base + "ing")


def verb_forms(bases: frozenset[str]) -> frozenset[str]:
    return frozenset(form for base in bases for form in inflect(base))


# --------------------------------------------------------------------------- bylines

NEWSROOM_ROLES: frozenset[str] = frozenset(
    {
        "reporter", "correspondent", "editor", "writer", "columnist", "contributor",
        "producer", "journalist", "photographer", "analyst", "staff", "desk", "bureau",
        "chief", "senior", "political", "business", "foreign", "economics", "news",
    }
)  # fmt: skip
"""Words of a byline's role ("Port reporter", "Senior correspondent"): not part of a name."""


# --------------------------------------------------------------------------- other languages
#
# Words are matched on folded tokens (``newsprism.language.rules.words.fold``: lower case,
# Latin accents removed, Arabic diacritics, alef forms and the article/conjunction
# prefixes removed). An entry is one or more tokens separated by spaces; a token ending
# in "*" matches any word it begins. A user word file adds entries to every table here.

FOREIGN_LANGUAGES: dict[str, str] = {
    "es": "Spanish",
    "pt": "Portuguese",
    "fr": "French",
    "de": "German",
    "id": "Indonesian",
    "ar": "Arabic",
}
"""The languages besides English whose figures, dates and names are read."""

FOREIGN_OUTCOMES: dict[str, dict[str, str]] = {
    "es": {
        "muert*": "killed", "muri*": "killed", "fallec*": "killed", "asesinad*": "killed",
        "perdieron la vida": "killed", "perdio la vida": "killed",
        "herido de muerte": "killed", "herida de muerte": "killed",
        "heridos de muerte": "killed", "heridas de muerte": "killed",
        "victimas mortales": "killed", "herid*": "injured", "lesionad*": "injured",
        "detenid*": "arrested", "arrestad*": "arrested", "desaparecid*": "missing",
        "desplazad*": "displaced", "evacuad*": "evacuated", "rescatad*": "rescued",
        "secuestrad*": "abducted", "intoxicad*": "poisoned", "envenenad*": "poisoned",
        "recuperad*": "recovered",
    },
    "pt": {
        "mort*": "killed", "morre*": "killed", "morrer*": "killed", "falec*": "killed",
        "obito*": "killed", "assassinad*": "killed", "perderam a vida": "killed",
        "vitimas mortais": "killed", "ferid*": "injured", "detid*": "arrested",
        "presos": "arrested", "presas": "arrested", "desaparecid*": "missing",
        "desalojad*": "displaced", "deslocad*": "displaced", "evacuad*": "evacuated",
        "resgatad*": "rescued", "sequestrad*": "abducted", "intoxicad*": "poisoned",
        "envenenad*": "poisoned", "recuperad*": "recovered",
    },
    "fr": {
        "mort": "killed", "morts": "killed", "morte": "killed", "mortes": "killed",
        "tue": "killed", "tues": "killed", "tuee": "killed", "tuees": "killed",
        "deced*": "killed", "peri": "killed", "perirent": "killed",
        "mortellement blesse*": "killed",
        "bless*": "injured", "hospitalise*": "injured", "arretes": "arrested",
        "arretees": "arrested", "interpell*": "arrested", "disparu*": "missing",
        "deplace*": "displaced", "evacu*": "evacuated", "secouru*": "rescued",
        "enleve*": "abducted", "otages": "abducted", "intoxique*": "poisoned",
        "empoisonne*": "poisoned", "retrouve*": "recovered", "recupere*": "recovered",
    },
    "de": {
        "tote": "killed", "toten": "killed", "tot": "killed", "getotet*": "killed",
        "starb*": "killed", "gestorben": "killed", "todesopfer*": "killed",
        "ums leben": "killed", "verletzt*": "injured", "verwundet*": "injured",
        "festgenommen": "arrested", "verhaftet*": "arrested", "vermisst*": "missing",
        "vertrieben*": "displaced", "evakuiert*": "evacuated", "gerettet*": "rescued",
        "entfuhrt*": "abducted", "vergiftet*": "poisoned", "geborgen": "recovered",
        "gefunden": "recovered",
    },
    "id": {
        "tewas": "killed", "menewaskan": "killed", "meninggal": "killed",
        "meninggal dunia": "killed", "korban jiwa": "killed", "terbunuh": "killed",
        "korban tewas": "killed", "luka*": "injured", "terluka": "injured",
        "cedera": "injured", "ditangkap": "arrested", "ditahan": "arrested",
        "hilang": "missing", "mengungsi": "displaced", "dievakuasi": "evacuated",
        "diselamatkan": "rescued", "diculik": "abducted", "keracunan": "poisoned",
    },
    "ar": {
        "قتيل*": "killed", "قتلى": "killed", "قتل*": "killed", "مقتل": "killed",
        "حتف*": "killed", "وفاه": "killed", "توفي*": "killed", "مصرع": "killed",
        "جريح*": "injured", "جرحى": "injured", "اصاب*": "injured", "اصيب*": "injured",
        "مصاب*": "injured", "جروح": "injured", "اعتقال": "arrested", "اعتقل*": "arrested",
        "معتقل*": "arrested", "مفقود*": "missing", "نازح*": "displaced", "نزوح": "displaced",
        "مختطف*": "abducted", "خطف*": "abducted", "نزح*": "displaced", "ونزح*": "displaced",
        "انقذ*": "rescued", "وانقذ*": "rescued", "انقاذ": "rescued", "تسمم*": "poisoned",
        "وتسمم*": "poisoned", "مسموم*": "poisoned",
        "انتشال": "recovered", "انتشل*": "recovered", "وانتشل*": "recovered",
    },
}  # fmt: skip
"""Outcome words per language to the family of ``OUTCOMES`` they report ("muertos",
"mortos", "tewas", "قتلى" are all "killed"), so a toll in any language fills the same slot."""

FOREIGN_PEOPLE_NOUNS: dict[str, frozenset[str]] = {
    "es": frozenset({"persona*", "civiles", "victimas", "habitantes"}),
    "pt": frozenset({"pessoa*", "civis", "vitimas", "moradores"}),
    "fr": frozenset({"personne*", "civils", "victimes", "habitants"}),
    "de": frozenset({"menschen", "personen", "zivilisten", "opfer", "bewohner"}),
    "id": frozenset({"orang", "warga", "korban", "penduduk"}),
    "ar": frozenset({"شخص*", "اشخاص", "مدني*", "مواطن*"}),
}
"""Nouns that count people without saying which people, per language (``PEOPLE_NOUNS``)."""

FOREIGN_QUALIFIERS: dict[str, dict[str, str]] = {
    "es": {
        "al menos": "at least", "por lo menos": "at least", "mas de": "more than",
        "cerca de": "close to", "casi": "nearly", "unos": "about", "unas": "about",
        "alrededor de": "around", "aproximadamente": "approximately", "hasta": "up to",
        "menos de": "fewer than",
    },
    "pt": {
        "pelo menos": "at least", "ao menos": "at least", "mais de": "more than",
        "cerca de": "about", "quase": "nearly", "aproximadamente": "approximately",
        "ate": "up to", "menos de": "fewer than",
    },
    "fr": {
        "au moins": "at least", "plus de": "more than", "pres de": "close to",
        "environ": "about", "presque": "nearly", "jusqu a": "up to", "moins de": "fewer than",
    },
    "de": {
        "mindestens": "at least", "wenigstens": "at least", "mehr als": "more than",
        "uber": "over", "fast": "nearly", "knapp": "nearly", "etwa": "about",
        "rund": "around", "ungefahr": "about", "bis zu": "up to", "weniger als": "fewer than",
    },
    "id": {
        "sedikitnya": "at least", "setidaknya": "at least", "paling sedikit": "at least",
        "lebih dari": "more than", "hampir": "nearly", "sekitar": "about",
        "kurang dari": "fewer than",
    },
    "ar": {
        "على الاقل": "at least", "ما لا يقل عن": "no fewer than", "اكثر من": "more than",
        "نحو": "about", "حوالي": "about", "قرابه": "nearly", "زهاء": "about",
        "اقل من": "fewer than",
    },
}  # fmt: skip
"""Hedges per language, each to the key of ``QUALIFIERS`` whose range it allows.
Arabic puts "at least" after the number ("84 شخصا على الأقل"); it is looked for there too."""

FOREIGN_UPDATE_WORDS: dict[str, frozenset[str]] = {
    "es": frozenset({"eleva*", "elevo", "ascend*", "ascendi*", "aument*", "revis*",
                     "corrig*", "subio", "balance", "bajo", "rebaj*", "redujo", "reducid*",
                     "descend*", "disminu*"}),
    "pt": frozenset({"eleva*", "elevou", "subiu", "aument*", "revis*", "corrig*", "balanco",
                     "caiu", "baixou", "reduzi*", "diminu*"}),
    "fr": frozenset({"eleve*", "porte", "revu*", "revis*", "augment*", "atteint", "bilan",
                     "baisse*", "reduit*", "diminue*", "recule"}),
    "de": frozenset({"stieg", "gestiegen", "angestiegen", "erhoht*", "korrigiert*",
                     "bilanz"}),
    "id": frozenset({"bertambah", "naik", "meningkat", "direvisi", "merevisi", "revisi",
                     "menjadi"}),
    "ar": frozenset({"ارتفع*", "ارتفاع", "حصيله", "عدل*", "تعدل*", "يعدل*", "انخفض*",
                     "تراجع*"}),
}  # fmt: skip
"""Words that announce a toll changed or name the toll ("the toll rose to"): ``UPDATE_WORDS``."""

FOREIGN_UNITS: dict[str, dict[str, str]] = {
    "es": {"km": "measure", "kilometro*": "measure", "metro*": "measure", "hora*": "duration",
           "dia*": "duration", "semana*": "duration", "mes*": "duration", "ano*": "duration",
           "minuto*": "duration", "por ciento": "percent", "dolar*": "money", "euro*": "money"},
    "pt": {"km": "measure", "quilometro*": "measure", "metro*": "measure", "hora*": "duration",
           "dia*": "duration", "semana*": "duration", "mes*": "duration", "ano*": "duration",
           "minuto*": "duration", "por cento": "percent", "dolar*": "money", "euro*": "money",
           "reais": "money"},
    "fr": {"km": "measure", "kilometre*": "measure", "metre*": "measure", "heure*": "duration",
           "jour*": "duration", "semaine*": "duration", "mois": "duration", "an": "duration",
           "ans": "duration", "annee*": "duration", "minute*": "duration",
           "pour cent": "percent", "dollar*": "money", "euro*": "money"},
    "de": {"km": "measure", "kilometer*": "measure", "meter*": "measure", "stunde*": "duration",
           "tag*": "duration", "woche*": "duration", "monat*": "duration", "jahr*": "duration",
           "minute*": "duration", "prozent": "percent", "dollar*": "money", "euro*": "money"},
    "id": {"km": "measure", "kilometer": "measure", "meter": "measure", "jam": "duration",
           "hari": "duration", "minggu": "duration", "bulan": "duration", "tahun": "duration",
           "menit": "duration", "persen": "percent", "dolar": "money", "rupiah": "money"},
    "ar": {"كم": "measure", "كيلومتر*": "measure", "متر*": "measure", "ساع*": "duration",
           "يوم*": "duration", "ايام": "duration", "اسبوع*": "duration", "شهر*": "duration",
           "عام*": "duration", "سن*": "duration", "دقيق*": "duration", "بالمئه": "percent",
           "في المئه": "percent", "دولار*": "money", "يورو": "money"},
}  # fmt: skip
"""Words after a number that make it something other than a count: "a 84 kilómetros" is
a distance, "17 años" an age or a span of time, never a toll."""

FOREIGN_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "es": ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"),
    "pt": ("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "id": ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"),
    "ar": ("اثنين", "ثلاثاء", "اربعاء", "خميس", "جمعه", "سبت", "احد"),
}
"""Folded weekday names per language, Monday first (``date.weekday()`` order)."""

FOREIGN_WEEKDAY_NUMBERS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "ar": (frozenset({"الاثنين", "الأحد", "الإثنين"}),
           frozenset({"يوم", "ويوم", "ليلة", "صباح", "مساء", "منذ", "حتى", "الماضي"})),
}  # fmt: skip
"""Weekday names that are also number words ("الاثنين" is Monday and "the two", "الأحد"
Sunday and "the one"), and the words before them that make them the day: "منذ يوم
الاثنين" is since Monday, never two dead."""

FOREIGN_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "id": {
        "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
        "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
        "seratus": 100, "seribu": 1000,
    },
    "ar": {
        "واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4,
        "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8,
        "ثماني": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10, "عشرون": 20, "عشرين": 20,
        "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50,
        "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80,
        "تسعون": 90, "تسعين": 90, "مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200,
    },
}  # fmt: skip
"""Number words of the languages ``text2num`` does not read (Spanish, Portuguese, French
and German go through it), by folded form."""

FOREIGN_NUMBER_SCALES: dict[str, dict[str, int]] = {
    "id": {"belas": 10, "puluh": 10, "ratus": 100, "ribu": 1000, "juta": 1_000_000},
    "ar": {"الف": 1000, "الاف": 1000, "مليون": 1_000_000, "ملايين": 1_000_000},
}
"""Indonesian and Arabic scale words: "delapan puluh empat" is 8 x 10 + 4 (``belas``
adds ten: "tiga belas" is 13)."""

FOREIGN_LINK_WORDS: dict[str, frozenset[str]] = {
    "es": frozenset({"resultaron", "resulto", "quedaron", "quedo", "fueron", "fue", "han",
                     "habian", "estan", "siguen", "otros", "otras", "mas", "de", "en"}),
    "pt": frozenset({"ficaram", "ficou", "foram", "foi", "estao", "seguem", "outros",
                     "outras", "mais", "de", "em"}),
    "fr": frozenset({"ont", "sont", "ete", "a", "autres", "de", "d", "en", "se"}),
    "de": frozenset({"wurden", "wurde", "sind", "waren", "haben", "weitere", "andere",
                     "kamen", "von", "in"}),
    "id": frozenset({"yang", "telah", "sudah", "lainnya", "lain", "di", "dan"}),
    "ar": frozenset({"اخرون", "اخرين", "اخر*", "من", "في"}),
}  # fmt: skip
"""Words that follow a number without being what it counts: auxiliaries ("resultaron
heridas", "wurden verletzt"), "others", prepositions. The count is then of people."""

FOREIGN_FROM_TO: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "es": (frozenset({"de"}), frozenset({"a", "hasta"})),
    "pt": (frozenset({"de"}), frozenset({"para", "a"})),
    "fr": (frozenset({"de"}), frozenset({"a"})),
    "de": (frozenset({"von"}), frozenset({"auf"})),
    "id": (frozenset({"dari"}), frozenset({"menjadi"})),
    "ar": (frozenset({"من"}), frozenset({"الى"})),
}
"""The "from" and "to" of "revised from 100 to 84" per language (folded): the figure
after "from" is the one the toll changed from."""

FOREIGN_MONTHS: dict[str, tuple[str, ...]] = {
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "pt": ("janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "fr": ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
           "septembre", "octobre", "novembre", "decembre"),
    "de": ("januar", "februar", "marz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"),
    "id": ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
           "september", "oktober", "november", "desember"),
    "ar": ("يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس",
           "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر"),
}  # fmt: skip
"""Folded month names per language, January first: a date needs one of these, a weekday
or a relative day; ``dateparser`` alone reads "una" and "Die" as dates."""

FOREIGN_RIGHTS_RESERVED: dict[str, tuple[str, ...]] = {
    "es": ("todos los derechos reservados",),
    "pt": ("todos os direitos reservados",),
    "fr": ("tous droits réservés", "tous droits reserves"),
    "de": ("alle rechte vorbehalten",),
    "id": ("hak cipta dilindungi",),
    "ar": ("جميع الحقوق محفوظة",),
}
""""All rights reserved" per language: a footer line holding it is a copyright notice,
not a sentence of the article (clean/rules.py)."""


CREDIT_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("according to", "citing"),
    "es": ("según", "de acuerdo con", "citando a"),
    "pt": ("segundo", "de acordo com", "conforme"),
    "fr": ("selon", "d'après", "citant"),
    "de": ("laut", "nach angaben von", "nach angaben des", "nach angaben der"),
    "id": ("menurut", "kata"),
    "ar": ("بحسب", "حسب", "وفقا لـ", "وفقا ل", "وفق", "نقلا عن"),
}
"""Words after which a sentence names who it credits a figure to ("according to the health
ministry", "selon le ministère", "بحسب وزارة الصحة")."""

CREDIT_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("said", "says", "told", "reported", "announced", "confirmed"),
    "es": ("dijo", "informó", "indicó", "señaló", "confirmó"),
    "pt": ("disse", "informou", "afirmou", "confirmou"),
    "fr": ("a indiqué", "a annoncé", "a déclaré", "a précisé", "a confirmé"),
    "de": ("sagte", "teilte mit", "berichtete"),
    "id": ("mengatakan", "kata"),
    "ar": ("قال", "قالت", "أعلن", "أعلنت", "ذكرت", "ذكر"),
}
"""The verbs of the closing "..., police said." that credit a figure to who comes before
them (English word order; other languages put the speaker after the verb too, so both
sides are tried)."""

OFFICIAL_SOURCE_WORDS: frozenset[str] = frozenset(
    {"police", "sheriff", "officials", "official", "authorities", "authority", "ministry",
     "minister", "department", "coroner", "examiner", "hospital", "hospitals", "government",
     "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "agency", "army",
     "military", "state", "fire", "firefighters", "rescuers", "cross", "crescent", "un",
     "office", "service", "services", "council", "commission", "prosecutor", "prosecutors",
     "county", "city", "federal", "national", "civil", "defence", "defense", "guard",
     "policía", "policia", "ministerio", "autoridades", "gobierno", "gobernador",
     "alcalde", "portavoz", "ejército", "protección", "fiscalía",
     "ministério", "governo", "polícia", "bombeiros",
     "ministère", "autorités", "gouvernement", "préfecture", "gendarmerie", "pompiers",
     "protection", "préfet", "porte-parole", "armée", "parquet",
     "polizei", "ministerium", "behörden", "regierung", "feuerwehr", "sprecher",
     "polisi", "kementerian", "pemerintah", "badan", "bnpb", "basarnas",
     "وزارة", "الشرطة", "السلطات", "الحكومة", "الدفاع", "الهلال", "الصليب", "الجيش",
     "مسؤول", "مسؤولون", "المتحدث", "مستشفى", "الإعلام", "الرسمي", "الرسمية", "وكالة"}
)  # fmt: skip
"""Words that make a credited source an official one ("police", "the health ministry",
"selon les autorités", "بحسب وزارة الصحة"): the story's figure is the latest official
figure, not the latest figure anyone is quoted giving ("the victim's grandmother said")."""

CREDIT_MAX_WORDS = 6
"""A source longer than this is a clause, not a name: left out rather than cut."""


# --------------------------------------------------------------------------- quotes

FOREIGN_SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "es": ("dijo", "dice", "dijeron", "afirmó", "afirma", "afirmaron", "declaró", "declara",
           "aseguró", "asegura", "indicó", "explicó", "señaló", "añadió", "agregó",
           "manifestó", "comentó", "expresó", "escribió", "sostuvo", "advirtió", "informó",
           "anunció", "subrayó", "destacó", "apuntó", "precisó", "reconoció", "insistió",
           "relató", "contó", "gritó", "denunció", "respondió", "sentenció", "enfatizó"),
    "pt": ("disse", "diz", "disseram", "afirmou", "afirma", "declarou", "explicou",
           "acrescentou", "informou", "anunciou", "ressaltou", "destacou", "escreveu",
           "garantiu", "indicou", "salientou", "sublinhou", "comentou", "contou", "relatou",
           "avisou", "alertou", "reconheceu", "respondeu", "frisou"),
    "fr": ("déclaré", "dit", "déclare", "affirmé", "affirme", "indiqué", "indique", "ajouté",
           "ajoute", "souligné", "assuré", "annoncé", "reconnu", "estimé", "précisé",
           "expliqué", "écrit", "lancé", "confié", "martelé", "raconté", "déploré",
           "insisté", "répondu", "averti", "prévenu", "relevé", "témoigné", "dénoncé",
           "réagi", "commenté", "poursuivi", "rappelé", "jugé"),
    "de": ("sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "teilte",
           "schrieb", "meinte", "warnte", "fügte", "berichtete", "hieß", "heißt", "so",
           "sprach", "versicherte", "bestätigte", "kündigte", "räumte", "unterstrich",
           "ergänzte", "äußerte", "erzählte", "rief", "zitiert", "zitierte"),
    "id": ("kata", "katanya", "ujar", "ujarnya", "tutur", "tuturnya", "ungkap", "ungkapnya",
           "jelas", "jelasnya", "mengatakan", "menyatakan", "menegaskan", "menjelaskan",
           "ucap", "ucapnya", "sebut", "imbuh", "imbuhnya", "tegas", "tegasnya",
           "mengungkapkan", "menyebutkan", "menambahkan", "berkata"),
    "ar": ("قال", "قالت", "قالوا", "يقول", "تقول", "أضاف", "أضافت", "أكد", "أكدت", "أوضح",
           "أوضحت", "صرح", "صرحت", "أعلن", "أعلنت", "ذكر", "ذكرت", "تابع", "تابعت",
           "أشار", "أشارت", "كتب", "كتبت", "أفاد", "أفادت", "اعتبر", "شدد", "شددت"),
}  # fmt: skip
"""Verbs that hand quoted words to a speaker, per language, as written (matched folded:
"déclaré", "declare" and "a déclaré" are one). The speaker is the name beside the verb:
after it in the inverted order of "…», a déclaré le maire" / "…“, sagte Müller", before
it in "Müller sagte: „…“"."""

FOREIGN_QUOTE_CREDITS: dict[str, tuple[str, ...]] = {
    lang: tuple(w for w in words if " " not in w) for lang, words in CREDIT_BEFORE.items()
}
"""One-word "according to" of each language ("selon", "laut", "menurut"): a name after
it is a quote's speaker too ("…», selon le maire")."""

FOREIGN_SPEAKER_DETERMINERS: dict[str, tuple[str, ...]] = {
    "es": ("el", "la", "los", "las", "un", "una", "unos", "unas", "su", "sus"),
    "pt": ("o", "a", "os", "as", "um", "uma", "seu", "sua"),
    "fr": ("le", "la", "les", "l", "un", "une", "des", "son", "sa", "ses"),
    "de": ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines"),
    "id": ("seorang", "para", "sang", "pihak"),
}  # fmt: skip
"""Words a speaker written without a name opens with ("un agent", "el alcalde", "der
Sprecher", "seorang warga"): after a speech verb, words that open otherwise ("à la
presse", "que le", "après le verdict") are no speaker. Arabic, with its article written
onto the noun, has none: its description is the words after the verb."""


# --------------------------------------------------------------------------- actor labels
#
# The words an outlet puts around a name to say who the actor is ("l'ancien président
# Anders Brandt", "Anders Brandt, expresidente de Velmora,"), read by rule in the
# languages without a parser (``newsprism.language.rules.labels``). Entries are folded
# (lower case, no accents).

LABEL_DETERMINERS: dict[str, frozenset[str]] = {
    "fr": frozenset({"le", "la", "les", "l", "un", "une", "ce", "cet", "cette", "son", "sa",
                     "ses", "leur", "du", "des", "au", "aux"}),
    "es": frozenset({"el", "la", "los", "las", "un", "una", "este", "esta", "su", "sus",
                     "al", "del"}),
    "pt": frozenset({"o", "a", "os", "as", "um", "uma", "seu", "sua", "do", "da", "dos",
                     "das", "ao", "no", "na"}),
    "de": frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer",
                     "einem", "einen", "eines", "sein", "seine", "ihr", "ihre"}),
    "id": frozenset({"sang", "si", "para"}),
}  # fmt: skip
"""Articles and determiners that open the noun phrase of a label."""

LABEL_COMPLEMENT_DETERMINERS: dict[str, frozenset[str]] = {
    "fr": frozenset({"du", "des", "au", "aux"}),
    "es": frozenset({"del"}),
    "pt": frozenset({"do", "da", "dos", "das", "no", "na"}),
    "de": frozenset(),
    "id": frozenset(),
}
"""Determiners fused with a preposition ("du" is "de le"): the phrase they open is the
complement of a larger one ("l'avocat du magnat de l'immobilier Michael Cohen": the
magnate is not Michael Cohen), so it is never a label of the name after it."""

LABEL_OF_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({"de", "d"}),
    "es": frozenset({"de"}),
    "pt": frozenset({"de"}),
    "de": frozenset({"von"}),
    "id": frozenset(),
}
"""Prepositions that join a complement ("ministre de la Défense"): a phrase opened right
after one is a complement, and a label never ends on one."""

LABEL_TITLE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"president", "chief", "leader", "boss", "head", "minister", "governor",
                     "gov", "founder", "spokesman", "spokeswoman", "spokesperson",
                     "secretary", "director", "general", "mayor", "judge", "prosecutor",
                     "senator", "king", "queen", "prince", "commander", "chairman",
                     "candidate", "nominee", "official", "officer", "lawyer", "owner",
                     "ayatollah", "businessman", "tycoon", "cleric", "premier",
                     "chancellor", "ambassador", "envoy", "adviser", "advisor"}),
    "fr": frozenset({"president", "presidente", "chef", "patron", "dirigeant", "leader",
                     "ministre", "gouverneur", "candidat", "candidate", "milliardaire",
                     "magnat", "fondateur", "porte-parole", "secretaire", "directeur",
                     "general", "maire", "prefet", "juge", "procureur", "senateur",
                     "depute", "roi", "reine", "prince", "ayatollah", "commandant",
                     "porte-conteneurs", "navire", "cargo",
                     "guide", "souverain", "monarque", "opposant", "avocat"}),
    "es": frozenset({"presidente", "presidenta", "jefe", "jefa", "lider", "dirigente",
                     "ministro", "ministra", "gobernador", "gobernadora", "candidato",
                     "candidata", "magnate", "millonario", "fundador", "portavoz",
                     "secretario", "director", "alcalde", "juez", "fiscal", "senador",
                     "diputado", "rey", "reina", "principe", "ayatola", "ayatolá",
                     "comandante", "mandatario", "buque", "barco", "carguero",
                     "portacontenedores", "empresario", "abogado", "opositor"}),
    "pt": frozenset({"presidente", "chefe", "lider", "dirigente", "ministro", "ministra",
                     "governador", "governadora", "candidato", "magnata", "fundador",
                     "porta-voz", "secretario", "diretor", "prefeito", "juiz",
                     "procurador", "senador", "deputado", "rei", "navio", "cargueiro",
                     "empresario", "advogado"}),
    "de": frozenset({"prasident", "prasidentin", "chef", "chefin", "boss", "anfuhrer",
                     "fuhrer", "leiter", "grunder", "minister", "ministerin", "gouverneur",
                     "kandidat", "kandidatin", "milliardar", "unternehmer", "sprecher",
                     "sprecherin", "direktor", "burgermeister", "richter", "staatsanwalt",
                     "senator", "abgeordnete", "konig", "prinz", "ajatollah",
                     "kommandeur", "kanzler", "schiff", "frachter", "oberhaupt",
                     "anwalt", "geschaftsmann"}),
    "id": frozenset({"presiden", "menteri", "calon", "ketua", "pemimpin", "gubernur",
                     "jenderal", "kandidat", "capres", "panglima", "pengusaha"}),
}  # fmt: skip
"""Role nouns a label is built on. A word is one when it ends in an entry, so German
compounds ("Söldnerchef", "US-Präsident") and prefixed forms ("expresidente",
"ex-président") count too."""

LABEL_TITLE_ENDINGS: tuple[str, ...] = ("", "s", "es", "en", "n", "e", "in", "innen", "a", "as")
"""Plural and feminine endings a title word may carry ("Chefs", "Präsidenten")."""

LABEL_BREAK_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({"que", "qui", "et", "ou", "a", "est", "sont", "ont", "ete", "dont",
                     "mais", "avait", "etait", "sera", "selon", "avec", "pour", "par",
                     "sur", "dans", "contre"}),
    "es": frozenset({"que", "quien", "y", "o", "ha", "es", "son", "fue", "han", "cuando",
                     "donde", "era", "sera", "segun", "con", "para", "por", "en", "sobre", "a",
                     "ante", "contra"}),
    "pt": frozenset({"que", "quem", "e", "ou", "foi", "tem", "ha", "era", "sera",
                     "segundo", "com", "para", "por", "em", "sobre"}),
    "de": frozenset({"und", "oder", "ist", "hat", "war", "wurde", "wird", "dass", "sind",
                     "haben", "soll", "sei", "mit", "fur", "bei", "nach", "laut", "auf",
                     "im", "in", "am", "an"}),
    "id": frozenset({"yang", "dan", "adalah", "atau", "di", "ke", "dari", "untuk",
                     "dengan", "pada"}),
}  # fmt: skip
"""Words a label never holds: conjunctions, relatives, verbs of being, prepositions of
place and time (a clause or an adverbial, not a description)."""

LABEL_COPULAS: dict[str, frozenset[str]] = {
    "fr": frozenset({"est", "etait"}),
    "es": frozenset({"es", "era", "fue"}),
    "pt": frozenset({"e", "era", "foi"}),
    "de": frozenset({"ist", "war"}),
    "id": frozenset({"adalah", "merupakan"}),
}
"""The verb of "NAME is a ...", whose predicate is a label."""

HONORIFICS: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "miss", "mister", "dr", "sir", "madam", "dame", "lord", "m", "mme",
     "mlle", "sr", "sra", "srta", "don", "dona", "herr", "frau", "bapak", "pak", "ibu", "bu"}
)  # fmt: skip
"""Forms of address: no description of who the actor is."""

BODY_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"ministry"}),
    "fr": frozenset({"ministere"}),
    "es": frozenset({"ministerio"}),
    "pt": frozenset({"ministerio"}),
    "de": frozenset({"ministerium"}),
    "id": frozenset({"kementerian"}),
    "ar": frozenset({"وزاره"}),
}
"""The noun of a government body named by its portfolio ("the Interior Ministry",
"le ministère de l'Intérieur", "وزارة الداخلية"); folded. German writes the portfolio
onto it ("Innenministerium")."""

PORTFOLIOS: dict[str, dict[str, frozenset[str]]] = {
    "interior": {"en": frozenset({"interior", "home"}), "fr": frozenset({"interieur"}),
                 "es": frozenset({"interior"}), "pt": frozenset({"interior"}),
                 "de": frozenset({"innern", "inneres", "innen"}),
                 "id": frozenset({"dalam"}), "ar": frozenset({"الداخليه", "داخليه"})},
    "health": {"en": frozenset({"health"}), "fr": frozenset({"sante"}),
               "es": frozenset({"salud", "sanidad"}), "pt": frozenset({"saude"}),
               "de": frozenset({"gesundheit", "gesundheits"}),
               "id": frozenset({"kesehatan"}), "ar": frozenset({"الصحه", "صحه"})},
    "defence": {"en": frozenset({"defence", "defense"}), "fr": frozenset({"defense"}),
                "es": frozenset({"defensa"}), "pt": frozenset({"defesa"}),
                "de": frozenset({"verteidigung", "verteidigungs"}),
                "id": frozenset({"pertahanan"}), "ar": frozenset({"الدفاع", "دفاع"})},
    "foreign": {"en": frozenset({"foreign"}), "fr": frozenset({"etrangeres"}),
                "es": frozenset({"exteriores"}), "pt": frozenset({"estrangeiros", "exteriores"}),
                "de": frozenset({"aussen", "auswartige", "auswartigen"}),
                "id": frozenset({"luar"}), "ar": frozenset({"الخارجيه", "خارجيه"})},
    "finance": {"en": frozenset({"finance", "treasury"}), "fr": frozenset({"finances"}),
                "es": frozenset({"hacienda", "finanzas"}), "pt": frozenset({"fazenda", "financas"}),
                "de": frozenset({"finanzen", "finanz"}),
                "id": frozenset({"keuangan"}), "ar": frozenset({"الماليه", "ماليه"})},
    "justice": {"en": frozenset({"justice"}), "fr": frozenset({"justice"}),
                "es": frozenset({"justicia"}), "pt": frozenset({"justica"}),
                "de": frozenset({"justiz"}), "id": frozenset({"hukum"}),
                "ar": frozenset({"العدل", "عدل"})},
}  # fmt: skip
"""A ministry's portfolio in each language, so that one ministry written in five
languages is one actor of the framing table; folded."""

BODY_REACH = 4
"""How many words may stand between a body noun and its portfolio ("Ministerio marroquí
del Interior")."""
