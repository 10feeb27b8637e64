"""Who said it: the same statement attributed to different people by different outlets."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.compare.context import StoryContext
from newsprism.compare.quotes import introduced_as, introduction, one_speaker, trusted_speaker
from newsprism.compare.records import Finding, QuoteGroup, SlotValue
from newsprism.language.rules.reader import is_foreign


def speaker_findings(ctx: StoryContext, quotes: Sequence[QuoteGroup]) -> list[Finding]:
    """A quote group whose versions name different speakers.

    Only speakers named in the quote's own sentence are compared: an attribution read
    from "she said" or a neighbouring sentence may be the reader's error rather than
    the outlet's, and a finding is shown only with evidence an outlet would accept;
    in a page read by rule, a speaker is evidence only when written with two name
    words. Two speakers each named in the quote's own sentence contradict, unless their
    names share a name word (one written fuller than the other) or one is named in the
    other's introduction ("Coast Rescue" and "Coast Rescue chief Amir Talesh":
    a person and the body he speaks for)."""
    out = []
    for group in quotes:
        speakers: dict[str, SlotValue] = {}
        titles: dict[str, str] = {}
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
            by_rule = is_foreign(ctx.articles[v.cite.article].language)
            if q is None or not q.speaker_entity or not q.speaker_span:
                continue
            if not trusted_speaker(q, by_rule):
                continue  # "he said", or a capitalised word read as a name: no evidence
            said = (q.speaker_entity, q.speaker or "")
            title = introduction(ctx.articles[v.cite.article].text, q)
            if any(
                one_speaker(said, (e, w.value))
                or introduced_as(said[1], titles[e])
                or introduced_as(w.value, title)
                for e, w in speakers.items()
            ):
                continue  # "Roland L. Butler" and "Roland L. Butler Jr.": one man
            titles[q.speaker_entity] = title
            speakers[q.speaker_entity] = SlotValue(
                ctx.cite(v.cite.article, q.speaker_span, q.sentence), q.speaker or ""
            )
        if len(speakers) < 2:
            continue
        out.append(
            Finding(
                id="",
                kind="speaker",
                slot=f"speaker of: {group.text[:60]}",
                grade="contradict",
                explanation="outlets attribute the statement to different people",
                values=list(speakers.values()),
                confidence=0.6,
            )
        )
    return out
