"""Speaker and name conflicts: who said a quote, and what a person or group is called."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rapidfuzz import fuzz

from newsprism.compare.evidence import evidence
from newsprism.compare.quotes import guessed_speaker
from newsprism.model import Annotations, Article, Entity

SPELLING_RATIO = 80.0


def speaker_conflicts(
    quotes: list[dict[str, Any]], annotations: Mapping[str, Annotations]
) -> list[dict[str, Any]]:
    out = []
    for group in quotes:
        speakers: dict[str, list[dict[str, Any]]] = {}
        guessed: dict[str, bool] = {}
        for v in group["variants"]:
            ann = annotations.get(v["article"])
            q = next((q for q in ann.quotes if list(q.span) == v["span"]), None) if ann else None
            if q is not None and q.speaker_entity and q.speaker_span:
                speakers.setdefault(q.speaker_entity, []).append(
                    {**v, "value": q.speaker_entity, "value_text": q.speaker or ""}
                )
                guessed[q.speaker_entity] = guessed.get(q.speaker_entity, True) and (
                    guessed_speaker(q)
                )
        if len(speakers) >= 2:
            # an attribution read only from "she said" may be the reader's error, not the outlet's
            unsure = any(guessed.values())
            out.append({
                "id": "", "slot": f"speaker of: {group['text'][:60]}", "kind": "speaker",
                "grade": "uncertain" if unsure else "contradict",
                "explanation": "outlets attribute the statement to different people",
                "caveat": "one attribution was read from a pronoun or a neighbouring sentence"
                if unsure else None,
                "confidence": 0.3 if unsure else 0.6, "fact": None,
                "values": [x for vs in speakers.values() for x in vs[:1]],
            })  # fmt: skip
    return out


def name_conflicts(
    articles: Mapping[str, Article],
    annotations: Mapping[str, Annotations],
    entities: Mapping[str, Entity],
) -> list[dict[str, Any]]:
    """Each outlet's fullest form of a name, where the forms differ."""
    fullest: dict[str, dict[str, tuple[int, int]]] = {}
    for art_id, ann in annotations.items():
        if art_id not in articles:
            continue
        for m in ann.mentions:
            if not m.entity:
                continue
            best = fullest.setdefault(m.entity, {}).get(art_id)
            if best is None or (m.span[1] - m.span[0]) > (best[1] - best[0]):
                fullest[m.entity][art_id] = m.span
    out = []
    for ent_id, per_article in fullest.items():
        forms = {articles[a].text[s[0] : s[1]] for a, s in per_article.items()}
        if len(per_article) < 2 or len(forms) < 2:
            continue
        texts = sorted(forms)
        ratio = min(fuzz.ratio(x.lower(), y.lower()) for x in texts for y in texts)
        words = [set(x.lower().split()) for x in texts]
        nested = all(a <= b or b <= a for a in words for b in words)
        grade = "precision" if nested else ("agree" if ratio >= SPELLING_RATIO else "uncertain")
        why = {
            "precision": "a shorter and a fuller form of the name",
            "agree": "the same name spelled differently",
            "uncertain": "forms joined by name resolution that differ markedly",
        }[grade]
        values = []
        for art_id, span in sorted(per_article.items()):
            item = evidence(articles, art_id, span)
            item.update(value=item["text"], value_text=item["text"])
            values.append(item)
        name = entities[ent_id].name if ent_id in entities else ent_id
        out.append({
            "id": "", "slot": f"name of {name}", "kind": "name", "grade": grade,
            "explanation": why, "caveat": None, "confidence": 0.7, "fact": None, "values": values,
        })  # fmt: skip
    return out
