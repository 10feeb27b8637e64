"""Figure slots: the counts outlets give for the same outcome of the same happening.

A count is compared only with counts of the same outcome (the language layer reads
it from the parse: "injured", "hurt" and "wounded" are one family) about the same
happening: close in meaning, or in one fact group, never dated to different days
nor placed in different places. Ages, years, durations, ordinals, money and
percentages are never counts (``Quantity.kind``).

Each figure becomes the range it allows (``lexicon.figure_range``: "at least 12" is
12 or more, "fewer than 10" is below 10, "dozens" 24 to 99), and a slot is graded:

- ``contradict``: two figures for the same people that cannot both be true, on strong
  evidence that the sentences describe one happening, and not explained as an update;
- ``update``: the figures differ but the later reports give them as a change ("rose
  to", "revised down from ... to"), or each later report gives a higher toll;
- ``differs``: compatible but different: other precision ("nearly 40" and "37"), or
  counts of other groups of the same people ("a commander", "two militia officials",
  "three people"), shown side by side; or figures that clash on weak event evidence;
- ``agree``: the same figure.

Every slot, also one given by one outlet only, is a ``FigureSlot`` with the story's
figure: the latest well-supported one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, cast

import numpy as np
from spacy.tokens import Doc, Token

from newsprism.compare.areas import area_of, parts
from newsprism.compare.context import StoryContext
from newsprism.compare.credit import credited_to, subject_before
from newsprism.compare.options import CompareOptions
from newsprism.compare.records import Finding, SlotValue, Step
from newsprism.compare.similarity import text_scores
from newsprism.compare.units import Unit
from newsprism.language.quantities import number_value
from newsprism.language.rules.words import fold
from newsprism.lexicon import (
    AGE_WORDS,
    CURRENCY_WORDS,
    DURATION_NOUNS,
    ESTIMATE_WORDS,
    FALLING_OUTCOMES,
    FIGURE_STATUS_STOPS,
    FIGURE_STATUS_WORDS,
    FOREIGN_FROM_TO,
    MEASURE_UNITS,
    NUMBER_WORDS,
    OTHER_EVENT_SINCE,
    OTHER_EVENT_SINCE_REACH,
    PEOPLE_NOUNS,
    PERCENT_WORDS,
    RELATIVE_WORDS,
    STREET_WORDS,
    TALLY_EVENT_NOUNS,
    TALLY_MARKERS,
    UPDATE_WORDS,
    figure_range,
    ranges_overlap,
)
from newsprism.model import Annotations, Article, Quantity, Span, TimeExpression
from newsprism.stories.neighbours import naive_utc

SAME_FACT_BONUS = 0.25
SAME_DAY_BONUS = 0.1
SAME_ARTICLE_LINK = 0.35  # another figure in an article already in the slot
OTHER_ARTICLE_LINK = 0.3
MAX_NOUN_WORDS = 4  # a longer counted phrase is left out of the figure as shown
SMALL_FIGURE = 5  # two reports of "three killed" may well be two happenings
WINDOW = 3  # tokens kept on each side of the count and its outcome word
_FROM = {"from"}
_SINCE = {"down", "up"}  # "31, down from 66": the 66 is what the figure changed from
# the counted noun of a figure that is no count of people or things: a length of time,
# an age, a share, a measure, money, an address ("the 400 block of Main Street")
_NOT_COUNTS = (
    DURATION_NOUNS
    | AGE_WORDS
    | PERCENT_WORDS
    | MEASURE_UNITS
    | CURRENCY_WORDS
    | STREET_WORDS
    | {"old", "time"}
)


Status = Literal["withdrawn", "denied"]


@dataclass(slots=True)
class Count:
    article: str
    q: Quantity
    sentence: Span
    family: str  # outcome family: "killed", "injured", ...
    counted: str  # counted class: "people" or a noun lemma
    context: str  # the clause around the count
    window: str  # the count, its noun and outcome word, with a little around them
    fact: str | None
    times: list[TimeExpression]
    place: str | None
    published: datetime | None
    version: int
    key: str = ""  # the page it is on, across versions (``Article.key``)
    updated: datetime | None = None  # the update time the page states, for a later version
    previous: bool = False  # the "X" of "from X to Y": a figure it changed from
    cue: str | None = None  # update words in its clause ("rose", "revised")

    written: str | None = None  # the figure and its noun as printed, when they are adjacent
    estimate: bool = False  # a projection ("could reach 20,000"), never the story's figure
    replaces: float | None = None  # the 66 of "31, down from 66": the figure it changed from
    source: str | None = None  # who its sentence credits it to ("police", "the coroner")
    status: Status | None = None  # "withdrawn" or "denied": the figure no longer stands
    dated_to_day: bool = True  # False when the page gave only a month ("2023-09"): no moment
    area: str | None = None  # the sub-area of a part of its page's total ("809 in Olen")

    def range(self) -> tuple[float, float, bool, bool]:
        return figure_range(self.q.value, self.q.qualifier)

    @property
    def shown(self) -> str:
        """The figure as written with what it counts: "two militia officials", "a commander"."""
        if self.written:
            return self.written
        figure = " ".join(self.q.text.split())
        noun = " ".join((self.q.noun or "").split())
        if not noun or len(noun.split()) > MAX_NOUN_WORDS:
            return figure
        carried = self.q.noun_span is not None and self.q.noun_span[0] < self.q.span[0]
        return f"{figure} ({noun})" if carried else f"{figure} {noun}"


@dataclass(slots=True)
class FigureSlot:
    """One outcome of one happening, as every outlet gives it (one outlet is enough)."""

    id: str
    family: str
    counts: list[Count]
    strength: float  # the weakest link that joined the slot
    finding: Finding | None = None
    values: list[SlotValue] = field(default_factory=list)
    development: list[Step] = field(default_factory=list)
    figure: str | None = None

    @property
    def articles(self) -> set[str]:
        return {c.article for c in self.counts}

    @property
    def area(self) -> str | None:
        """The sub-area whose part of the total every count of the slot is, if any."""
        areas = {c.area for c in self.counts}
        return areas.pop() if len(areas) == 1 else None


def slot_label(slot: FigureSlot) -> str:
    """ "killed (people)", "killed in Olen (people)": a sub-area's count says its place."""
    counted = ", ".join(sorted({c.counted for c in slot.counts}))
    where = f" in {slot.area} (a part of the page's total)" if slot.area else ""
    return f"{slot.family}{where} ({counted})"


# --------------------------------------------------------------------------- reading counts


def _outcome(q: Quantity, doc: Doc | None) -> tuple[str | None, str | None, Token | None]:
    """(family, counted class, outcome token) of a quantity, as the language layer read
    them (``read_figure``): a count it gave no outcome has none here either ("some of
    the 40 people who gathered" were not all hospitalized)."""
    word = None
    family, counted = q.outcome, q.counted
    if doc is not None and q.outcome_span is not None:
        span = doc.char_span(*q.outcome_span, alignment_mode="expand")
        word = span.root if span is not None else None
    if counted in (None, "other", "others", "more") and q.noun:
        words = q.noun.lower().split(" of ")[0].split()
        counted = words[-1].rstrip("s") if words else counted
    if counted is None:
        counted = "count"
    return family, ("people" if counted in PEOPLE_NOUNS else counted), word


def _clause(tok: Token) -> tuple[str, Span]:
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    words = list(node.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return tok.doc.text[start:end], (start, end)


def _window(doc: Doc, span: Span, word: Token) -> str:
    """The few words that say what was counted, so long ledes compare by their core."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand")
    nums = [t.i for t in chunk] if chunk is not None and len(chunk) else [word.i]
    sent = word.sent
    lo = max(sent.start, min(nums[0], word.i) - WINDOW)
    hi = min(sent.end, max(nums[-1], word.i) + WINDOW + 1)
    return doc[lo:hi].text


def _update_cue(doc: Doc, span: Span, clause: Span) -> tuple[bool, str | None]:
    """Whether the figure is the "X" of "from X to Y", and the update verb of its clause."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    words = doc.char_span(clause[0], clause[1], alignment_mode="expand")
    previous = False
    if tokens is not None and len(tokens) and tokens.start > 0:
        before = [t.lower_ for t in doc[max(0, tokens.start - 3) : tokens.start]]
        came_from = [i for i, w in enumerate(before) if w in _FROM]
        previous = (
            bool(came_from)
            and before[-1] != "to"
            and (
                " to " in doc.text[span[1] : clause[1]]
                or any(w in _SINCE for w in before[: came_from[-1]])
            )
        )
    cue_words = [t for t in (words or []) if t.lemma_.lower() in UPDATE_WORDS]
    cue = None
    if cue_words:
        t = cue_words[0]
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        follow = nxt is not None and nxt.lower_ in ("to", "down", "up")
        cue = t.text + (f" {nxt.text}" if follow and nxt is not None else "")
    return previous, cue


def _near_words(text: str, span: Span, reach: int = 5) -> tuple[list[str], list[str]]:
    """The words of the figure's own sentence just before it and just after it."""
    before = text[max(0, span[0] - 200) : span[0]]
    after = text[span[1] : span[1] + 200]
    for stop in (".", "!", "?", "\n"):
        before = before.rsplit(stop, 1)[-1]
        after = after.split(stop + " ", 1)[0].split("\n", 1)[0]
    clean = [w.strip(",;:()\"'«»“”") for w in before.split()]
    return clean[-reach:], [w.strip(",;:()\"'«»“”.") for w in after.split()]


def is_estimate(text: str, span: Span, options: CompareOptions | None = None) -> bool:
    """Whether the figure at ``span`` is a projection: "could reach", "pourrait dépasser",
    "قد يصل" in the few words before it, or "may have been killed" just after it (how
    few: ``CompareOptions.estimate_reach`` and ``estimate_after``)."""
    options = options or CompareOptions()
    before, after = _near_words(text, span, options.estimate_reach)
    return any(w in ESTIMATE_WORDS for w in [*before, *after[: options.estimate_after]])


_CLAUSE_END = re.compile(r"[,;:()\n]|[.!?](?:\s|$)")


def figure_status(
    text: str, span: Span, language: str | None = None, options: CompareOptions | None = None
) -> Status | None:
    """ "withdrawn" or "denied" when the figure's own clause says so: "withdrew its figure
    of 300", "denied that 300 people had died", "a démenti la mort de 300", "نفت مقتل 300",
    "the figure of 300 was later withdrawn". A status word that governs something else
    ("denied involvement in the attack that killed 12") leaves the figure alone: the search
    stops at a comma and at a relative word ("that", "que", "الذي") not right after it.
    How far it looks: ``CompareOptions.status_reach`` and ``status_after``."""
    options = options or CompareOptions()
    before = _CLAUSE_END.split(text[max(0, span[0] - 200) : span[0]])[-1]
    after = _CLAUSE_END.split(text[span[1] : span[1] + 200], maxsplit=1)[0]
    words = [w.strip("\"'«»“”").lower() for w in before.split()][-options.status_reach :]
    for i in range(len(words) - 1, -1, -1):
        found = _status_of(words[i])
        if found is not None:
            return found
        if words[i] in FIGURE_STATUS_STOPS:
            return _status_of(words[i - 1]) if i else None
    for w in after.split()[: options.status_after]:
        found = _status_of(w.strip("\"'«»“”").lower())
        if found is not None:
            return found
    return None


_YEAR_WORD = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+", re.UNICODE)


def other_event(
    text: str,
    sentence: Span,
    span: Span,
    published: datetime | None,
    language: str | None,
    counts: Collection[int] = (),
) -> str | None:
    """What other event the figure at ``span`` counts, or None when it is the story's:
    "a similar flood in 2009 killed 300" (another year, ``"2009"``), "the deadliest flood
    since the Lorm disaster, which killed 300" (an earlier event, ``"since"``), "17 were
    wounded in separate shootings across the city" (a tally of many, ``"tally"``). Its own
    clause is read, back to a semicolon or a comma (a comma opening a relative clause,
    "..., which killed", goes on describing the noun before it). A year is another only
    when it is not the story's own: the year of publication, or the year before in
    January (a New Year's Eve fire reported on 2 January); a figure read as a count
    (``counts``: where the text's counts start, "2000 people") is no year."""
    before = text[sentence[0] : span[0]]
    after = text[span[1] : sentence[1]]
    lang = language if language in OTHER_EVENT_SINCE else "en"
    since, most = OTHER_EVENT_SINCE[lang]
    clause_text = " ".join((_own_clause(before) + " " + _clause_after(after)).lower().split())
    if any(m in clause_text for m in TALLY_MARKERS.get(lang, ())):
        return "tally"  # "17 wounded in separate shootings across the city"
    if _numbers_happenings(clause_text, lang):
        return "tally"  # "eight wounded in 11 shooting incidents"
    words = [w.lower() for w in _WORD.findall(before)]
    for i, w in enumerate(words):
        if w in most and any(x in since for x in words[i + 1 : i + 1 + OTHER_EVENT_SINCE_REACH]):
            return "since"
    if published is None:
        return None
    own = {published.year} | ({published.year - 1} if published.month == 1 else set())
    own_before = _own_clause(before)
    after_clause = _clause_after(after)
    pieces = [(span[0] - len(own_before), own_before), (span[1], after_clause)]
    pieces += _framing_pieces(before, sentence[0], len(own_before))
    for start, piece in pieces:
        for m in _YEAR_WORD.finditer(piece):
            if int(m.group()) not in own and start + m.start() not in counts:
                return m.group()
    return None


OPENING_WORDS = 5  # "En février 2004," "In March 2019," "Im Jahr 2004,": a time that frames


def _framing_pieces(before: str, start: int, own: int) -> list[tuple[int, str]]:
    """Words outside the figure's own clause that still date it: a short time phrase
    opening the sentence ("En mars 2009, une crue ... provoquant la mort de 300
    personnes") dates every clause after it; the clause before a colon is what the
    words after it explain ("loin de celui de mars 2009 : la crue avait fait 300 morts")."""
    out: list[tuple[int, str]] = []
    opening = re.split(r"[,;:،؛]", before, maxsplit=1)
    if len(opening) > 1 and len(_WORD.findall(opening[0])) <= OPENING_WORDS:
        out.append((start, opening[0]))
    rest = before[: len(before) - own]
    if rest.rstrip().endswith(":"):
        head = re.split(r"[,;:،؛]", rest.rstrip()[:-1])[-1]
        out.append((start + len(rest.rstrip()) - 1 - len(head), head))
    return out


def _numbers_happenings(clause: str, lang: str) -> bool:
    """Whether the clause counts two or more happenings: "in five separate shooting
    incidents", "en cuatro tiroteos" (a number, at most two words, a plural event noun)."""
    nouns = TALLY_EVENT_NOUNS.get(lang)
    if not nouns:
        return False
    words = _WORD.findall(clause)
    for i, w in enumerate(words):
        value = int(w) if w.isdigit() else _number_word(w, lang)
        if value is None or value < 2:
            continue
        if any(x in nouns for x in words[i + 1 : i + 4]):
            return True
    return False


def _number_word(word: str, lang: str) -> int | None:
    if lang == "en":
        return NUMBER_WORDS.get(word)
    from newsprism.language.rules.numbers import text2num

    return text2num(word, lang)


def _clause_after(after: str) -> str:
    return re.split(r"[,;:،؛]|[.!?](?:\s|$)", after, maxsplit=1)[0]


def is_address(text: str, span: Span) -> bool:
    """Whether the number at ``span`` is part of an address: a street word just after it
    with only a name between ("1603 Cape Coral Parkway", "12 rue Kerav"), or just before
    it ("calle Mayor 1603", "شارع الحمراء 12")."""
    after = _WORD.findall(_clause_after(text[span[1] : span[1] + 80]))[:4]
    for k, w in enumerate(after):
        if w.lower() in STREET_WORDS:
            return all(_is_name(x) for x in after[:k])
    before = _WORD.findall(re.split(r"[,;:،؛.!?]", text[max(0, span[0] - 60) : span[0]])[-1])
    for k, w in enumerate(reversed(before[-3:])):
        if w.lower() in STREET_WORDS:
            between = before[len(before) - k :] if k else []
            return all(_is_name(x) for x in between)
    return False


def _is_name(word: str) -> bool:
    """A word of a street's name: capitalised, or in a script without capitals."""
    first = word[:1]
    return first.isupper() or (first.lower() == first.upper() and not first.isdigit())


def _digits_at(q: Quantity) -> int:
    """Where a quantity's digits start ("at least 2000": at the 2)."""
    return q.span[0] + next((i for i, c in enumerate(q.text) if c.isdigit()), 0)


def _own_clause(before: str) -> str:
    """The text before a figure back to where its clause starts (see ``other_event``)."""
    parts = re.split(r"([,;:،؛])", before)
    kept = parts[-1]
    for k in range(len(parts) - 2, 0, -2):
        mark, prev = parts[k], parts[k - 1]
        first = _WORD.findall(kept)[:1]
        if mark in ";؛:" or not first or first[0].lower() not in RELATIVE_WORDS:
            break
        kept = prev + mark + kept
    return kept


def _status_of(word: str) -> Status | None:
    for status, words in FIGURE_STATUS_WORDS.items():
        if word in words:
            return cast(Status, status)
    return None


def replaced_figure(text: str, span: Span, language: str = "en") -> float | None:
    """The 66 of "31 remain missing, down from 66" (or "up from"), or the 115 of "passé
    de 115 à 97": the figure the count changed from, stated beside it in its sentence."""
    before, after = _near_words(text, span)
    pair = FOREIGN_FROM_TO.get(language, (frozenset(_FROM), frozenset({"to"})))
    folded = [fold(w) for w in before]
    froms, tos = ({fold(w) for w in group} for group in pair)
    if len(folded) >= 3 and folded[-1] in tos and folded[-3] in froms:
        value = number_value([before[-2].replace(".", ",").replace("\u202f", "")])
        if value is not None:
            return value
    low = [w.lower() for w in after]
    for i in range(len(low) - 2):
        if low[i] in _SINCE and low[i + 1] in _FROM:
            words = [w for w in after[i + 2 : i + 4] if w.lower() not in ("about", "some")]
            return number_value(words[:1]) if words else None
    return None


def _is_count(q: Quantity) -> bool:
    if q.kind != "count" or q.part_of:  # "one of the three killed" is no rival total
        return False
    if q.value is not None and q.value != int(q.value):
        return False  # "7,8" is a magnitude or a share: people come whole
    noun = (q.noun or "").lower()
    return not any(word in _NOT_COUNTS for word in noun.replace("-", " ").split())


def _written(doc: Doc, q: Quantity) -> str | None:
    """ "an armed gunman", "three men": the words from the figure to its noun, as printed,
    so the figure shown is never a rebuilt phrase such as "an gunman"."""
    if q.noun_span is None or q.noun_span[0] < q.span[1]:
        return None
    words = doc.text[q.span[0] : q.noun_span[1]].split()
    return " ".join(words) if len(words) <= MAX_NOUN_WORDS + 1 else None


def times_in(ann: Annotations, span: Span) -> list[TimeExpression]:
    return [
        t
        for t in ann.times
        if t.start is not None and span[0] <= t.span[0] and t.span[1] <= span[1]
    ]


def overlap(a: TimeExpression, b: TimeExpression) -> bool:
    assert a.start and b.start
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def find_counts(ctx: StoryContext, fact_of: Callable[[str, Span], str | None]) -> list[Count]:
    counts: list[Count] = []
    # an undated page is read as of its story's latest report: "in 2004" is still
    # another year than the story's own
    dated = [a.published for a in ctx.articles.values() if a.published is not None]
    story_time = max(dated, key=naive_utc) if dated else None
    for art_id, ann in [*ctx.annotations.items(), *ctx.earlier_annotations.items()]:
        doc = ctx.doc(art_id)
        article = ctx.article(art_id)
        when = article.published or story_time
        starts = {_digits_at(q) for q in ann.quantities if q.kind == "count"}
        for q in ann.quantities:
            if not _is_count(q):
                continue
            if q.value is None and not q.qualifier:
                continue
            if is_address(article.text, q.span):
                continue  # "1603 Cape Coral Parkway"
            if q.sentence and other_event(
                article.text, q.sentence, q.span, when, article.language, starts
            ):
                continue  # "a similar flood in 2009 killed 300": that flood's figure
            if doc is None and q.outcome is not None and q.counted is not None:
                counts.append(_unparsed_count(article, ann, q, fact_of, ctx.options))
                continue
            family, counted, word = _outcome(q, doc)
            if family is None or doc is None or word is None or counted is None:
                continue
            context, clause = _clause(word)
            previous, cue = _update_cue(doc, q.span, clause)
            cue = cue or (q.update if not previous else None)  # the parse's "decreased to 31"
            sent = q.sentence or (clause[0], clause[1])
            counts.append(
                Count(
                    art_id,
                    q,
                    (int(sent[0]), int(sent[1])),
                    family,
                    counted,
                    context,
                    _window(doc, q.span, word),
                    fact_of(art_id, q.span),
                    times_in(ann, clause),
                    q.place,
                    article.published,
                    article.version,
                    article.key,
                    article.updated if article.version > 1 else None,
                    previous,
                    cue,
                    _written(doc, q),
                    is_estimate(article.text, q.span, ctx.options),
                    dated_to_day=article.published_day is not None,
                )
            )
            _with_change_from(counts[-1], article, ctx.options)
    return counts


def _unparsed_count(
    article: Article,
    ann: Annotations,
    q: Quantity,
    fact_of: Callable[[str, Span], str | None],
    options: CompareOptions,
) -> Count:
    """A count of an article read without a parse (in another language: the
    multilingual reader set its outcome and counted class itself); the clause, window
    and update words come from that reader too."""
    from newsprism.language.rules.figures import count_context

    found = count_context(article.text, q, article.language or "")
    counted = q.counted or "people"
    sentence = q.sentence or q.span
    count = Count(
        article=article.id,
        q=q,
        sentence=sentence,
        family=q.outcome or "",
        counted="people" if counted in PEOPLE_NOUNS else counted,
        context=found.context,
        window=found.window,
        fact=fact_of(article.id, q.span),
        times=times_in(ann, sentence),
        place=q.place,
        published=article.published,
        version=article.version,
        key=article.key,
        updated=article.updated if article.version > 1 else None,
        previous=found.previous,
        cue=found.cue,
        estimate=is_estimate(article.text, q.span, options),
        dated_to_day=article.published_day is not None,
    )
    _with_change_from(count, article, options)
    return count


def _with_change_from(count: Count, article: Article, options: CompareOptions) -> None:
    """Set what "31, down from 66" says: 31 is a change (its cue) from 66 (``replaces``),
    and whom the sentence credits the figure to."""
    count.source = credited_to(
        article.text[count.sentence[0] : count.sentence[1]], article.language
    )
    count.status = figure_status(article.text, count.q.span, article.language, options)
    if count.status is not None and count.source is None:  # "the ministry withdrew ..."
        sentence = article.text[count.sentence[0] : count.sentence[1]]
        words = [w.strip("\"'«»“”,.").lower() for w in sentence.split()]
        said = next((w for w in words if _status_of(w) is not None), None)
        count.source = subject_before(sentence, said) if said else None
    if count.previous:
        return
    replaced = replaced_figure(article.text, count.q.span, article.language or "en")
    if replaced is not None and replaced != count.q.value:
        count.replaces = replaced
        direction = "down from" if replaced > (count.q.value or 0) else "up from"
        count.cue = count.cue or direction


def fact_finder(
    units: Sequence[Unit], members: Mapping[str, Sequence[int]]
) -> Callable[[str, Span], str | None]:
    """A lookup from (article, span) to the id of the fact group whose unit holds it."""
    spans: dict[str, list[tuple[Span, str]]] = {}
    for fact_id, idx in members.items():
        if len({units[m].article for m in idx}) < 2:
            continue
        for m in idx:
            spans.setdefault(units[m].article, []).append((units[m].span, fact_id))

    def fact_of(article: str, span: Span) -> str | None:
        for unit_span, fact_id in spans.get(article, []):
            if unit_span[0] <= span[0] and span[1] <= unit_span[1]:
                return fact_id
        return None

    return fact_of


# --------------------------------------------------------------------------- slots


def _same_days(a: Count, b: Count) -> bool | None:
    """True when both are dated to overlapping days, False when to different ones."""
    if not a.times or not b.times:
        return None
    return any(overlap(x, y) for x in a.times for y in b.times)


def _same_figure(a: Count, b: Count) -> bool:
    """The same stated figure for the same outcome in one story ("at least 16 Iraqis",
    "16 members ... were killed"): one slot, unless the figure is small enough to recur."""
    return a.q.value is not None and a.q.value == b.q.value and a.q.value >= SMALL_FIGURE


def _other_place(a: Count, b: Count) -> bool:
    """Counts of different places; a sub-area's part joins only that sub-area's counts."""
    if a.area is not None or b.area is not None:
        return (a.area or "").lower() != (b.area or "").lower()
    return bool(a.place and b.place and a.place.lower() != b.place.lower())


def mark_parts(ctx: StoryContext, counts: Sequence[Count]) -> None:
    """Set ``area`` on each count that is a part of its page's total ("1,591 in Tarva"
    beside "2,681 dead"), as ``areas.parts`` reads them."""
    by_page: dict[tuple[str, str], list[Count]] = {}
    for c in counts:
        if not (c.previous or c.estimate or c.status):
            by_page.setdefault((c.article, c.family), []).append(c)
    for (article, _), page in by_page.items():
        text = ctx.article(article).text
        areas = [area_of(text, c.sentence, c.q.span) for c in page]
        rows = [
            (k, c.q.value, c.range()[1], a)
            for k, (c, a) in enumerate(zip(page, areas, strict=True))
        ]
        for k in parts(rows):
            page[k].area = areas[k]


# a year after these words bounds a span that reaches the story ("the deadliest since 1918")
_SPAN_WORDS = r"since|desde|depuis|seit|sejak|desde\s+(?:o|a)|منذ"
_YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d|\d)")
_SPAN_BEFORE = re.compile(rf"(?:{_SPAN_WORDS})\s*$", re.I)


def is_background(count: Count, story_year: int | None, counted: Set[float] = frozenset()) -> bool:
    """A count whose own clause or words are dated to an earlier year than its page's
    counts an earlier happening: "surpassing a tsunami that killed 61 people in 1960",
    "the 85 people who were killed in a 2018 fire" are the records a toll is set
    against, not figures of the story. A year after "since" bounds the story's own span.
    ``counted``: the numbers its sentence counts people with, which are no years ("2000
    displaced" beside "four killed" is a count, not the year 2000)."""
    year = count.published.year if count.published else story_year
    if year is None:
        return False
    for text in (count.context, count.window):
        for m in _YEAR.finditer(text):
            found = int(m.group(1))
            if found in counted:
                continue
            if found < year and not _SPAN_BEFORE.search(text[: m.start()]):
                return True
    return False


def figure_slots(
    ctx: StoryContext, units: Sequence[Unit], members: Mapping[str, Sequence[int]]
) -> list[FigureSlot]:
    """Every counted outcome of the story, joined across outlets where it is one slot;
    counts of earlier happenings (``is_background``) join none."""
    counts = find_counts(ctx, fact_finder(units, members))
    mark_parts(ctx, counts)
    years = [a.published.year for a in ctx.articles.values() if a.published]
    story_year = max(years) if years else None
    counted: dict[tuple[str, Span], set[float]] = {}
    for c in counts:
        if c.q.value is not None:
            counted.setdefault((c.article, c.sentence), set()).add(c.q.value)
    counts = [
        c
        for c in counts
        if not is_background(c, story_year, counted.get((c.article, c.sentence), set()))
    ]
    if not counts:
        return []
    cuts = ctx.cuts
    sentences = [ctx.text(n.article, n.sentence) for n in counts]
    scores = np.maximum.reduce(
        [
            text_scores(sentences, ctx.embed),
            text_scores([n.context for n in counts], ctx.embed),
            text_scores([n.window for n in counts], ctx.embed),
        ]
    )
    parent = list(range(len(counts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    strength: dict[tuple[int, int], float] = {}
    for i in range(len(counts)):
        for j in range(i + 1, len(counts)):
            a, b = counts[i], counts[j]
            if a.family != b.family or a.article == b.article or _other_place(a, b):
                continue
            same_day = _same_days(a, b)
            if same_day is False:
                continue  # dated, and on different days: different happenings
            score = float(scores[i, j])
            score += SAME_FACT_BONUS if a.fact and a.fact == b.fact else 0.0
            score += SAME_DAY_BONUS if same_day else 0.0
            bar = cuts.same_class_event if a.counted == b.counted else cuts.strong_event
            if score >= bar or _same_figure(a, b):
                strength[(i, j)] = score
                parent[find(i)] = find(j)
    clusters: dict[int, list[int]] = {}
    for i in range(len(counts)):
        clusters.setdefault(find(i), []).append(i)
    attached = _attach_other_figures(counts, scores, clusters, strength)
    slots: list[FigureSlot] = []
    for members_ in clusters.values():
        if len(members_) == 1 and members_[0] in attached:
            continue  # now read as a part of a slot another outlet shares
        links = [s for (i, j), s in strength.items() if i in members_ and j in members_]
        slot_counts = sorted((counts[m] for m in members_), key=lambda c: (c.article, c.q.span))
        slots.append(FigureSlot("", slot_counts[0].family, slot_counts, min(links, default=1.0)))
    slots.sort(
        key=lambda s: (
            -len({ctx.outlet_of[a] for a in s.articles}),
            s.family,
            min(c.q.span[0] for c in s.counts),
        )
    )
    for n, slot in enumerate(slots, 1):
        slot.id = f"n{n}"
        _grade(ctx, slot, is_moving([c for c in counts if c.family == slot.family]))
    return slots


def _attach_other_figures(
    counts: Sequence[Count],
    scores: np.ndarray,
    clusters: dict[int, list[int]],
    strength: dict[tuple[int, int], float],
) -> set[int]:
    """Add a different figure an article gives for the same happening elsewhere in it.

    "a strike that killed two militia officials" in the lede and "one of the three
    people killed" further down are both about the strike the other outlets report;
    the second figure is what shows the first counts a part of the victims.
    """
    crossing = [m for m in clusters.values() if len({counts[i].article for i in m}) >= 2]
    placed = {i for m in crossing for i in m}
    attached: set[int] = set()
    for members in crossing:
        for k, n in enumerate(counts):
            if k in placed:
                continue
            same = [i for i in members if counts[i].article == n.article]
            other = [i for i in members if counts[i].article != n.article]
            if not same or not other or n.family != counts[same[0]].family:
                continue
            if n.q.value in {counts[i].q.value for i in same}:
                continue
            if any(counts[i].sentence == n.sentence for i in same) and not n.previous:
                continue  # a second figure in the same sentence counts a part, not the whole
            if any(
                _same_days(n, counts[i]) is False or _other_place(n, counts[i]) for i in members
            ):
                continue
            if (
                max(scores[k, i] for i in same) >= SAME_ARTICLE_LINK
                and max(scores[k, i] for i in other) >= OTHER_ARTICLE_LINK
            ):
                members.append(k)
                placed.add(k)
                attached.add(k)
                strength[(same[0], k)] = float(max(scores[k, i] for i in same))
    return attached


# --------------------------------------------------------------------------- grading


def _fits(a: Count, b: Count) -> bool:
    return ranges_overlap(a.range(), b.range())


def when(c: Count) -> tuple[int, datetime, int]:
    """Order of publication: dated first by time, then by version; undated last. A later
    version counts from its update time; one that states none came after every dated
    report (it was stored after the version it replaced)."""
    if c.updated is not None:
        return (0, c.updated.replace(tzinfo=None), c.version)
    if c.published is None:
        return (1, datetime.max, c.version)
    if c.version > 1:
        return (0, datetime.max, c.version)
    return (0, c.published.replace(tzinfo=None), c.version)


def explained_as_update(a: Count, b: Count, moving: bool = False) -> bool:
    """Two clashing figures read as one toll changing: two versions of one page (the
    outlet changed its own figure), or the later says it changed, or is higher (tolls
    are revised up as victims are found).

    Two figures are a contradiction only at one moment, and a moment needs a date to
    the day. When either page gives none (undated, or a month only: "2023-09"), a
    figure given as a change ("decreased to 31", "down from 41") says the count moved,
    and so does ``moving``: the story gives this figure as changing elsewhere (a "rose
    to", a revised toll, two dated reports apart). Two reports of a toll the story says
    was rising, neither of which says when it was counted, are two moments of it, not
    two outlets disagreeing."""
    if a.key and a.key == b.key and a.version != b.version:
        return True
    early, late = sorted((a, b), key=when)
    if not (_has_moment(a) and _has_moment(b)) and not _apart(a, b):
        return moving or bool(a.cue or b.cue or a.replaces is not None or b.replaces is not None)
    if when(early)[1:] == when(late)[1:]:
        return False  # the same moment: two reports that disagree
    if late.cue:
        return True
    return late.range()[0] >= early.range()[1]  # above all the earlier figure allowed


def _has_moment(c: Count) -> bool:
    """Whether the count's report is dated to the day (or has an update time)."""
    return c.updated is not None or (c.published is not None and c.dated_to_day)


def _apart(a: Count, b: Count) -> bool:
    """Whether two reports are surely at different moments though one is dated to the
    month only: "2023-09" against 13 February is months apart."""
    if a.published is None or b.published is None:
        return False
    x, y = a.updated or a.published, b.updated or b.published
    return (x.year, x.month) != (y.year, y.month)


def is_moving(counts: Sequence[Count]) -> bool:
    """Whether the story gives a figure as changing: a count stated as a change ("rose
    to 84", "down from 41", "the figure it changed from"), or two reports dated to
    different days giving different figures. Then two reports of it that say nothing
    of when they were counted are two moments of it (``explained_as_update``)."""
    if len({c.q.value for c in counts}) < 2:
        return False
    if any(c.cue or c.previous or c.replaces is not None or c.q.update for c in counts):
        return True
    dated = {(when(c)[1:], c.q.value) for c in counts if _has_moment(c)}
    return len({m for m, _ in dated}) > 1 and len({v for _, v in dated}) > 1


def _grade(ctx: StoryContext, slot: FigureSlot, moving: bool = False) -> None:
    """Grade a slot; ``moving``: the story gives this outcome's figure as changing,
    in this slot or another (``is_moving`` over all its counts of the outcome)."""
    current = [c for c in slot.counts if not c.previous]
    moving = moving or is_moving(slot.counts)
    by_class: dict[str, list[Count]] = {}
    for c in current:
        by_class.setdefault(c.counted, []).append(c)
    clash = [
        (a, b)
        for group in by_class.values()
        for a in group
        for b in group
        if a.article < b.article
        and not _fits(a, b)
        and not (a.estimate or b.estimate or a.status or b.status)
    ]  # a projection ("could reach 20,000") is no rival report of what happened
    replaced = (
        {c.q.value for c in slot.counts if c.previous}
        | {c.replaces for c in slot.counts if c.replaces is not None}
        | set(set_aside(slot.counts))
    )
    unexplained = [
        (a, b)
        for a, b in clash
        if not explained_as_update(a, b, moving)
        and not _also_printed(ctx, current, a, b)
        and not {a.q.value, b.q.value} & replaced  # the text says one replaced the other
    ]
    partners: dict[int, set[str]] = {}
    for a, b in unexplained:
        partners.setdefault(id(a), set()).add(b.article)
        partners.setdefault(id(b), set()).add(a.article)
    slot.values = [
        slot_value(ctx, c, sorted(partners.get(id(c), ()))) for c in _once_per_page(slot.counts)
    ]
    slot.development = _development(ctx, slot, moving)
    slot.figure = _story_figure(slot)
    outlets = {ctx.outlet_of[c.article] for c in slot.counts}
    if len(outlets) < 2:
        return
    cuts = ctx.cuts
    caveat = None
    stated = {(c.counted, c.q.value, (c.q.qualifier or "").lower()) for c in current}
    if unexplained and slot.strength >= cuts.same_class_event:
        a, b = unexplained[0]
        grade = "contradict"
        why = (
            f"figures for one count ({a.counted}) that cannot both be true: "
            f"{ctx.outlet_of[a.article]} '{a.shown}' and {ctx.outlet_of[b.article]} '{b.shown}'"
        )
    elif (clash and not unexplained) or (not unexplained and _said_to_change(current)):
        grade = "update"
        why = "the figure changed between reports: " + " → ".join(s.value for s in slot.development)
    elif unexplained:
        grade, why = "differs", "the figures differ"
        caveat = "the sentences may describe different happenings: read both before comparing"
    elif len(by_class) > 1 and len({v for _, v, _ in stated}) > 1:
        grade = "differs"
        why = "counts of different groups: " + "; ".join(
            ", ".join(sorted({c.shown for c in cs})) for _cls, cs in sorted(by_class.items())
        )
        if _is_subset(by_class):
            why += " (a smaller group among the larger: compatible)"
    elif len(by_class) > 1:
        grade = "differs"
        why = "the same figure for differently named groups: " + "; ".join(
            sorted({c.shown for c in current})
        )
    elif len({(v, q) for _, v, q in stated}) > 1:
        grade = "differs" if len({v for _, v, _ in stated}) > 1 else "agree"
        why = (
            "compatible figures: each fits the others ("
            + ", ".join(sorted({c.shown for c in current}))
            + ")"
        )
    else:
        grade, why = "agree", "the outlets give the same figure"
    confidence = round(min(1.0, slot.strength / (cuts.strong_event + SAME_FACT_BONUS)), 2)
    label = slot_label(slot)
    slot.finding = Finding(
        id="",
        kind="number",
        slot=label,
        grade=grade,  # type: ignore[arg-type]
        explanation=why,
        values=slot.values,
        confidence=confidence,
        caveat=caveat,
        fact=next((c.fact for c in slot.counts if c.fact), None),
        development=slot.development if grade == "update" else [],
        figure=slot.figure,
    )


def _once_per_page(counts: Sequence[Count]) -> list[Count]:
    """One row per page and figure: a page that repeats "14 injured" in its lede and a
    later paragraph gives one figure, not two voices (the reader saw the outlet listed
    twice with the same value). The earliest mention stands for the page."""
    first: dict[tuple[str, int, float | None, str | None, str, bool], Count] = {}
    for c in sorted(counts, key=lambda c: c.q.span[0]):
        first.setdefault((c.article, c.version, c.q.value, c.q.qualifier, c.counted, c.previous), c)
    kept = {id(c) for c in first.values()}
    return [c for c in counts if id(c) in kept]


def _also_printed(ctx: StoryContext, counts: Sequence[Count], a: Count, b: Count) -> bool:
    """An outlet that prints the other's figure too cannot be contradicted by it: "four
    others were hurt" and, further down, "three other people had been shot" in both
    outlets is a difference inside each report, not between them."""
    outlet_a, outlet_b = ctx.outlet_of[a.article], ctx.outlet_of[b.article]
    return any(ctx.outlet_of[c.article] == outlet_a and _fits(c, b) for c in counts) or any(
        ctx.outlet_of[c.article] == outlet_b and _fits(c, a) for c in counts
    )


def _said_to_change(counts: Sequence[Count]) -> bool:
    """Different figures one of which is given as a change ("rose to 35"), or that one
    page gave in two versions: the figure moved, even when the figures fit each other."""
    if len({c.q.value for c in counts}) < 2:
        return False
    if any(c.cue or c.q.update for c in counts):
        return True
    versions: dict[str, dict[int, set[float | None]]] = {}
    for c in counts:
        if c.key:
            versions.setdefault(c.key, {}).setdefault(c.version, set()).add(c.q.value)
    return any(
        len(by_version) > 1 and len({frozenset(v) for v in by_version.values()}) > 1
        for by_version in versions.values()
    )


def _is_subset(by_class: Mapping[str, Sequence[Count]]) -> bool:
    people = by_class.get("people")
    if not people:
        return False
    total = max(c.range()[1] for c in people)
    return all(c.range()[0] <= total for cls, cs in by_class.items() if cls != "people" for c in cs)


def slot_value(ctx: StoryContext, c: Count, clashes: list[str]) -> SlotValue:
    lo, hi, _, _ = c.range()
    article = ctx.article(c.article)
    return SlotValue(
        cite=ctx.cite(c.article, c.q.span, c.sentence),
        value=c.shown,
        clashes_with=clashes,
        published=article.published.isoformat() if article.published else None,
        version=c.version,
        number=c.q.value,
        low=lo,
        high=None if hi == float("inf") else hi,
        qualifier=c.q.qualifier,
        counted=c.counted,
        outcome=c.family,
        update_cue=c.status or ("from" if c.previous else None) or c.cue,
    )


def _development(ctx: StoryContext, slot: FigureSlot, moving: bool = False) -> list[Step]:
    """The figure over time: one step per new figure, in order of publication. When the
    story gives the figure as changing (``moving``), a report with no day has no place
    of its own in time, and listing it after every dated one reads as the toll falling
    back ("2,140 → 4,870 → 1,315"): it goes where its figure falls among the dated ones,
    by the way the count moves (tolls grow as victims are counted, the missing fall)."""
    steps: list[Step] = []
    ordered = sorted(
        slot.counts, key=lambda c: (when(c), c.previous is False, c.cue is not None, c.q.span)
    )
    if moving:
        ordered = _by_course(ordered, slot.family in FALLING_OUTCOMES)
    for c in ordered:
        outlet = ctx.outlet_of[c.article]
        stamp = c.updated or c.published  # a later version's time is its update's
        published = stamp.isoformat() if stamp else None
        cue = c.status or ("from" if c.previous else c.cue)
        # an undated report has no place of its own in time: a figure it shares with a
        # step already shown is that step (else "41 → 31 → 41 → 31" from two copies)
        same = [s for s in steps if s.value == c.shown] if c.published is None else []
        same = same or ([steps[-1]] if steps and steps[-1].value == c.shown else [])
        if same:
            if outlet not in same[0].outlets:
                same[0].outlets.append(outlet)
            same[0].source = same[0].source or c.source
            continue
        cite = ctx.cite(c.article, c.q.span, c.sentence)
        steps.append(Step(c.shown, [outlet], published, cue, c.source, cite))
    return steps


def _by_course(ordered: Sequence[Count], falling: bool) -> list[Count]:
    """Dated counts in their order, undated ones merged in by value (see ``_development``)."""
    sign = -1.0 if falling else 1.0

    def value(c: Count) -> float:
        return sign * (c.q.value or 0.0)

    dated = [c for c in ordered if _has_moment(c)]
    undated = sorted((c for c in ordered if not _has_moment(c)), key=value)
    out: list[Count] = []
    i = j = 0
    while i < len(dated) or j < len(undated):
        if j < len(undated) and (i >= len(dated) or value(undated[j]) < value(dated[i])):
            out.append(undated[j])
            j += 1
        else:
            out.append(dated[i])
            i += 1
    return out


def set_aside(counts: Sequence[Count]) -> dict[float, Count]:
    """The figures some page says were withdrawn or denied, each with the count that says
    so: wherever else they are printed, they no longer stand."""
    out: dict[float, Count] = {}
    for c in counts:
        if c.status is not None and c.q.value is not None:
            out.setdefault(c.q.value, c)
    return out


def _story_figure(slot: FigureSlot) -> str | None:
    """The latest figure of the slot's main group (the one most articles count, people
    first): an explicit revision wins, then the latest dated report (the figure most of
    its outlets give), then, when nothing is dated, the figure most articles give. A
    withdrawn or denied figure is never it."""
    gone = set_aside(slot.counts)
    current = [c for c in slot.counts if not c.previous and c.q.value not in gone]
    if not current:
        return None
    reach: dict[str, set[str]] = {}
    for c in current:
        reach.setdefault(c.counted, set()).add(c.article)
    main = "people" if "people" in reach else max(reach, key=lambda k: (len(reach[k]), k))
    current = [c for c in current if c.counted == main]
    revised = [c for c in current if c.cue and c.published is not None]
    pool = revised or current
    dated = [c for c in pool if c.published is not None]
    if dated:
        latest = max(when(c) for c in dated)
        pool = [c for c in dated if when(c) == latest]
    votes: dict[str, int] = {}
    for c in pool:
        votes[c.shown] = votes.get(c.shown, 0) + 1
    return max(votes, key=lambda v: (votes[v], v))
