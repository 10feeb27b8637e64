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

from newsprism.model import Mention, Quantity, TimeExpression

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
# Plural counts with no single value ("dozens of dockers"); "scores" only before "of",
# since alone it is more often a test score than a count.
_VAGUE = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "tens"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_MONTHS = frozenset(
    [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ]
)
_QUALIFIERS = (
    ("at", "least"),
    ("at", "most"),
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("up", "to"),
    ("as", "many", "as"),
    ("as", "few", "as"),
    ("just", "over"),
    ("just", "under"),
    ("an", "estimated"),
    ("nearly",),
    ("almost",),
    ("about",),
    ("around",),
    ("approximately",),
    ("roughly",),
    ("some",),
    ("over",),
    ("under",),
    ("estimated",),
    ("only",),
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
_SUBJECT_OBJECT = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})


def number_value(words: Sequence[str]) -> float | None:
    """Value of "2,500", "2.5 million", "three", "twenty - five", "two hundred"."""
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        word = raw.lower()
        if word in ("-", "and"):
            continue
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word in _SCALES:
            current = max(current, 1.0) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total += current
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _is_number(tok: Token) -> bool:
    low = tok.lower_
    return bool(_DIGITS.match(low)) or low in NUMBER_WORDS or low in _SCALES


def _skip(tok: Token, doc: Doc) -> bool:
    """Years, days of the month, parts of names and "one of ..." are not counts."""
    low = tok.lower_
    if _YEAR.match(low):
        return True
    near = [doc[i].lower_.rstrip(".") for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    if _DIGITS.match(low) and any(w in _MONTHS for w in near):
        return True
    if tok.ent_type_ in _NAME_LABELS:
        return True
    if tok.ent_type_ in ("TIME",) or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":"):
        return True
    following = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    return low == "one" and following in ("of", "another")


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
        return tok.lower_ in _SCALES or (prev.lower_ in NUMBER_WORDS and tok.lower_ in NUMBER_WORDS)
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
        return tok.head
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
                    if s <= obj.idx < e and m.label in _PLACE_LABELS:
                        return m.text
                if obj.pos_ == "PROPN" and obj.ent_type_ not in ("PERSON", "ORG", "NORP"):
                    return obj.text  # a proper noun the model did not tag as a place
    return None


@dataclass(frozen=True, slots=True)
class _Candidate:
    tokens: list[Token]  # the number words; the count hangs on the last one
    start: int  # first character, with the qualifier and any "a" / "half a"
    value: float | None
    qualifier: str | None


def _candidates(doc: Doc, times: Sequence[TimeExpression], offset: int) -> list[_Candidate]:
    """Digit and word numbers, then the plural counts; numbers inside a resolved date
    ("two weeks ago") are part of the date, not counts."""
    dated = [(t.span[0] - offset, t.span[1] - offset) for t in times if t.start is not None]
    out = [
        _numeric(doc, group)
        for group in _groups(doc)
        if not any(s <= group[0].idx < e for s, e in dated)
    ]
    out += _vague_counts(doc)
    out.sort(key=lambda c: c.start)
    return out


def _numeric(doc: Doc, group: list[Token]) -> _Candidate:
    value = number_value([t.text for t in group])
    first = group[0]
    if first.lower_ in _SCALES and first.i > 0 and doc[first.i - 1].lower_ in ("a", "an"):
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
        noun_tok = _counted([last])
        noun = noun_span = None
        prior = last_in_sent.get(sent.start)
        if noun_tok is not None and not (
            noun_tok.lower_ in _ANAPHORIC and prior is not None and prior.noun
        ):
            ns, ne = _noun_phrase(noun_tok)
            noun, noun_span = doc.text[ns:ne], (ns + offset, ne + offset)
        elif prior is not None and prior.noun:
            noun, noun_span = prior.noun, prior.noun_span
        anchors = [last] + ([noun_tok] if noun_tok is not None else [])
        if noun_tok is not None and noun_tok.head.pos_ in ("VERB", "AUX"):
            anchors.append(noun_tok.head)
        place = _place(anchors, mentions, offset)
        time = _time_in(sent, times, offset)
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
        )
        out.append(qty)
        last_in_sent[sent.start] = qty
    return out


def _time_in(sent: Span, times: Sequence[TimeExpression], offset: int) -> str | None:
    s, e = sent.start_char + offset, sent.end_char + offset
    inside = [t for t in times if s <= t.span[0] < e and t.start is not None]
    return inside[0].text if inside else None
