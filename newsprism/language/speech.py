"""Which words report speech, and the words that stand for an earlier-named speaker.

The reporting verbs themselves are listed once, by base form, in ``newsprism.lexicon``;
a token reports speech when its lemma is one of them (the pipeline keeps its
lemmatizer), or, should the lemmatizer miss an inflection, its written form is one of
the forms ``lexicon.inflect`` builds.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsprism.lexicon import QUOTING_VERBS, REPORTING_VERBS, WEAK_REPORTING_VERBS, verb_forms

SPEECH_FORMS: frozenset[str] = verb_forms(REPORTING_VERBS)
"""Written forms of the reporting verbs, for text read without a parse."""
WEAK_FORMS: frozenset[str] = verb_forms(WEAK_REPORTING_VERBS)
QUOTING_FORMS: frozenset[str] = verb_forms(QUOTING_VERBS)


def _base(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return lemma if lemma in REPORTING_VERBS else ""


def reports_speech(tok: Token) -> bool:
    """A verb token that reports speech ("said", "has warned", "tweeting")."""
    if not tok.tag_.startswith("VB"):
        return False
    return bool(_base(tok)) or tok.lower_ in SPEECH_FORMS


def quotes_speech(tok: Token) -> bool:
    """A verb that reports speech only beside a quotation ("snapped", "continued")."""
    if not tok.tag_.startswith("VB"):
        return False
    return tok.lemma_.lower() in QUOTING_VERBS or tok.lower_ in QUOTING_FORMS


def weak_report(tok: Token) -> bool:
    """A reporting verb that often means something else ("pointed", "added")."""
    return (_base(tok) or tok.lower_) in WEAK_REPORTING_VERBS or tok.lower_ in WEAK_FORMS


# Nouns that make the name before them a place ("the Velmora region", "Tarsk province"):
# the model reads such a name as a person now and then, and a place says nothing.
PLACE_NOUNS: frozenset[str] = frozenset(
    {"region", "province", "city", "district", "state", "county", "village", "town",
     "area", "country", "capital", "desert", "mountains", "valley", "island", "coast",
     "border", "oblast", "governorate", "prefecture", "municipality", "neighbourhood",
     "neighborhood", "department", "territory", "peninsula", "river", "lake", "sea"}
)  # fmt: skip
_DASHES = frozenset({"-", "–", "—", "‐"})


def names_place(doc: Doc, start: int, end: int) -> bool:
    """The name at these document offsets is a place's: it modifies the place noun
    right after it ("the Velmora region")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.lower_ in PLACE_NOUNS and span.root.head.i == nxt.i


def after_dateline(tokens: Sequence[Token]) -> list[Token]:
    """A phrase without the dateline the parse joined to it: in "ALBAWABA - Iranian
    media said", "JAKARTA (Reuters) – Officials said", the words before the dash at the
    start of a paragraph are where and by whom the page was filed, never who spoke."""
    out = list(tokens)
    for k, tok in enumerate(out):
        if tok.text in _DASHES and tok.whitespace_ and k > 0 and out[k - 1].whitespace_:
            lead = out[:k]
            first = lead[0]
            starts = first.i == 0 or "\n" in first.doc[first.i - 1].text_with_ws
            if starts and all(not t.is_alpha or t.text[:1].isupper() for t in lead):
                return out[k + 1 :]
    return out


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
