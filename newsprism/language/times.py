"""Dates in the text, resolved to the calendar against an anchor date.

Expressions are found with patterns of our own (so each rule is known and tested);
spaCy's DATE entities that no pattern covers are kept as unresolved, with the reason.
Tense, read from the parse, decides between the last and the next weekday, month or
month-day; a modal ("could begin in early March"), the object of an offer or plan
("has offered a rise from July") and a timetable present ("the ballot closes on
Friday") count as future, and so does a day a plan or a modal names in a past-tense
report ("planned a rally on Saturday"), or a month-day reported as a deadline
("extended the offer to Nov. 20"). "The previous day" and "the day after" count from
the last day dated in the text nearby, never from publication; "overnight" is the
night around publication; "a year earlier" in a story about a quarter is that quarter
a year before. Quarters, seasons, decades, centuries, spoken years ("nineteen
ninety-six") and the vague "now", "recently", "in the future" (kept, never placed on
the calendar) have rules of their own. Every expression is read by these patterns;
no other date parser is involved.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from newsprism.language import calendar_rules as cal
from newsprism.language.speech import reports_speech
from newsprism.lexicon import (
    HOLIDAYS,
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    SEASONS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    month_number,
)
from newsprism.model import TimeExpression

# Capitalised names only: "may" is a modal and "march" a verb.
_M = "(?:" + "|".join(sorted((k.capitalize() for k in MONTHS), key=len, reverse=True)) + r")\.?"
_WD = "(?:" + "|".join(WEEKDAY_NAMES) + ")"
# the words of a spoken year after its first ("twenty twenty-four"): the lexicon's number
# words from one up, longest first so "seventeen" is not read as "seven"
_SPOKEN_NUMBER = "|".join(sorted((w for w, v in NUMBER_WORDS.items() if v >= 1), key=len)[::-1])
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_N = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
_PART = r"(?:\s+(?:night|morning|afternoon|evening))"
# "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9": a clock time leading a day.
_CLOCK = (
    r"(?:(?i:(?:[01]?\d(?::[0-5]\d)?\s*[ap]\.\s?m\.?|[01]?\d(?::[0-5]\d)?\s*[ap]m|noon"
    r"|midnight))(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|local\s+time))?,?\s+(?:on\s+)?)"
)

# "Thanksgiving Day", "New Year's Eve", "Fourth of July": capitalised, as written.
_HOLIDAY = "|".join(
    r"\s+".join(w if w == "of" else w.capitalize() for w in name.split()).replace("'", "['’]")
    for name in sorted(HOLIDAYS, key=len, reverse=True)
)

_PATTERNS: list[tuple[str, str]] = [
    ("numeric", rf"\b(?P<nd>[0-3]?\d)[./](?P<nm>[01]?\d)[./](?P<ny>{_Y})\b"),
    ("iso", rf"\b(?P<iy>{_Y})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"),
    (
        "weekday",
        rf"(?:\b(?P<wclock>{_CLOCK}))?"
        rf"\b(?P<wmod>(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate)\s+)?(?P<wd>{_WD})"
        rf"(?:(?:,\s+|\s+\(|\s+)(?P<wm>{_M})\s+(?P<wdd>{_D})(?:,?\s+(?P<wy>{_Y}))?\)?)?"
        rf"(?P<wpart>{_PART})?(?:'s|’s)?",
    ),
    (
        "quarter",
        r"\b(?:(?P<qthe>[Tt]he|[Tt]his|[Ii]ts|[Aa])\s+)?(?:(?P<qyr>(?:19|20)\d\d)\s+"
        r"|(?P<qrel>[Tt]his|[Ll]ast|[Nn]ext)\s+year['’]s\s+)?(?:(?P<qfiscal>fiscal)\s+)?"
        r"(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th|First|Second|Third|Fourth)"
        r"[\s-]+quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<qy2>(?:19|20)\d\d))?",
    ),
    (
        "latestq",
        r"\b(?P<lq>[Tt]he\s+(?:(?P<lqago>year-ago|year-earlier|same|comparable|corresponding)"
        r"|latest|last|most\s+recent|past|previous|recent|current)\s+(?:quarter|period)"
        r"|[Tt]he\s+quarter|[Tt]his\s+quarter|[Ll]ast\s+quarter)\b",
    ),
    (
        "decade",
        r"\b(?:[Tt]he\s+)?(?P<decpart>(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?"
        r"(?P<dec>1[89]\d0|20\d0)['’]?s\b",
    ),
    (
        "shortdecade",  # "the nineties", "the '80s": the latest such decade begun by the anchor
        r"\b[Tt]he\s+(?P<sdpart>(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?(?:(?P<sdword>twenties|thirties"
        r"|forties|fifties|sixties|seventies|eighties|nineties)|['’](?P<sdnum>[1-9])0s)\b",
    ),
    ("century", r"\b(?:[Tt]he\s+)?(?P<cent>1\d|2[01])(?:st|nd|rd|th)[\s-]+century\b"),
    (
        "season",
        rf"\b(?P<smod>[Tt]his\s+past|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Tt]he|[Ll]ast\s+year['’]s"
        rf"|[Tt]his\s+year['’]s|[Nn]ext\s+year['’]s)\s+(?P<sea>spring|summer|autumn|fall|winter)"
        rf"(?:\s+of\s+(?P<sy>{_Y}))?\b",
    ),
    (
        "mdy",
        rf"(?:\b(?P<aclock>{_CLOCK}))?\b(?P<am>{_M})\s+(?P<ad>{_D})(?:,?\s+(?P<ay>{_Y}))?(?![\d:])",
    ),
    ("dmy", rf"\b(?P<bd>{_D})\s+(?:of\s+)?(?P<bm>{_M})(?:,?\s+(?P<by>{_Y}))?\b"),
    ("monthyear", rf"\b(?P<cm>{_M}),?\s+(?:of\s+)?(?P<cy>{_Y})\b"),
    (
        "spokenyear",
        r"\b(?:[Tt]he\s+year\s+)?(?P<spy>(?i:nineteen|twenty|two\s+thousand)(?:[\s-]+"
        rf"(?:(?:and\s+)?(?:{_SPOKEN_NUMBER})))*)\b",
    ),
    (
        "weekend",
        r"\b(?P<wemod>[Tt]his\s+past|[Tt]he\s+past|[Ll]ast|[Tt]his|[Nn]ext|[Tt]he|[Tt]his\s+coming"
        r"|[Tt]he\s+coming)\s+weekend\b(?!['’]s\s+\w)",
    ),
    ("holiday", rf"\b(?P<hol>{_HOLIDAY})(?![\w'’])"),
    (
        "relative",
        r"\b(?P<rpart>(?:[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]arlier|[Ll]ater)\s+)?"
        r"(?P<rdir>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Pp]revious|[Cc]urrent)\s+(?P<runit>week|month|year)\b",
    ),
    (
        "ago",
        rf"\b(?P<gn>(?i:{_N}|a\s+few|several|a\s+couple\s+of|many|some))\s+"
        r"(?P<gu>(?i:days?|weeks?|months?|years?|decades?))\s+(?P<gdir>ago|earlier)\b",
    ),
    ("yearago", r"\b(?P<ya>[Yy]ear-(?:ago|earlier))\b(?!\s+(?:quarter|period))"),
    (
        "dayrel",
        r"\b(?P<dr>(?i:the\s+(?:previous|following|next)\s+day|the\s+day\s+(?:before|after)"
        r"|overnight))\b",
    ),
    (
        "textunit",  # "the following year", "later that month": counted from a date in the text
        r"\b(?P<tupart>(?:[Ll]ater|[Ee]arlier)\s+(?:in\s+)?)?(?:[Tt]he\s+(?P<tudir>following|previous"
        r"|prior)|[Tt]hat)\s+(?P<tuunit>year|month)\b(?!['’]s|\s+(?:or|and)\b)",
    ),
    (
        "deictic",
        r"\b(?P<deixis>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Tt]his(?=\s+(?:morning"
        r"|afternoon|evening))|[Ll]ast(?=\s+night))(?P<dpart>\s+(?:morning|afternoon|evening"
        r"|night))?\b",
    ),
    (
        "month",
        rf"\b(?P<mmod>in|since|until|by|during|from|since\s+early|since\s+late|in\s+early"
        rf"|in\s+late|in\s+mid-?|last|next|this|early|late|[Mm]id)(?:\s+|-)(?P<mm>{_M})(?![\w.])"
        rf"(?!,?\s+(?:of\s+)?{_Y})(?!\s*\d)",
    ),
    (
        "year",
        rf"\b(?P<ymod>(?i:in|since|until|by|during|from|before|after|of|early|late|mid))(?:\s+|-)"
        rf"(?P<yy>{_Y})\b(?![,.]?\d)",
    ),
    ("bareyear", rf"(?<![$£€\d.,/-])\b(?P<byy>{_Y})\b(?![,.]?\d|\s*-\s*\d|%)"),
    (
        "baremonth",
        rf"\b(?P<bmm>{'|'.join(MONTH_NAMES)})\b(?![\s.]*\d)",
    ),
    (
        "vague",
        r"\b(?P<vpresent>(?:[Rr]ight\s+)?[Nn]ow|[Cc]urrently|[Tt]hese\s+days|[Aa]t\s+present"
        r"|[Pp]resently|[Nn]owadays)(?!\s+that)\b"
        r"|\b(?P<vpast>[Rr]ecently|[Rr]ecent\s+(?:days|weeks|months|years)|[Ll]ately"
        r"|[Ff]ormerly|[Tt]he\s+past(?!\s+(?:\d|few|several|two|three|four|five"
        r"|week|month|year|decade|day))|[Tt]he\s+last\s+few\s+(?:days|weeks|months|years))\b"
        r"|\b(?P<vfuture>[Tt]he\s+(?:near\s+)?[Ff]uture|[Tt]he\s+coming\s+"
        r"(?:days|weeks|months|years)|[Cc]oming\s+(?:days|weeks|months|years)"
        r"|[Tt]he\s+(?:near|short)\s+term)\b",
    ),
]
_RE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS))
# "two weeks ago", "a year ago": the quantity reader's number words, plus "a"/"an".
_NUMBER_WORDS = {"a": 1, "an": 1, **{w: int(v) for w, v in NUMBER_WORDS.items() if 1 <= v <= 12}}
_DATE_WORDS = re.compile(
    r"\b(?:day|days|week|weeks|month|months|year|years|decade|decades|century|daily|weekly"
    r"|monthly|annually|season|spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll", "would", "'d"})
_FUTURE_HEADS = frozenset(
    {"expected", "due", "scheduled", "set", "planned", "plans", "plan", "going", "poised"}
)


@dataclass(frozen=True, slots=True)
class Anchor:
    day: date | None
    source: str | None


def extract_times(doc: Doc, anchor: Anchor, offset: int = 0) -> list[TimeExpression]:
    """Every date expression in the document, resolved against ``anchor`` when it can be."""
    out: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for match in _RE.finditer(doc.text):
        if not _plausible(doc, match):
            continue
        start, end = _trimmed_span(match)
        sent = _sentence(doc, start)
        tense = _clause_tense(doc, match, start, end)
        expr = _resolve(match, anchor, tense)
        text = doc.text[start:end]
        out.append(
            TimeExpression(
                span=(start + offset, end + offset),
                text=text,
                start=expr.start,
                end=expr.end,
                rule=expr.rule,
                anchor=expr.anchor,
                anchor_source=anchor.source if expr.anchor else None,
                reason=expr.reason,
                sentence=(sent.start_char + offset, sent.end_char + offset) if sent else None,
            )
        )
        taken.append((start, end))
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        if not _DATE_WORDS.search(ent.text):
            continue
        sent = ent.sent
        out.append(
            TimeExpression(
                span=(ent.start_char + offset, ent.end_char + offset),
                text=ent.text,
                start=None,
                end=None,
                rule="unresolved",
                reason="duration or frequency, not a calendar date",
                sentence=(sent.start_char + offset, sent.end_char + offset),
            )
        )
    out.sort(key=lambda t: t.span)
    _chain_to_text_dates(out, [s.start_char + offset for s in doc.sents])
    _chain_to_text_units(out, [s.start_char + offset for s in doc.sents])
    _year_before_quarter(out)
    return out


def _plausible(doc: Doc, match: re.Match[str]) -> bool:
    """Bare years and month names are dates only where the parse agrees: "2000 troops"
    is a count, "May" a modal, "March" a walk, "now" in "now that" a conjunction."""
    kind = match.lastgroup
    if kind == "weekday":
        return not _habitual_weekday(doc, match)
    if kind not in ("bareyear", "baremonth", "vague"):
        return True
    tok = _token_at(doc, match.start())
    if tok is None:
        return False
    if kind == "bareyear":
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        return not (nxt is not None and nxt.tag_ == "NNS" and nxt.ent_type_ != "DATE")
    if kind == "baremonth":
        return tok.ent_type_ == "DATE" or (
            tok.lower_ not in ("may", "march") and tok.pos_ == "PROPN"
        )
    return not (tok.lower_ == "future" and tok.dep_ not in ("pobj", "dobj", "nsubj", "amod"))


def _habitual_weekday(doc: Doc, match: re.Match[str]) -> bool:
    """A bare weekday that names a kind of thing, not a day: "the imam of Friday
    prayers" (a plural noun with no article), "a Friday prayer leader" (a noun that
    itself modifies another: a title). "The Sunday election", "the Friday explosions"
    and "Tuesday's meeting" stay dates."""
    if any(match.group(g) for g in ("wmod", "wm", "wpart", "wclock")):
        return False
    tok = _token_at(doc, match.start("wd"))
    if tok is None or tok.dep_ != "compound" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    head = tok.head
    between = any(c.dep_ == "compound" and tok.i < c.i < head.i for c in head.children)
    if head.dep_ == "compound" or between:
        return True  # "a Friday prayer leader": a title
    named = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        named.append(head.head)
    if any(n.pos_ == "PROPN" for n in named):
        return True  # "the city's Friday prayer imam Ali Hashemi": a title beside a name
    # "Friday prayers" with nothing before it is the custom; "the Friday explosions"
    # are the ones of one Friday
    bare = not any(c.dep_ in ("det", "poss") for c in head.children)
    return head.tag_ in ("NNS", "NNPS") and bare


_FULL_MONTHS = frozenset(k for k in MONTHS if len(k) > 3) | {"may"}
_KEEP_PREFIX = re.compile(r"since|last|next|this|early|late|mid", re.IGNORECASE)


def _trimmed_span(match: re.Match[str]) -> tuple[int, int]:
    """Leave out a bare preposition ("in October" -> "October") but keep words that
    change the meaning ("since October", "late last month")."""
    start, end = match.span()
    kind = match.lastgroup
    if kind in ("month", "year"):
        group = "mmod" if kind == "month" else "ymod"
        keep = _KEEP_PREFIX.search(match.group(group))
        if keep:
            start = match.start(group) + keep.start()
        else:
            start = match.start("mm" if kind == "month" else "yy")
    text = match.string[start:end]
    if text.endswith(".") and re.split(r"[\s-]", text[:-1])[-1].lower() in _FULL_MONTHS:
        end -= 1  # "since October." ends a sentence; the dot is not an abbreviation
    return start, end


def _sentence(doc: Doc, char: int) -> Span | None:
    tok = _token_at(doc, char)
    return tok.sent if tok is not None else None


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _tense(doc: Doc, start: int, end: int) -> str:
    """ "past", "perfect", "future" or "present" for the clause the expression sits in."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "present"
    tok = span.root
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        tok = tok.head
    verb = tok
    for _ in range(4):
        kids = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if kids & _FUTURE_AUX:
            return "future"
        if verb.lower_ in ("will", "shall"):
            return "future"
        if verb.dep_ == "xcomp" and verb.head.lower_ in _FUTURE_HEADS:
            return "future"
        if verb.lower_ in _FUTURE_HEADS and any(c.dep_ == "xcomp" for c in verb.children):
            aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            if aux & {"is", "are", "was", "were", "be", "'s", "'re"} or verb.lower_ == "plans":
                return "future"
        if _ahead_in_any_tense(verb, kids):
            return "future"
        if verb.tag_ in ("VBD",) or (verb.tag_ == "VBN" and not kids & {"has", "have"}):
            return "past"
        if kids & {"was", "were", "had", "did"}:
            return "past"
        if verb.tag_ == "VBN" and kids & {"has", "have"}:
            return "perfect"
        if verb.tag_ in ("VBZ", "VBP", "VBG", "VB") and kids & {"has", "have"}:
            return "past"
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp"):
            verb = verb.head
            continue
        break
    return "present"


_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "be"})
# Verbs whose "to" complement is still to come ("decided to admit them in March"); not
# "vote" or "try", whose complement is often the thing done that day.
_COMMITTED_TO = frozenset(
    {"plan", "schedule", "intend", "expect", "hope", "aim", "decide", "agree", "promise",
     "pledge", "suppose", "prepare"}
)  # fmt: skip


def _ahead_in_any_tense(verb: Token, aux: set[str]) -> bool:
    """Constructions that name something still to come whatever the tense around them:
    what a decision or plan commits to ("has decided to admit them in March", "agreed to
    meet on Friday"), a present passive of expectation ("closing is expected in
    December"), and "be to" ("is to resume trading Tuesday")."""
    head = verb.head
    if verb.dep_ == "xcomp" and "to" in aux and head.i != verb.i:
        if head.lemma_.lower() in _COMMITTED_TO:
            return True
        if head.lemma_ == "be" and head.lower_ in _PRESENT_BE:
            return True
    heads = _FUTURE_HEADS - {"going", "plans", "plan"}
    return verb.tag_ == "VBN" and verb.lower_ in heads and bool(aux & _PRESENT_BE)


_MODALS = frozenset({"could", "may", "might", "can", "should", "must"})
# Verbs (by lemma) whose object is something still to come: "has offered a rise from July".
_COMMITMENTS: frozenset[str] = frozenset(
    {"offer", "propose", "promise", "pledge", "agree", "approve", "announce", "demand", "seek",
     "table", "schedule", "vote", "decide", "accept", "reject", "plan", "set"}
)  # fmt: skip


def _clause_tense(doc: Doc, match: re.Match[str], start: int, end: int) -> str:
    """The tense that decides between the last and the next month or weekday. The
    present perfect reports the past ("has fluctuated since March"), except where it
    sets a date or extends something up to one ("has set Nov. 10 as the deadline",
    "has extended loans through January"): there the tense says nothing of the date."""
    tense = _tense(doc, start, end)
    kind = match.lastgroup
    if tense == "perfect":
        forward = _FORWARD_BEFORE.search(doc.text[max(0, start - 12) : start])
        tense = "present" if kind in ("mdy", "dmy") or forward else "past"
    scheduled = tense == "present" and _scheduled(doc, start, end)
    if kind == "month" and tense != "future" and (scheduled or _prospective(doc, match)):
        return "future"
    if kind == "weekday" and scheduled:
        return "scheduled"
    if kind == "weekday" and tense != "future" and _planned(doc, start, end):
        return "future"
    if kind in ("mdy", "dmy") and tense == "past" and not _dated_past_event(doc, start, end):
        return "reported"  # "extended to Nov. 20", "payable Dec. 1": a date still to come
    return tense


_PLANS = frozenset({"plan", "schedule", "set", "expect", "intend", "prepare", "hope", "aim"})


def _planned(doc: Doc, start: int, end: int) -> bool:
    """A day still to come in a past-tense report: after a modal ("would be ready to
    leave as soon as Tuesday", "might come Tuesday"), "as soon as", or on what a plan
    names ("planned a demonstration on Saturday", "were planning to drive there on
    Monday"), but not on the planning itself ("announced on Tuesday")."""
    if re.search(r"as soon as\s+$", doc.text[max(0, start - 12) : start]):
        return True
    verb = _governing_verb(doc, start, end)
    if verb is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    direct = span is not None and len(span) > 0 and span.root.head.i == verb.i
    tok = verb
    for depth in range(3):
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if aux & (_MODALS | {"would"}) and not aux & {"have"}:
            return True
        if tok.lemma_.lower() in _PLANS and (depth > 0 or not direct):
            return True
        if tok.dep_ not in ("xcomp", "ccomp", "acl", "relcl") or tok.head.i == tok.i:
            break
        tok = tok.head
    return False


_FORWARD_PREPS = frozenset({"to", "until", "till", "through", "by", "before", "from"})
_FORWARD_BEFORE = re.compile(r"\b(?:until|till|through|to|by)\s+(?:early\s+|late\s+|mid-?)?$")


def _dated_past_event(doc: Doc, start: int, end: int) -> bool:
    """Whether the date is the time of a past event ("met on Nov. 20", "was born Dec. 7"),
    not a deadline or due date reported in the past tense ("extended the offer to
    Nov. 20", "a dividend payable Dec. 1")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    root = span.root
    attach = root.head
    if root.dep_ == "pobj":
        if attach.lower_ in _FORWARD_PREPS:
            return False
        attach = attach.head
    if attach.tag_ == "VBD":
        return True
    aux = {c.lower_ for c in attach.children if c.dep_ in ("aux", "auxpass")}
    return attach.tag_ == "VBN" and bool(aux & {"was", "were", "had", "has", "have"})


def _governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb (or the sentence root) the expression hangs on."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span.root
    for _ in range(12):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _scheduled(doc: Doc, start: int, end: int) -> bool:
    """News reports past events in the past tense; a weekday with a verb in the simple
    present is a timetable ("the ballot, which closes on Friday", "talks resume Monday")."""
    verb = _governing_verb(doc, start, end)
    if verb is None:
        return False
    if verb.tag_ not in ("VBZ", "VBP") or reports_speech(verb):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _prospective(doc: Doc, match: re.Match[str]) -> bool:
    """A month that names something still to come although the clause is not in the
    future tense: after a modal ("a strike could begin in early March") or as the start
    of what a commitment verb offers ("has offered a rise of 4 percent from July")."""
    verb = _governing_verb(doc, match.start("mm"), match.end("mm"))
    if verb is None:
        return False
    kids = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
    if kids & _MODALS and not kids & {"have", "not", "n't", "never"}:
        return True
    mod = (match.group("mmod") or "").lower()
    return mod == "from" and verb.lemma_.lower() in _COMMITMENTS


@dataclass(frozen=True, slots=True)
class _Resolved:
    start: date | None
    end: date | None
    rule: str
    anchor: date | None = None
    reason: str | None = None


def _unresolved(reason: str) -> _Resolved:
    return _Resolved(None, None, "unresolved", None, reason)


def _int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _resolve(match: re.Match[str], anchor: Anchor, tense: str) -> _Resolved:
    g = match.groupdict()
    kind = match.lastgroup
    try:
        if kind == "numeric":
            day = date(_int(g["ny"]), _int(g["nm"]), _int(g["nd"]))
            return _Resolved(day, day, "absolute-day-first")
        if kind == "iso":
            day = date(_int(g["iy"]), _int(g["im"]), _int(g["id"]))
            return _Resolved(day, day, "absolute")
        if kind == "mdy" and g["ay"]:
            day = date(_int(g["ay"]), month_number(g["am"]), _int(g["ad"]))
            return _Resolved(day, day, "absolute")
        if kind == "dmy" and g["by"]:
            day = date(_int(g["by"]), month_number(g["bm"]), _int(g["bd"]))
            return _Resolved(day, day, "absolute")
        if kind == "monthyear":
            first, last = cal.month_range(_int(g["cy"]), month_number(g["cm"]))
            return _Resolved(first, last, "month-year")
        if kind == "weekday" and g["wy"]:
            day = date(_int(g["wy"]), month_number(g["wm"]), _int(g["wdd"]))
            return _Resolved(day, day, "absolute")
        if kind == "year":
            return _year(g, anchor)
        if kind == "spokenyear":
            return _spoken_year(g)
        if kind == "bareyear":
            year = _int(g["byy"] or "")
            return _Resolved(date(year, 1, 1), date(year, 12, 31), "year")
        if kind == "decade":
            return _decade(g)
        if kind == "century":
            n = _int(g["cent"] or "")
            return _Resolved(date((n - 1) * 100, 1, 1), date(n * 100 - 1, 12, 31), "century")
        if kind == "vague":
            return _vague(g)
        if kind == "quarter" and (g["qyr"] or g["qy2"]):
            return _quarter(g, None)
        if kind == "dayrel":
            return _day_relative(match, anchor, tense)
        if kind == "textunit":
            step = {"following": 1, "previous": -1, "prior": -1}.get(g["tudir"] or "", 0)
            return _Resolved(None, None, f"pending-{g['tuunit']}{step:+d}")
    except ValueError as exc:
        return _unresolved(f"not a valid date: {exc}")
    if anchor.day is None:
        return _unresolved("no publication date")
    a = anchor.day
    if (
        kind == "weekday"
        and tense not in ("past", "perfect")
        and _LATER_ON.search(match.string[max(0, match.start() - 12) : match.start()])
    ):
        tense = "later-that-day"
    try:
        return _relative(kind or "", g, a, tense)
    except ValueError as exc:
        return _unresolved(f"not a valid date: {exc}")


_LATER_ON = re.compile(r"\blater\s+(?:on\s+|this\s+)?$", re.IGNORECASE)

# "the previous day": a day counted from another date in the text, filled in by
# :func:`_chain_to_text_dates` once every expression of the document is known.
_PENDING = {"pending-day-before": -1, "pending-day-after": 1}
_NAMED_EVENT = re.compile(r"\s+(?:the|a|an|his|her|its|their|this|that|[A-Z0-9])")


def _day_relative(match: re.Match[str], anchor: Anchor, tense: str) -> _Resolved:
    words = " ".join((match.group("dr") or "").lower().split())
    if words == "overnight":
        if anchor.day is None:
            return _unresolved("no publication date")
        a = anchor.day
        caveat = "the night around publication; a wire story's night may be a day earlier"
        if tense == "future":
            return _Resolved(a, a + timedelta(days=1), "overnight-after-anchor", a, caveat)
        return _Resolved(a - timedelta(days=1), a, "overnight-before-anchor", a, caveat)
    if words.startswith("the day ") and _NAMED_EVENT.match(match.string, match.end()):
        return _unresolved("a day before or after an event the text names, not a date")
    before = words.endswith("before") or "previous" in words
    return _Resolved(None, None, "pending-day-before" if before else "pending-day-after")


def _chain_to_text_dates(out: list[TimeExpression], sent_starts: list[int]) -> None:
    """ "The previous day" counts from the last single day dated in the same sentence or
    the one before; with none, it stays unresolved rather than borrow the publication date."""
    for i, t in enumerate(out):
        step = _PENDING.get(t.rule)
        if step is None:
            continue
        here = bisect_right(sent_starts, t.span[0]) - 1
        ref = None
        for prior in reversed(out[:i]):
            if bisect_right(sent_starts, prior.span[0]) - 1 < here - 1:
                break
            if prior.start is not None and prior.start == prior.end:
                ref = prior
                break
        if ref is None or ref.start is None:
            t.rule, t.reason = "unresolved", "counted from a day the text does not date nearby"
            continue
        day = ref.start + timedelta(days=step)
        t.start = t.end = day
        t.rule = "day-before-date-in-text" if step < 0 else "day-after-date-in-text"
        t.anchor, t.anchor_source = ref.start, "text"
        t.reason = f"counted from {ref.text!r}"


def _chain_to_text_units(out: list[TimeExpression], sent_starts: list[int]) -> None:
    """ "The following year", "later that month": the year or month after (or of) the
    last date in the same sentence or the one before that lies within one year or one
    month; with none, unresolved rather than counted from publication."""
    for i, t in enumerate(out):
        pending = re.fullmatch(r"pending-(year|month)([+-]\d)", t.rule)
        if pending is None:
            continue
        unit, step = pending.group(1), int(pending.group(2))
        here = bisect_right(sent_starts, t.span[0]) - 1
        ref = None
        for prior in reversed(out[:i]):
            if bisect_right(sent_starts, prior.span[0]) - 1 < here - 1:
                break
            if prior.start is None or prior.end is None:
                continue
            same = prior.start.year == prior.end.year
            if same and (unit == "year" or prior.start.month == prior.end.month):
                ref = prior
                break
        if ref is None or ref.start is None:
            t.rule, t.reason = "unresolved", "counted from a date the text does not give nearby"
            continue
        if unit == "year":
            first, last = cal.relative_year(ref.start, step)
        else:
            first, last = cal.relative_month(ref.start, step)
        t.start, t.end = first, last
        t.rule = f"{unit}-{'after' if step > 0 else 'before' if step < 0 else 'of'}-date-in-text"
        t.anchor, t.anchor_source = ref.start, "text"
        t.reason = f"counted from {ref.text!r}"


_QUARTER_NEARBY = 600  # characters: a results story compares quarters sentence by sentence


def _year_before_quarter(out: list[TimeExpression]) -> None:
    """ "Profit rose in the third quarter from $2 million a year earlier": in a story
    about a quarter, "a year ago" / "a year earlier" is that quarter a year before, not
    the whole previous year."""
    last_quarter: TimeExpression | None = None
    for t in out:
        if "quarter" in t.rule and t.start is not None and t.end is not None:
            last_quarter = t
            continue
        if t.rule not in ("ago-year", "earlier-than-anchor-year", "year-ago-adjective"):
            continue
        if last_quarter is None:
            continue
        if t.span[0] - last_quarter.span[1] > _QUARTER_NEARBY or t.text.lower() not in (
            "a year ago",
            "a year earlier",
            "one year ago",
            "one year earlier",
            "year-ago",
            "year-earlier",
        ):
            continue
        q_start, q_end = last_quarter.start, last_quarter.end
        assert q_start is not None and q_end is not None
        t.start, t.end = q_start.replace(year=q_start.year - 1), q_end.replace(year=q_end.year - 1)
        t.rule = "year-before-quarter-in-text"
        t.anchor, t.anchor_source = q_start, "text"
        t.reason = f"the quarter a year before {last_quarter.text!r}"


def _year(g: dict[str, str | None], anchor: Anchor) -> _Resolved:
    year = _int(g["yy"] or "")
    first, last = date(year, 1, 1), date(year, 12, 31)
    if (g["ymod"] or "").lower() == "since":
        if anchor.day is None:
            return _Resolved(first, None, "since", None, "no publication date for the end")
        return _Resolved(first, anchor.day, "since", anchor.day)
    return _Resolved(first, last, "year")


def _relative(kind: str, g: dict[str, str | None], a: date, tense: str) -> _Resolved:
    if kind == "weekday":
        return _weekday(g, a, tense)
    if kind in ("mdy", "dmy"):
        month = month_number(g["am"] or g["bm"] or "")
        day_no = _int(g["ad"] or g["bd"] or "")
        day, rule = cal.month_day_near(a, month, day_no, tense)
        return _Resolved(day, day, rule, a)
    if kind == "relative":
        return _relative_unit(g, a)
    if kind == "ago":
        return _ago(g, a)
    if kind == "yearago":  # "year-ago results": the year before, or a quarter (see below)
        return _Resolved(date(a.year - 1, 1, 1), date(a.year - 1, 12, 31), "year-ago-adjective", a)
    if kind == "deictic":
        offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1}.get(
            (g["deixis"] or "").lower(),
            -1,  # "last night"
        )
        day = date.fromordinal(a.toordinal() + offset)
        return _Resolved(day, day, "deictic", a)
    if kind in ("month", "baremonth"):
        return _month(g, a, tense)
    if kind == "quarter":
        return _quarter(g, a)
    if kind == "latestq":
        return _latest_quarter(g, a)
    if kind == "season":
        return _season(g, a, tense)
    if kind == "weekend":
        return _weekend(g, a, tense)
    if kind == "shortdecade":
        return _short_decade(g, a)
    if kind == "holiday":
        return _holiday(g, a, tense)
    return _unresolved("no rule for this expression")


def _spoken_year(g: dict[str, str | None]) -> _Resolved:
    """ "nineteen ninety-six", "the year two thousand": broadcast transcripts say years."""
    words = re.split(r"[\s-]+", (g["spy"] or "").lower())
    words = [w for w in words if w != "and"]
    if words[:2] == ["two", "thousand"]:
        year = 2000 + sum(NUMBER_WORDS[w] for w in words[2:])
    elif len(words) >= 2:
        year = NUMBER_WORDS[words[0]] * 100 + sum(NUMBER_WORDS[w] for w in words[1:])
    else:
        return _unresolved("a number, not a year")
    if not 1800 <= year <= 2099:
        return _unresolved("a number, not a year")
    if words[0] != "two" and NUMBER_WORDS.get(words[1], 0) < 10:
        return _unresolved("a number, not a year")  # "twenty six" is 26, not 2006
    return _Resolved(date(year, 1, 1), date(year, 12, 31), "spoken-year")


def _vague(g: dict[str, str | None]) -> _Resolved:
    """ "now", "recently", "in the future": a reference to a stretch of time with no
    edges. Kept (a reader sees the text marks a time) but never placed on the calendar."""
    if g["vpresent"]:
        return _Resolved(None, None, "present-ref", None, "the present, not a calendar date")
    if g["vpast"]:
        return _Resolved(None, None, "past-ref", None, "some time before, not a calendar date")
    return _Resolved(None, None, "future-ref", None, "some time after, not a calendar date")


def _short_decade(g: dict[str, str | None], a: date) -> _Resolved:
    """ "The nineties" names no century: the latest such decade begun by the anchor
    ("the twenties" is the 2020s in 2024, the 1920s in 1998)."""
    tens = (
        NUMBER_WORDS[(g["sdword"] or "")[:-3] + "y"] if g["sdword"] else _int(g["sdnum"] or "") * 10
    )
    start = a.year // 100 * 100 + tens
    if start > a.year:
        start -= 100
    resolved = _decade({"dec": str(start), "decpart": g["sdpart"]})
    return _Resolved(resolved.start, resolved.end, resolved.rule, a, "century read from the anchor")


def _decade(g: dict[str, str | None]) -> _Resolved:
    start = _int(g["dec"] or "")
    part = (g["decpart"] or "").strip(" -").lower()
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(part, (0, 9))
    rule = f"{part}-decade" if part else "decade"
    return _Resolved(date(start + first, 1, 1), date(start + last, 12, 31), rule)


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
_ORDINALS["4th"] = 4


def _quarter_range(year: int, q: int) -> tuple[date, date]:
    first = date(year, 3 * (q - 1) + 1, 1)
    return first, cal.month_range(year, 3 * q)[1]


def _quarter(g: dict[str, str | None], a: date | None) -> _Resolved:
    """ "the third quarter", "fourth-quarter", "the 1988 second quarter": a calendar
    quarter; without a year, the latest one that has begun by the anchor date. A
    company's fiscal quarter may not be the calendar's: the reason says so."""
    q = _ORDINALS[(g["qord"] or "").lower()]
    reason = "a fiscal quarter may not match the calendar" if g["qfiscal"] else None
    year_text = g["qyr"] or g["qy2"]
    if year_text:
        first, last = _quarter_range(_int(year_text), q)
        return _Resolved(first, last, "quarter-year", None, reason)
    assert a is not None
    rel = (g["qrel"] or "").lower()
    if rel:
        year = a.year + {"this": 0, "last": -1, "next": 1}[rel]
        first, last = _quarter_range(year, q)
        return _Resolved(first, last, f"quarter-{rel}-year", a, reason)
    first, last = _quarter_range(a.year, q)
    rule = "quarter-anchor-year"
    if first > a:
        first, last = _quarter_range(a.year - 1, q)
        rule = "quarter-previous-year"
    return _Resolved(first, last, rule, a, reason)


def _latest_quarter(g: dict[str, str | None], a: date) -> _Resolved:
    """ "the latest quarter" is the last one ended by the anchor date (results are
    reported after a quarter closes); "this quarter" the one the anchor is in; "the
    year-ago quarter" the latest one a year earlier."""
    words = " ".join((g["lq"] or "").lower().split())
    current = (a.month - 1) // 3 + 1
    if words in ("this quarter", "the current quarter"):
        first, last = _quarter_range(a.year, current)
        return _Resolved(first, last, "quarter-of-anchor", a)
    year, q = (a.year, current - 1) if current > 1 else (a.year - 1, 4)
    reason = "the latest quarter ended by publication"
    if g["lqago"]:
        year -= 1
        reason = "the same quarter a year before the latest one ended by publication"
    first, last = _quarter_range(year, q)
    return _Resolved(first, last, "latest-quarter", a, reason)


def _season(g: dict[str, str | None], a: date, tense: str) -> _Resolved:
    """ "last autumn", "this summer", "the winter of 1994": meteorological seasons
    (northern hemisphere); winter runs December to February and takes December's year."""
    name = (g["sea"] or "").lower()
    first_month, last_month = SEASONS[name]
    mod = " ".join((g["smod"] or "").lower().split())

    def span(year: int) -> tuple[date, date]:
        end_year = year + 1 if last_month < first_month else year
        return date(year, first_month, 1), cal.month_range(end_year, last_month)[1]

    if g["sy"]:
        first, last = span(_int(g["sy"]))
        return _Resolved(first, last, "season-year", None)
    if mod == "the":
        return _unresolved("a season named without a year")
    step = {"last": -1, "this past": -1, "next": 1, "last year's": -1, "next year's": 1}.get(mod, 0)
    if mod in ("last year's", "this year's", "next year's"):
        first, last = span(a.year + step)
        return _Resolved(first, last, f"season-{mod.split()[0]}-year", a)
    # the season holding the anchor, or the latest one begun by it
    year = a.year if (a.month, 1) >= (first_month, 1) else a.year - 1
    first, last = span(year)
    if step == -1 and last >= a:
        first, last = span(year - 1)
    elif step == 1 or (step == 0 and tense == "future" and last < a):
        first, last = span(year + 1) if first <= a else (first, last)
    elif step == 0 and mod == "this" and first_month > a.month and last_month >= first_month:
        first, last = span(a.year)
    rule = {-1: "season-last", 1: "season-next"}.get(step, "season-this")
    return _Resolved(first, last, rule, a, "meteorological season, northern hemisphere")


def _weekend(g: dict[str, str | None], a: date, tense: str) -> _Resolved:
    """ "Over the weekend", "this past weekend", "next weekend": a Saturday and Sunday,
    the latest or the coming one as the words, else the tense, say."""
    mod = " ".join((g["wemod"] or "").lower().split())
    step = {"last": -1, "this past": -1, "the past": -1, "next": 1}.get(mod, 0)
    if mod in ("this coming", "the coming") or tense in ("future", "scheduled"):
        step = max(step, 0)
        tense = "future"
    first, last = cal.weekend(a, step, tense)
    rule = {-1: "weekend-last", 1: "weekend-next"}.get(step, f"weekend-{tense}")
    return _Resolved(first, last, rule, a)


def _holiday(g: dict[str, str | None], a: date, tense: str) -> _Resolved:
    """ "Thanksgiving Day", "Christmas": the holiday of the anchor's year, or of the
    year before or after as the tense says (the nearer one when it says nothing)."""
    name = " ".join((g["hol"] or "").lower().replace("’", "'").split())
    month, day_no, weekday, nth = HOLIDAYS[name]
    days = [cal.holiday(a.year + k, month, day_no, weekday, nth) for k in (-1, 0, 1)]
    if tense in ("past", "reported"):
        day = max(d for d in days if d <= a + timedelta(days=1))
    elif tense in ("future", "scheduled"):
        day = min(d for d in days if d >= a - timedelta(days=1))
    else:
        day = min(days, key=lambda d: abs((d - a).days))
    reason = None if day_no else "a United States holiday"
    return _Resolved(day, day, "holiday", a, reason)


def _weekday(g: dict[str, str | None], a: date, tense: str) -> _Resolved:
    weekday = WEEKDAYS[(g["wd"] or "").lower()]
    if g["wm"]:
        month = month_number(g["wm"])
        day, _ = cal.month_day_near(a, month, _int(g["wdd"] or ""), tense)
        day = cal.year_of_weekday(day, weekday, a)
        reason = None
        if day.weekday() != weekday:
            reason = f"the page gives {day.isoformat()}, which is not a {g['wd']}"
        return _Resolved(day, day, "weekday-explicit-date", a, reason)
    mod = (g["wmod"] or "").strip().lower()
    if mod == "last":
        day = cal.weekday_before(a, weekday)
        return _Resolved(day, day, "weekday-last", a)
    if mod == "next":
        day = cal.weekday_after(a, weekday)
        return _Resolved(day, day, "weekday-next", a)
    if tense == "later-that-day":
        # "expected to speak later on Wednesday": the writer is on that Wednesday; a page
        # dated the day after reprints it (time zones, a next-day copy)
        day = cal.weekday_on_or_after(a - timedelta(days=1), weekday)
        return _Resolved(day, day, "weekday-later-that-day", a)
    if tense == "future":
        # "He is expected to speak later on Wednesday" on a Wednesday page: that day
        day = cal.weekday_on_or_after(a, weekday)
        return _Resolved(day, day, "weekday-after-anchor", a)
    if tense == "scheduled":
        day = cal.weekday_on_or_after(a, weekday)
        return _Resolved(day, day, "weekday-on-or-after-anchor-present-tense", a)
    day = cal.weekday_on_or_before(a, weekday)
    reason = None if tense == "past" else "tense unclear; read as the latest such day"
    return _Resolved(day, day, "weekday-before-anchor", a, reason)


def _relative_unit(g: dict[str, str | None], a: date) -> _Resolved:
    part_word = (g["rpart"] or "").strip().lower().rstrip("-")
    direction = (g["rdir"] or "").lower()
    unit = g["runit"] or ""
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1}[direction]
    part = {"early": "early", "late": "late", "mid": "mid"}.get(part_word)
    if unit == "week":
        first, last = cal.relative_week(a, step)
    elif unit == "month":
        first, last = cal.relative_month(a, step, part)
    else:
        first, last = cal.relative_year(a, step, part)
    if part_word == "earlier" and step == 0:
        last = a
    elif part_word == "later" and step == 0:
        first = a
    rule = "-".join(w for w in (part_word, direction, unit) if w)
    if part:
        rule = f"{rule}-{cal.part_label(part, unit)}"
    reason = "the past seven days or the previous calendar week" if rule == "last-week" else None
    return _Resolved(first, last, rule, a, reason)


def _ago(g: dict[str, str | None], a: date) -> _Resolved:
    """ "two weeks ago": the day that far back, marked approximate, with the unit in the
    rule ("ago-week") so a reader (and the TIMEX3 mapping) knows it names a week, not a
    day. "A few days ago" has no count: the days two to six before the anchor.
    "Earlier" counts from publication too, which the reason says (the text may count
    from another date)."""
    word = " ".join((g["gn"] or "").lower().split())
    unit = (g["gu"] or "").lower().rstrip("s")
    earlier = (g["gdir"] or "").lower() == "earlier"
    caveat = (
        "counted from publication; the text may count from another date"
        if earlier
        else "approximate"
    )
    if word in ("a few", "several", "a couple of", "many", "some"):
        if unit != "day":
            return _Resolved(None, None, "past-ref", a, f"{word} {unit}s before, no count")
        first, last = a - timedelta(days=6), a - timedelta(days=2)
        return _Resolved(first, last, "few-days-ago", a, f"{caveat}: a few days, two to six")
    count = _NUMBER_WORDS.get(word) or _int(word)
    day = cal.ago(a, count, unit)
    rule = "earlier-than-anchor" if earlier else "ago"
    return _Resolved(day, day, f"{rule}-{unit}", a, caveat)


def _month(g: dict[str, str | None], a: date, tense: str) -> _Resolved:
    """A month without a year: the past or the next one as the tense says; with no
    tense to go by, the nearer of the two; "this March" is the anchor year's."""
    mod = (g["mmod"] or "").lower()
    month = month_number(g["mm"] or g["bmm"] or "")
    if mod == "this":
        first, last = cal.month_range(a.year, month)
        return _Resolved(first, last, "month-anchor-year", a)
    if mod.startswith("last"):
        tense = "past"
    elif mod.startswith("next"):
        tense = "future"
    if tense not in ("past", "future") and not mod.startswith("since"):
        past, nxt = cal.month_near(a, month, "past"), cal.month_near(a, month, "future")
        first, last = min((past, nxt), key=lambda r: abs((r[0] - a).days + 14))
        rule = "month-nearest-anchor"
        if first > a:
            rule = "month-after-anchor"
        part = next((p for p in ("early", "late", "mid") if p in mod), None)
        if part:
            first, last = cal.relative_month(first, 0, part)
            rule = f"{part}-{rule}-{cal.part_label(part, 'month')}"
        return _Resolved(first, last, rule, a, "tense unclear; read as the nearer such month")
    first, last = cal.month_near(a, month, "future" if tense == "future" else "past")
    part = next((p for p in ("early", "late", "mid") if p in mod), None)
    if part:
        first, last = cal.relative_month(first, 0, part)
    if mod.startswith("since"):
        return _Resolved(first, a, "since-month", a)
    rule = "month-after-anchor" if tense == "future" else "month-before-anchor"
    if part:
        rule = f"{part}-{rule}-{cal.part_label(part, 'month')}"
    return _Resolved(first, last, rule, a)
