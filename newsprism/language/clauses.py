"""Claims as units: whole sentences, and the clauses inside them that state a fact alone.

The comparison lines up what outlets state. Its units must be whole claims: a fact
row reading "Yahya Rasool, military spokesperson for Iraqi Prime Minister" (a comma
fragment) or starting with "TEHRAN (Tasnim) -" (a dateline) is not something an
outlet can be said to state or omit. So the units come from the parse:

- every body sentence is a claim, its dateline cut off, and a quotation the sentence
  splitter cut in two joined back;
- "X said Y" is one claim by X; "Y" alone is an extra unit, because another outlet
  may print Y in its own voice or attribute it in other words;
- "A did this, and B did that" (two subjects) gives both halves; a subordinate
  clause with its own verb ("Despite the US maintaining 2,500 troops, ...") gives
  itself and the rest, because outlets fold two facts into one sentence.

Extra units only help alignment: what a report shows is always the whole sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from newsprism.lexicon import REPORTING_VERBS
from newsprism.model import Article, Clause, ClauseKind, Sentence, Span

MIN_WORDS = 5  # a shorter piece does not state a fact on its own
MAX_JOINED = 3  # a quotation spread over more sentences is cited by its parts
_EDGE = " \t\n,;:-–—"
_OPENING = "“‘\"'(["
_END = re.compile(r"[.!?…][\"”’')\]]*$")
_CONTENT_DEPS = ("ccomp", "parataxis")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


def claim_clauses(doc: Doc, sentences: Sequence[Sentence], article: Article) -> list[Clause]:
    """Every claim unit of the article's body, in text order."""
    text = doc.text
    cut = _dateline_end(article)
    out: list[Clause] = []
    for sentence in _claim_sentences(text, [s.span for s in sentences if s.role == "body"]):
        after = after_dateline(text, sentence, cut)
        if after is None:
            continue
        span = _trim(text, after)
        if span[1] - span[0] < 2:
            continue
        tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
        if tokens is None:
            continue
        speaker, cue = _attribution(tokens)
        out.append(Clause(span, span, "sentence", speaker, cue, _reads_whole(text, span, tokens)))
        out.extend(_parts(tokens, span))
    return out


def _dateline_end(article: Article) -> Span | None:
    dateline = article.dateline
    return dateline.span if dateline is not None and dateline.span is not None else None


def apart_from_dateline(
    text: str, sentences: Sequence[Sentence], cut: Span | None
) -> list[Sentence]:
    """The sentences with the dateline (``cut``) a sentence of its own: what a report
    shows of the lead sentence (a figure's context, a timeline entry, a quotation's
    sentence) then never starts with "KORVA (Agency) -" or a page's date stamp, and the
    dateline's own date stays in a sentence for the date readers."""
    if cut is None:
        return list(sentences)
    out: list[Sentence] = []
    for s in sentences:
        start, end = s.span
        # (a splitter may have ended a sentence inside the dateline: "KORVA, May 3." /
        # "/AGENCY/. The …"; the piece before the dateline's end is still the dateline's)
        if start < cut[1] < end:
            rest = _skip(text, cut[1], end)
            if rest < end:
                out.append(Sentence((start, cut[1]), 0, s.role))
                out.append(Sentence((rest, end), 0, s.role))
                continue
        out.append(s)
    return [Sentence(s.span, i, s.role) for i, s in enumerate(out)]


def after_dateline(text: str, sentence: Span, cut: Span | None) -> Span | None:
    """The part of a sentence after the dateline (``cut``), or None when the dateline
    holds all of it: a splitter may end a sentence inside the dateline ("KORVA, May 3."
    / "/AGENCY/. The …"), and no claim starts with any piece of it."""
    start, end = sentence
    if cut is None or not (start < cut[1] and cut[0] < end):
        return sentence
    if cut[0] > start:
        return sentence  # the dateline opens a later part of the text: not this sentence's
    start = _skip(text, cut[1], end)
    return (start, end) if end - start >= 2 else None


def _skip(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in _EDGE:
        pos += 1
    return pos


def _trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def _claim_sentences(text: str, spans: Sequence[Span]) -> list[Span]:
    """Sentences, with those joined that the splitter cut inside an open quotation."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        first = last = i
        while (
            not _balanced(text[spans[first][0] : spans[last][1]])
            and last + 1 < len(spans)
            and last - first + 1 < MAX_JOINED
        ):
            last += 1
        if _balanced(text[spans[first][0] : spans[last][1]]):
            out.append((spans[first][0], spans[last][1]))
            i = last + 1
        else:
            out.append(spans[i])
            i += 1
    return out


def _reads_whole(text: str, span: Span, tokens: TokenSpan) -> bool:
    """Capital start, closing stop and a verb: what a reader takes for a whole sentence."""
    body = text[span[0] : span[1]]
    lead = body.lstrip(_OPENING + " ")
    if not (lead[:1].isupper() or lead[:1].isdigit()):
        return False
    if not _END.search(body.rstrip()):
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _roots(tokens: TokenSpan) -> list[Token]:
    """Tokens whose head lies outside the span (a joined sentence has several)."""
    lo, hi = tokens.start, tokens.end
    return [t for t in tokens if t.head.i == t.i or not lo <= t.head.i < hi]


def _attribution(tokens: TokenSpan) -> tuple[Span | None, str | None]:
    for root in _roots(tokens):
        if root.lemma_.lower() in REPORTING_VERBS and _content(root) is not None:
            subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
            return (_subtree_span(subject) if subject is not None else None), root.lemma_.lower()
        according = _according(root)
        if according is not None:
            return _subtree_span(according), "according to"
    return None, None


def _content(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _CONTENT_DEPS), None)


def _according(root: Token) -> Token | None:
    """The source in "according to the PMF, ...": the object of "to"."""
    for child in root.children:
        if child.lower_ == "according":
            to = next((c for c in child.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if obj is not None:
                return obj
    return None


def _subtree_span(tok: Token) -> Span:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _words(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if t.is_alpha)


def _unit(doc: Doc, first: int, last: int, kind: ClauseKind, sentence: Span) -> Clause | None:
    """Tokens first..last (inclusive) as a unit, when they can state a fact alone."""
    if last < first:
        return None
    toks = [t for t in doc[first : last + 1] if sentence[0] <= t.idx < sentence[1]]
    if _words(toks) < MIN_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    span = _trim(doc.text, (toks[0].idx, toks[-1].idx + len(toks[-1])))
    if span == sentence or span[1] <= span[0]:
        return None
    return Clause(span, sentence, kind, whole=False)


def _parts(tokens: TokenSpan, sentence: Span) -> list[Clause]:
    doc = tokens.doc
    out: list[Clause | None] = []
    for root in _roots(tokens):
        clause = root
        content = _content(root) if root.lemma_.lower() in REPORTING_VERBS else None
        if content is not None:
            out.append(_unit(doc, content.left_edge.i, content.right_edge.i, "content", sentence))
            clause = content
        elif _according(root) is not None:
            prep = next(c for c in root.children if c.lower_ == "according")
            rest_first = prep.right_edge.i + 1
            if prep.left_edge.i <= tokens.start:
                out.append(_unit(doc, rest_first, tokens.end - 1, "content", sentence))
        for conj in clause.children:
            if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX"):
                continue
            if not any(c.dep_ in _SUBJECTS for c in conj.children):
                continue  # "advising and assisting": one subject, one claim
            left = clause.left_edge.i
            out.append(_unit(doc, left, conj.left_edge.i - 1, "coordinate", sentence))
            out.append(_unit(doc, conj.left_edge.i, conj.right_edge.i, "coordinate", sentence))
        for sub in clause.children:
            if sub.dep_ != "advcl":
                continue
            out.append(_unit(doc, sub.left_edge.i, sub.right_edge.i, "subordinate", sentence))
            if sub.left_edge.i <= clause.left_edge.i:  # "Despite X, Y": Y is the main claim
                out.append(_unit(doc, sub.right_edge.i + 1, clause.right_edge.i, "main", sentence))
            elif sub.right_edge.i >= clause.right_edge.i:  # "Y, after X"
                out.append(_unit(doc, clause.left_edge.i, sub.left_edge.i - 1, "main", sentence))
    seen: set[Span] = set()
    units: list[Clause] = []
    for unit in out:
        if unit is not None and unit.span not in seen:
            seen.add(unit.span)
            units.append(unit)
    return units
