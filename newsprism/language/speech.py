"""Reporting verbs and the words that stand for an earlier-named speaker.

Verbs are listed by written form (the pipeline runs without a lemmatizer), built
from base forms with English inflection rules plus the irregular ones.
"""

from __future__ import annotations

_REGULAR = (
    "state",
    "caution",
    "emphasize",
    "emphasise",
    "assert",
    "add",
    "warn",
    "stress",
    "note",
    "insist",
    "claim",
    "announce",
    "declare",
    "explain",
    "urge",
    "argue",
    "confirm",
    "deny",
    "reply",
    "respond",
    "remark",
    "comment",
    "observe",
    "point",
    "affirm",
    "maintain",
    "allege",
    "acknowledge",
    "report",
    "tweet",
    "post",
    "vow",
    "pledge",
    "promise",
    "threaten",
    "demand",
    "ask",
    "answer",
    "conclude",
    "recall",
    "suggest",
    "predict",
    "describe",
)
_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "read": ("read", "reads", "reading"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
    "admit": ("admit", "admits", "admitted", "admitting"),
}


def inflect(base: str) -> tuple[str, ...]:
    if base.endswith("e"):
        return (base, base + "s", base + "d", base[:-1] + "ing")
    if base.endswith("y") and base[-2] not in "aeiou":
        return (base, base[:-1] + "ies", base[:-1] + "ied", base + "ing")
    if base.endswith(("ss", "sh", "ch", "x")):
        return (base, base + "es", base + "ed", base + "ing")
    return (base, base + "s", base + "ed", base + "ing")


SPEECH_FORMS: frozenset[str] = frozenset(
    form for base in _REGULAR for form in inflect(base)
) | frozenset(form for forms in _IRREGULAR.values() for form in forms)

# Verbs that report speech but also commonly mean something else; they count only when a
# quote or a that-clause hangs on them.
WEAK_FORMS: frozenset[str] = frozenset(
    inflect("maintain")
    + inflect("point")
    + inflect("post")
    + inflect("report")
    + inflect("describe")
    + inflect("observe")
    + inflect("ask")
    + ("read", "reads", "reading")
)

PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "him", "her", "it", "we"})

# What a pronoun says about the person it stands for: "f" or "m". Possessives and
# reflexives count as evidence about a person named before them, not only subjects.
PRONOUN_GENDER: dict[str, str] = {
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
}

# Courtesy titles written before a name; a job title ("Minister") says nothing of gender.
TITLE_GENDER: dict[str, str] = {
    "mr": "m",
    "mister": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "mme": "f",
    "dame": "f",
    "lady": "f",
}

# Nouns that refer back to a person already named ("the spokesperson said").
ROLE_NOUNS: frozenset[str] = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "minister",
        "president",
        "leader",
        "commander",
        "envoy",
        "ambassador",
        "diplomat",
        "premier",
        "secretary",
        "general",
        "chief",
        "source",
        "officer",
        "adviser",
        "advisor",
        "director",
        "lawmaker",
        "senator",
        "governor",
        "mayor",
    }
)
