"""Number slots: counts of the same thing about the same happening, graded across outlets.

A count is only compared with counts of the same outcome ("injured", "hurt" and
"wounded" are one family; "arrested" and "detained" another) of the same kind of
people ("people" and "individuals" are one class, "police officers" another), in
sentences that describe the same happening: close in meaning or in one fact group,
and never dated to different days. Each value becomes a range ("at least 12" is
12 or more, "about a dozen" roughly 10 to 14, "dozens" 24 to 99) so that a vaguer
figure that fits an exact one is a matter of precision, while two exact figures
that cannot both be true are a contradiction.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from newsprism.compare.embed import Embedder
from newsprism.compare.evidence import evidence, outlet_name
from newsprism.compare.facts import Fact
from newsprism.compare.options import WORDLLAMA_CUTS, Cuts
from newsprism.compare.similarity import text_scores
from newsprism.compare.units import Unit
from newsprism.model import Annotations, Article, Quantity, Span, TimeExpression

# Words that report the same outcome; grammar decides which word a number attaches to.
EVENT_FAMILIES = {
    "kill": "killed",
    "death": "killed",
    "die": "killed",
    "dead": "killed",
    "killing": "killed",
    "fatality": "killed",
    "wound": "injured",
    "wounded": "injured",
    "injure": "injured",
    "injured": "injured",
    "injury": "injured",
    "hurt": "injured",
    "hospitalise": "injured",
    "hospitalize": "injured",
    "treat": "injured",
    "arrest": "arrested",
    "arrested": "arrested",
    "detain": "arrested",
    "detained": "arrested",
    "detention": "arrested",
}
# Nouns that count people without saying which people: one class.
PEOPLE = {"people", "person", "individual", "persons", "civilian"}
# Qualifier -> (low factor, high factor) applied to the stated value.
RANGES = {
    "at least": (1.0, math.inf),
    "more than": (1.0, math.inf),
    "over": (1.0, math.inf),
    "nearly": (0.85, 1.0),
    "almost": (0.85, 1.0),
    "just under": (0.85, 1.0),
    "about": (0.8, 1.2),
    "around": (0.8, 1.2),
    "some": (0.8, 1.2),
    "approximately": (0.8, 1.2),
    "roughly": (0.8, 1.2),
    "up to": (0.0, 1.0),
}
VAGUE_PLURALS = {"dozens": (24.0, 99.0), "scores": (40.0, 199.0), "hundreds": (200.0, 999.0)}
SAME_FACT_BONUS = 0.25
SAME_DAY_BONUS = 0.1
SAME_ARTICLE_LINK = 0.35  # another figure in an article already in the slot
OTHER_ARTICLE_LINK = 0.3


@dataclass(slots=True)
class Count:
    article: str
    q: Quantity
    sentence: Span
    family: str
    noun: str  # counted class: "people" or a noun lemma
    context: str
    window: str  # the count, its noun and its outcome word, with a little around them
    fact: str | None
    times: list[TimeExpression]

    def bounds(self) -> tuple[float, float]:
        qual = (self.q.qualifier or "").lower()
        if self.q.value is None:
            return VAGUE_PLURALS.get(qual, (0.0, math.inf))
        lo, hi = RANGES.get(qual, (1.0, 1.0))
        return self.q.value * lo, self.q.value * hi


def _of_object(tok: Token) -> Token | None:
    for prep in tok.children:
        if prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _family(tok: Token | None) -> str | None:
    if tok is None:
        return None
    return EVENT_FAMILIES.get(tok.lemma_.lower(), EVENT_FAMILIES.get(tok.lower_))


def _counted(doc: Doc, span: Span) -> tuple[Token | None, Token | None]:
    """(outcome word, counted noun) for the number at ``span``, read from the parse.

    The outcome is looked for on the noun's own clauses, up its chain of heads to the
    first verb ("12 people were injured, among them seven police officers" counts
    injured officers), and right after the noun ("left 14 people injured").
    """
    tokens = [t for t in doc if span[0] <= t.idx < span[1]]
    if not tokens:
        return None, None
    num = tokens[-1]
    if num.dep_ in ("nummod", "quantmod", "compound"):
        noun: Token | None = num.head
    else:
        noun = _of_object(num)
        if noun is not None and any(c.dep_ in ("det", "poss") for c in noun.children):
            return None, None  # "nine of the injured": a part of another count
        noun = noun or num
    assert noun is not None
    candidates = [c for c in noun.children if c.dep_ in ("acl", "relcl", "amod")]
    node = noun
    while node.head.i != node.i:
        node = node.head
        candidates.append(node)
        if node.pos_ in ("VERB", "AUX"):
            candidates.extend(c for c in node.children if c.dep_ in ("xcomp", "oprd", "acomp"))
            break
    if noun.i + 1 < len(doc):
        candidates.append(doc[noun.i + 1])
    for cand in candidates:
        if _family(cand) is not None:
            return cand, noun
    return None, noun


def _noun_class(noun: Token | None, q: Quantity) -> str:
    lemma = noun.lemma_.lower() if noun is not None else (q.noun or "").lower()
    return "people" if lemma in PEOPLE else lemma or "count"


def _clause_context(tok: Token) -> tuple[str, Span]:
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    words = list(node.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return tok.doc.text[start:end], (start, end)


WINDOW = 3  # tokens kept on each side of the count and its outcome word


def _window(doc: Doc, span: Span, word: Token) -> str:
    """The few words that say what was counted, so long ledes compare by their core."""
    nums = [t.i for t in doc if span[0] <= t.idx < span[1]] or [word.i]
    sent = word.sent
    lo = max(sent.start, min(nums[0], word.i) - WINDOW)
    hi = min(sent.end, max(nums[-1], word.i) + WINDOW + 1)
    return doc[lo:hi].text


def times_in(ann: Annotations, span: Span) -> list[TimeExpression]:
    return [
        t
        for t in ann.times
        if t.start is not None and span[0] <= t.span[0] and t.span[1] <= span[1]
    ]


def overlap(a: TimeExpression, b: TimeExpression) -> bool:
    assert a.start and b.start
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _same_days(a: Count, b: Count) -> bool | None:
    """True when both are dated to overlapping days, False when to different ones."""
    if not a.times or not b.times:
        return None
    return any(overlap(x, y) for x in a.times for y in b.times)


def fact_finder(units: Sequence[Unit], facts: Sequence[Fact]) -> Callable[[str, Span], str | None]:
    """A lookup from (article, span) to the id of the fact group whose unit holds it."""
    spans: dict[str, list[tuple[Span, str]]] = {}
    for fact in facts:
        if len(fact.members) < 2:
            continue
        for m in fact.members:
            spans.setdefault(units[m].article, []).append((units[m].span, fact.id))

    def fact_of(article: str, span: Span) -> str | None:
        for unit_span, fact_id in spans.get(article, []):
            if unit_span[0] <= span[0] and span[1] <= unit_span[1]:
                return fact_id
        return None

    return fact_of


def _sentence_of(span: Span, ann: Annotations, text: str) -> Span:
    for s in ann.sentences:
        if s.span[0] <= span[0] and span[1] <= s.span[1]:
            return s.span
    return (max(0, text.rfind(".", 0, span[0]) + 1), len(text))


def find_counts(
    articles: Mapping[str, Article],
    annotations: Mapping[str, Annotations],
    docs: Mapping[str, Doc],
    fact_of: Callable[[str, Span], str | None],
) -> list[Count]:
    counts: list[Count] = []
    for art_id, ann in annotations.items():
        if art_id not in articles or art_id not in docs:
            continue
        doc = docs[art_id]
        for q in ann.quantities:
            if q.value is None and (q.qualifier or "") not in VAGUE_PLURALS:
                continue
            word, noun = _counted(doc, q.span)
            family = _family(word)
            if word is None or family is None:
                continue
            context, clause = _clause_context(word)
            window = _window(doc, q.span, word)
            sent = q.sentence or _sentence_of(q.span, ann, articles[art_id].text)
            counts.append(
                Count(
                    art_id,
                    q,
                    tuple(sent),  # type: ignore[arg-type]
                    family,
                    _noun_class(noun, q),
                    context,
                    window,
                    fact_of(art_id, q.span),
                    times_in(ann, clause),
                )
            )
    return counts


def number_conflicts(
    articles: Mapping[str, Article],
    annotations: Mapping[str, Annotations],
    docs: Mapping[str, Doc],
    units: Sequence[Unit],
    facts: Sequence[Fact],
    embed: Embedder,
    cuts: Cuts = WORDLLAMA_CUTS,
) -> list[dict[str, Any]]:
    """One record per counted slot that two or more outlets give a figure for."""
    counts = find_counts(articles, annotations, docs, fact_finder(units, facts))
    if len(counts) < 2:
        return []
    sentences = [articles[n.article].text[n.sentence[0] : n.sentence[1]] for n in counts]
    scores = np.maximum.reduce(
        [
            text_scores(sentences, embed),
            text_scores([n.context for n in counts], embed),
            text_scores([n.window for n in counts], embed),
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
            if a.family != b.family or a.noun != b.noun or a.article == b.article:
                continue
            same_day = _same_days(a, b)
            if same_day is False:
                continue  # dated, and on different days: different happenings
            score = float(scores[i, j])
            score += SAME_FACT_BONUS if a.fact and a.fact == b.fact else 0.0
            score += SAME_DAY_BONUS if same_day else 0.0
            if score >= cuts.same_class_event:
                strength[(i, j)] = score
                parent[find(i)] = find(j)
    clusters: dict[int, list[int]] = {}
    for i in range(len(counts)):
        clusters.setdefault(find(i), []).append(i)
    _attach_other_figures(counts, scores, clusters, strength)
    out = []
    for members in clusters.values():
        if len({counts[m].article for m in members}) < 2:
            continue
        links = [s for (i, j), s in strength.items() if i in members and j in members]
        out.append(_grade(articles, [counts[m] for m in members], min(links), cuts))
    out.sort(key=lambda c: -len(c["values"]))
    return out


def _attach_other_figures(
    counts: Sequence[Count],
    scores: np.ndarray,
    clusters: dict[int, list[int]],
    strength: dict[tuple[int, int], float],
) -> None:
    """Add a different figure an article gives for the same happening elsewhere in it.

    "a strike that killed two militia officials" in the lede and "one of the three
    people killed" further down are both about the strike the other outlets report;
    the second figure is what makes the difference a matter of precision.
    """
    crossing = [m for m in clusters.values() if len({counts[i].article for i in m}) >= 2]
    placed = {i for m in crossing for i in m}
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
            if any(counts[i].sentence == n.sentence for i in same):
                continue  # a second figure in the same sentence counts a part, not the whole
            if any(_same_days(n, counts[i]) is False for i in members):
                continue
            if (
                max(scores[k, i] for i in same) >= SAME_ARTICLE_LINK
                and max(scores[k, i] for i in other) >= OTHER_ARTICLE_LINK
            ):
                members.append(k)
                placed.add(k)
                strength[(same[0], k)] = float(max(scores[k, i] for i in same))


def _fits(a: Count, b: Count) -> bool:
    lo_a, hi_a = a.bounds()
    lo_b, hi_b = b.bounds()
    return lo_a <= hi_b and lo_b <= hi_a


def _grade(
    articles: Mapping[str, Article], members: Sequence[Count], weakest: float, cuts: Cuts
) -> dict:
    by_class: dict[str, list[Count]] = {}
    for m in members:
        by_class.setdefault(m.noun, []).append(m)
    by_article: dict[str, set[float | None]] = {}
    for m in members:
        by_article.setdefault(m.article, set()).add(m.q.value)
    clash = [
        (a, b)
        for group in by_class.values()
        for a in group
        for b in group
        if a.article < b.article and not _fits(a, b)
    ]
    differ = len({(m.q.value, (m.q.qualifier or "").lower()) for m in members}) > 1
    caveat = None
    fact = next((m.fact for m in members if m.fact), None)
    if clash and weakest >= cuts.same_class_event:
        grade = "contradict"
        a, b = clash[0]
        why = (
            f"figures that cannot both be true: {outlet_name(articles[a.article])} "
            f"'{a.q.text}' and {outlet_name(articles[b.article])} '{b.q.text}'"
        )
    elif clash:
        grade, why = "uncertain", "the figures differ"
        caveat = "the sentences may describe different happenings"
    elif len(by_class) > 1:
        both = [outlet_name(articles[a]) for a, v in by_article.items() if len(v) > 1]
        grade = "precision"
        why = (
            "the figures count different things ("
            + ", ".join(sorted(by_class))
            + ")"
            + (f"; {', '.join(both)} gives more than one of them" if both else "")
        )
    elif differ:
        grade, why = "precision", "the figures differ only in precision; each fits the others"
    else:
        grade, why = "agree", "the outlets give the same figure"
    confidence = round(min(1.0, weakest / (cuts.strong_event + SAME_FACT_BONUS)), 2)
    partners: dict[int, set[str]] = {}
    for a, b in clash:
        partners.setdefault(id(a), set()).add(b.article)
        partners.setdefault(id(b), set()).add(a.article)
    values = []
    for m in sorted(members, key=lambda m: (m.article, m.q.span)):
        item = evidence(articles, m.article, m.q.span)
        item["clashes_with"] = sorted(partners.get(id(m), ()))  # articles it cannot agree with
        item["value"] = m.q.value
        item["value_text"] = item["text"]
        item["qualifier"] = m.q.qualifier
        item["noun"] = m.noun
        item["sentence"] = list(m.sentence)
        values.append(item)
    return {
        "id": "",
        "slot": f"{members[0].family} ({', '.join(sorted(by_class))})",
        "kind": "number",
        "grade": grade,
        "explanation": why,
        "caveat": caveat,
        "confidence": confidence,
        "fact": fact,
        "values": values,
    }
