"""A short neutral digest: the most corroborated claims first, each with its source.

Extractive only: every digest line is a fact row's whole sentence, as some outlet
printed it (fact rows are whole sentences by construction), cited by span. A line
that says what a line above it already says is left out, so the digest never
repeats itself; each line lists every outlet that carries its claim and how many
distinct origins they have. Loaded labels inside a line are shown replaced by the
wording most outlets use for the same actor (``neutral_text``), with each
replacement recorded; ``text`` stays the verbatim source sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from newsprism.compare.context import StoryContext
from newsprism.compare.numbers import times_in
from newsprism.compare.records import BACKGROUND_DAYS, DigestItem, FactRow, Replacement
from newsprism.compare.similarity import text_scores
from newsprism.model import Span

_OPEN = "“‘\"'(["


def _replace(
    text: str, start: int, span: Span, article: str, neutral_of: Mapping[tuple[str, Span], str]
) -> tuple[str, list[Replacement]]:
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
        replacements.append(Replacement(lab_span, original, word))
    return out, sorted(replacements, key=lambda r: r.span[0])


OTHER_FIGURES = "other figures"  # the note of a cell that gives the claim another figure
SAME_FIGURE = "same figure"  # ... that gives its figure in a sentence not shown to tell it


def supporting(fact: FactRow) -> list[str]:
    """The outlets that tell the claim: in its words or others, never by a figure
    alone (another figure, or the same one in a sentence not shown to tell the claim)
    nor contradicting it."""
    return [
        c.outlet
        for c in fact.cells
        if c.state == "states"
        or (c.state == "differs" and not (c.note or "").startswith((OTHER_FIGURES, SAME_FIGURE)))
    ]


def told_by(fact: FactRow) -> int:
    """How many independent outlets tell the claim: its origins, never more than the
    outlets that tell it (``supporting``). A toll one outlet gives, with six others
    giving theirs, is one outlet's claim, not seven's."""
    return min(fact.independent_support, len(supporting(fact)))


def _first_report(ctx: StoryContext) -> date | None:
    days = [d for a in ctx.articles.values() if (d := a.published_day) is not None]
    return min(days) if days else None


def _background(ctx: StoryContext, fact: FactRow, first: date) -> bool:
    """The claim's sentence is dated, and every date it gives ends well before the
    story's first report: "the 2009 flood killed 300 people" is the record this
    one is measured against. A span reaching the story ("since 2017") is the story's."""
    ann = ctx.annotations.get(fact.cite.article)
    if ann is None:
        return False
    sentence = fact.cite.sentence or fact.cite.span
    dated = [t for t in times_in(ann, sentence) if t.start is not None]
    cutoff = first - timedelta(days=BACKGROUND_DAYS)
    return bool(dated) and all((t.end or t.start) < cutoff for t in dated if t.start)


def build_digest(
    ctx: StoryContext,
    facts: Sequence[FactRow],
    neutral_of: Mapping[tuple[str, Span], str],
    size: int,
) -> list[DigestItem]:
    """Up to ``size`` whole sentences, best corroborated first, none saying another's claim."""

    # an outlet contradicting a fact takes back one outlet's worth of support from it
    def contested(f: FactRow) -> int:
        return sum(1 for c in f.cells if c.state == "contradicts")

    ranked = sorted(facts, key=lambda f: (-(told_by(f) - contested(f)), -len(supporting(f)), f.id))
    out: list[DigestItem] = []
    chosen: list[str] = []
    first = _first_report(ctx)
    for fact in ranked:
        if len(out) >= size:
            break
        support = supporting(fact)
        if len(support) < 2 and out:
            break  # the digest is what outlets corroborate; single claims have their own list
        if first is not None and _background(ctx, fact, first):
            continue  # an earlier event the story is set against, not what happened
        text = fact.text
        if chosen and float(text_scores([text, *chosen], ctx.embed)[0, 1:].max()) >= ctx.cuts.carry:
            continue  # says what a line above already says
        chosen.append(text)
        neutral, replacements = _replace(text, fact.cite.span[0], fact.cite.span, fact.cite.article,
                                         neutral_of)  # fmt: skip
        out.append(
            DigestItem(
                cite=fact.cite,
                fact=fact.id,
                outlets=support,
                independent=fact.independent_support,
                contradicted_by=[c.outlet for c in fact.cells if c.state == "contradicts"],
                neutral_text=neutral,
                replacements=replacements,
            )
        )
    return out
