"""Roles: how each outlet describes the same person ("senior commander" / "in charge of logistics").

What a person is said to be is often the claim that matters most about them: the
man killed in a strike is "a senior commander" in one outlet and "in charge of
logistics" in another. The language layer reads the descriptions around each
mention of a resolved person (``language.roles.PersonRole``): an apposition, the
role noun before the name, "described as/to be ..." and "identified as X" on a role
noun. Descriptions of one person that read
alike are one; when outlets' descriptions differ, the finding shows them side by
side as ``differs``: a difference to read, not a contradiction.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.compare.context import StoryContext
from newsprism.compare.records import Finding, SlotValue
from newsprism.compare.similarity import text_scores
from newsprism.model import PersonRole, RoleKind

SAME_ROLE = 0.6  # two descriptions scoring at least this are one description


@dataclass(slots=True)
class Role:
    article: str
    entity: str
    start: int
    end: int
    kind: RoleKind  # a title before the name, or a description around it
    noun: str  # the description's head noun lemma, when it has one


def role_findings(ctx: StoryContext) -> list[Finding]:
    found: list[Role] = []
    for art_id, ann in ctx.annotations.items():
        people = [p for p in ann.mentions if p.label == "PERSON" and p.kind == "name"]
        roles_at: dict[tuple[int, int], list[PersonRole]] = {}
        for read in ann.roles:
            roles_at.setdefault(read.mention, []).append(read)
        for m in ann.mentions:
            if m.entity and m.label == "PERSON":
                found.extend(
                    Role(art_id, m.entity, x.start, x.end, x.kind, x.noun)
                    for x in roles_at.get(m.span, ())
                    # a description naming another person is that person's, or a list's
                    if not any(
                        x.start < p.span[1] and p.span[0] < x.end and p.entity != m.entity
                        for p in people
                    )
                )
    by_entity: dict[str, list[Role]] = {}
    for r in found:
        by_entity.setdefault(r.entity, []).append(r)
    out: list[Finding] = []
    for entity, roles in by_entity.items():
        if len({ctx.outlet_of[r.article] for r in roles}) < 2:
            continue
        texts = [ctx.text(r.article, (r.start, r.end)) for r in roles]
        scores = text_scores(texts, ctx.embed)
        differing = [
            (i, j)
            for i in range(len(roles))
            for j in range(i + 1, len(roles))
            if ctx.outlet_of[roles[i].article] != ctx.outlet_of[roles[j].article]
            and roles[i].kind == roles[j].kind  # a title is compared with titles only
            and roles[i].noun != roles[j].noun  # "Federation president" / "HDWF president"
            and scores[i, j] < SAME_ROLE
        ]
        if not differing:
            continue
        involved = {k for pair in differing for k in pair}
        roles = [r for k, r in enumerate(roles) if k in involved]
        texts = [t for k, t in enumerate(texts) if k in involved]
        name = ctx.entities[entity].name if entity in ctx.entities else texts[0]
        values = [
            SlotValue(ctx.cite(r.article, (r.start, r.end), _sentence(ctx, r)), " ".join(t.split()))
            for r, t in zip(roles, texts, strict=True)
        ]
        shown = sorted({f"'{v.value}' ({v.cite.outlet})" for v in values})
        out.append(
            Finding(
                id="",
                kind="role",
                slot=f"role of {name}",
                grade="differs",
                explanation=f"outlets describe {name} differently: " + "; ".join(shown),
                values=values,
                confidence=0.6,
                caveat="descriptions are read from the grammar around each mention",
            )
        )
    return out


def _sentence(ctx: StoryContext, r: Role) -> tuple[int, int] | None:
    ann = ctx.annotations[r.article]
    for s in ann.sentences:
        if s.span[0] <= r.start < s.span[1]:
            return s.span
    return None
