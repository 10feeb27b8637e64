"""Date conflicts: the days outlets give for the same happening, graded.

Two dates are compared only when they belong to the same fact group, or to the
same happening found from the sentence (see ``date_slots``); dates that do not
overlap contradict, a range holding a day is a matter of precision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token

from newsprism.compare.embed import Embedder
from newsprism.compare.evidence import evidence, outlet_name
from newsprism.compare.facts import Fact
from newsprism.compare.numbers import overlap as _overlap
from newsprism.compare.numbers import times_in as _times_in
from newsprism.compare.options import WORDLLAMA_CUTS, Cuts
from newsprism.compare.similarity import text_scores
from newsprism.compare.units import Unit
from newsprism.model import Annotations, Article, TimeExpression


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


# Verbs that report speech: a date on "said" dates the statement, not what it is about,
# and two outlets may well quote statements made on different days.
SPEECH_LEMMAS = {"say", "tell", "announce", "state", "add", "report", "claim", "write"}
ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GROUP"}


def _event_head(doc: Doc, t: TimeExpression) -> Token | None:
    """The word a date modifies: "met" in "met the minister on Tuesday"."""
    span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    if span is None:
        return None
    node = span.root
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _clause_text(head: Token) -> str:
    """The dated clause without the date: what happened, to compare with other outlets."""
    words = [w for w in head.subtree if w.ent_type_ not in ("DATE", "TIME")]
    return " ".join(w.text for w in words)


def _actors(ann: Annotations, head: Token) -> set[str]:
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    return {
        m.entity
        for m in ann.mentions
        if m.entity and m.label in ACTOR_LABELS and lo <= m.span[0] and m.span[1] <= hi
    }


def actor_date_conflicts(
    articles: Mapping[str, Article],
    annotations: Mapping[str, Annotations],
    docs: Mapping[str, Doc],
    known: Sequence[dict[str, Any]],
    embed: Embedder,
    cuts: Cuts = WORDLLAMA_CUTS,
) -> list[dict[str, Any]]:
    """Dates that disagree about one happening worded too differently to align.

    "the union had met the minister on Tuesday" and "talks between the federation and
    the minister last week ended" share no wording a sentence aligner would trust,
    but the dated clause of each names the same participant. Statements ("said on
    Thursday") are left out: outlets may quote statements made on different days.
    """
    persons = {m.entity for ann in annotations.values() for m in ann.mentions
               if m.entity and m.label == "PERSON"}  # fmt: skip
    seen = {(v["article"], tuple(v["span"])) for c in known if c["kind"] == "date"
            for v in c["values"]}  # fmt: skip
    dated: list[tuple[str, TimeExpression, set[str]]] = []
    clauses: list[str] = []
    for art_id, ann in annotations.items():
        doc = docs.get(art_id)
        if doc is None or art_id not in articles:
            continue
        for t in ann.times:
            if t.start is None or (art_id, tuple(t.span)) in seen:
                continue
            head = _event_head(doc, t)
            if head is None or head.lemma_.lower() in SPEECH_LEMMAS:
                continue
            if any(c.dep_ == "neg" for c in head.children):
                continue  # "did not respond on Thursday": nothing happened to disagree on
            actors = _actors(ann, head)
            if actors:
                dated.append((art_id, t, actors))
                clauses.append(_clause_text(head))
    scores = text_scores(clauses, embed)
    out = []
    used: set[int] = set()
    for i, (a, ta, xa) in enumerate(dated):
        for j in range(i + 1, len(dated)):
            b, tb, xb = dated[j]
            if a == b or i in used or j in used or not xa & xb or _overlap(ta, tb):
                continue
            people = {e for e in xa & xb if e in persons}
            if scores[i, j] < (cuts.same_happening if people else cuts.same_happening_org):
                continue
            record = _grade_dates(articles, [(a, ta), (b, tb)])
            if record is None:
                continue
            used.update((i, j))
            words = articles[a].text[ta.sentence[0] : ta.sentence[1]] if ta.sentence else ta.text
            record["slot"] = "date of: " + " ".join(words.split()[:12])
            note = "matched by a shared participant, not by wording"
            record["caveat"] = "; ".join(x for x in (record["caveat"], note) if x)
            record["shared_entities"] = sorted(xa & xb)
            out.append(record)
    return out
