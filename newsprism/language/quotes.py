"""Quoted words and who said them; reported speech without quote marks.

Quote marks are paired by position, not by kind, because outlets mix them: a
curly opening mark closed by a straight one (“more than ever") is one quote.
A quote that is not closed before its paragraph ends is closed there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsprism.language.names import name_tokens
from newsprism.language.speech import (
    PRONOUN_GENDER,
    PRONOUNS,
    ROLE_NOUNS,
    TITLE_GENDER,
    after_dateline,
    names_place,
    quotes_speech,
    reports_speech,
    weak_report,
)
from newsprism.model import Mention, Quote

_DOUBLE_OPEN = "“„«‹「"
_DOUBLE_CLOSE = "”»›」"
_SPACED_OPEN = "«‹"  # French sets its guillemets off with a space: « ainsi »
_STRAIGHT = '"'
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_SUBJECTS = ("nsubj", "nsubjpass")
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GROUP", "GPE", "NORP"})
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+\.?)\s+$")


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted stretch: marks at ``open``/``close`` (``close`` may be the paragraph end)."""

    open: int
    close: int
    inner: tuple[int, int]


def find_quote_marks(text: str, max_chars: int = 1500) -> list[Marked]:
    """Pair quotation marks in ``text``; stray marks are skipped."""
    found = _pair_double(text, max_chars)
    found += _pair_single(text, max_chars, found)
    if not any(c in text for c in _DOUBLE_OPEN + _DOUBLE_CLOSE + _STRAIGHT):
        found += _pair_straight_single(text, max_chars)
    found.sort(key=lambda m: m.open)
    return found


def _pair_double(text: str, max_chars: int) -> list[Marked]:
    out: list[Marked] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if open_at is not None and ch == "\n":
            if i - open_at > 1:
                out.append(_marked(text, open_at, i, closed=False))
            open_at = None
            continue
        if ch not in _DOUBLE_OPEN and ch not in _DOUBLE_CLOSE and ch != _STRAIGHT:
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if open_at is None:
            opens = ch in _DOUBLE_OPEN or (ch == _STRAIGHT and not prev.isalnum())
            if opens and (not nxt.isspace() or ch in _SPACED_OPEN):
                open_at = i
            continue
        if i - open_at > max_chars:
            open_at = i if ch in _DOUBLE_OPEN else None
            continue
        closes = ch in _DOUBLE_CLOSE or ch == _STRAIGHT or not nxt.isalnum()
        if closes:
            out.append(_marked(text, open_at, i, closed=True))
            open_at = None
        else:
            open_at = i  # a second opener: the first one was stray
    if open_at is not None and len(text) - open_at > 1:
        out.append(_marked(text, open_at, len(text), closed=False))
    return [m for m in out if m.inner[1] > m.inner[0]]


def _pair_single(text: str, max_chars: int, doubles: list[Marked]) -> list[Marked]:
    """‘Single’ quotes; ’ only closes when no letter follows (else it is an apostrophe)."""
    out: list[Marked] = []
    i = text.find(_SINGLE_OPEN)
    while i != -1:
        nested = any(m.open < i < m.close for m in doubles)
        if nested or (i > 0 and text[i - 1].isalnum()):  # inside "…", or a mistyped apostrophe
            i = text.find(_SINGLE_OPEN, i + 1)
            continue
        j = i + 1
        close = -1
        limit = min(len(text), i + max_chars)
        while j < limit and text[j] != "\n":
            if text[j] == _SINGLE_CLOSE and not (j + 1 < len(text) and text[j + 1].isalpha()):
                close = j
                break
            j += 1
        if close > i + 1:
            out.append(_marked(text, i, close, closed=True))
            i = text.find(_SINGLE_OPEN, close + 1)
        else:
            i = text.find(_SINGLE_OPEN, i + 1)
    return out


def _pair_straight_single(text: str, max_chars: int) -> list[Marked]:
    """'Straight single' quotes, read only on a page that quotes with no double mark at
    all (British style): elsewhere ' is an apostrophe. One opens after a space or an
    opening bracket before a letter or figure, and closes after a word when no letter
    follows ("the workers' union" can end a quote early; "don't" never does)."""
    out: list[Marked] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n":
            open_at = None
            continue
        if ch != "'":
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if open_at is None:
            if (prev.isspace() or prev in "([—–-") and nxt.isalnum():
                open_at = i
        elif not prev.isspace() and not nxt.isalnum():
            if i - open_at <= max_chars and i > open_at + 1:
                out.append(_marked(text, open_at, i, closed=True))
            open_at = None
    return out


def _marked(text: str, open_at: int, close: int, closed: bool) -> Marked:
    start, end = open_at + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Marked(open_at, close if closed else end, (start, end))


def quote_kind(inner: str) -> str:
    """Direct when the marks hold a sentence of its own, partial for a fragment."""
    first = inner.lstrip()[:1]
    if first and (first.isupper() or first.isdigit()) and len(inner.split()) >= 4:
        return "direct"
    return "partial"


# ----------------------------------------------------------------------------- speakers


@dataclass(slots=True)
class Speaker:
    text: str
    span: tuple[int, int]
    resolution: str
    cue: str | None


def person_key(mention: Mention) -> str:
    """People are compared by surname: "Katarina Vells" and "Vells" are one person."""
    tokens = name_tokens(mention.text)
    return tokens[-1] if tokens else mention.text.lower()


@dataclass(slots=True)
class _Genders:
    """What the text itself shows of a person's gender: a courtesy title before one of
    their mentions ("Ms Vells"), or a he/she that could only have meant them. Never a
    guess from the first name."""

    known: dict[str, set[str]] = field(default_factory=dict)
    read_to: int = 0  # text before this offset has been read for evidence

    def record(self, mention: Mention, gender: str) -> None:
        self.known.setdefault(person_key(mention), set()).add(gender)

    def of(self, mention: Mention) -> str | None:
        seen = self.known.get(person_key(mention), set())
        return next(iter(seen)) if len(seen) == 1 else None  # contradictory: unknown

    def learn(self, finder: SpeakerFinder, pos: int) -> None:
        """Read titles and unambiguous pronouns in the text before ``pos``."""
        text = finder.doc.text
        for m in finder.mentions:
            start = m.span[0] - finder.offset
            if m.label != "PERSON" or not self.read_to <= start < pos:
                continue
            before = _TITLE_BEFORE.search(text[max(0, start - 12) : start])
            words = [before.group(1)] if before else []
            words += m.text.split()[:1]  # the model sometimes keeps "Ms" inside the name
            for word in words:
                title = word.rstrip(".")
                if title[:1].isupper() and title.lower() in TITLE_GENDER:
                    self.record(m, TITLE_GENDER[title.lower()])
        for tok in finder.doc:
            if not self.read_to <= tok.idx < pos or tok.lower_ not in PRONOUN_GENDER:
                continue
            if tok.lower_ in ("him", "her") and tok.dep_ != "poss":
                continue  # "Ortiz joined him": an object pronoun is not its clause's subject
            if not any(q0 <= tok.idx <= q1 for q0, q1 in finder.quoted):
                only = _only_person_near(finder, tok)
                if only is not None:
                    self.record(only, PRONOUN_GENDER[tok.lower_])
        self.read_to = max(self.read_to, pos)


def _only_person_near(finder: SpeakerFinder, tok: Token) -> Mention | None:
    """The one person a pronoun can mean: the only one named earlier in its sentence,
    or, when its sentence names nobody before it, the only one in the previous sentence."""
    people = finder.people_before(tok.idx)
    sent_start = tok.sent.start_char
    same = [m for m in people if m.span[0] - finder.offset >= sent_start]
    if not same:
        start = finder.narrative_window_start(tok.sent)
        same = [m for m in people if m.span[0] - finder.offset >= start]
    keys = {person_key(m) for m in same}
    return same[0] if len(keys) == 1 else None


class SpeakerFinder:
    """Finds the speaker of a quote in its sentence, nearby sentences or earlier quotes."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        offset: int = 0,
        quoted: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.doc = doc
        self.offset = offset
        self.mentions = sorted(mentions, key=lambda m: m.span)
        self.last_named: Speaker | None = None
        self.quoted = list(quoted)  # quote-mark ranges: names inside are not speakers
        self.genders = _Genders()
        self.cue_speakers: dict[int, Speaker] = {}  # reporting-verb token -> its speaker
        self.marked_speakers: dict[int, Speaker] = {}  # quote-mark pair number -> speaker

    # -- helpers
    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention covering the character range (document offsets)."""
        for m in self.mentions:
            ms, me = m.span[0] - self.offset, m.span[1] - self.offset
            if ms <= start and end <= me:
                return m
        return None

    def named(self, mention: Mention, resolution: str, cue: str | None) -> Speaker:
        return Speaker(mention.text, mention.span, resolution, cue)

    def last_person_before(self, pos: int) -> Mention | None:
        before = [
            m
            for m in self.mentions
            if m.span[1] - self.offset <= pos
            and m.label in ("PERSON", "ORG", "GROUP")
            and not names_place(self.doc, m.span[0] - self.offset, m.span[1] - self.offset)
        ]
        people = [m for m in before if m.label == "PERSON"]
        pick = people or before
        return pick[-1] if pick else None

    # -- cues
    def cue_tokens(
        self, sents: Sequence[Span], skip: tuple[int, int] | None, quoting: bool = False
    ) -> list[Token]:
        """Reporting verbs and "according to" in ``sents``; with ``quoting``, also the
        verbs that report speech only beside a quotation (the caller checks that)."""
        out = []
        for sent in sents:
            for tok in sent:
                if skip and skip[0] <= tok.idx < skip[1]:
                    continue
                if tok.lower_ == "according" and tok.i + 1 < len(self.doc):
                    if self.doc[tok.i + 1].lower_ == "to":
                        out.append(tok)
                    continue
                if reports_speech(tok) or (quoting and quotes_speech(tok)):
                    out.append(tok)
        return out

    def speaker_of_cue(self, cue: Token, resolution: str) -> Speaker | None:
        """The subject of a reporting verb, or the object of "according to"."""
        if cue.lower_ == "according":
            to = self.doc[cue.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            return self.phrase_speaker(objs[0], resolution, "according to") if objs else None
        # The quoted words are not the writer's clause: a subject inside them ("it" in
        # '"... it will," said Acton') or a verb they hold is never the speaker's.
        verb = cue
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and self.outside(c.idx)]
        while not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            if not self.outside(verb.head.idx):
                break
            verb = verb.head
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and self.outside(c.idx)]
        if subjects:
            return self.phrase_speaker(subjects[0], resolution, cue.text)
        return self.adjacent_speaker(cue, resolution)

    def adjacent_speaker(self, cue: Token, resolution: str) -> Speaker | None:
        """ "said Rasool": a name right after (or right before) the verb."""
        for tok in list(self.doc[cue.i + 1 : cue.i + 4]) + list(
            self.doc[max(0, cue.i - 3) : cue.i]
        ):
            m = self.mention_at(tok.idx, tok.idx + len(tok))
            if m is not None and m.label in _SPEAKER_LABELS:
                return self.named(m, resolution, cue.text)
        return None

    def phrase_speaker(self, head: Token, resolution: str, cue: str) -> Speaker | None:
        if head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl":
            head = head.head.head  # "Smith, who said ...": the speaker is Smith
        m = self.mention_at(head.idx, head.idx + len(head))
        if m is not None:
            return self.named(m, resolution, cue)
        sub = after_dateline(list(head.subtree)) or list(head.subtree)
        named = [
            mm
            for tok in sub
            if (mm := self.mention_at(tok.idx, tok.idx + len(tok))) is not None
            and mm.label in ("PERSON", "ORG", "GROUP")
            and mm.span[0] - self.offset >= sub[0].idx  # a name the dateline starts is no one's
        ]
        if named:
            return self.named(named[-1], resolution, cue)
        if head.lower_ in PRONOUNS:
            outer = self.outer_speaker(head, cue)
            if outer is not None:
                return outer
            antecedent = self.antecedent(head)
            if antecedent is not None:
                return Speaker(antecedent.text, antecedent.span, "pronoun", cue)
            prior = self.last_named
            if prior is None:
                found = self.last_person_before(head.idx)
                if found is None:
                    return None
                return Speaker(found.text, found.span, "pronoun", cue)
            return Speaker(prior.text, prior.span, "pronoun", cue)
        last = head
        for child in head.rights:
            if child.dep_ not in ("appos", "compound", "flat", "nmod", "poss"):
                break
            last = list(child.subtree)[-1]
        start, end = sub[0].idx, last.idx + len(last)
        phrase = self.doc.text[start:end]
        if head.lower_ in ROLE_NOUNS and self.last_named is not None:
            prior = self.last_named
            return Speaker(prior.text, prior.span, "role-noun", cue)
        return Speaker(phrase, (start + self.offset, end + self.offset), resolution, cue)

    def outer_speaker(self, pronoun: Token, cue: str) -> Speaker | None:
        """ "Sudani said he had told ...": the pronoun is the subject of an enclosing
        reporting verb, or the person named earlier in the same sentence."""
        verb = pronoun.head
        while verb.head.i != verb.i:
            verb = verb.head
            if reports_speech(verb):
                subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
                if subjects and subjects[0].lower_ not in PRONOUNS:
                    found = self.phrase_speaker(subjects[0], "pronoun", cue)
                    if found is not None:
                        return Speaker(found.text, found.span, "pronoun", cue)
        if pronoun.lower_ in PRONOUN_GENDER:
            return None  # "she": the antecedent search weighs nearness and gender
        sent = pronoun.sent
        earlier = [
            m
            for m in self.mentions
            if sent.start_char <= m.span[0] - self.offset < pronoun.idx and m.label == "PERSON"
        ]
        if earlier:
            return Speaker(earlier[-1].text, earlier[-1].span, "pronoun", cue)
        return None

    def outside(self, idx: int) -> bool:
        """Whether a document offset lies outside every pair of quote marks."""
        return not any(q0 <= idx <= q1 for q0, q1 in self.quoted)

    # -- pronouns
    def outside_quotes(self, m: Mention) -> bool:
        start = m.span[0] - self.offset
        return not any(q0 <= start <= q1 for q0, q1 in self.quoted)

    def people_before(self, pos: int) -> list[Mention]:
        """Person mentions before ``pos`` in the writer's own words, nearest first."""
        return [
            m
            for m in reversed(self.mentions)
            if m.label == "PERSON"
            and m.span[1] - self.offset <= pos
            and self.outside_quotes(m)
            and not names_place(self.doc, m.span[0] - self.offset, m.span[1] - self.offset)
        ]

    def narrative_window_start(self, sent: Span) -> int:
        """Where "this or the previous sentence" starts, not counting sentences that are
        wholly inside a quote (a two-sentence quote sits between a name and "she said")."""
        earlier = [s for s in self.doc.sents if s.end_char <= sent.start_char]
        for prev in reversed(earlier):
            if not any(
                q0 <= prev.start_char and prev.end_char - 1 <= q1 + 1 for q0, q1 in self.quoted
            ):
                return prev.start_char
        return sent.start_char

    def subject_pronoun_before(self, pronoun: Token) -> Token | None:
        """The subject of the sentence before, when it is the same pronoun in the
        writer's words: the text goes on about one person, so the second "he" is the
        first one's, not the last man named in between ("the son of Y")."""
        earlier = [
            s
            for s in self.doc.sents
            if s.end_char <= pronoun.sent.start_char and self.outside(s.start_char)
        ]
        if not earlier:
            return None
        return next(
            (
                t
                for t in earlier[-1]
                if t.dep_ in _SUBJECTS
                and t.head.dep_ == "ROOT"
                and t.lower_ == pronoun.lower_
                and self.outside(t.idx)
            ),
            None,
        )

    def antecedent(self, pronoun: Token) -> Mention | None:
        """Whom "she"/"he" stands for: the nearest person named in this or the previous
        sentence, else anywhere before; among those, one the text has already shown to
        be a woman (for "she") or a man (for "he") wins over nearer unknowns, and one
        shown to be the other is never taken."""
        gender = PRONOUN_GENDER.get(pronoun.lower_)
        if gender is None:
            return None
        same = self.subject_pronoun_before(pronoun)
        if same is not None:  # "He was joined by X, the son of Y. '...,' he said."
            found = self.antecedent(same)
            if found is not None:
                return found
        self.genders.learn(self, pronoun.idx)
        people = self.people_before(pronoun.idx)
        start = self.narrative_window_start(pronoun.sent)
        near = [m for m in people if m.span[0] - self.offset >= start]
        for pool in (near, people):
            fits = [m for m in pool if self.genders.of(m) == gender]
            unknown = [m for m in pool if self.genders.of(m) is None]
            pick = (fits or unknown)[0] if fits or unknown else None
            if pick is not None:
                self.genders.record(pick, gender)
                return pick
        return None

    def remember(self, speaker: Speaker | None) -> None:
        if speaker is not None and self.mention_at(
            speaker.span[0] - self.offset, speaker.span[1] - self.offset
        ):
            self.last_named = speaker


def _sents_covering(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in doc.sents if s.end_char > start and s.start_char < end]


def _nearest_cue(cues: list[Token], marked: Marked) -> Token | None:
    if not cues:
        return None

    def distance(tok: Token) -> int:
        if tok.idx < marked.open:
            return marked.open - tok.idx
        return tok.idx - marked.close

    return min(cues, key=distance)


def extract_quotes(
    doc: Doc, mentions: Sequence[Mention], max_chars: int = 1500, offset: int = 0
) -> list[Quote]:
    """Direct, partial and indirect quotes of a document, speakers attached.

    Sentences are read in order so a pronoun or "the spokesperson" refers back to
    the speaker named last. ``offset`` is added to every span (the document may be
    a slice of the article).
    """
    marks = find_quote_marks(doc.text, max_chars)
    mentions = [m for m in mentions if m.kind == "name"]  # a speaker is named by a name
    finder = SpeakerFinder(doc, mentions, offset, [(m.open, m.close) for m in marks])
    sents = list(doc.sents)
    quotes: list[Quote] = []
    done: set[int] = set()
    for sent in sents:
        here = [
            k
            for k, m in enumerate(marks)
            if k not in done and sent.start_char <= m.open < sent.end_char
        ]
        inside_marks = any(m.open < sent.start_char < m.close for m in marks)
        if not inside_marks:  # a sentence wholly inside a quotation reports nothing itself
            quotes.extend(_indirect(doc, finder, sent, offset, marks))
        for k in here:
            done.add(k)
            quote = _direct(doc, finder, sents, marks, k, quotes, offset)
            if quote is not None:
                quotes.append(quote)
    _name_roles_later(finder, quotes, offset)
    quotes.sort(key=lambda q: q.span)
    return quotes


def _name_roles_later(finder: SpeakerFinder, quotes: list[Quote], offset: int) -> None:
    """ "the spokesperson said" before the spokesperson is named: take the name from the
    next quote within two sentences whose sentence uses the same role word."""
    for i, q in enumerate(quotes):
        if not q.speaker or q.speaker_span is None or q.sentence is None:
            continue
        role = q.speaker.split()[-1].lower()
        s, e = q.speaker_span[0] - offset, q.speaker_span[1] - offset
        if role not in ROLE_NOUNS or finder.mention_at(s, e) is not None:
            continue
        for later in quotes[i + 1 : i + 3]:
            if later.speaker_span is None or later.sentence is None:
                continue
            ls, le = later.speaker_span[0] - offset, later.speaker_span[1] - offset
            named = finder.mention_at(ls, le)
            words = finder.doc.text[later.sentence[0] - offset : later.sentence[1] - offset]
            if named is not None and role in words.lower():
                q.speaker, q.speaker_span = named.text, named.span
                q.speaker_resolution = "later-sentence"
                break


def _direct(
    doc: Doc,
    finder: SpeakerFinder,
    sents: list[Span],
    marks: list[Marked],
    k: int,
    earlier: list[Quote],
    offset: int,
) -> Quote | None:
    marked = marks[k]
    ctx = _sents_covering(doc, marked.open, marked.close + 1)
    if not ctx:
        return None
    inner_text = doc.text[marked.inner[0] : marked.inner[1]]
    kind = quote_kind(inner_text)
    cues = finder.cue_tokens(ctx, (marked.open, marked.close + 1), quoting=True)
    cues = [c for c in cues if not any(m.open <= c.idx <= m.close for m in marks)]
    cues = [
        c
        for c in cues
        if not (weak_report(c) or (quotes_speech(c) and not reports_speech(c)))
        or _touches(c, marked)
    ]
    speaker: Speaker | None = None
    cue = _nearest_cue(cues, marked)
    prev = finder.marked_speakers.get(k - 1)
    same_para = k > 0 and "\n" not in doc.text[marks[k - 1].close : marked.open]
    if cue is not None and cue.i in finder.cue_speakers:
        # '"A," said X. "B."': the cue already gave the quote before; both are X's
        speaker = finder.cue_speakers[cue.i]
    elif cue is not None:
        speaker = finder.speaker_of_cue(cue, "same-sentence")
        if speaker is not None:
            finder.cue_speakers[cue.i] = speaker
    if speaker is None:
        speaker = _introduced_by_colon(doc, finder, marked)
    if speaker is None and same_para and prev is not None:
        speaker = Speaker(prev.text, prev.span, "previous", prev.cue)
    if speaker is None and kind == "direct":
        speaker = _speaker_after(doc, finder, sents, ctx[-1], marks)
    continuing = earlier and earlier[-1].speaker and marked.open - marks[k - 1].close < 400
    if speaker is None and kind == "direct" and finder.last_named and k > 0 and continuing:
        last = finder.last_named
        speaker = Speaker(last.text, last.span, "previous", None)
    if speaker is not None:
        finder.marked_speakers[k] = speaker
    finder.remember(speaker)
    return Quote(
        span=(marked.inner[0] + offset, marked.inner[1] + offset),
        text=inner_text,
        kind=kind,  # type: ignore[arg-type]
        speaker=speaker.text if speaker else None,
        speaker_span=speaker.span if speaker else None,
        speaker_resolution=speaker.resolution if speaker else None,
        sentence=(ctx[0].start_char + offset, ctx[-1].end_char + offset),
        cue=speaker.cue if speaker else None,
    )


def _introduced_by_colon(doc: Doc, finder: SpeakerFinder, marked: Marked) -> Speaker | None:
    """'Cruz continued:' / 'Kasich: "..."' / 'the mayor released a statement:' then the
    quote, in the same paragraph or the next: the colon hands the words to the subject
    of the clause it ends, or to the name that is all there is before it on its line."""
    before = doc.text[: marked.open].rstrip()
    if not before.endswith(":") or marked.open - len(before) > 6:
        return None
    colon = len(before) - 1
    line_start = before.rfind("\n") + 1
    lead = doc.text[line_start:colon].strip()
    span = doc.char_span(line_start, colon, alignment_mode="expand")
    if span is None or not len(span):
        return None
    named = finder.mention_at(line_start + doc.text[line_start:colon].find(lead), colon)
    if lead and named is not None and len(lead) <= len(named.text) + 2:
        return finder.named(named, "colon", None)  # a headline: 'Kasich: "..."'
    sent = doc[span.end - 1].sent
    cues = [c for c in finder.cue_tokens([sent], None, quoting=True) if c.idx < colon]
    if cues:
        return finder.speaker_of_cue(cues[-1], "colon")
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in root.children if c.dep_ in _SUBJECTS]
    if not subjects:
        return None
    head = subjects[0]
    found = finder.mention_at(head.idx, head.idx + len(head))
    if found is None and head.lower_ not in PRONOUNS:
        return None
    return finder.phrase_speaker(head, "colon", root.text)


def _touches(cue: Token, marked: Marked) -> bool:
    """A weak reporting verb counts only right next to the quote ('...,” read the statement'),
    or after it with only its subject between ('...,” the spokesman added')."""
    if 0 <= cue.idx - marked.close <= 3 or 0 <= marked.open - (cue.idx + len(cue)) <= 3:
        return True
    between = cue.doc.text[marked.close + 1 : cue.idx]
    return 0 <= cue.idx - marked.close <= 40 and not any(p in between for p in ".;:!?\n")


def _speaker_after(
    doc: Doc, finder: SpeakerFinder, sents: list[Span], last: Span, marks: list[Marked]
) -> Speaker | None:
    """A speaker named in the next sentence ("... conflict." Rasool said.) of the paragraph."""
    following = [s for s in sents if s.start_char >= last.end_char]
    if not following:
        return None
    nxt = following[0]
    if "\n" in doc.text[last.end_char : nxt.start_char]:
        return None  # a new paragraph is someone else's
    if any(nxt.start_char <= m.open < nxt.end_char for m in marks):
        return None
    cues = finder.cue_tokens([nxt], None)
    if not cues:
        return None
    return finder.speaker_of_cue(cues[0], "next-sentence")


def _indirect(
    doc: Doc, finder: SpeakerFinder, sent: Span, offset: int, marks: Sequence[Marked] = ()
) -> list[Quote]:
    """Reported speech: a reporting verb with a clause hanging on it (the clause may
    hold a quoted fragment, but not be one), or a clause attributed with "according to
    X". A sentence can report several."""
    out = _reported_clauses(doc, finder, sent, offset, marks)
    if not out and not any(sent.start_char <= m.open < sent.end_char for m in marks):
        according = _according_to(doc, finder, sent, offset)
        if according is not None:
            out.append(according)
    return out


# "according to the plan" attributes to a rulebook, not a voice.
_NOT_VOICES = frozenset(
    {
        "plan",
        "plans",
        "law",
        "laws",
        "rule",
        "rules",
        "schedule",
        "timetable",
        "constitution",
        "agreement",
        "tradition",
        "legend",
        "custom",
        "design",
        "theory",
        "script",
        "reports",
    }
)


def _according_to(doc: Doc, finder: SpeakerFinder, sent: Span, offset: int) -> Quote | None:
    """ "According to the union, the strike will continue": the clause without the
    attribution is what X said, reported indirectly."""
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "to":
            continue
        objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
        if not objs or objs[0].lower_ in _NOT_VOICES:
            continue
        phrase = list(tok.subtree)
        lo, hi = phrase[0].i, phrase[-1].i
        rest = [t for t in sent if (t.i < lo or t.i > hi) and not t.is_space]
        while rest and rest[0].is_punct:
            rest = rest[1:]
        while rest and rest[-1].is_punct:
            rest = rest[:-1]
        if len(rest) < 3:
            continue
        head = objs[0]
        if head.pos_ == "NOUN" and head.lower_ not in ROLE_NOUNS:
            # "the Kesmet provincial police": the police speak, not the province named in it
            words = [t for t in head.subtree if t.i <= head.i]
            speaker: Speaker | None = Speaker(
                doc.text[words[0].idx : head.idx + len(head)],
                (words[0].idx + offset, head.idx + len(head) + offset),
                "same-sentence",
                "according to",
            )
        else:
            speaker = finder.speaker_of_cue(tok, "same-sentence")
        if speaker is None:
            continue
        finder.remember(speaker)
        start, end = rest[0].idx, rest[-1].idx + len(rest[-1])
        return _reported(doc, (start, end), speaker, sent, offset, "according to")
    return None


def _reported(
    doc: Doc, words: tuple[int, int], speaker: Speaker, sent: Span, offset: int, cue: str
) -> Quote:
    """Reported speech: the reported words' span, who said them, and the cue."""
    start, end = words
    return Quote(
        span=(start + offset, end + offset),
        text=doc.text[start:end],
        kind="indirect",
        speaker=speaker.text,
        speaker_span=speaker.span,
        speaker_resolution=speaker.resolution,
        sentence=(sent.start_char + offset, sent.end_char + offset),
        cue=cue,
    )


def _in_marks(idx: int, marks: Sequence[Marked]) -> bool:
    return any(m.open <= idx <= m.close for m in marks)


def _reported_clauses(
    doc: Doc, finder: SpeakerFinder, sent: Span, offset: int, marks: Sequence[Marked]
) -> list[Quote]:
    out: list[Quote] = []
    for tok in sent:
        if not reports_speech(tok) or _in_marks(tok.idx, marks):
            continue
        toks = _reported_words(tok, sent)
        if toks is None:
            continue
        outside = [t for t in toks if not _in_marks(t.idx, marks) and not t.is_punct]
        if len(outside) < 3:
            continue  # the clause is the quotation itself: read as a direct quote
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        if any(q.span[0] - offset < end and start < q.span[1] - offset for q in out):
            continue
        speaker = finder.speaker_of_cue(tok, "same-sentence")
        if speaker is None:
            continue
        finder.remember(speaker)
        out.append(_reported(doc, (start, end), speaker, sent, offset, tok.text))
    return out


def _reported_words(verb: Token, sent: Span) -> list[Token] | None:
    """The words reported by ``verb``: its clause ("said [that] the road is open"), or,
    when the clause comes first ("The road is open, the mayor said."), the sentence
    before the speaker."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        toks = list(clauses[0].subtree)
    elif verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and verb.i >= sent.end - 3:
        subject = [c for c in verb.children if c.dep_ in _SUBJECTS]
        stop = min([verb.i] + [t.i for s in subject for t in s.subtree])
        toks = [t for t in sent if t.i < stop]
    else:
        return None
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks if len(toks) >= 3 else None
