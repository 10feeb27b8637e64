"""One timeline for a story: each dated happening once, every outlet on it.

Events of related stories of the storyline are on it too, marked ``related``, and
never merged with this story's own. A date that belongs to another happening named
in passing ("for the death of three soldiers in Jordan late last month") dates that
happening, described by its own words, not the sentence's main event; so does a
date inside a clause that tells a participant's past in passing ("a commander whose
predecessor was killed in 2019", "who has led the union since 2017"): it dates that
clause, never the sentence's own event (the language layer reads which happening a
date dates: ``language.dated_events.DatedEvent``). A vague expression ("a year
ago", "earlier this month") stays approximate, with low confidence, and is never
shown as a single day.

Two mentions are one event when they resolve to the same days and their sentences
are about the same thing: they state one fact (same fact group), or they share the
happening's own words and participants ("clashed", "police", "protesters"), weighed
by how rare those words are among the story's dated sentences. The same day alone is
not enough: a strike and a phone call can share a Tuesday. "The ministry said on
Thursday that ..." dates the saying, not what was said: such a statement is an event
of its own and never merges with the happening it reports.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsprism.clean.dateline import find_dateline
from newsprism.compare.claims import is_date_line, lead_to_cut
from newsprism.compare.context import StoryContext
from newsprism.compare.evidence import cite
from newsprism.compare.records import DatePrecision, TimelineEvent, TimelineMention
from newsprism.compare.similarity import text_scores
from newsprism.compare.units import Unit
from newsprism.language.dated import date_sentence, nearest_year
from newsprism.language.dated_events import stored_event
from newsprism.language.rules.words import fold, tokens
from newsprism.lexicon import FOREIGN_WEEKDAYS
from newsprism.model import BORROWED_ANCHORS, Annotations, Article, Span, TimeExpression, trim_span

_VAGUE = re.compile(
    r"\b(?:ago|recent(?:ly)?|earlier|later|several|few|couple|some|about|around|early|late|mid"
    r"|spring|summer|autumn|fall|winter|decade|century|past|previous|last)\b",
    re.IGNORECASE,
)
SHARED_WEIGHT = 4.0  # summed rarity (idf) of a clause's words found in the other sentence
# a dateline that opens a sentence: place (and date), the agency in brackets or between
# bars, then a dash ("Tarsk, Sep. 9 (Agency) --", "Korva, Ostland | AFP | mercredi
# 20/03/2024 -"): a date in it is the page's, and it is no part of any event's words
_DATELINE_LEAD = re.compile(
    r"^\s*[^\n!?]{0,60}?(?:\([A-Z][\w .&-]{1,30}\)|\|\s*[A-Z][\w.&-]{1,20}\s*\|[^\n|]{0,40}?)"
    r"\s*(?:--|[-–—])\s+"
)
# single days told with a part of the day ("early Monday", "late Wednesday") or counted
# from a day in the text ("the previous day"): still one day, not an approximation
_DAY_RULES = ("weekday", "deictic", "day-", "relative-day", "absolute", "month-day", "day-month")


@dataclass(slots=True)
class _Row:
    story: str
    article: str
    articles: Mapping[str, Article]
    t: TimeExpression
    sentence: Span
    text: str
    related: bool = False
    kind: str = "event"
    description: Span | None = None  # the happening the date belongs to, when not the sentence
    terms: set[str] = field(default_factory=set)  # the sentence's, minus any "X said"
    core: set[str] = field(default_factory=set)  # the dated clause's own
    fact: str | None = None
    whole: Span | None = None  # the sentence as the aligner cut it, dateline and all

    @property
    def days(self) -> tuple[Any, Any]:
        return (self.t.start, self.t.end or self.t.start)


_COARSE_DAYS = 27  # a date spanning a month or more ("en juin 2021", "in 2019")


def _coarse(t: TimeExpression) -> bool:
    return t.start is not None and t.end is not None and (t.end - t.start).days >= _COARSE_DAYS


_SEGMENT = re.compile(r"[^,;:()«»“”—–]+")


def _segment(text: str, sentence: Span, t: TimeExpression) -> Span | None:
    """The stretch between punctuation that holds the date ("élu président de la République
    en juin 2021"), when it is only part of the sentence: an unparsed sentence's clause."""
    words = text[sentence[0] : sentence[1]]
    for m in _SEGMENT.finditer(words):
        lo, hi = sentence[0] + m.start(), sentence[0] + m.end()
        if lo <= t.span[0] and t.span[1] <= hi:
            if hi - lo >= len(words.strip()) - 2:
                return None
            return trim_span(text, (lo, hi))
    return None


# words that open a clause told in passing: a relative pronoun or a conjunction of time
# ("La tempête de vendredi soir a fait 37 morts selon un bilan de samedi")
_INCIDENTAL_OPENERS = frozenset(
    {"qui", "que", "qu", "dont", "ou", "lequel", "laquelle", "lorsque", "apres", "quien",
     "quienes", "donde", "cuando", "cuyo", "cuya", "tras", "despues", "quem", "onde", "cujo",
     "apos", "der", "die", "das", "welcher", "welche", "als", "nachdem", "wo", "yang",
     "ketika", "saat", "setelah", "الذي", "التي", "الذين", "حيث", "عندما", "بعد", "aunque",
     "quoique", "bien", "obwohl", "embora", "meskipun", "walaupun", "although", "though"}
)  # fmt: skip


def _incidental(
    text: str, sentence: Span, t: TimeExpression, rows: Sequence[_Row], r: _Row
) -> bool:
    """Without a parse, a date inside a clause set off by commas that opens with a
    relative pronoun or a conjunction of time, in a sentence that gives another day too:
    the clause tells another moment in passing, so the date describes that clause, and
    the sentence's own words go with the sentence's other day."""
    others = [
        o
        for o in rows
        if o is not r and o.article == r.article and o.sentence == r.sentence and o.days != r.days
    ]
    if not others:
        return False
    segment = _segment(text, sentence, t)
    if segment is None:
        return False
    first = tokens(text[segment[0] : segment[1]])[:1]
    return bool(first) and fold(first[0].text).strip("'’") in _INCIDENTAL_OPENERS


def _beside_finer(
    t: TimeExpression, ann: Annotations, sentence: Span, words: str, language: str
) -> bool:
    """A year or month in a sentence that also names a day ("murió el domingo ...,
    elegido en 2021"): without a parse to say which verb each governs, the coarse date
    belongs to a clause in passing, not to the sentence's own event."""
    if not _coarse(t):
        return False
    days = FOREIGN_WEEKDAYS.get(language, ())
    if any(fold(w).strip(".,،") in days for w in words.split()):
        return True
    return any(
        o.span != t.span
        and sentence[0] <= o.span[0] < sentence[1]
        and not _coarse(o)
        and (o.start is None or o.end is None or o.start == o.end)
        for o in ann.times
    )


def _in_dateline(article: Article, span: Span) -> bool:
    dateline = article.dateline
    return bool(dateline and dateline.span and dateline.span[0] <= span[0] < dateline.span[1])


def _is_dateline(text: str, sentence: Span) -> bool:
    """A sentence that is only a dateline: the language layer ends a sentence after the
    dateline, so "Tarsk, Apr. 9 (Agency) --" may stand alone, with the text it opens in
    the next sentence (found here as cleaning finds it, on the text that follows)."""
    start, end = sentence
    found = find_dateline(text[start : end + 200])
    return bool(found and found.span and start + found.span[1] >= end)


def _rows(
    sources: Sequence[tuple[str, Mapping[str, Article], Mapping[str, Annotations]]],
    own: str,
    own_day: date | None = None,
) -> list[_Row]:
    """``own_day``: a day of the story, for its undated pages' "own year"."""
    rows: list[_Row] = []
    for story_id, articles, story_annotations in sources:
        for art_id, ann in story_annotations.items():
            if art_id not in articles:
                continue
            text = articles[art_id].text
            for t in ann.times:
                if t.start is None:
                    continue
                t = nearest_year(t)
                published = articles[art_id].published  # its year holds, month-only too
                day = published.date() if published else own_day if story_id == own else None
                if _own_year(t, day):
                    continue  # "the 2024 election" in a 2024 page dates nothing on a day axis
                sent = whole = date_sentence(text, ann.sentences, t)
                words = text[sent[0] : sent[1]]
                if is_date_line(words):
                    continue  # the page's date line ("date 2024-05-20 CITY -") dates no event
                if _in_dateline(articles[art_id], t.span) or _is_dateline(text, sent):
                    continue  # "CITY | Agency | Monday 20/03/2024 -": the page's, no event
                sent = _without_lead(text, _own_part(text, sent, t))
                if t.span[1] <= sent[0]:
                    continue  # a date in the dateline ("Tarsk, Sep. 9 (Agency) --") is the page's
                words = text[sent[0] : sent[1]]
                language = articles[art_id].language or "en"
                if language != "en" and _beside_finer(t, ann, sent, words, language):
                    continue  # unparsed: a year beside a day names another happening
                rows.append(
                    _Row(
                        story_id,
                        art_id,
                        articles,
                        t,
                        sent,
                        text[sent[0] : sent[1]],
                        story_id != own,
                        whole=whole,
                    )
                )
    return _one_night(rows)


# what joins the two days of one night: "la nuit de dimanche à lundi", "from Friday night
# to Saturday", "ليل الجمعة السبت", "in der Nacht von Freitag auf Samstag"
_NIGHT_JOIN = re.compile(
    r"^\s*(?:night|noche|nuit|soir|nacht|malam|noite)?\s*(?:à|au|al|a|to|into|zum|zu|auf|bis"
    r"|para|ke|hingga|-|–|/)?\s*$",
    re.IGNORECASE,
)


def _one_night(rows: list[_Row]) -> list[_Row]:
    """Two consecutive days named together across a night ("dans la nuit de dimanche à
    lundi", "from Friday night to Saturday") are one moment, not two happenings: one
    row, its days the two."""
    out: list[_Row] = []
    for r in rows:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.article == r.article
            and prev.sentence == r.sentence
            and prev.t.start is not None
            and r.t.start is not None
            and prev.t.start == prev.days[1]
            and r.t.start == r.days[1]
            and (r.t.start - prev.t.start).days == 1
            and prev.t.span[1] <= r.t.span[0]
            and _NIGHT_JOIN.match(prev.articles[prev.article].text[prev.t.span[1] : r.t.span[0]])
        ):
            text = prev.articles[prev.article].text[prev.t.span[0] : r.t.span[1]]
            prev.t = dataclasses.replace(prev.t, end=r.t.start, text=text)
            continue
        out.append(r)
    return out


def _without_lead(text: str, sentence: Span) -> Span:
    """The sentence without the date line and dateline that open it: "date 2024-03
    Korva, Ostland | AFP | mercredi 20/03/2024 - Le ministre ..." is shown, and dated,
    from "Le ministre"."""
    start, end = sentence
    for _ in range(2):
        words = text[start:end]
        cut = lead_to_cut(words)
        m = _DATELINE_LEAD.match(words[cut:])
        cut += m.end() if m and words[cut + m.end() :].strip() else 0
        if not cut:
            break
        start += cut
    return trim_span(text, (start, end))


# two sentences glued by a missing space ("... de Irán.A última hora del domingo ..."):
# a full stop after a word, then a capital that opens a word
_GLUED = re.compile(r"(?<=[^\W_]{2})[.!?](?=[^\W\d_a-z](?:[^\W\d_A-Z]|\s))")


def _own_part(text: str, sentence: Span, t: TimeExpression) -> Span:
    """The part of a sentence that holds the date, when the page glued two sentences
    together with no space after the full stop: the other's words are not this date's."""
    start, end = sentence
    for m in _GLUED.finditer(text, start, end):
        cut = m.end()
        if cut <= t.span[0]:
            start = cut
        elif cut >= t.span[1]:
            end = cut
            break
    return trim_span(text, (start, end))


def _own_year(t: TimeExpression, published: date | None) -> bool:
    """A whole calendar year that holds the page's own publication day."""
    if t.start is None or t.end is None or published is None:
        return False
    whole = (t.start.month, t.start.day, t.end.month, t.end.day) == (1, 1, 12, 31)
    return whole and t.start.year == t.end.year and t.start <= published <= t.end


def _fact_of(
    units: Sequence[Unit], groups: Mapping[str, Sequence[int]]
) -> dict[tuple[str, Span], str]:
    """Sentences that state a fact other outlets state too, by fact id."""
    out: dict[tuple[str, Span], str] = {}
    for fact_id, members in groups.items():
        if len({units[m].article for m in members}) < 2:
            continue
        for m in members:
            out.setdefault((units[m].article, units[m].sentence), fact_id)
    return out


def precision_of(t: TimeExpression) -> DatePrecision:
    """A single day read from a vague expression is approximate, never a day."""
    if t.start is not None and t.end is not None and t.end != t.start:
        return "range"
    if "ago" in t.rule:
        return "approximate"
    if t.rule.startswith(_DAY_RULES) or t.rule.endswith("date-in-text"):
        return "day"  # "early Monday", "the previous day": that day, told more closely
    return "approximate" if _VAGUE.search(t.text) else "day"


def build_timeline(
    ctx: StoryContext,
    sources: Sequence[tuple[str, Mapping[str, Article], Mapping[str, Annotations]]],
    units: Sequence[Unit] = (),
    groups: Mapping[str, Sequence[int]] | None = None,
) -> list[TimelineEvent]:
    """``sources`` are (story id, articles, annotations) for the story and its related
    stories; the related stories' articles are read without a parse."""
    start = ctx.story.start
    rows = _rows(sources, ctx.story.id, start.date() if start else None)
    if not rows:
        return []
    fact_of = _fact_of(units, groups or {})
    for r in rows:
        text = r.articles[r.article].text
        if (r.articles[r.article].language or "en") != "en":
            if _coarse(r.t) or _incidental(text, r.sentence, r.t, rows, r):
                r.description = _segment(text, r.sentence, r.t)  # no parse: its clause, by marks
            continue
        own = None if r.related else ctx.annotations.get(r.article)
        reading = stored_event(own, r.t) if own is not None else None
        if reading is None:
            continue  # no parse: the related stories' pages, pages read by rule
        r.kind, r.terms, r.core = reading.kind, set(reading.terms), set(reading.core)
        r.description = reading.description
        if reading.description is not None and _says_little(text, reading.description, r.t):
            if _coarse(r.t):
                r.kind = "fragment"  # "the 2016 election": a noun and its year tell no event
            else:
                r.description = None  # "won the Feb 14 contest": the sentence tells it
        if r.description is None:
            r.fact = fact_of.get((r.article, r.sentence)) or fact_of.get(
                (r.article, r.whole or r.sentence)
            )
    rows = [r for r in rows if r.kind != "fragment"]
    if not rows:
        return []
    df = Counter(term for r in rows for term in r.terms)
    idf = {term: math.log(1 + len(rows) / n) for term, n in df.items()}
    scores = text_scores([_said(r) for r in rows], ctx.embed)
    parent = list(range(len(rows)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            b = rows[j]
            if a.days != b.days or a.kind != b.kind or a.story != b.story:
                continue
            if (a.description is None) != (b.description is None):
                continue  # a happening named in passing is not the sentence's own event
            shared = a.terms & b.terms
            # one side's own happening is told in the other's sentence, in rare words
            told = max(sum(idf[w] for w in shared & a.core), sum(idf[w] for w in shared & b.core))
            same_fact = a.fact is not None and a.fact == b.fact
            if same_fact or told >= SHARED_WEIGHT or scores[i, j] >= ctx.cuts.same_event:
                parent[find(i)] = find(j)
    events: dict[int, list[int]] = {}
    for i in range(len(rows)):
        events.setdefault(find(i), []).append(i)
    out = [_event(rows, members, scores) for members in events.values()]
    out.sort(key=lambda e: (e.related, e.start, e.end, e.kind, e.description))
    return out


# the words of a noun phrase that say nothing of what happened
_EMPTY_WORDS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "of", "in", "on",
     "at", "s", "year", "years", "day", "days", "month", "week"}
)  # fmt: skip


def _says_little(text: str, described: Span, t: TimeExpression) -> bool:
    """A happening named by one noun beside its date ("the 2016 election", "his 2016
    campaign", "the March 26 collapse"): no event a reader could check, only a word."""
    words = text[described[0] : described[1]].replace(t.text, " ")
    content = [w for w in re.findall(r"[^\W\d_]+", words.lower()) if w not in _EMPTY_WORDS]
    return len(content) < 2


def _said(r: _Row) -> str:
    if r.description is not None:
        return r.articles[r.article].text[r.description[0] : r.description[1]]
    return r.text


def _event(rows: Sequence[_Row], members: Sequence[int], scores: Any) -> TimelineEvent:
    central = max(members, key=lambda m: (sum(scores[m, o] for o in members), -m))
    mentions = []
    for m in members:
        r = rows[m]
        mentions.append(
            TimelineMention(
                cite(r.articles, r.article, r.sentence, r.sentence),
                r.t.text,
                r.t.span,
                r.t.rule,
                r.t.anchor_source,
            )
        )
    c = rows[central]
    start, end = c.days
    precision = precision_of(c.t)
    confidence = {"day": 0.9, "range": 0.7, "approximate": 0.3}[precision]
    if any(r.t.anchor_source in BORROWED_ANCHORS for r in (rows[m] for m in members)):
        confidence -= 0.2
    return TimelineEvent(
        start=start.isoformat(),
        end=end.isoformat(),
        precision=precision,
        confidence=round(max(0.1, confidence), 2),
        kind="statement" if c.kind == "statement" else "event",
        description=" ".join(_said(c).split()),
        story=c.story,
        related=c.related,
        outlets=sorted({m.cite.outlet for m in mentions}),
        mentions=mentions,
    )
