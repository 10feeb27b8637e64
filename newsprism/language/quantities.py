"""Numbers in the text with what they count, how hedged they are, and where/when.

"900 troops in Syria and 2,500 in Iraq": the second number has no noun of its own;
it takes the noun of the number before it in the sentence, and its ``noun_span``
then points back at that earlier noun (``noun_span`` before ``span`` means carried).

Counts written as words are read too, so outlets that write "a dozen" and "12" can be
compared: "a dozen" is 12 and "half a dozen" 6 (the article is part of the span), while
"dozens of", "scores of", "hundreds of", "thousands of" and "tens of thousands of" have
no single value: ``value`` is None and ``qualifier`` carries the plural, which the
comparison reads as a lower-bound range ("dozens" is at least 24).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsprism.lexicon import (
    AGE_WORDS,
    CURRENCY_WORDS,
    DURATION_NOUNS,
    EVENT_NOUNS,
    MEASURE_BEFORE,
    MEASURE_UNITS,
    MONTHS,
    NUMBER_WORDS,
    ONE_PERSON_NOUNS,
    OUTCOMES,
    PEOPLE_NOUNS,
    PERCENT_WORDS,
    QUALIFIERS,
    SCALES,
    UPDATE_WORDS,
    VAGUE_COUNTS,
)
from newsprism.model import Mention, Quantity, QuantityKind, TimeExpression
from newsprism.model import Span as Span_

# Plural counts with no single value ("dozens of dockers"); "scores" only before "of",
# since alone it is more often a test score than a count. "tens" starts "tens of thousands".
_VAGUE = frozenset({w for phrase in VAGUE_COUNTS for w in phrase.split() if w != "of"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# "2.310", "14.205": a dot grouping thousands, as Spanish, German or Portuguese write them
# and translations into English keep; counts of people come whole, and English writes
# no figure to three decimals, so these are thousands (not before "million": "1.25 million")
_DOT_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+$")
_LOOKALIKE = re.compile(r"[0-9OoIl]*\d[0-9OoIl]*")
_LITRES = re.compile(r"\d+l")


def digit_letter_typo(token: str) -> bool:
    """Whether a word is a figure typed with letters that look like digits: "1O0", "2OO",
    "1l0". Read as a number it would be a smaller one ("1"), so it is flagged instead,
    in every language. "5l" (litres), "1st", "A4" and "COVID19" are no such typo."""
    word = token.strip(".,;:!?()[]«»“”\"'")
    if not _LOOKALIKE.fullmatch(word) or word.isdigit() or _LITRES.fullmatch(word):
        return False
    return any(c.isdigit() for c in word)


def typo_quantities(text: str, sentences: Sequence[Span_], offset: int = 0) -> list[Quantity]:
    """A ``typo`` quantity for every digit-letter figure of ``text``, so the annotations
    show it (and why it was not read) and no reader takes its leading digit as a count."""
    out = []
    for m in re.finditer(r"\S+", text):
        if not digit_letter_typo(m.group()):
            continue
        word = m.group().strip(".,;:!?()[]«»“”\"'")
        start = m.start() + m.group().index(word)
        span = (start + offset, start + len(word) + offset)
        sentence = next((s for s in sentences if s[0] <= span[0] < s[1]), None)
        out.append(Quantity(span=span, text=word, value=None, sentence=sentence, kind="typo"))
    return out


# Hedges written before the number, longest first ("just over" before "over");
# "or so" follows the number and is read after it.
_QUALIFIERS = tuple(
    sorted((tuple(q.split()) for q in QUALIFIERS if q != "or so"), key=len, reverse=True)
)
# Nouns that name a part of something; their "of" phrase says what is counted
# ("16 members of their forces").
_RELATIONAL = frozenset(
    [
        "member",
        "members",
        "part",
        "parts",
        "group",
        "groups",
        "unit",
        "units",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "scores",
        "number",
        "numbers",
        "kind",
        "kinds",
        "type",
        "types",
        "piece",
        "pieces",
    ]
)
# Nouns that stand for the noun counted just before ("16 killed and 36 others wounded").
_ANAPHORIC = frozenset({"others", "more", "other"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "LAW", "WORK_OF_ART"})
_PLACE_PREPS = frozenset({"in", "at", "from", "near", "across", "inside", "into"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NOT_PLACES = frozenset({"PERSON", "ORG", "NORP", "GROUP"})  # "a commander from Kataib Hezbollah"
_SUBJECT_OBJECT = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})


def number_value(words: Sequence[str]) -> float | None:
    """Value of "2,500", "2.5 million", "three", "twenty - five", "two hundred"."""
    total = 0.0
    current = 0.0
    seen = False
    scaled = any(w.lower() in SCALES for w in words)
    for raw in words:
        word = raw.lower()
        if word in ("-", "and"):
            continue
        if not scaled and _DOT_THOUSANDS.match(word):
            current += float(word.replace(".", ""))  # "2.310 killed": a translated 2,310
        elif _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word in SCALES:
            current = max(current, 1.0) * SCALES[word]
            if SCALES[word] >= 1000:
                total += current
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _is_number(tok: Token) -> bool:
    low = tok.lower_
    return (
        bool(_DIGITS.match(low) or _DOT_THOUSANDS.match(low))
        or low in NUMBER_WORDS
        or low in SCALES
    )


def _skip(tok: Token, doc: Doc) -> bool:
    """Years, days of the month, parts of names and "one of ..." are not counts."""
    low = tok.lower_
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if _YEAR.match(low) and not (nxt is not None and nxt.tag_ == "NNS"):  # "2000 troops"
        return True
    near = [doc[i].lower_.rstrip(".") for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    if _DIGITS.match(low) and any(w in MONTHS for w in near):
        return True
    if tok.ent_type_ in _NAME_LABELS:
        return True
    if tok.ent_type_ in ("TIME",) or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":"):
        return True
    following = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    if low == "one" and following == "of":
        return not _part_of_a_count(tok)  # "one of the most ..." is no count
    return low == "one" and following == "another"


def _part_of_a_count(tok: Token) -> bool:
    """ "one of the three people killed", "one of the dead": a part of a stated count."""
    part, obj = _partitive(tok)
    if not part or obj is None:
        return False
    if obj.lower_ in _PEOPLE_PRONOUNS | {"them", "those"}:
        return True  # "one of them died": one of the people just named
    words = list(obj.subtree)
    return any(_outcome_of(w) or w.lemma_ in PEOPLE_NOUNS for w in words)


def _groups(doc: Doc) -> list[list[Token]]:
    """Number tokens, with the words of one number kept together ("2.5 million",
    "two hundred", "twenty-five")."""
    out: list[list[Token]] = []
    for tok in doc:
        if not _is_number(tok) or _skip(tok, doc):
            continue
        prev = out[-1][-1] if out else None
        if prev is not None and _continues(prev, tok):
            out[-1].append(tok)
        else:
            out.append([tok])
    return out


def _continues(prev: Token, tok: Token) -> bool:
    if prev.i == tok.i - 1:
        return tok.lower_ in SCALES or (prev.lower_ in NUMBER_WORDS and tok.lower_ in NUMBER_WORDS)
    hyphen = prev.i == tok.i - 2 and prev.doc[tok.i - 1].text == "-"
    return hyphen and prev.lower_ in NUMBER_WORDS and tok.lower_ in NUMBER_WORDS


def _qualifier(doc: Doc, first: Token) -> tuple[str | None, int]:
    for words in _QUALIFIERS:
        start = first.i - len(words)
        if start < 0:
            continue
        if tuple(t.lower_ for t in doc[start : first.i]) == words:
            return " ".join(words), doc[start].idx
    return None, first.idx


def _noun_phrase(noun: Token) -> tuple[int, int]:
    """The counted noun with its compounds ("service members") and, for a relational
    noun, its "of" phrase ("members of their forces")."""
    left = noun
    while (
        left.i > 0
        and left.doc[left.i - 1].dep_ == "compound"
        and left.doc[left.i - 1].head == noun
        and not _is_number(left.doc[left.i - 1])  # "two dozen boats": "dozen" is the count
    ):
        left = left.doc[left.i - 1]
    end = noun.idx + len(noun)
    if noun.lower_ in _RELATIONAL:
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                last = list(child.subtree)[-1]
                end = last.idx + len(last)
                break
    return left.idx, end


def _counted(group: list[Token]) -> Token | None:
    last = group[-1]
    tok = last
    while tok.dep_ in ("compound", "quantmod") and tok.head.i != tok.i and _is_number(tok.head):
        tok = tok.head
    if tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN", "PRON") and tok.head.i > tok.i:
        noun = tok.head
        # "two sheriff's deputies": the number sits on the owner; the deputies are counted
        if noun.dep_ == "poss" and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
            return noun.head
        return noun
    for child in tok.rights:  # "three of its service members"
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN",) and nxt.tag_ in ("NNS", "NN"):
        return nxt
    return None


def _place(tokens: list[Token], mentions: Sequence[Mention], offset: int) -> str | None:
    for tok in tokens:
        for child in tok.rights:
            if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPS:
                continue
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                for m in mentions:
                    s, e = m.span[0] - offset, m.span[1] - offset
                    if s <= obj.idx < e and m.label in _PLACE_LABELS and m.kind == "name":
                        return m.text
                if obj.pos_ == "PROPN" and obj.ent_type_ not in _NOT_PLACES:
                    return obj.text  # a proper noun the model did not tag as a place
    return None


@dataclass(frozen=True, slots=True)
class _Candidate:
    tokens: list[Token]  # the number words; the count hangs on the last one
    start: int  # first character, with the qualifier and any "a" / "half a"
    value: float | None
    qualifier: str | None
    person: Token | None = None  # "a man": the one person counted (kept only with an outcome)


def _candidates(doc: Doc, times: Sequence[TimeExpression], offset: int) -> list[_Candidate]:
    """Digit and word numbers, then the plural counts; numbers inside a resolved date
    ("two weeks ago") are part of the date, not counts."""
    dated = [(t.span[0] - offset, t.span[1] - offset) for t in times if t.start is not None]
    out = [
        _numeric(doc, group)
        for group in _groups(doc)
        if not any(s <= group[0].idx < e for s, e in dated) and not _no_one(doc, group[0])
    ]
    out += _vague_counts(doc)
    out += _one_person(doc)
    out.sort(key=lambda c: c.start)
    return out


def _no_one(doc: Doc, first: Token) -> bool:
    """ "No one was hurt": nobody, never one person."""
    return first.lower_ == "one" and first.i > 0 and doc[first.i - 1].lower_ == "no"


def _one_person(doc: Doc) -> list[_Candidate]:
    """ "A man was killed", "a 23-year-old woman was wounded": one person counted,
    read only where the sentence says what happened to them (see extract_quantities)."""
    out = []
    for tok in doc:
        noun = tok.head
        if tok.lower_ not in ("a", "an") or tok.dep_ != "det" or noun.i <= tok.i:
            continue
        if noun.lemma_.lower() not in ONE_PERSON_NOUNS or noun.tag_ != "NN":
            continue
        out.append(_Candidate([tok], tok.idx, 1.0, None, noun))
    return out


def _numeric(doc: Doc, group: list[Token]) -> _Candidate:
    value = number_value([t.text for t in group])
    first = group[0]
    if first.lower_ in SCALES and first.i > 0 and doc[first.i - 1].lower_ in ("a", "an"):
        first = doc[first.i - 1]  # "a dozen", "a hundred"
        if first.i > 0 and doc[first.i - 1].lower_ == "half" and value is not None:
            first, value = doc[first.i - 1], value / 2
    qualifier, start = _qualifier(doc, first)
    return _Candidate(group, start, value, qualifier)


def _of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _vague_counts(doc: Doc) -> list[_Candidate]:
    """ "dozens of dockers", "tens of thousands of people": a count with no single value."""
    out: list[_Candidate] = []
    for tok in doc:
        low = tok.lower_
        if low not in _VAGUE or tok.pos_ not in ("NOUN", "NUM") or tok.ent_type_ in _NAME_LABELS:
            continue
        if tok.head.i != tok.i and tok.head.lower_ in _VAGUE and tok.head.i > tok.i:
            continue  # "tens" of "tens of thousands" is read with "thousands"
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _VAGUE:
            continue  # "thousands" of "hundreds of thousands", read with "hundreds"
        first = min([tok, *(c for c in tok.children if c.dep_ == "quantmod")], key=lambda t: t.i)
        last = tok
        obj = _of_object(tok)
        if obj is not None and obj.lower_ in _VAGUE:
            last, obj = obj, _of_object(obj)
        if obj is None and (low in ("scores", "tens") or tok.dep_ not in _SUBJECT_OBJECT):
            continue
        if first.lower_ == "tens" and first is last:
            continue
        phrase = " ".join(doc.text[first.idx : last.idx + len(last)].lower().split())
        out.append(
            _Candidate([first, last] if first is not last else [last], first.idx, None, phrase)
        )
    return out


def extract_quantities(
    doc: Doc,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    offset: int = 0,
) -> list[Quantity]:
    out: list[Quantity] = []
    last_in_sent: dict[int, Quantity] = {}
    for cand in _candidates(doc, times, offset):
        group = cand.tokens
        first, last = group[0], group[-1]
        value, qualifier, start = cand.value, cand.qualifier, cand.start
        end = last.idx + len(last)
        sent: Span = first.sent
        noun_tok = cand.person or _counted([last])
        noun = noun_span = None
        prior = last_in_sent.get(sent.start)
        if noun_tok is not None and not (
            noun_tok.lower_ in _ANAPHORIC and prior is not None and prior.noun
        ):
            ns, ne = _noun_phrase(noun_tok)
            noun, noun_span = doc.text[ns:ne], (ns + offset, ne + offset)
        elif prior is not None and prior.noun and prior.counted not in EVENT_NOUNS:
            noun, noun_span = prior.noun, prior.noun_span  # never "103 (explosions)"
        anchors = [last] + ([noun_tok] if noun_tok is not None else [])
        if noun_tok is not None and noun_tok.head.pos_ in ("VERB", "AUX"):
            anchors.append(noun_tok.head)
        place = _place(anchors, mentions, offset)
        time = _time_in(sent, times, offset)
        if qualifier is None and doc.text[end : end + 6].lower() == " or so":
            qualifier, end = "or so", end + 6
        reading = read_figure(doc, group, noun_tok, prior)
        carried = prior is not None and noun_span is not None and noun_span == prior.noun_span
        if carried and reading.outcome is not None and prior and not _bears_outcomes(prior):
            noun = noun_span = None  # "50 rounds were fired ... four injured": not rounds
        if cand.person is not None and (reading.outcome is None or reading.kind != "count"):
            continue  # "a man" is a count only when the text says what befell him
        outcome_span = reading.outcome_span
        if outcome_span is not None:
            outcome_span = (outcome_span[0] + offset, outcome_span[1] + offset)
        qty = Quantity(
            span=(start + offset, end + offset),
            text=doc.text[start:end],
            value=value,
            noun=noun,
            noun_span=noun_span,
            qualifier=qualifier,
            place=place,
            time=time,
            sentence=(sent.start_char + offset, sent.end_char + offset),
            kind=reading.kind,
            outcome=reading.outcome,
            outcome_span=outcome_span,
            counted=reading.counted,
            part_of=reading.part_of,
            update=reading.update,
        )
        out.append(qty)
        if qty.kind == "count":  # "a 16-year-old boy dead and three others": not years
            last_in_sent[sent.start] = qty
    sentences = [(s.start_char + offset, s.end_char + offset) for s in doc.sents]
    return out + typo_quantities(doc.text, sentences, offset)


def _time_in(sent: Span, times: Sequence[TimeExpression], offset: int) -> str | None:
    s, e = sent.start_char + offset, sent.end_char + offset
    inside = [t for t in times if s <= t.span[0] < e and t.start is not None]
    return inside[0].text if inside else None


# --------------------------------------------------------------------------- what a figure is

_PARTITIVE_DETS = frozenset({"the", "these", "those", "their", "its", "his", "her", "our"})
_PEOPLE_PRONOUNS = frozenset({"who", "they", "them", "whom"})
_BE = frozenset({"be", "remain", "stay", "leave", "lie"})
# Verbs whose active subject is who did it: "a gunman killed three people".
_AGENT_VERBS = frozenset({"kill", "wound", "injure", "shoot", "murder", "slay", "hurt", "stab"})


@dataclass(frozen=True, slots=True)
class Reading:
    """What a number is, read from the parse: see the fields of ``model.Quantity``."""

    kind: QuantityKind = "count"
    outcome: str | None = None
    outcome_span: Span_ | None = None
    counted: str | None = None
    part_of: bool = False
    update: str | None = None


def read_figure(
    doc: Doc, tokens: Sequence[Token], noun: Token | None, prior: Quantity | None = None
) -> Reading:
    """The one place that decides what a number counts and what happened to it.

    ``tokens`` are the number words, ``noun`` the counted noun the parse gives (or
    None), ``prior`` the figure before it in the sentence ("five soldiers were killed
    and 12 others": "others" counts soldiers). Ages, years, durations, money,
    percentages and measures are never counts, so they get no counted class and no
    outcome: a 17-year-old victim cannot become "17 killed".
    """
    last = tokens[-1]
    kind = _kind(doc, tokens, noun)
    if kind != "count":
        return Reading(kind=kind)
    part_of, of_obj = _partitive(last)
    counted_tok = noun
    if counted_tok is not None and counted_tok.i < last.i:
        counted_tok = None  # a carried noun: counted from ``prior`` below
    if of_obj is not None and (counted_tok is None or counted_tok.lower_ in _RELATIONAL):
        counted_tok = _of_head(of_obj)
    outcome, outcome_tok = _outcome(doc, last, noun, of_obj)
    counted = _counted_class(counted_tok, prior, outcome)
    if counted_tok is not None and counted != "people" and counted in EVENT_NOUNS:
        outcome, outcome_tok = None, None  # "the toll from two explosions": no victims
    if part_of and of_obj is not None and outcome_tok is not None:
        # "two of the five wounded" is a part of a count of the same outcome; "one of them
        # died" (the outcome the verb's, not the whole's) is a count of the dead itself
        part_of = any(t.i == outcome_tok.i for t in of_obj.subtree)
    update = _update_verb(last, noun)
    span = (outcome_tok.idx, outcome_tok.idx + len(outcome_tok)) if outcome_tok else None
    return Reading("count", outcome, span, counted, part_of, update)


def _kind(doc: Doc, tokens: Sequence[Token], noun: Token | None) -> QuantityKind:
    first, last = tokens[0], tokens[-1]
    if _is_age(doc, first, last):
        return "age"
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    prev = doc[first.i - 1] if first.i > 0 else None
    if nxt is not None and (nxt.lower_ in PERCENT_WORDS or _per_cent(doc, nxt)):
        return "percent"  # "58.6 percent" even where the parser read money
    if last.ent_type_ == "MONEY" or (prev is not None and prev.lower_ in CURRENCY_WORDS):
        return "money"
    if prev is not None and prev.lower_ in MEASURE_BEFORE["en"]:
        return "measure"  # "a magnitude 7 earthquake", "a category 4 storm"
    if last.ent_type_ == "PERCENT" or (nxt is not None and nxt.lower_ in PERCENT_WORDS):
        return "percent"
    if last.ent_type_ == "ORDINAL":
        return "ordinal"
    if nxt is not None and nxt.text == "-":  # "a 10-mile march", "a three-day visit"
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        if after is not None:
            unit = after.lemma_.lower()
            if unit in DURATION_NOUNS:
                return "duration"
            if unit in MEASURE_UNITS or unit in CURRENCY_WORDS:
                return "measure"
    if noun is not None and noun.i > last.i:
        lemma = noun.lemma_.lower()
        if lemma in CURRENCY_WORDS:
            return "money"
        if lemma in DURATION_NOUNS:
            return "duration"
        if lemma in MEASURE_UNITS or noun.lower_ in MEASURE_UNITS:
            return "measure"
    if last.ent_type_ in ("QUANTITY",):
        return "measure"
    if last.ent_type_ == "DATE" and _YEAR.match(last.lower_):
        return "year"
    return "count"


def _per_cent(doc: Doc, tok: Token) -> bool:
    """ "16.5 per cent": the two words of a percentage."""
    return tok.lower_ == "per" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "cent"


def _is_age(doc: Doc, first: Token, last: Token) -> bool:
    """ "a 17-year-old", "17 years old", "aged 17", "John Smith, 17,", "(17)"."""
    words = [t.lower_ for t in doc[last.i + 1 : last.i + 5]]
    if words[:4] in (["-", "year", "-", "old"], ["-", "years", "-", "old"]):
        return True
    if words[:2] in (["year", "old"], ["years", "old"], ["-", "year"]) and "old" in words:
        return True
    if words[:1] == ["-year-old"] or words[:1] == ["year-old"]:
        return True
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is not None and prev.lower_ in AGE_WORDS:
        return True
    if first.i >= 2 and prev is not None and prev.text in (",", "("):
        name = doc[first.i - 2]
        closes = last.i + 1 < len(doc) and doc[last.i + 1].text in (",", ")", ".")
        if closes and name.ent_type_ == "PERSON" and len(first.text) <= 3:
            return True
    return last.dep_ == "appos" and last.head.ent_type_ == "PERSON"


def _partitive(number: Token) -> tuple[bool, Token | None]:
    """ "two of the five wounded": (a part of a named whole, the "of" object)."""
    for child in number.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None:
                return False, None
            dets = {c.lower_ for c in obj.children if c.dep_ in ("det", "poss")}
            whole = bool(dets & _PARTITIVE_DETS) or any(c.dep_ == "nummod" for c in obj.children)
            return whole or obj.lower_ in _PEOPLE_PRONOUNS | {"them", "those"}, obj
    return False, None


def _of_head(obj: Token) -> Token:
    """The noun of "the five wounded" / "the three people killed": the people counted."""
    return obj


def _bears_outcomes(prior: Quantity) -> bool:
    """Whether a later figure the text gives an outcome may count what ``prior`` counts:
    people, or something the text says befell ("five soldiers were killed and 12 others
    wounded"); "50 rounds were fired" counts no one a later "four injured" could be."""
    counted = prior.counted or ""
    return prior.outcome is not None or counted == "people" or counted in ONE_PERSON_NOUNS


def _counted_class(tok: Token | None, prior: Quantity | None, outcome: str | None) -> str | None:
    if tok is None or tok.lower_ in _ANAPHORIC or tok.pos_ in ("VERB", "NUM", "ADJ"):
        if (
            prior is not None
            and prior.counted
            and prior.counted not in EVENT_NOUNS
            and (outcome is None or _bears_outcomes(prior))
        ):
            return prior.counted  # "900 troops in Syria and 2,500 in Iraq": troops
        return "people" if outcome else None
    lemma = tok.lemma_.lower()
    if lemma in PEOPLE_NOUNS or tok.lower_ in PEOPLE_NOUNS or lemma in _PEOPLE_PRONOUNS:
        return "people"
    if lemma in OUTCOMES:  # "12 deaths", "three casualties", "the dead"
        return "people"
    return lemma


_FATAL = frozenset({"fatally", "mortally"})
# Outcomes others bring about: as a compound on a noun they name its job or use ("rescue
# workers", "recovery divers", "evacuation buses", "arrest warrants"), never its fate.
_JOB_OUTCOMES = frozenset({"rescued", "recovered", "evacuated", "arrested"})
_TOTALS = frozenset({"total", "tally"})  # "a total of 12 people": the 12 are the subject
_REMAINS = frozenset({"body", "remains", "corpse"})  # "the bodies of the 10 people"
_HARM_VERBS = frozenset({"shoot", "wound", "stab", "injure", "hurt", "strike", "hit", "shot"})
_NONE = frozenset({"none", "nobody", "neither"})
_AMONG = frozenset({"among", "of", "from"})


def _none_survived(bearer: Token) -> Token | None:
    """ "no survivors among the 8 passengers", "none of the 10 people on board survived":
    every one of the people counted died, so the count is of the dead (the word that
    says so is returned as the outcome's evidence). "12 survivors" or "three of the 12
    survived" say nothing of the kind."""
    if bearer.dep_ != "pobj" or bearer.head.lower_ not in _AMONG:
        return None
    owner = bearer.head.head
    lemma = owner.lemma_.lower()
    if lemma in ("survivor", "survival") and any(
        c.dep_ == "det" and c.lower_ == "no" for c in owner.children
    ):
        return owner
    if owner.lower_ in _NONE and owner.head.lemma_.lower() == "survive":
        return owner.head
    return None


def _outcome_of(tok: Token) -> str | None:
    fatal = any(c.dep_ == "advmod" and c.lower_ in _FATAL for c in tok.children)
    if fatal and (tok.lemma_.lower() in _HARM_VERBS or tok.lower_ in _HARM_VERBS):
        return "killed"  # "was fatally shot", "fatally wounded a boy": dead, not hurt
    family = OUTCOMES.get(tok.lemma_.lower()) or OUTCOMES.get(tok.lower_)
    lemma = tok.lemma_.lower()
    if family == "killed" and lemma in ("life", "body") and tok.dep_ not in ("dobj", "pobj"):
        return None  # "10 bodies were recovered": what befell them is the verb's
    if family == "recovered" and _heals(tok):
        return "injured"  # "four people are recovering": the hurt, healing
    return family


def _heals(tok: Token) -> bool:
    """ "Four people are recovering", "the two recovered in hospital": "recover" with no
    object and not passive is the healing of the hurt, never bodies or guns brought back
    ("divers recovered four bodies", "two guns were recovered", "the guns recovered")."""
    if tok.pos_ != "VERB" or tok.tag_ == "VBN" or tok.dep_ in ("amod", "acl"):
        return False
    return not any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in tok.children)


_CONDITION = frozenset({"condition", "state"})


def _in_condition(verb: Token) -> Token | None:
    """ "two people are in critical condition": a stated condition is the hurt's."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for obj in prep.children:
                if (
                    obj.dep_ == "pobj"
                    and obj.lemma_.lower() in _CONDITION
                    and any(c.dep_ in ("amod", "compound") for c in obj.children)
                ):
                    return obj
    return None


def _outcome(
    doc: Doc, number: Token, noun: Token | None, of_obj: Token | None
) -> tuple[str | None, Token | None]:
    """The outcome the sentence reports for the counted people, from the parse: the
    verb they are subject or object of ("were killed", "injuring five"), a participle
    or adjective on them ("people killed", "12 dead"), or the noun itself ("deaths")."""
    bearers = [t for t in (noun, number, of_obj) if t is not None]
    if noun is not None and noun.dep_ == "appos":  # "12 people were injured, among them
        bearers.append(noun.head)  # seven officers": the officers share the people's fate
    if number.dep_ == "nummod" and _outcome_of(number.head):  # "left five dead"
        return _outcome_of(number.head), number.head
    fatal = [c for c in number.children if c.dep_ == "advmod" and c.lower_ in _FATAL]
    if fatal:  # "five people were shot, three fatally"
        return "killed", fatal[0]
    for tok in bearers:
        died = _none_survived(tok)
        if died is not None:  # "no survivors among the 8 passengers"
            return "killed", died
    for tok in bearers:
        family = _outcome_of(tok)
        if family in _JOB_OUTCOMES and tok.dep_ == "compound":
            family = None  # "forty rescue workers": the counted noun's job
        if family and tok is not number:
            return family, tok
        for child in tok.children:
            if child.dep_ in ("acl", "amod", "relcl", "oprd", "acomp") and _outcome_of(child):
                return _outcome_of(child), child
            compound = _outcome_of(child) if child.dep_ == "compound" else None
            if compound and compound not in _JOB_OUTCOMES:  # "death toll", "murder victims"
                return compound, child
    for tok in bearers:
        head = tok.head
        if tok.dep_ == "nsubj" and head.lemma_.lower() in _AGENT_VERBS and _has_object(head):
            return None, None  # "a gunman killed three": he did it, it did not befall him
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "appos", "attr", "npadvmod"):
            if _outcome_of(head):
                return _outcome_of(head), head
            if tok.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
                toll = _toll_word(head)  # "the death toll has surpassed 50,000"
                if toll is not None:
                    return toll
            if head.lemma_.lower() in _BE | {"leave"}:  # "12 are dead", "left 12 dead"
                for c in head.children:
                    if c.dep_ in ("ccomp", "xcomp") and _own_subject(c):
                        continue  # "a man died, two people are in ...": not their death
                    if c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and _outcome_of(c):
                        return _outcome_of(c), c
                condition = _in_condition(head)
                if condition is not None and tok.dep_ == "nsubj":
                    return "injured", condition
            elif head.pos_ == "VERB":  # "were shot dead", "were found dead"
                for c in head.children:
                    if c.dep_ in ("acomp", "oprd") and _outcome_of(c) == "killed":
                        return "killed", c
            for c in head.children:  # "was shot and killed", "shot and wounded"
                if c.dep_ == "conj" and c.pos_ == "VERB" and _outcome_of(c) and not _own_subject(c):
                    return _outcome_of(c), c
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            owner, via = tok.head.head, tok.head  # "the lives of 12", "rose to 84"
            while True:  # "the death of three", "revised ... from about 100 to 84"
                if _outcome_of(owner):
                    return _outcome_of(owner), owner
                toll = _toll_word(owner)
                if toll is not None:
                    return toll
                if via.lower_ == "of" and owner.pos_ in ("NOUN", "PROPN"):
                    break  # "killed in the shooting of five people": the five were shot
                if owner.dep_ not in ("prep", "pobj") or owner.head.i == owner.i:
                    break
                via = owner if owner.dep_ == "prep" else via
                owner = owner.head
            total = owner.lemma_.lower() in _TOTALS | _REMAINS
            if total and owner.dep_ in ("nsubj", "nsubjpass") and _outcome_of(owner.head):
                # "a total of 12 people were killed"; "the bodies of the 10 people on
                # board were recovered": the verb says what became of the people counted
                return _outcome_of(owner.head), owner.head
    last = noun if noun is not None and noun.i > number.i else number
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.tag_ in ("VBN", "JJ") and _outcome_of(nxt):
        return _outcome_of(nxt), nxt  # "left 14 people injured", however it was parsed
    return None, None


def _has_object(verb: Token) -> bool:
    """ "killed three people" has an object; "left one dead and three people injured"
    (a reduced passive the parser reads as active) has none."""
    return any(c.dep_ == "dobj" for c in verb.children)


def _own_subject(verb: Token) -> bool:
    """ "One person is dead and two people are hurt": "hurt" has its own subject, so it
    says nothing about the first person."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _toll_word(tok: Token) -> tuple[str | None, Token | None] | None:
    """ "The death toll rose to 84": the outcome named in the toll the verb changes."""
    nouns = [tok] if tok.pos_ == "NOUN" else []
    nouns += [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    for n in nouns:
        if n.lemma_.lower() not in ("toll", "number", "count", "tally", "figure"):
            continue
        for c in n.children:
            if c.dep_ in ("compound", "amod") and _outcome_of(c):
                return _outcome_of(c), c
        for c in n.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and _outcome_of(obj):
                    return _outcome_of(obj), obj
                for d in obj.subtree if obj is not None else ():  # "of those who were missing"
                    outcome = _outcome_of(d)
                    if outcome and d.i != n.i and d.dep_ in ("acomp", "amod", "relcl", "acl"):
                        return outcome, d
        if n.lemma_.lower() == "toll":  # "the toll" alone is the death toll
            return "killed", n
    return None


def _update_verb(number: Token, noun: Token | None) -> str | None:
    """The lemma of a verb saying the figure changed ("rose to 84", "revised to 84")."""
    tok = noun if noun is not None and noun.i > number.i else number
    for _ in range(5):
        if tok.lemma_.lower() in UPDATE_WORDS and tok.pos_ in ("VERB", "NOUN"):
            return tok.lemma_.lower()
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None
