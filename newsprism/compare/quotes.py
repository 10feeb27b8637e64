"""Quote groups: one statement as each outlet printed it, with word-level differences.

Outlets trim, translate and retype quotes ("factor for instability" / "factor of
instability"); a partial quote lifted from a longer one belongs to the longer one's
group. Grouping needs the same speaker (when both are known) and most of the
shorter quote's words inside the longer one.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from newsprism.compare.context import StoryContext
from newsprism.compare.copies import credited_agency
from newsprism.compare.quote_languages import QUOTE_COSINE, cross_language_cosines
from newsprism.compare.quote_languages import tongue as printed_in
from newsprism.compare.records import DiffOp, Paraphrase, QuoteGroup, QuoteVariant, QuoteWording
from newsprism.compare.similarity import content_terms
from newsprism.language.rules.reader import is_foreign
from newsprism.model import Quote, trim_span

_WORDS = re.compile(r"\S+")
MIN_QUOTE_TERMS = 2  # "aggression" alone is a scare quote, not a statement
TRANSLATION_SWAPS = 2  # words swapped for others in two places: another rendering
UNSURE_SPEAKER_MARGIN = 0.25  # extra overlap needed when a guessed speaker disagrees
# How a speaker was found when it is named in the quote's own sentence: trusted.
SURE_RESOLUTIONS = {"same-sentence", None}


@dataclass(slots=True)
class _Q:
    article: str
    quote: Quote
    span: tuple[int, int]
    text: str
    terms: set[str]
    by_rule: bool = False  # read without a parser (``language.rules``)
    # the words that introduce the speaker in the quote's sentence, title and all
    # ("Ostland Coast Rescue chief Amir Talesh"): see ``introduction``
    attribution: str = ""


# words in scripts other than Latin (Arabic, Cyrillic, Greek, ...), which
# ``content_terms`` does not read: without them a quote in Arabic holds no word at all
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]{2,}")


def quote_terms(text: str) -> set[str]:
    """The content words a quote is matched on, in any script."""
    return content_terms(text) | {w.casefold() for w in _OTHER_SCRIPT.findall(text)}


SHORT_QUOTE_WORDS = 4  # a phrase this short is lifted verbatim, or is another phrase


def _words(text: str) -> str:
    return " ".join(w.strip('"“”‘’«».,;:!?').lower() for w in text.split())


def _containment(a: _Q, b: _Q) -> float:
    small, big = (a, b) if len(a.terms) <= len(b.terms) else (b, a)
    if not small.terms:
        return 0.0
    if len(small.text.split()) <= SHORT_QUOTE_WORDS and _words(small.text) not in _words(big.text):
        return 0.0  # «helicopter wreckage» is no part of a statement that lacks the words
    lexical = len(small.terms & big.terms) / len(small.terms)
    return max(lexical, fuzz.partial_ratio(small.text.lower(), big.text.lower()) / 100.0)


def _same_speaker(a: _Q, b: _Q) -> bool | None:
    """True or False when both speakers are known, None when one is unknown.

    Two entities whose written names share a name word ("Roland L. Butler" and
    "Roland L. Butler Jr.", which resolution may keep apart) are not two speakers: which
    is meant is unknown, not different. A speaker the other quote's attribution names
    ("Coast Rescue" in "Coast Rescue chief Amir Talesh told Radio Velmora") is the
    same one. Speakers written without an entity ("state TV") are compared by name
    when both are named in the quotes' own sentences."""
    qa, qb = a.quote, b.quote
    if qa.speaker_entity and qb.speaker_entity and qa.speaker_entity == qb.speaker_entity:
        return True
    if not (qa.speaker and qb.speaker):
        return None
    if _titled(a, b) or _titled(b, a):
        return True
    if qa.speaker_entity and qb.speaker_entity:
        return None if _names_one(qa.speaker, qb.speaker) else False
    if _written_name(a) and _written_name(b):
        return _names_one(qa.speaker, qb.speaker) or _names_one(qb.speaker, qa.speaker)
    return None


TITLE_WORDS = 4  # words before a speaker's name read as its title ("Coast Rescue chief")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”„«»]")


def introduction(text: str, q: Quote) -> str:
    """The speaker's name with the words just before it in its clause: the title that
    tells whose chief or spokesman the named person is. A possessive ("Tom Rudd's lawyer")
    names someone else, so it is left out."""
    if not q.speaker_span or not q.sentence or q.where != "text":
        return ""
    start, end = q.speaker_span
    if not q.sentence[0] <= start < q.sentence[1]:
        return text[start:end]  # named in another sentence: no title of this one
    before = _CLAUSE_BREAK.split(text[max(q.sentence[0], 0) : start])[-1].split()
    title = before[-TITLE_WORDS:]
    owners = [n for n, w in enumerate(title) if re.search(r"['’]s$", w)]
    if owners:  # "Tom Rudd's lawyer": the title begins after its possessor
        title = title[owners[-1] + 1 :]
    return " ".join([*title, text[start:end]])


def _titled(a: _Q, b: _Q) -> bool:
    """Whether ``b``'s speaker is introduced with ``a``'s ("Coast Rescue chief ...")."""
    name = a.quote.speaker
    return bool(name and b.attribution) and _names_one(name or "", b.attribution)


def _written_name(q: _Q) -> bool:
    """A speaker trusted as written: named in the quote's own sentence, with a name, for
    a statement. A lifted phrase ("hard landing") is relayed by whoever repeats it, so
    a name written without an entity is no reason to keep its quoters apart."""
    return (
        bool(q.quote.speaker)
        and len(q.text.split()) > SHORT_QUOTE_WORDS
        and _trusted(q)
        and _names_someone(q.quote.speaker or "")
    )


SPEAKERS_DIFFER = "the outlets credit different speakers"


def _own_speakers(members: Sequence[_Q]) -> dict[str, tuple[str | None, str]]:
    """The speakers the quotes' own sentences name, as written, with their entities and
    introductions."""
    return {
        " ".join(q.quote.speaker.split()): (q.quote.speaker_entity, q.attribution)
        for q in members
        if q.quote.speaker and not guessed_speaker(q.quote) and _names_someone(q.quote.speaker)
    }


def _names_someone(written: str) -> bool:
    """A speaker written with a name or an acronym ("state TV", "the Maui county
    government"), not a bare description ("the brief statement", "officials"), which
    may well be the named one's and never disagrees with it."""
    words = written.split()
    return any(w[:1].isupper() for w in words[1:]) or any(
        len(w) > 1 and w.isupper() and w.isalpha() for w in words
    )


def _names_one(name: str, written: str) -> bool:
    """Whether a written speaker ("Ostland Coast Rescue chief Amir Talesh")
    names the same one as ``name`` ("Amir Talesh"): a word of the name's in it."""
    words = {w.casefold() for w in re.findall(r"\w+", name) if len(w) > 3}
    said = {w.casefold() for w in re.findall(r"\w+", written)}
    return bool(words & said) or name.casefold() == written.casefold()


def _trusted(q: _Q) -> bool:
    return trusted_speaker(q.quote, q.by_rule)


def trusted_speaker(q: Quote, by_rule: bool) -> bool:
    """A speaker that can overrule the words: named in the quote's own sentence and,
    when read without a parser (where any capitalised word is a name: "Mitteilung",
    "l'Agence"), written with two name words at least."""
    if guessed_speaker(q):
        return False
    if not by_rule:
        return True
    written = (q.speaker or "").split()
    return sum(1 for w in written if w[:1].isupper()) >= 2


def one_speaker(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two (entity, name as written) speakers can be one: the same entity, or
    names that share a name word ("Coast Rescue" / "Rescue Service")."""
    return a[0] == b[0] or _names_one(a[1], b[1]) or _names_one(b[1], a[1])


def introduced_as(name: str, introduction_words: str) -> bool:
    """Whether ``name`` ("Coast Rescue") is named in another speaker's introduction
    ("Coast Rescue chief Amir Talesh"): the body a person heads or speaks for is
    the same voice, not another speaker."""
    return bool(name and introduction_words) and _names_one(name, introduction_words)


def guessed_speaker(q: Quote) -> bool:
    """A speaker reached through "she said" or a neighbouring sentence can be the wrong one."""
    return q.speaker_resolution not in SURE_RESOLUTIONS


def word_diff(canonical: str, variant: str) -> list[DiffOp]:
    """same/added/removed runs of words, reading the variant against the canonical text."""
    a = [w.strip('"“”‘’.,;:').lower() for w in _WORDS.findall(canonical)]
    b_words = _WORDS.findall(variant)
    b = [w.strip('"“”‘’.,;:').lower() for w in b_words]
    a_words = _WORDS.findall(canonical)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(DiffOp("same", " ".join(b_words[j1:j2])))
            continue
        if i2 > i1:
            ops.append(DiffOp("removed", " ".join(a_words[i1:i2])))
        if j2 > j1:
            ops.append(DiffOp("added", " ".join(b_words[j1:j2])))
    return ops


def wording(ops: Sequence[DiffOp]) -> QuoteWording:
    """How a variant's words relate to the canonical text's."""
    changed = [o for o in ops if o.op != "same"]
    if not changed:
        return "same"
    if all(o.op == "removed" for o in changed):
        return "trimmed"
    replaced = sum(1 for x, y in itertools.pairwise(ops) if x.op == "removed" and y.op == "added")
    return "translation" if replaced >= TRANSLATION_SWAPS else "differs"


def _window(canonical: str, variant: str) -> str:
    """The part of a longer canonical quote that a shorter variant corresponds to."""
    if len(variant) >= len(canonical) * 0.8:
        return canonical
    al = fuzz.partial_ratio_alignment(variant.lower(), canonical.lower())
    if al is None:
        return canonical
    start, end = al.dest_start, al.dest_end
    while start > 0 and not canonical[start - 1].isspace():
        start -= 1
    while end < len(canonical) and not canonical[end].isspace():
        end += 1
    return canonical[start:end]


def group_quotes(ctx: StoryContext) -> list[QuoteGroup]:
    """Statements quoted by two or more outlets, each version with its word diff.

    Only words inside quotation marks are quotes. Reported speech of the same
    statement joins a group as a paraphrase, shown without quotation marks."""
    items: list[_Q] = []
    paraphrases: list[_Q] = []
    for art_id, ann in ctx.annotations.items():
        text = ctx.articles[art_id].text
        for q in ann.quotes:
            if q.where != "text":
                continue  # headline quotes index the title; the body carries the statement
            span = trim_span(text, q.span)
            words = text[span[0] : span[1]]
            terms = quote_terms(words)
            if q.kind == "indirect":
                span = _balanced(text, span, q.sentence)
                words = text[span[0] : span[1]]
            if span[1] > span[0] and len(terms) >= MIN_QUOTE_TERMS:
                by_rule = is_foreign(ctx.articles[art_id].language)
                (paraphrases if q.kind == "indirect" else items).append(
                    _Q(art_id, q, span, words, terms, by_rule, introduction(text, q))
                )
    threshold = ctx.options.quote_threshold
    cosines = cross_language_cosines(
        [q.text for q in items], [ctx.articles[q.article].language for q in items]
    )
    scored = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[i].article == items[j].article and items[i].span == items[j].span:
                continue
            score = _pair_score(items[i], items[j], float(cosines[i, j]), threshold)
            if score is not None:
                scored.append((score, i, j))
    # speakers named in the quote's own sentence, per group: a group never gets two
    sure = [_sure_speaker(q) for q in items]
    links = sorted(scored, reverse=True)
    groups: list[list[int]] = []
    pending = list(range(len(items)))
    while pending:
        found = _linked(items, pending, links, sure)
        kept, pending = _read_against_canonical(ctx, items, found, threshold, links)
        groups += kept
    out = [_group(ctx, [items[i] for i in m]) for m in groups]
    out = [g for g in out if len({v.cite.outlet for v in g.variants}) >= 2]
    _attach_paraphrases(ctx, out, items, paraphrases, threshold)
    out.sort(key=lambda g: (-len({v.cite.outlet for v in g.variants}), g.text))
    for n, g in enumerate(out, 1):
        g.id = f"q{n}"
    return out


def _cut(part: _Q, whole: _Q, threshold: float) -> bool:
    """Whether ``part`` is a piece of ``whole``: no more words, and its words in it."""
    return len(part.terms) <= len(whole.terms) and (
        _pair_score(part, whole, -1.0, threshold) is not None
    )


def _linked(
    items: Sequence[_Q],
    pending: Sequence[int],
    links: Sequence[tuple[float, int, int]],
    sure: Sequence[dict[str, tuple[str, str]]],
) -> list[list[int]]:
    """The quotes of ``pending`` joined along their links, strongest first; a link that
    would give a group two speakers named in the quotes' own sentences is skipped."""
    parent = {i: i for i in pending}
    named = {i: dict(sure[i]) for i in pending}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _score, i, j in links:
        if i not in parent or j not in parent:
            continue
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if not _near_identical(items[i], items[j]) and _speakers_clash(named[ri], named[rj]):
            continue
        parent[ri] = rj
        named[rj] |= named[ri]
    groups: dict[int, list[int]] = {}
    for i in pending:
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _read_against_canonical(
    ctx: StoryContext,
    items: Sequence[_Q],
    groups: Sequence[list[int]],
    threshold: float,
    links: Sequence[tuple[float, int, int]],
) -> tuple[list[list[int]], list[int]]:
    """Each group kept with the versions its canonical text can be shown against, and
    the versions it cannot: a quote in the canonical's language that is neither part
    of it nor a wording of it (another sentence of the same remarks, joined through a
    third version holding words of both) is a statement of its own, grouped again. A
    page in another language renders the statement once: of its quotes joined, the one
    linked closest to the other pages' stays with the pieces of it the page prints
    again, and the others are grouped again.

    Returns the groups and the quotes left to group again (none when no group lost any:
    each round only removes, so it ends)."""
    strength: dict[tuple[int, int], float] = {}
    for score, i, j in links:
        strength[(i, j)] = strength[(j, i)] = score
    kept: list[list[int]] = []
    again: list[int] = []
    for members in groups:
        if len(members) < 2:
            kept.append(members)
            continue
        canonical = _canonical(ctx, [items[i] for i in members])
        tongue = printed_in(ctx.articles[canonical.article].language)

        def shown(i: int, against: _Q) -> bool:
            return _pair_score(items[i], against, -1.0, threshold) is not None

        alike = [
            i
            for i in members
            if items[i] is not canonical
            and printed_in(ctx.articles[items[i].article].language) == tongue
        ]
        wordings = [items[i] for i in alike if shown(i, canonical)] + [canonical]
        # a cut of a wording the canonical is shown with is read against that wording
        out = [
            i
            for i in alike
            if items[i] not in wordings
            and not any(len(items[i].terms) <= len(w.terms) and shown(i, w) for w in wordings)
        ]
        pages: dict[str, list[int]] = {}
        for i in members:
            if printed_in(ctx.articles[items[i].article].language) != tongue:
                pages.setdefault(items[i].article, []).append(i)
        # a version in another language renders the statement: it is linked to a
        # version in a language other than its own, or it is a cut of one that is;
        # a fragment that only resembles a rendering in its own language is not
        rendered = {
            i
            for quotes in pages.values()
            for i in quotes
            if any(
                (i, o) in strength
                and printed_in(ctx.articles[items[o].article].language)
                != printed_in(ctx.articles[items[i].article].language)
                for o in members
            )
        }
        for quotes in pages.values():
            for i in quotes:
                if i in rendered:
                    continue
                if not any(
                    len(items[i].terms) <= len(items[o].terms) and shown(i, items[o])
                    for o in rendered
                ):
                    out.append(i)
        pages = {a: [i for i in quotes if i not in out] for a, quotes in pages.items()}
        pages = {a: quotes for a, quotes in pages.items() if quotes}

        for quotes in pages.values():
            others = [o for o in members if items[o].article != items[quotes[0]].article]
            best = max(quotes, key=lambda i: max(strength.get((i, o), 0.0) for o in others))
            # the page's rendering printed again whole or in part stays with it
            out += [
                i
                for i in quotes
                if i != best
                and not _cut(items[i], items[best], threshold)
                and not _cut(items[best], items[i], threshold)
            ]
        kept.append([i for i in members if i not in out])
        again += out
    return kept, again


NEAR_IDENTICAL = 0.9  # word-level similarity at which two long quotes are one text
NEAR_IDENTICAL_WORDS = 6  # ... when they have at least this many words


def _near_identical(a: _Q, b: _Q) -> bool:
    """One text printed twice: whoever each page credits, it is one statement."""
    wa, wb = _words(a.text), _words(b.text)
    if min(len(wa.split()), len(wb.split())) < NEAR_IDENTICAL_WORDS:
        return False
    return fuzz.ratio(wa, wb) / 100.0 >= NEAR_IDENTICAL


def _sure_speaker(q: _Q) -> dict[str, tuple[str, str]]:
    """The speaker a quote's own sentence names, keyed by entity (or by its written name
    when it has none, "state TV"), with its name as written and its introduction."""
    written = q.quote.speaker or ""
    if q.quote.speaker_entity and _trusted(q):
        return {q.quote.speaker_entity: (written, q.attribution)}
    if _written_name(q):
        return {"~" + " ".join(written.casefold().split()): (written, q.attribution)}
    return {}


def _speakers_clash(a: dict[str, tuple[str, str]], b: dict[str, tuple[str, str]]) -> bool:
    """Two groups credit different speakers in the quotes' own sentences: a speaker of
    one that is not the other's, shares no name word with any of the other's and is
    not named in their introductions ("Coast Rescue chief Amir Talesh")."""
    if not a or not b:
        return False

    def one(x: tuple[str, str], y: tuple[str, str]) -> bool:
        return _names_one(x[0], y[0]) or _names_one(x[0], y[1]) or _names_one(y[0], x[1])

    return any(ka not in b and not any(one(wa, wb) for wb in b.values()) for ka, wa in a.items())


def _pair_score(a: _Q, b: _Q, cosine: float, threshold: float) -> float | None:
    """How surely two quotes are one statement, None when they are not: one text
    printed twice; in two languages, the encoder's cosine past ``QUOTE_COSINE``; in
    one, enough of the shorter one's words in the longer one."""
    if _near_identical(a, b):
        return 1.0
    need = _need(a, b, threshold)
    if need is None:
        return None
    if cosine >= 0.0:  # a pair the multilingual encoder scores
        # speakers in two languages are often written without a name ("un docker"):
        # unknown is no reason for doubt; a guessed speaker that disagrees is
        extra = UNSURE_SPEAKER_MARGIN if need - threshold >= UNSURE_SPEAKER_MARGIN else 0.0
        return cosine if cosine >= QUOTE_COSINE + extra else None
    score = _containment(a, b)
    return score if score >= need else None


def _need(a: _Q, b: _Q, threshold: float) -> float | None:
    """The word overlap two quotes need to be one statement, given their speakers."""
    same = _same_speaker(a, b)
    if any(q.by_rule and not _trusted(q) for q in (a, b)):
        same = same or None  # a capitalised word read as a name disagrees with nothing
    if same is False and _trusted(a) and _trusted(b):
        return None  # two speakers named in their own sentences: two statements
    if same is False:  # nearly the same words outweigh a pronoun resolved wrongly
        return threshold + UNSURE_SPEAKER_MARGIN
    return threshold if same else threshold + 0.15


def _attach_paraphrases(
    ctx: StoryContext,
    groups: Sequence[QuoteGroup],
    items: Sequence[_Q],
    paraphrases: Sequence[_Q],
    threshold: float,
) -> None:
    by_place = {(x.article, x.span): x for x in items}
    for p in paraphrases:
        if _holds_quote(p, items) or _QUOTE_MARK.search(p.text):
            continue  # words in quotation marks are a quote, never "no quotation marks"
        best: tuple[float, QuoteGroup | None] = (0.0, None)
        for g in groups:
            for v in g.variants:
                q = by_place[(v.cite.article, v.cite.span)]
                need = _need(p, q, threshold)
                score = _restates(p, q)
                if need is not None and score >= need and score > best[0]:
                    best = (score, g)
        if best[1] is not None:
            best[1].paraphrases.append(Paraphrase(ctx.cite(p.article, p.span), p.quote.speaker))


PARAPHRASE_SHARE = 0.5  # at least half of reported speech's words are the statement's


def _restates(p: _Q, q: _Q) -> float:
    """How surely reported speech ``p`` restates quote ``q``: the share of the shorter
    one's words in the other, by words alone (a few shared letters are no restatement:
    "Two bodies have been identified" is no report of "None of us really knows"), when
    two words at least are shared and half of the reported words are the quote's (a
    lead sentence holding two of its words reports the day's news, not the quote)."""
    shared = p.terms & q.terms
    if len(shared) < MIN_QUOTE_TERMS or len(shared) < PARAPHRASE_SHARE * len(p.terms):
        return 0.0
    return len(shared) / min(len(p.terms), len(q.terms))


_MARKS = {"“": "”", "„": "“", "«": "»", "‘": "’", "‹": "›", "「": "」", '"': '"'}
_QUOTE_MARK = re.compile('[“”„«»‹›「」"]')


def _balanced(
    text: str, span: tuple[int, int], sentence: tuple[int, int] | None
) -> tuple[int, int]:
    """A reported-speech span that opens a quotation mark runs to where it closes (inside
    its sentence): never shown cut after 'kept open "by every'."""
    words = text[span[0] : span[1]]
    limit = sentence[1] if sentence else len(text)
    for opening, closing in _MARKS.items():
        opened = words.count(opening) - (0 if opening == closing else words.count(closing))
        if opening == closing:
            opened %= 2
        if opened > 0:
            end = text.find(closing, span[1], limit)
            if end >= 0:
                return (span[0], end + 1)
    return span


def _holds_quote(p: _Q, items: Sequence[_Q]) -> bool:
    """Reported speech that carries a direct quote of its own article inside it."""
    return any(
        q.article == p.article and p.span[0] <= q.span[0] and q.span[1] <= p.span[1] for q in items
    )


def _canonical(ctx: StoryContext, members: Sequence[_Q]) -> _Q:
    """The version a group is shown as, the one every other is read against.

    Of the fullest direct versions (the others are read as cuts of them), the credited
    one, then the one closest to all the others, then the earliest. Lengths and wordings
    are compared within a language: a rendering is no cut of its original for being
    shorter, nor a wording the others share."""

    def tongue(q: _Q) -> str:
        return printed_in(ctx.articles[q.article].language)

    longest = {t: max(len(q.text) for q in members if tongue(q) == t) for t in map(tongue, members)}
    # the statement is shown in the language most of its outlets print it in
    printers = Counter(t for t, _ in {(tongue(q), ctx.outlet_of[q.article]) for q in members})

    def centrality(q: _Q) -> tuple[bool, bool, float]:
        spread = sum(
            fuzz.ratio(q.text.lower(), o.text.lower())
            for o in members
            if o is not q and tongue(o) == tongue(q)
        )
        return (q.quote.kind == "direct", len(q.text) >= 0.8 * longest[tongue(q)], spread)

    def published(q: _Q) -> float:
        when = ctx.articles[q.article].published
        return -when.replace(tzinfo=None).timestamp() if when else float("-inf")

    # a version whose page credits its source, then the wording most outlets share,
    # then the earliest: a reworded copy is never the statement its original is shown
    # against as a "translation"
    return max(
        members,
        key=lambda q: (
            printers[tongue(q)],
            *centrality(q)[:2],
            credited_agency(ctx.articles[q.article]) is not None,
            centrality(q)[2],
            published(q),
        ),
    )


def _group(ctx: StoryContext, members: Sequence[_Q]) -> QuoteGroup:
    def tongue(q: _Q) -> str:
        return printed_in(ctx.articles[q.article].language)

    canonical = _canonical(ctx, members)
    # who said it: the speakers named in the quotes' own sentences, when any are
    sure = [q for q in members if q.quote.speaker_entity and not guessed_speaker(q.quote)]
    speakers = Counter(q.quote.speaker_entity for q in (sure or members) if q.quote.speaker_entity)
    speaker_entity = speakers.most_common(1)[0][0] if speakers else None
    if speaker_entity and speaker_entity in ctx.entities:
        speaker: str | None = ctx.entities[speaker_entity].name
    else:
        written = Counter(q.quote.speaker for q in members if q.quote.speaker)
        speaker = written.most_common(1)[0][0] if written else None
    named = _own_speakers(members)
    # how the group's speaker is introduced ("Coast Rescue chief Amir Talesh")
    intros = [intro for entity, intro in named.values() if entity and entity == speaker_entity]
    others = {
        w
        for w, (entity, intro) in named.items()
        if not (entity and entity == speaker_entity)
        and not _names_one(speaker or "", w)
        and not _names_one(speaker or "", intro)
        and not any(_names_one(w, i) for i in intros)
    }
    if speaker and len(named) > 1 and others:
        # the quotes' own sentences credit different speakers ("state TV reported",
        # "the Coast Rescue chief told Radio Velmora"): the group is credited to none of them
        speaker, speaker_entity = f"{SPEAKERS_DIFFER}: " + "; ".join(sorted(named)), None
    variants = []
    for q in sorted(members, key=lambda q: (q.article, q.span)):
        ops = word_diff(_window(canonical.text, q.text), q.text)
        kind: Literal["direct", "partial"] = "partial" if q.quote.kind == "partial" else "direct"
        rendered = tongue(q) != tongue(canonical)  # another language: a translation
        variants.append(
            QuoteVariant(
                ctx.cite(q.article, q.span, q.quote.sentence),
                kind,
                "translation" if rendered else wording(ops),
                ops,
                q.quote.speaker,
            )
        )
    renderings = {ctx.outlet_of[v.cite.article] for v in variants if v.wording == "translation"}
    note = None
    if renderings:
        note = (
            "translation variants: "
            + ", ".join(sorted(renderings))
            + " render the statement in other words, as translations of one statement do; "
            "the wording is compared word by word"
        )
    return QuoteGroup(
        id="",
        speaker=speaker,
        speaker_entity=speaker_entity,
        text=canonical.text,
        canonical=ctx.cite(canonical.article, canonical.span, canonical.quote.sentence),
        variants=variants,
        note=note,
    )
