"""Quotes and their speakers in a language read without a parser.

What stands inside quotation marks is a quote in every language; the marks are paired
as for English (``newsprism.language.quotes.find_quote_marks``: “ ” „ “ « » ‹ › " ‘ ’
「 」). Who said it is read from the words beside the marks, since there is no parse:
a verb of the language's speech table (``lexicon.FOREIGN_SPEECH_VERBS``: "a déclaré",
"dijo", "sagte", "katanya", "قال") or its "according to" (``FOREIGN_QUOTE_CREDITS``)
close to the marks, in the same sentence, and the name next to that verb: after it in
the inverted order news prose uses after a quote ("…», a déclaré le maire", "…“, sagte
Müller"), before it when the attribution leads ("Müller sagte: „…“"). A name is a
capitalised run (``rules.names``); with none beside the verb (Arabic has no capitals,
"dijo un oficial") the words after the verb up to the next punctuation stand for the
speaker, as written. No verb beside the marks: the quote has no speaker, never a guess.

Reported speech without quotation marks is not read here: it is never a direct quote.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from newsprism.language.quotes import Marked, find_quote_marks
from newsprism.language.rules.words import Token, fold, tokens, variants
from newsprism.lexicon import (
    FOREIGN_QUOTE_CREDITS,
    FOREIGN_SPEAKER_DETERMINERS,
    FOREIGN_SPEECH_VERBS,
)
from newsprism.model import Mention, Quote, Sentence

VERB_REACH = 8  # words between the marks and the speech verb at most
NAME_REACH = 6  # words between the verb and the speaker's name at most
DESCRIPTION_WORDS = 6  # a speaker written without a name: this many words at most
DIRECT_WORDS = 4  # a quote of fewer words is a fragment (partial)
_STOP = ".;:!?؟\n"
_PRONOUNS = frozenset(
    {"il", "elle", "ils", "elles", "on", "el", "ella", "ellos", "ele", "ela", "er", "sie",
     "es", "man", "dia", "ia", "mereka", "هو", "هي"}
)  # fmt: skip


@functools.cache
def _verbs(language: str) -> frozenset[str]:
    return frozenset(fold(w) for w in FOREIGN_SPEECH_VERBS.get(language, ()))


@functools.cache
def _credits(language: str) -> frozenset[str]:
    return frozenset(fold(w) for w in FOREIGN_QUOTE_CREDITS.get(language, ()))


@functools.cache
def _determiners(language: str) -> frozenset[str] | None:
    words = FOREIGN_SPEAKER_DETERMINERS.get(language)
    return frozenset(fold(w) for w in words) if words is not None else None


def _is_verb(tok: Token, language: str) -> bool:
    return any(v in _verbs(language) for v in variants(tok.folded))


def _is_credit(tok: Token, language: str) -> bool:
    return any(v in _credits(language) for v in variants(tok.folded))


def read_quotes(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    language: str,
    max_chars: int = 1500,
) -> list[Quote]:
    """The quotes of an article in ``language``, each with its speaker when a speech
    verb beside the marks names one."""
    marks = find_quote_marks(text, max_chars)
    out: list[Quote] = []
    titles = [s.span for s in sentences if s.role == "title"]
    for k, m in enumerate(marks):
        if any(t0 <= m.open < t1 for t0, t1 in titles):
            continue  # a headline's quote: the body carries the statement
        if any(o.open < m.open and m.close <= o.close for o in marks if o is not m):
            continue  # a quote inside a quote is part of it
        inner = text[m.inner[0] : m.inner[1]]
        sent = _sentence_span(sentences, m, len(text))
        found = _speaker(text, sent, marks, k, mentions, language)
        speaker, span, cue = found if found else (None, None, None)
        out.append(
            Quote(
                span=m.inner,
                text=inner,
                kind="direct" if _is_direct(inner) else "partial",
                speaker=speaker,
                speaker_span=span,
                speaker_resolution="same-sentence" if speaker else None,
                sentence=sent,
                cue=cue,
            )
        )
    return out


def _is_direct(inner: str) -> bool:
    """A sentence of its own: enough words, opening with a capital (or in a script
    without capitals, or a figure)."""
    first = inner.lstrip("(…. ")[:1]
    uncased = first.isalpha() and not first.islower() and not first.isupper()
    return (first.isupper() or first.isdigit() or uncased) and len(inner.split()) >= DIRECT_WORDS


def _sentence_span(sentences: Sequence[Sentence], m: Marked, size: int) -> tuple[int, int]:
    """From the sentence the quote opens in to the one it closes in."""
    start = next((s.span[0] for s in sentences if s.span[0] <= m.open < s.span[1]), m.open)
    end = next((s.span[1] for s in sentences if s.span[0] <= m.close < s.span[1]), m.close + 1)
    return (start, min(max(end, m.close + 1), size))


def _speaker(
    text: str,
    sent: tuple[int, int],
    marks: Sequence[Marked],
    k: int,
    mentions: Sequence[Mention],
    language: str,
) -> tuple[str, tuple[int, int], str] | None:
    m = marks[k]
    nxt = next((o.open for o in marks[k + 1 :] if o.open > m.close), sent[1])
    prev = max((o.close for o in marks[:k] if o.close < m.open), default=sent[0] - 1)
    after = _clause(tokens(text[m.close + 1 : min(sent[1], nxt)], m.close + 1), text, forward=True)
    for i, tok in enumerate(after[:VERB_REACH]):
        if _is_verb(tok, language) or _is_credit(tok, language):
            found = _named_after(text, after[i + 1 :], mentions, language)
            return (*found, tok.text) if found else None
    lead_start = max(sent[0], prev + 1)
    before = _clause(tokens(text[lead_start : m.open], lead_start), text, forward=False)
    for i in range(len(before) - 1, max(-1, len(before) - 1 - VERB_REACH), -1):
        tok = before[i]
        if _is_credit(tok, language):
            found = _named_after(text, before[i + 1 :], mentions, language)
            return (*found, tok.text) if found else None
        if _is_verb(tok, language):
            named = (
                _subject_before_incidental(text, before, i, mentions)
                or _named_before(before[:i], mentions)
                or _named_after(text, before[i + 1 :], mentions, language)
            )
            return (*named, tok.text) if named else None
    return None


def _clause(toks: list[Token], text: str, forward: bool) -> list[Token]:
    """The words up to the first full stop after the marks (``forward``) or back to the
    last one before them: an attribution never reaches across a sentence's end."""
    if forward:
        for i in range(1, len(toks)):
            if any(c in text[toks[i - 1].span[1] : toks[i].span[0]] for c in ".!?؟\n"):
                return toks[:i]
        return toks
    for i in range(len(toks) - 1, 0, -1):
        if any(c in text[toks[i - 1].span[1] : toks[i].span[0]] for c in ".!?؟\n"):
            return toks[i:]
    return toks


def _mention_from(tok: Token, mentions: Sequence[Mention]) -> Mention | None:
    return next((m for m in mentions if m.span[0] <= tok.span[0] < m.span[1]), None)


def _named_after(
    text: str, toks: Sequence[Token], mentions: Sequence[Mention], language: str
) -> tuple[str, tuple[int, int]] | None:
    """The name a few words after the verb ("a déclaré jeudi le maire Jean Roux"), else
    the words up to the next punctuation when they open as a description does ("dijo
    un oficial", "قال مسؤول")."""
    for tok in toks[:NAME_REACH]:
        named = _mention_from(tok, mentions)
        if named is not None:
            return named.text, named.span
    if not toks or toks[0].folded in _PRONOUNS:
        return None
    determiners = _determiners(language)
    if determiners is not None and toks[0].folded not in determiners:
        return None
    words: list[Token] = []
    for tok in toks[:DESCRIPTION_WORDS]:
        if words and any(c in text[words[-1].span[1] : tok.span[0]] for c in _STOP + ",،"):
            break
        words.append(tok)
    if not words:
        return None
    span = (words[0].span[0], words[-1].span[1])
    return text[span[0] : span[1]], span


_CLOSING_COMMA = re.compile(r",\s*(?:\w+\s+)?$")  # ", a confié", ", hat gesagt": one auxiliary


def _subject_before_incidental(
    text: str, toks: Sequence[Token], verb: int, mentions: Sequence[Mention]
) -> tuple[str, tuple[int, int]] | None:
    """ "Odile Marchetti, 33 ans, qui vit à Varne, a confié : « … »": words set off
    by commas before the verb describe its subject, so the speaker is the name before
    the first comma, not the place named inside them."""
    if not toks or verb == 0:
        return None
    start = toks[0].span[0]
    lead = text[start : toks[verb].span[0]]
    if not _CLOSING_COMMA.search(lead) or lead.count(",") < 2:
        return None
    first_end = start + lead.index(",")
    inside = [m for m in mentions if start <= m.span[0] and m.span[1] <= first_end]
    return (inside[-1].text, inside[-1].span) if inside else None


def _named_before(
    toks: Sequence[Token], mentions: Sequence[Mention]
) -> tuple[str, tuple[int, int]] | None:
    """The name just before the verb ("Müller sagte", "Roux a déclaré")."""
    for tok in reversed(toks[-3:]):
        named = _mention_from(tok, mentions)
        if named is not None:
            return named.text, named.span
    return None
