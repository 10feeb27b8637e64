"""compare_story: one story's coverage compared claim by claim, with evidence for everything.

The function reads as the table of contents of the comparison: claims aligned into
fact rows, figures into slots, dates and roles compared, quotes grouped, names and
labels gathered, a timeline and a digest written, and an overview of what differs
put first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from newsprism.compare.align import align_units
from newsprism.compare.claims import claim_units
from newsprism.compare.context import StoryContext, story_context
from newsprism.compare.copies import Provenance, find_provenance
from newsprism.compare.cross_language import with_other_languages
from newsprism.compare.dates import actor_date_findings, date_findings
from newsprism.compare.digest import build_digest
from newsprism.compare.facts import build_facts, mark_contradictions
from newsprism.compare.framing import find_framing, load_lexicon
from newsprism.compare.moments import moment_findings
from newsprism.compare.names import name_variants
from newsprism.compare.numbers import FigureSlot, figure_slots, slot_label
from newsprism.compare.options import CompareOptions
from newsprism.compare.quotes import group_quotes
from newsprism.compare.records import (
    SCHEMA_VERSION,
    UNCONFIRMED,
    ArticleRef,
    EntitySummary,
    FactRow,
    Figure,
    Finding,
    Overview,
    RelatedStory,
    ReuseLink,
    SharedSentence,
    StoryComparison,
    StorySpan,
)
from newsprism.compare.roles import role_findings
from newsprism.compare.shares import share_figures, share_findings
from newsprism.compare.similarity import similarity_matrix
from newsprism.compare.speakers import speaker_findings
from newsprism.compare.timeline import build_timeline
from newsprism.compare.tolls import internal_findings, replaced_figures, story_tolls
from newsprism.compare.units import story_units
from newsprism.model import Annotations, Article, Entity, ReusePair, Story

Related = tuple[Story, Sequence[Article], Mapping[str, Annotations]]


def compare_story(
    story: Story,
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    entities: Mapping[str, Entity],
    reuse: Sequence[ReusePair],
    related: Sequence[Related] = (),
    options: CompareOptions | None = None,
    earlier: Sequence[Article] = (),
) -> StoryComparison:
    """Facts, findings, figures, quotes, names, framing, timeline and digest for one story.

    ``annotations`` should carry their kept parses (``Annotations.parse``): grammar is
    read from them, never parsed again here. ``earlier`` are superseded versions of the
    story's articles (with their annotations in ``annotations``): their figures join
    the figure slots, so a toll an outlet changed on its page shows how it moved."""
    ctx = story_context(
        story, articles, annotations, entities, options or CompareOptions(), earlier
    )
    units = story_units(list(ctx.articles.values()), ctx.annotations, ctx.options.split_clauses)
    # promotions, questions, captions and fragments are no facts; date lines are cut off
    units = claim_units(units, ctx.articles, ctx.docs)
    sim = similarity_matrix(units, ctx.annotations, ctx.embed)
    # sentences in other languages scored by the multilingual encoder (compare/cross_language)
    sim, near = with_other_languages(
        sim,
        [u.text for u in units],
        [u.article for u in units],
        ctx.articles,
        ctx.cuts.align,
        ctx.cuts.carry,
    )
    groups = align_units(units, sim, ctx.cuts.align, ctx.cuts.linkage)
    provenance = find_provenance(list(ctx.articles.values()), reuse, ctx.outlet_of)
    group_members = {f"g{n}": g.members for n, g in enumerate(groups)}
    # figures first joined on the tight alignment groups tell the matrix which outlets
    # carry a claim with other figures; joined again on the fact rows (which hold the
    # paraphrases too), they make the slots the story reports
    draft = figure_slots(ctx, units, group_members)
    facts, members = build_facts(ctx, units, sim, groups, provenance, draft, near)
    slots = figure_slots(ctx, units, members)
    quotes = group_quotes(ctx)
    slot_findings = [s.finding for s in slots if s.finding is not None]
    tolls, toll_findings, toll_links = story_tolls(ctx, slots, slot_findings, provenance.origin)
    shares = share_findings(ctx)  # votes, shares, a verdict's counts: no one harmed
    findings = _numbered(
        slot_findings
        + toll_findings
        + internal_findings(ctx, slots)
        + moment_findings(ctx, slots, replaced_figures(slots))
        + (dates := date_findings(ctx, units, facts, members))
        + actor_date_findings(ctx, dates)
        + role_findings(ctx)
        + speaker_findings(ctx, quotes)
        + [f for f, _, _ in shares]
    )
    for toll in tolls:  # ids are given by _numbered
        toll.finding = toll_links[toll.outcome].id if toll.outcome in toll_links else None
    _link_figures_to_facts(findings, facts, members, units)
    mark_contradictions(ctx, facts, findings)
    # labels in the same role of tightly aligned sentences name one actor: the alignment
    # groups, not the looser fact rows (which also hold paraphrases)
    framing, neutral_of = find_framing(
        ctx, units, [g.members for g in groups], load_lexicon(ctx.options.lexicon_file)
    )
    sources = [(story.id, ctx.articles, ctx.annotations)] + [
        (rel.id, {a.id: a for a in rel_arts}, rel_anns) for rel, rel_arts, rel_anns in related
    ]
    return StoryComparison(
        schema_version=SCHEMA_VERSION,
        id=story.id,
        title=story.title,
        span=_story_span(story, list(ctx.articles.values())),
        outlets=ctx.outlets,
        articles=[_article_ref(ctx, a, provenance) for a in ctx.articles.values()]
        + [_article_ref(ctx, a, provenance, current=False) for a in ctx.earlier.values()],
        overview=_overview(findings, facts, provenance),
        findings=findings,
        figures=_figures(ctx, slots) + share_figures(shares),
        facts=facts,
        quotes=quotes,
        names=name_variants(ctx),
        entities=_entities(ctx),
        framing=framing,
        reuse=[_reuse_link(p) for p in reuse if p.a in ctx.articles and p.b in ctx.articles],
        timeline=build_timeline(ctx, sources, units, members),
        digest=build_digest(ctx, facts, neutral_of, ctx.options.digest_sentences),
        related=[
            RelatedStory(rel.id, rel.title, _story_span(rel, rel_arts))
            for rel, rel_arts, _ in related
        ],
        tolls=tolls,
        # glosses (English machine translation for the report's reader) are added by
        # the caller from report.gloss: compare does not import the report
    )


_GRADE_ORDER = {"contradict": 0, "update": 1, "differs": 2, "agree": 3}


def _numbered(findings: list[Finding]) -> list[Finding]:
    findings.sort(key=lambda f: (_GRADE_ORDER[f.grade], -len(f.values), f.kind, f.slot))
    for n, f in enumerate(findings, 1):
        f.id = f"c{n}"
    return findings


def _link_figures_to_facts(
    findings: Sequence[Finding],
    facts: Sequence[FactRow],
    members: Mapping[str, Sequence[int]],
    units: Sequence[object],
) -> None:
    """A figure finding is about the fact row whose sentences hold its figures."""
    where: dict[tuple[str, tuple[int, int]], str] = {}
    for fact in facts:
        for cell in fact.cells:
            if cell.state in ("states", "differs"):
                for ev in cell.evidence:
                    where.setdefault((ev.article, ev.span), fact.id)
    for f in findings:
        if f.kind != "number":
            continue
        f.fact = None  # the slot was joined on alignment groups, not on fact rows
        votes: dict[str, int] = {}
        for v in f.values:
            for (art, span), fact_id in where.items():
                if art == v.cite.article and span[0] <= v.cite.span[0] < span[1]:
                    votes[fact_id] = votes.get(fact_id, 0) + 1
        if votes:
            f.fact = max(votes, key=lambda k: (votes[k], k))


def _overview(
    findings: Sequence[Finding], facts: Sequence[FactRow], provenance: Provenance
) -> Overview:
    # "only one outlet carries it" says something only where another outlet could have
    outlets = {o for f in facts for o in f.carried_by}
    return Overview(
        contradictions=[f.id for f in findings if f.grade == "contradict"],
        differences=[f.id for f in findings if f.grade == "differs"],
        updates=[f.id for f in findings if f.grade == "update"],
        # a claim another outlet may tell in another language is not shown as one outlet's
        single_outlet=[
            f.id
            for f in facts
            if len(f.carried_by) == 1 < len(outlets)
            and not any((c.note or "").startswith(UNCONFIRMED) for c in f.cells)
        ],
        provenance=list(provenance.lines),
    )


def _figures(ctx: StoryContext, slots: Sequence[FigureSlot]) -> list[Figure]:
    out = []
    for slot in slots:
        out.append(
            Figure(
                id=slot.id,
                outcome=slot.family,
                label=slot_label(slot),
                figure=slot.figure,
                outlets=sorted({ctx.outlet_of[a] for a in slot.articles}),
                values=slot.values,
                development=slot.development,
                finding=slot.finding.id if slot.finding else None,
            )
        )
    return out


def _day(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def _story_span(story: Story, articles: Sequence[Article]) -> StorySpan:
    dates = sorted(a.published.replace(tzinfo=None) for a in articles if a.published)
    start = story.start or (dates[0] if dates else None)
    end = story.end or (dates[-1] if dates else None)
    return StorySpan(_day(start), _day(end))


def _article_ref(
    ctx: StoryContext, a: Article, provenance: Provenance, *, current: bool = True
) -> ArticleRef:
    return ArticleRef(
        id=a.id,
        outlet=ctx.outlet_of[a.id],
        title=a.title,
        url=a.url,
        published=a.published.isoformat() if a.published else None,
        published_source=a.published_source,
        byline=a.byline,
        dateline=a.dateline.text if a.dateline else None,
        wire=list(a.wire),
        copy_of=provenance.copy_of.get(a.id),
        origin=provenance.origin.get(a.id),
        version=a.version,
        current=current,
        language=a.language,
    )


def _reuse_link(pair: ReusePair) -> ReuseLink:
    return ReuseLink(
        a=pair.a,
        b=pair.b,
        kind=pair.kind,
        score=pair.score,
        origin=pair.origin,
        origin_reason=pair.origin_reason,
        shared=[SharedSentence(s.a, s.b, s.similarity, list(s.edits)) for s in pair.shared],
    )


def _entities(ctx: StoryContext) -> list[EntitySummary]:
    found: dict[str, EntitySummary] = {}
    for art_id, ann in ctx.annotations.items():
        for m in ann.mentions:
            if not m.entity:
                continue
            rec = found.get(m.entity)
            if rec is None:
                ent = ctx.entities.get(m.entity)
                name = ent.name if ent else m.text
                rec = found[m.entity] = EntitySummary(
                    m.entity, name, ent.label if ent else m.label, {}
                )
            written = " ".join(ctx.text(art_id, m.span).split())
            arts = rec.spellings.setdefault(written, [])
            if art_id not in arts:
                arts.append(art_id)
            if len(rec.mentions) < ctx.options.max_entity_mentions:
                rec.mentions.append(ctx.cite(art_id, m.span))
    out = list(found.values())
    out.sort(key=lambda e: (-sum(len(v) for v in e.spellings.values()), e.name))
    return out
