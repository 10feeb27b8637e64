"""One timeline for a story and its storyline: each dated happening once, every outlet on it.

Two mentions are one event when they resolve to the same days and their sentences
are about the same thing; the same day alone is not enough (a strike and a phone
call can share a Tuesday).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from newsprism.compare.embed import Embedder
from newsprism.compare.evidence import evidence, trim_span
from newsprism.compare.similarity import text_scores
from newsprism.model import Annotations, Article, Span

SAME_EVENT = 0.45


def _sentence(ann: Annotations, span: Span, text: str) -> Span:
    for s in ann.sentences:
        if s.span[0] <= span[0] and span[1] <= s.span[1]:
            return trim_span(text, s.span)
    return trim_span(text, span)


def build_timeline(
    sources: Sequence[tuple[str, Mapping[str, Article], Mapping[str, Annotations]]],
    embed: Embedder,
) -> list[dict[str, Any]]:
    """``sources`` are (story id, articles, annotations) for the story and its related stories."""
    rows: list[dict[str, Any]] = []
    for story_id, articles, story_annotations in sources:
        for art_id, ann in story_annotations.items():
            if art_id not in articles:
                continue
            text = articles[art_id].text
            for t in ann.times:
                if t.start is None:
                    continue
                sent = t.sentence or _sentence(ann, t.span, text)
                sent = trim_span(text, sent)
                rows.append(
                    {
                        "story": story_id,
                        "article": art_id,
                        "articles": articles,
                        "t": t,
                        "sentence": sent,
                        "text": text[sent[0] : sent[1]],
                    }
                )
    if not rows:
        return []
    scores = text_scores([r["text"] for r in rows], embed)
    parent = list(range(len(rows)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            b = rows[j]
            same_days = (a["t"].start, a["t"].end or a["t"].start) == (
                b["t"].start,
                b["t"].end or b["t"].start,
            )
            if same_days and scores[i, j] >= SAME_EVENT:
                parent[find(i)] = find(j)
    events: dict[int, list[int]] = {}
    for i in range(len(rows)):
        events.setdefault(find(i), []).append(i)
    out = []
    for members in events.values():
        first = rows[members[0]]
        central = max(members, key=lambda m: sum(scores[m, o] for o in members))
        mentions = []
        for m in members:
            r = rows[m]
            item = evidence(r["articles"], r["article"], r["sentence"])
            item["expression"] = r["t"].text
            item["expression_span"] = list(r["t"].span)
            item["rule"] = r["t"].rule
            mentions.append(item)
        t = first["t"]
        out.append(
            {
                "start": t.start.isoformat(),
                "end": (t.end or t.start).isoformat(),
                "description": rows[central]["text"],
                "story": rows[central]["story"],
                "outlets": sorted({m["outlet"] for m in mentions}),
                "mentions": mentions,
            }
        )
    out.sort(key=lambda e: (e["start"], e["end"], e["description"]))
    return out
