"""Conflicts: values outlets give for the same slot, graded agree/precision/contradict/uncertain.

A number is only compared with numbers about the same happening: the same predicate
("killed", "death of") and sentences that align (the same fact group, or close in
meaning) and whose dates, when both are known, overlap. Two different strikes with
different death tolls are not a conflict; when the match is weak the conflict is
"uncertain" with a caveat rather than a contradiction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from newsprism.compare.embed import Embedder
from newsprism.compare.evidence import evidence, outlet_name
from newsprism.compare.facts import Fact
from newsprism.compare.similarity import text_scores
from newsprism.compare.units import Unit
from newsprism.model import Annotations, Article, Quantity, Span, TimeExpression

# Event nouns and verbs that report the same outcome in different words. Grammar
# decides which word a number attaches to; this only lets "death of three" meet
# "killed two".
EVENT_FAMILIES = {
    "kill": "killed",
    "death": "killed",
    "die": "killed",
    "dead": "killed",
    "killing": "killed",
    "fatality": "killed",
    "wound": "wounded",
    "injure": "wounded",
    "injury": "wounded",
    "injured": "wounded",
    "wounded": "wounded",
}
STRONG_EVENT = 0.62  # sentence score above which two numbers are about one happening
SAME_FACT_BONUS = 0.25


@dataclass(slots=True)
class _Num:
    article: str
    q: Quantity
    sentence: Span
    predicate: str  # normalised event word
    predicate_text: str
    context: str
    noun: str | None
    fact: str | None
    times: list[TimeExpression]


def _sentence_of(span: Span, ann: Annotations, text: str) -> Span:
    for s in ann.sentences:
        if s.span[0] <= span[0] and span[1] <= s.span[1]:
            return s.span
    return (max(0, text.rfind(".", 0, span[0]) + 1), len(text))


def _predicate(doc: Doc, span: Span) -> tuple[Token | None, Token | None]:
    """(event word, counted noun) for the number at ``span``, read from the parse."""
    tokens = [t for t in doc if span[0] <= t.idx < span[1]]
    if not tokens:
        return None, None
    num = tokens[-1]
    noun = num.head if num.dep_ in ("nummod", "quantmod", "compound") else num
    candidates = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    head = noun.head  # "death of three individuals": climb over the preposition
    while head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if head is not noun:
        candidates.append(head)
    for cand in candidates:  # "three people killed" before "identity of ... people"
        if _event_key(cand) is not None:
            return cand, noun
    return (candidates[-1] if candidates else None), noun


def _event_context(token: Token) -> str:
    """The words describing the happening the number belongs to.

    For "a strike on Wednesday night that killed two officials" that is the noun
    phrase the relative clause hangs on; otherwise the clause of the predicate.
    """
    if token.dep_ in ("relcl", "acl"):
        node = token.head
        while node.ent_type_ in ("DATE", "TIME") and node.head.i != node.i:
            node = node.head  # "a strike ... on Wednesday night that killed": the strike
        while node.pos_ == "ADP" and node.head.i != node.i:
            node = node.head
    else:
        node = token
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
    words = list(node.subtree)
    return words[0].doc.text[words[0].idx : words[-1].idx + len(words[-1])]


def _event_key(token: Token | None) -> str | None:
    if token is None:
        return None
    return EVENT_FAMILIES.get(token.lemma_.lower(), EVENT_FAMILIES.get(token.lower_))


def _times_in(ann: Annotations, span: Span) -> list[TimeExpression]:
    return [
        t
        for t in ann.times
        if t.start is not None and span[0] <= t.span[0] and t.span[1] <= span[1]
    ]


def _overlap(a: TimeExpression, b: TimeExpression) -> bool:
    assert a.start and b.start
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _compatible(a: _Num, b: _Num) -> bool:
    """Equal, or one is a bound the other satisfies ("at least 16" and "16")."""
    va, vb = a.q.value, b.q.value
    if va is None or vb is None:
        return False
    if va == vb:
        return True
    for x, vx, vy in ((a, va, vb), (b, vb, va)):
        qual = (x.q.qualifier or "").lower()
        if qual in ("at least", "more than", "over") and vy >= vx:
            return True
        if qual in ("nearly", "about", "around", "almost", "some") and abs(vy - vx) <= 0.1 * vx:
            return True
    return False


def _fact_finder(units: Sequence[Unit], facts: Sequence[Fact]):  # type: ignore[no-untyped-def]
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


def number_conflicts(
    articles: Mapping[str, Article],
    annotations: Mapping[str, Annotations],
    docs: Mapping[str, Doc],
    units: Sequence[Unit],
    facts: Sequence[Fact],
    embed: Embedder,
) -> list[dict[str, Any]]:
    fact_of = _fact_finder(units, facts)
    nums: list[_Num] = []
    for art_id, ann in annotations.items():
        if art_id not in articles or art_id not in docs:
            continue
        text = articles[art_id].text
        for q in ann.quantities:
            if q.value is None:
                continue
            pred, noun = _predicate(docs[art_id], q.span)
            key = _event_key(pred)
            if key is None or pred is None:
                continue
            sent = q.sentence or _sentence_of(q.span, ann, text)
            nums.append(
                _Num(
                    art_id,
                    q,
                    sent,
                    key,
                    pred.text,
                    _event_context(pred),
                    noun.lemma_.lower() if noun is not None else q.noun,
                    fact_of(art_id, q.span),
                    _times_in(ann, sent),
                )
            )
    if len(nums) < 2:
        return []
    sentences = [articles[n.article].text[n.sentence[0] : n.sentence[1]] for n in nums]
    scores = np.maximum(
        text_scores(sentences, embed), text_scores([n.context for n in nums], embed)
    )
    parent = list(range(len(nums)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    strength: dict[tuple[int, int], float] = {}
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            a, b = nums[i], nums[j]
            if a.predicate != b.predicate or (a.article == b.article and a.sentence == b.sentence):
                continue
            if a.times and b.times and not any(_overlap(x, y) for x in a.times for y in b.times):
                continue  # dated, and on different days: different happenings
            score = float(scores[i, j]) + (SAME_FACT_BONUS if a.fact and a.fact == b.fact else 0.0)
            if score >= STRONG_EVENT:
                strength[(i, j)] = score
                parent[find(i)] = find(j)
    clusters: dict[int, list[int]] = {}
    for i in range(len(nums)):
        clusters.setdefault(find(i), []).append(i)
    _attach_same_article(nums, scores, clusters, strength)
    out = []
    for members in clusters.values():
        if len({nums[m].article for m in members}) < 2:
            continue
        links = [s for (i, j), s in strength.items() if i in members and j in members]
        weakest = (
            min(s for s in links if s >= STRONG_EVENT)
            if any(s >= STRONG_EVENT for s in links)
            else min(links)
        )
        out.append(_grade_numbers(articles, [nums[m] for m in members], weakest))
    return out


SAME_ARTICLE_LINK = 0.35  # a second figure in an article already in the cluster
OTHER_ARTICLE_LINK = 0.3


def _attach_same_article(
    nums: Sequence[_Num],
    scores: np.ndarray,
    clusters: dict[int, list[int]],
    strength: dict[tuple[int, int], float],
) -> None:
    """Add a different figure an article gives for the same happening elsewhere in it.

    "a strike that killed two militia officials" in the lede and "one of the three
    people killed" further down are both about the strike the other outlets report;
    the second figure is what makes the difference a matter of precision.
    """
    crossing = [m for m in clusters.values() if len({nums[i].article for i in m}) >= 2]
    placed = {i for m in crossing for i in m}
    for members in crossing:
        for k, n in enumerate(nums):
            if k in placed:
                continue
            same = [i for i in members if nums[i].article == n.article]
            other = [i for i in members if nums[i].article != n.article]
            if not same or not other or n.predicate != nums[same[0]].predicate:
                continue
            if n.q.value in {nums[i].q.value for i in same}:
                continue
            dated = [t for i in members for t in nums[i].times]
            if n.times and dated and not any(_overlap(x, y) for x in n.times for y in dated):
                continue
            if (
                max(scores[k, i] for i in same) >= SAME_ARTICLE_LINK
                and max(scores[k, i] for i in other) >= OTHER_ARTICLE_LINK
            ):
                members.append(k)
                placed.add(k)
                strength[(same[0], k)] = float(max(scores[k, i] for i in same))


def _grade_numbers(
    articles: Mapping[str, Article], members: Sequence[_Num], weakest: float
) -> dict[str, Any]:
    values = {m.q.value for m in members}
    by_article: dict[str, set[float | None]] = {}
    for m in members:
        by_article.setdefault(m.article, set()).add(m.q.value)
    nouns = {m.noun for m in members if m.noun}
    all_compatible = all(_compatible(a, b) for a in members for b in members)
    fact = next((m.fact for m in members if m.fact), None)
    caveat = None
    if len(values) == 1 or all_compatible:
        grade, why = "agree", "the outlets give the same figure (or a bound it satisfies)"
    elif any(len(v) > 1 for v in by_article.values()) or len(nouns) > 1:
        both = [outlet_name(articles[a]) for a, v in by_article.items() if len(v) > 1]
        grade = "precision"
        why = (
            "the figures count different things ("
            + ", ".join(sorted(nouns))
            + ")"
            + (f"; {', '.join(both)} gives more than one of them" if both else "")
        )
    elif weakest >= STRONG_EVENT + SAME_FACT_BONUS / 2:
        grade, why = "contradict", "the same count of the same happening differs"
    else:
        grade, why = "uncertain", "the figures differ"
        caveat = "the sentences may describe different happenings"
    confidence = round(min(1.0, weakest / (STRONG_EVENT + SAME_FACT_BONUS)), 2)
    value_items = []
    for m in sorted(members, key=lambda m: (m.article, m.q.span)):
        item = evidence(articles, m.article, m.q.span)
        item["value"] = m.q.value
        qualifier = m.q.qualifier or ""
        written = m.q.text
        if qualifier and not written.lower().startswith(qualifier.lower()):
            written = f"{qualifier} {written}"
        item["value_text"] = written
        if m.noun:
            item["value_text"] += f" {m.noun}"
        item["sentence"] = list(m.sentence)
        value_items.append(item)
    return {
        "id": "",
        "slot": f"{members[0].predicate} ({', '.join(sorted(nouns)) or 'count'})",
        "kind": "number",
        "grade": grade,
        "explanation": why,
        "caveat": caveat,
        "confidence": confidence,
        "fact": fact,
        "values": value_items,
    }


def date_conflicts(
    articles: Mapping[str, Article],
    annotations: Mapping[str, Annotations],
    units: Sequence[Unit],
    facts: Sequence[Fact],
) -> list[dict[str, Any]]:
    """Dates given for one fact group by different outlets that do not fit together."""
    out = []
    for fact in facts:
        dated: list[tuple[str, TimeExpression]] = []
        for m in fact.members:
            u = units[m]
            ann = annotations.get(u.article)
            if ann is not None:
                dated.extend((u.article, t) for t in _times_in(ann, u.span))
        if len({a for a, _ in dated}) < 2:
            continue
        record = _grade_dates(articles, dated)
        if record is not None:
            record["fact"] = fact.id
            record["slot"] = "date of: " + " ".join(fact.record["text"].split()[:12])
            out.append(record)
    return out


def _days(t: TimeExpression) -> tuple[date, date]:
    assert t.start is not None
    return t.start, t.end or t.start


def _grade_dates(
    articles: Mapping[str, Article], dated: Sequence[tuple[str, TimeExpression]]
) -> dict[str, Any] | None:
    per_article: dict[str, list[TimeExpression]] = {}
    for art, t in dated:
        per_article.setdefault(art, []).append(t)
    arts = sorted(per_article)
    disjoint = nested = False
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            if any(_overlap(x, y) for x in per_article[a] for y in per_article[b]):
                if any(_days(x) != _days(y) for x in per_article[a] for y in per_article[b]):
                    nested = True
            else:
                disjoint = True
    if not disjoint and not nested:
        return None
    borrowed = [
        outlet_name(articles[a])
        for a, ts in per_article.items()
        if any(t.anchor_source not in (None, "published", "dateline") for t in ts)
    ]
    multi = any(len(ts) > 1 for ts in per_article.values())
    caveat_parts = []
    if borrowed:
        caveat_parts.append(
            f"{', '.join(sorted(borrowed))}: publication date unknown; relative dates were "
            "resolved against the story's date"
        )
    if multi:
        caveat_parts.append("a sentence holds several dates; they may refer to different events")
    if disjoint:
        grade, why = "contradict", "the resolved dates do not overlap"
    else:
        grade, why = "precision", "one outlet gives a range, another a day inside it"
    confidence = 0.85 - 0.25 * bool(borrowed) - 0.2 * multi
    values = []
    for art, t in sorted(dated, key=lambda x: (x[0], x[1].span)):
        item = evidence(articles, art, t.span)
        start, end = _days(t)
        item["value"] = [start.isoformat(), end.isoformat()]
        item["value_text"] = t.text
        if t.sentence:
            item["sentence"] = list(t.sentence)
        item["rule"] = t.rule
        item["anchor_source"] = t.anchor_source
        values.append(item)
    return {
        "id": "",
        "slot": "",
        "kind": "date",
        "grade": grade,
        "explanation": why,
        "caveat": "; ".join(caveat_parts) or None,
        "confidence": round(max(0.1, confidence), 2),
        "fact": None,
        "values": values,
    }
