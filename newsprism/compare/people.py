"""Which common nouns in a story name people or groups of people, and their labels.

Outlets frame an actor mostly through plain plural nouns ("rioters", "protesters",
"striking dockworkers"), so framing needs those as candidates; but most plural nouns
name things ("flares", "vessels", "talks"), and embeddings cannot tell the two apart.
The grammar can: people are the ones who say, vote and attack, who are arrested and
dispersed, who clash with the police, and who are picked up by "who". A noun that
shows this anywhere in the story is a people-noun everywhere in it, so one outlet's
clear sentence decides for another's ambiguous one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsprism.lexicon import REPORTING_VERBS
from newsprism.model import Span

# Verbs whose subject is a person or a group of people.
AGENT_VERBS = {
    "say", "tell", "vote", "accuse", "dispute", "deny", "claim", "warn", "demand", "protest",
    "march", "chant", "riot", "loot", "attack", "throw", "hurl", "storm", "gather", "try",
    "walk", "strike", "shout", "flee", "urge", "announce", "vow", "insist", "argue",
    "complain", "agree", "refuse", "want", "decide", "threaten", "negotiate", "clash",
    "block", "occupy", "picket", "rally", "boo", "cheer", "break", "burn", "smash",
}  # fmt: skip
# Verbs whose object (or passive subject) is a person or a group of people.
PATIENT_VERBS = {
    "arrest", "detain", "injure", "wound", "kill", "disperse", "evacuate", "hurt", "jail",
    "rescue", "release", "free", "interrogate", "sentence", "charge", "treat", "shoot",
    "beat", "kidnap", "deport", "clash", "tear-gas", "fine", "prosecute",
}  # fmt: skip
# Nouns too general to frame anyone: they count victims, not name a side; quantity
# words ("scores of mourners", "a handful of") count people, never are an actor.
GENERIC = {"people", "person", "man", "woman", "child", "other", "one", "everyone", "thousand",
           "dozen", "hundred", "some", "many", "score", "million", "handful", "lot", "number",
           "couple", "tens"}  # fmt: skip
# Nouns that say what part people play in the event or which institution speaks for
# them, in words no outlet chooses to judge them by: a row of "passengers" and "senior
# officials", or of "authorities" and "Iranian authorities", shows how the story is
# told, not how anyone is framed. Evaluative nouns ("looters", "rioters", "militants",
# "regime") are not here, and a row holding one of them stays.
DESCRIPTIVE_ROLES = frozenset({
    "passenger", "official", "authority", "media", "medium", "police", "agency", "worker",
    "crew", "member", "pilot", "staff", "team", "rescuer", "responder", "firefighter",
    "employee", "relative", "family", "survivor", "witness", "channel", "investigator",
    "expert", "analyst", "reporter", "journalist", "source", "spokesperson", "doctor",
    "volunteer", "soldier", "troop", "officer", "personnel", "student", "voter",
    "supporter", "candidate", "lawyer", "juror", "prosecutor", "judge", "neighbour",
    "neighbor", "victim", "resident", "people", "person", "government", "ministry",
})  # fmt: skip
_RELATIVE_WHO = {"who", "whom", "whose"}
_LEADING_SKIP = {"det", "poss", "case", "predet", "nummod", "punct", "quantmod"}
_QUANTIFIERS = {"several", "many", "some", "few", "numerous", "dozens", "hundreds",
                "thousands", "all", "both", "most", "other", "such"}  # fmt: skip


@dataclass(slots=True)
class PeopleLabel:
    article: str
    span: Span
    head: str  # lemma of the head noun
    token: int  # index of the head token in the article's Doc
    against: frozenset[str] = frozenset()  # people-nouns it faces or is coordinated with
    speaker: bool = False  # subject of a verb of saying ("witnesses said")


def _after_word(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].is_alpha


def _candidate(tok: Token) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("PERSON", "GPE", "LOC", "DATE"):
        return False
    if tok.text[:1].isupper() and not tok.is_sent_start and _after_word(tok):
        return False  # a capitalised word mid-sentence is a name ("Vells said")
    lemma = tok.lemma_.lower()
    return tok.tag_ == "NNS" and lemma not in GENERIC and tok.is_alpha


def _evidence_of_people(tok: Token, known: set[str]) -> bool:
    """True when this occurrence acts, suffers or is coordinated like a person."""
    head, dep = tok.head, tok.dep_
    hl = head.lemma_.lower()
    if dep == "nsubj" and hl in AGENT_VERBS:
        return True
    if dep in ("dobj", "nsubjpass") and hl in PATIENT_VERBS:
        return True
    if (
        dep == "pobj"
        and head.lower_ in ("between", "with")
        and head.head.lemma_.lower()
        in (
            "clash",
            "clashes",
            "fight",
            "scuffle",
            "confrontation",
        )
    ):
        return True
    for child in tok.children:
        if child.dep_ == "relcl" and any(c.lower_ in _RELATIVE_WHO for c in child.children):
            return True
    siblings = [c for c in tok.children if c.dep_ == "conj"]
    if dep == "conj":
        siblings.append(head)
    return any(
        s.lemma_.lower() in known or s.ent_type_ in ("PERSON", "NORP", "ORG") for s in siblings
    )


def people_nouns(docs: Mapping[str, Doc], extra: Iterable[str] = ()) -> set[str]:
    """Lemmas that name people somewhere in the story; two passes let conjuncts spread it."""
    known = {w.lower() for w in extra}
    for _ in range(2):
        for doc in docs.values():
            for tok in doc:
                if _candidate(tok) and _evidence_of_people(tok, known):
                    known.add(tok.lemma_.lower())
    return known


def _label_span(tok: Token) -> Span:
    """The noun phrase of a people-noun without determiners, counts and quantifiers."""
    doc, first = tok.doc, tok.i
    while first > 0:
        prev = doc[first - 1]
        if prev.like_num or prev.lower_ in _QUANTIFIERS or prev.dep_ in _LEADING_SKIP:
            break
        if prev.dep_ not in ("amod", "compound", "nmod", "hyph", "npadvmod", "advmod"):
            break
        if not first - 1 < prev.head.i <= tok.i:
            break
        first -= 1
    while first < tok.i and not doc[first].is_alpha:
        first += 1
    return doc[first].idx, tok.idx + len(tok)


def _with_compounds(toks: Iterable[Token]) -> Iterable[Token]:
    for t in toks:
        yield t  # "police lines": the police are the ones attacked
        yield from (c for c in t.children if c.dep_ == "compound")


def counterparts(tok: Token, known: set[str]) -> frozenset[str]:
    """People-nouns this one is paired with: "police and protesters", "clashed with police".

    Two outlets that each set a different name against the same other side (the
    police) are naming one actor.
    """
    near: list[Token] = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj":
        near.append(tok.head)
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if tok.dep_ in ("nsubj", "dobj", "nsubjpass", "pobj") and verb.pos_ in ("VERB", "NOUN"):
        for c in verb.children:
            if c.dep_ in ("nsubj", "dobj", "nsubjpass", "agent") and c != tok:
                near.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("with", "against", "at", "by"):
                near.extend(p for p in c.children if p.dep_ == "pobj" and p != tok)
    lemma = tok.lemma_.lower()
    return frozenset(
        t.lemma_.lower()
        for t in _with_compounds(near)
        if t.lemma_.lower() in known and t.lemma_.lower() != lemma
    )


def people_labels(article: str, doc: Doc, known: set[str]) -> list[PeopleLabel]:
    """Every occurrence of a people-noun in one article, as a label span."""
    out = []
    for tok in doc:
        if _candidate(tok) and tok.lemma_.lower() in known:
            out.append(
                PeopleLabel(
                    article,
                    _label_span(tok),
                    tok.lemma_.lower(),
                    tok.i,
                    counterparts(tok, known),
                    tok.dep_ == "nsubj" and tok.head.lemma_.lower() in REPORTING_VERBS,
                )
            )
    return out
