"""Who said it: the same statement attributed to different people by different outlets."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.compare.context import StoryContext
from newsprism.compare.quotes import guessed_speaker
from newsprism.compare.records import Finding, QuoteGroup, SlotValue


def speaker_findings(ctx: StoryContext, quotes: Sequence[QuoteGroup]) -> list[Finding]:
    """A quote group whose versions name different speakers.

    An attribution read only from "she said" or a neighbouring sentence may be the
    reader's error rather than the outlet's, so such a group is ``differs`` with the
    caveat; two speakers each named in the quote's own sentence contradict."""
    out = []
    for group in quotes:
        speakers: dict[str, SlotValue] = {}
        guessed: dict[str, bool] = {}
        for v in group.variants:
            ann = ctx.annotations.get(v.cite.article)
            q = (
                next(
                    (
                        q
                        for q in ann.quotes
                        if q.span[0] <= v.cite.span[0] and v.cite.span[1] <= q.span[1]
                    ),
                    None,
                )
                if ann
                else None
            )
            if q is None or not q.speaker_entity or not q.speaker_span:
                continue
            speakers.setdefault(
                q.speaker_entity,
                SlotValue(ctx.cite(v.cite.article, q.speaker_span, q.sentence), q.speaker or ""),
            )
            guessed[q.speaker_entity] = guessed.get(q.speaker_entity, True) and guessed_speaker(q)
        if len(speakers) < 2:
            continue
        unsure = any(guessed.values())
        out.append(
            Finding(
                id="",
                kind="speaker",
                slot=f"speaker of: {group.text[:60]}",
                grade="differs" if unsure else "contradict",
                explanation="outlets attribute the statement to different people",
                values=list(speakers.values()),
                confidence=0.3 if unsure else 0.6,
                caveat="one attribution was read from a pronoun or a neighbouring sentence"
                if unsure
                else None,
            )
        )
    return out
