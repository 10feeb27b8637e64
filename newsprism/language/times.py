"""Dates in the text, resolved to the calendar against an anchor date.

Expressions are found with patterns of our own (so each rule is known and tested);
spaCy's DATE entities that no pattern covers are kept as unresolved, with the reason.
Tense, read from the parse, decides between the last and the next weekday, month or
month-day; a modal ("could begin in early March"), the object of an offer or plan
("has offered a rise from July") and a timetable present ("the ballot closes on
Friday") count as future. "The previous day" and "the day after" count from the last
day dated in the text nearby, never from publication; "overnight" is the night around
publication. dateparser is used only for absolute dates no pattern reads.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from newsprism.language import calendar_rules as cal
from newsprism.language.quantities import NUMBER_WORDS
from newsprism.language.speech import SPEECH_FORMS, inflect
from newsprism.model import TimeExpression

_M = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_N = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
_PART = r"(?:\s+(?:night|morning|afternoon|evening))"

_PATTERNS: list[tuple[str, str]] = [
    ("numeric", rf"\b(?P<nd>[0-3]?\d)[./](?P<nm>[01]?\d)[./](?P<ny>{_Y})\b"),
    ("iso", rf"\b(?P<iy>{_Y})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"),
    (
        "weekday",
        rf"\b(?P<wmod>(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate)\s+)?(?P<wd>{_WD})"
        rf"(?:(?:,\s+|\s+\(|\s+)(?P<wm>{_M})\s+(?P<wdd>{_D})(?:,?\s+(?P<wy>{_Y}))?\)?)?"
        rf"(?P<wpart>{_PART})?(?:'s|’s)?",
    ),
    ("mdy", rf"\b(?P<am>{_M})\s+(?P<ad>{_D})(?:,?\s+(?P<ay>{_Y}))?(?![\d:])"),
    ("dmy", rf"\b(?P<bd>{_D})\s+(?:of\s+)?(?P<bm>{_M})(?:,?\s+(?P<by>{_Y}))?\b"),
    ("monthyear", rf"\b(?P<cm>{_M})\s+(?P<cy>{_Y})\b"),
    (
        "relative",
        r"\b(?P<rpart>(?:[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]arlier|[Ll]ater)\s+)?"
        r"(?P<rdir>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Pp]revious)\s+(?P<runit>week|month|year)\b",
    ),
    ("ago", rf"\b(?P<gn>(?i:{_N}))\s+(?P<gu>(?i:days?|weeks?|months?|years?|decades?))\s+ago\b"),
    (
        "dayrel",
        r"\b(?P<dr>(?i:the\s+(?:previous|following|next)\s+day|the\s+day\s+(?:before|after)"
        r"|overnight))\b",
    ),
    ("deictic", r"\b(?P<deixis>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b"),
    (
        "month",
        rf"\b(?P<mmod>in|since|until|by|during|from|since\s+early|since\s+late|in\s+early"
        rf"|in\s+late|in\s+mid-?|last|next|this|early|late|[Mm]id)(?:\s+|-)(?P<mm>{_M})(?![\w.])",
    ),
    (
        "year",
        rf"\b(?P<ymod>in|since|until|by|during|from|before|after|of|early|late)\s+(?P<yy>{_Y})\b"
        r"(?![,.]?\d)",
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
    return out


_FULL_MONTHS = frozenset(k for k in cal.MONTHS if len(k) > 3) | {"may"}
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
    """ "past", "future" or "present" for the clause the expression sits in."""
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
        if verb.tag_ in ("VBD",) or (verb.tag_ == "VBN" and "has" not in kids):
            return "past"
        if kids & {"was", "were", "had", "did"}:
            return "past"
        if verb.tag_ in ("VBZ", "VBP", "VBG", "VB") and kids & {"has", "have"}:
            return "past"
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp"):
            verb = verb.head
            continue
        break
    return "present"


_MODALS = frozenset({"could", "may", "might", "can", "should", "must"})
# Verbs whose object is something still to come: "has offered a rise from July".
# Matched by written form (the pipeline runs without a lemmatizer).
_COMMITMENTS: frozenset[str] = frozenset(
    form
    for base in (
        "offer",
        "propose",
        "promise",
        "pledge",
        "agree",
        "approve",
        "announce",
        "demand",
        "seek",
        "table",
        "schedule",
        "vote",
        "decide",
        "accept",
        "reject",
    )
    for form in inflect(base)
) | frozenset({"plan", "plans", "planned", "planning", "set", "sets", "sought"})


def _clause_tense(doc: Doc, match: re.Match[str], start: int, end: int) -> str:
    """The tense that decides between the last and the next month or weekday."""
    tense = _tense(doc, start, end)
    kind = match.lastgroup
    scheduled = tense == "present" and _scheduled(doc, start, end)
    if kind == "month" and tense != "future" and (scheduled or _prospective(doc, match)):
        return "future"
    if kind == "weekday" and scheduled:
        return "scheduled"
    return tense


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
    if verb.tag_ not in ("VBZ", "VBP") or verb.lower_ in SPEECH_FORMS:
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
    return mod == "from" and verb.lower_ in _COMMITMENTS


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
            day = date(_int(g["ay"]), cal.month_number(g["am"]), _int(g["ad"]))
            return _Resolved(day, day, "absolute")
        if kind == "dmy" and g["by"]:
            day = date(_int(g["by"]), cal.month_number(g["bm"]), _int(g["bd"]))
            return _Resolved(day, day, "absolute")
        if kind == "monthyear":
            first, last = cal.month_range(_int(g["cy"]), cal.month_number(g["cm"]))
            return _Resolved(first, last, "month-year")
        if kind == "weekday" and g["wy"]:
            day = date(_int(g["wy"]), cal.month_number(g["wm"]), _int(g["wdd"]))
            return _Resolved(day, day, "absolute")
        if kind == "year":
            return _year(g, anchor)
        if kind == "dayrel":
            return _day_relative(match, anchor, tense)
    except ValueError as exc:
        return _unresolved(f"not a valid date: {exc}")
    if anchor.day is None:
        return _unresolved("no publication date")
    a = anchor.day
    try:
        return _relative(kind or "", g, a, tense)
    except ValueError as exc:
        return _unresolved(f"not a valid date: {exc}")


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
        month = cal.month_number(g["am"] or g["bm"] or "")
        day_no = _int(g["ad"] or g["bd"] or "")
        day, rule = cal.month_day_near(a, month, day_no, tense)
        return _Resolved(day, day, rule, a)
    if kind == "relative":
        return _relative_unit(g, a)
    if kind == "ago":
        word = (g["gn"] or "").lower()
        count = _NUMBER_WORDS.get(word) or _int(word)
        day = cal.ago(a, count, (g["gu"] or "").lower())
        return _Resolved(day, day, "ago", a, "approximate")
    if kind == "deictic":
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[
            (g["deixis"] or "").lower()
        ]
        day = date.fromordinal(a.toordinal() + offset)
        return _Resolved(day, day, "deictic", a)
    if kind == "month":
        return _month(g, a, tense)
    return _unresolved("no rule for this expression")


def _weekday(g: dict[str, str | None], a: date, tense: str) -> _Resolved:
    weekday = cal.WEEKDAYS[(g["wd"] or "").lower()]
    if g["wm"]:
        month = cal.month_number(g["wm"])
        day, _ = cal.month_day_near(a, month, _int(g["wdd"] or ""), tense)
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
    if tense == "future":
        day = cal.weekday_after(a, weekday)
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
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[direction]
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


def _month(g: dict[str, str | None], a: date, tense: str) -> _Resolved:
    mod = (g["mmod"] or "").lower()
    month = cal.month_number(g["mm"] or "")
    if mod.startswith("last"):
        tense = "past"
    elif mod.startswith("next"):
        tense = "future"
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
