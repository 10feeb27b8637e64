"""A short neutral digest: the most corroborated facts first, each with its source.

Extractive only: every digest line is a whole sentence some outlet printed, cited by
span. Facts are often aligned on a clause ("whoever they are," the minister said),
so the line cites the sentence around it, widened over a quotation the sentence
splitter cut in two; a piece that still does not read as a sentence (no verb, no
capital start, no closing stop) is left out rather than shown as a fragment.
Loaded labels inside a line are shown replaced by the wording most outlets use for
the same actor (``neutral_text``), with each replacement recorded; ``text`` stays
the verbatim source sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Doc

from newsprism.compare.evidence import evidence, trim_span
from newsprism.compare.facts import Fact
from newsprism.compare.units import Unit, fallback_sentences
from newsprism.model import Annotations, Article, Span

_OPEN = "“‘\"'(["
_END = re.compile(r"[.!?][\"”’')\]]*$")
_QUOTES = ("“", "”")
MAX_SENTENCES = 3  # a quotation spread over more is cited by its parts, not as one line


def _sentences(article: Article, ann: Annotations | None) -> list[Span]:
    if ann and ann.sentences:
        spans = [trim_span(article.text, s.span) for s in ann.sentences if s.role == "body"]
    else:
        spans = fallback_sentences(article.text)
    return sorted(s for s in spans if s[1] > s[0])


def _balanced(text: str) -> bool:
    return text.count(_QUOTES[0]) == text.count(_QUOTES[1]) and text.count('"') % 2 == 0


def whole_sentence(article: Article, ann: Annotations | None, span: Span) -> Span | None:
    """The sentence around ``span``, joined with its neighbours while a quotation is open."""
    sents = _sentences(article, ann)
    idx = next((i for i, s in enumerate(sents) if s[0] <= span[0] < s[1]), None)
    if idx is None:
        return None
    first = last = idx
    text = article.text
    while not _balanced(text[sents[first][0] : sents[last][1]]):
        opens = text[sents[first][0] : sents[last][1]]
        if opens.count(_QUOTES[1]) > opens.count(_QUOTES[0]) and first > 0:
            first -= 1  # a quote closes here that opened in an earlier sentence
        elif last + 1 < len(sents):
            last += 1
        else:
            break
        if last - first + 1 > MAX_SENTENCES:
            return None
    return sents[first][0], sents[last][1]


def reads_as_sentence(text: str, doc: Doc | None, span: Span) -> bool:
    """Capital start, closing stop, a verb: what a reader takes for a whole sentence."""
    body = text.lstrip(_OPEN + " ")
    if not body[:1].isupper() and not body[:1].isdigit():
        return False
    if not _END.search(text.rstrip()):
        return False
    if doc is None:
        return True
    part = doc.char_span(span[0], span[1], alignment_mode="expand")
    return part is not None and any(t.pos_ in ("VERB", "AUX") for t in part)


def _replace(
    text: str, start: int, span: Span, article: str, neutral_of: Mapping[tuple[str, Span], str]
) -> tuple[str, list[dict[str, Any]]]:
    """``text`` (which starts at offset ``start``) with the labels inside ``span`` reworded."""
    out, replacements = text, []
    inside = [
        (lab_span, name)
        for (lab_art, lab_span), name in neutral_of.items()
        if lab_art == article and span[0] <= lab_span[0] and lab_span[1] <= span[1]
    ]
    for lab_span, name in sorted(inside, key=lambda x: -x[0][0]):
        rel = (lab_span[0] - start, lab_span[1] - start)
        original = text[rel[0] : rel[1]]
        if original.lower().rstrip("s") == name.lower().rstrip("s"):
            continue
        opening = not text[: rel[0]].strip(_OPEN + " ")
        word = name[:1].upper() + name[1:] if opening else name
        out = out[: rel[0]] + word + out[rel[1] :]
        replacements.append(
            {"article": article, "span": list(lab_span), "text": original, "replacement": word}
        )
    return out, sorted(replacements, key=lambda r: r["span"][0])


def build_digest(
    facts: Sequence[Fact],
    units: Sequence[Unit],
    articles: Mapping[str, Article],
    annotations: Mapping[str, Annotations],
    docs: Mapping[str, Doc],
    neutral_of: Mapping[tuple[str, Span], str],
    size: int,
) -> list[dict[str, Any]]:
    """Up to ``size`` whole sentences, best corroborated first, none cited twice."""
    # an outlet contradicting a fact takes back one outlet's worth of support from it
    ranked = sorted(
        facts,
        key=lambda f: (
            -(f.independent - len(f.record["contradicted_by"])),
            -len(f.record["outlets"]),
            f.record["id"],
        ),
    )
    out: list[dict[str, Any]] = []
    cited: set[tuple[str, Span]] = set()
    for fact in ranked:
        if len(out) >= size:
            break
        line = _line(fact, units, articles, annotations, docs)
        if line is None or line in cited:
            continue
        cited.add(line)
        art_id, span = line
        item = evidence(articles, art_id, span)
        neutral, replacements = _replace(item["text"], span[0], span, art_id, neutral_of)
        rec = fact.record
        item.update(
            support=max(1, rec["independent_support"]),
            outlets=rec["outlets"],
            fact=rec["id"],
            contradicted_by=list(rec["contradicted_by"]),
            neutral_text=neutral,
            replacements=replacements,
        )
        out.append(item)
    return out


def _line(
    fact: Fact,
    units: Sequence[Unit],
    articles: Mapping[str, Article],
    annotations: Mapping[str, Annotations],
    docs: Mapping[str, Doc],
) -> tuple[str, Span] | None:
    """The best whole sentence stating the fact: the central unit's first, then the others'."""
    order = [fact.central] + [m for m in fact.members if m != fact.central]
    order.sort(key=lambda m: units[m].is_clause)  # a member that is a sentence already wins
    for m in order:
        unit = units[m]
        art = articles[unit.article]
        span = whole_sentence(art, annotations.get(unit.article), unit.sentence)
        if span is None:
            continue
        if reads_as_sentence(art.text[span[0] : span[1]], docs.get(unit.article), span):
            return unit.article, span
    return None
