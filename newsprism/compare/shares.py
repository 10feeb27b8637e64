"""Figures a story turns on that count no one harmed: shares and counts of the vote, the
counts of a verdict. Each outlet's figure side by side, graded.

An election story is its figures ("58.6 % for Tarlo", "84,516,302 votes"), a verdict
story its counts ("guilty on 34 counts"); the slots of ``numbers`` compare outcomes of
people (killed, injured, missing ...) and never see them. A fact-checker lists, per
subject, what each outlet gives:

- a *share*: a percentage in a sentence about the vote that names its subject before
  it ("Tarlo won 58.6 % of the vote", "Tarlo-Vem meraih 58,59 persen suara"); the
  subject is the name nearest before it ("60 % of the homes" is no share of a vote);
- a *vote count*: a figure followed by a word for votes ("84.516.302 suara", "votos",
  "voix"), with its subject found the same way;
- *charges*: a figure followed by a word for counts of an indictment or verdict ("34
  counts", "34 cargos", "34 chefs d'accusation"); one case has one defendant, so they
  are compared without a subject.

Grades: ``agree`` when every outlet's figure is the same up to the precision the less
precise one is written in (58.6 and 58.59); else ``differs``, with each outlet's figure:
such figures may come from different counts (a quick count, the official count) or
moments, so they are never a contradiction here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.compare.areas import is_country
from newsprism.compare.context import StoryContext
from newsprism.compare.records import Figure, Finding, Grade, SlotValue
from newsprism.language.rules.words import fold
from newsprism.model import Quantity, Span

SHARE_CONFIDENCE = 0.6  # same subject and kind of figure; which count each is, unread
MIN_OUTLETS = 2  # a figure one outlet gives has nothing to be set beside
SUBJECT_REACH = 120  # characters before the figure its subject is looked for in

VOTE_WORDS = frozenset({"votes", "vote", "suara", "votos", "voix", "stimmen", "ballots"})
CHARGE_WORDS = frozenset(
    {"counts", "charges", "cargos", "chefs", "delitos", "anklepunkten", "dakwaan", "felony"}
)
# a share is the vote's only in a sentence about the vote: "60 % of the homes" is not
VOTE_CONTEXT = re.compile(
    r"\b(?:vot\w*|voix|suara|ballots?|scrutin|elect\w*|électi\w*|elecci\w*|pemilu\w*|"
    r"pilpres|hitung|quick counts?|conteo|count(?:ing)?|polls?)\b",
    re.IGNORECASE,
)
RESPECTIVELY = re.compile(
    r"\b(?:respectively|respectivamente|respectivement|rispettivamente|"
    r"masing-masing|jeweils|respektive)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"[A-ZÀ-Ý][\w'’]+(?:[- ][A-ZÀ-Ý][\w'’]+)*")
_SENTENCE_START_WORDS = frozenset({"the", "a", "an", "el", "la", "le", "les", "los", "die"})


@dataclass(frozen=True, slots=True)
class Stated:
    """One outlet's figure for one subject and kind."""

    article: str
    q: Quantity
    sentence: Span
    kind: str  # "share", "votes", "charges"
    subject: str  # folded key ("" for charges)
    shown_subject: str


def _kind(text: str, q: Quantity) -> str | None:
    if q.value is None:
        return None
    if q.kind == "percent":
        return "share"
    if q.kind != "count":
        return None
    after = text[q.span[1] : q.span[1] + 30].split()
    word = fold(after[0].strip(",.;:()")) if after else ""
    if word in VOTE_WORDS:
        return "votes"
    if word in CHARGE_WORDS or word in {"felony", "cargos"}:
        return "charges"
    return None


def _names_before(text: str, sentence: Span, end: int) -> list[str]:
    """The names written before ``end`` in its sentence, nearest last."""
    start = max(sentence[0], end - SUBJECT_REACH)
    before = text[start:end]
    names = [m for m in _NAME.finditer(before) if m.start() > 0 or start > sentence[0]]
    return [
        m.group()
        for m in names
        if fold(m.group()) not in _SENTENCE_START_WORDS and not is_country(m.group())
    ]  # "in Feb", "Lunes", "Indonesians", a country: no subject of a vote


def _key(name: str) -> tuple[str, str]:
    return fold(re.split(r"[- ]", name)[0]), name


def _subject(text: str, sentence: Span, span: Span) -> tuple[str, str] | None:
    """(key, as written) of the name nearest before the figure in its sentence: "Tarlo"
    for "Tarlo-Vem won 58.6 %"; the key is the name's first word, folded, so "Tarlo",
    "Tarlo-Vem" and "Tarlo Subar" are one subject."""
    names = _names_before(text, sentence, span[0])
    return _key(names[-1]) if names else None


def _respective(text: str, sentence: Span, spans: Sequence[Span]) -> list[tuple[str, str]] | None:
    """The subjects of a run of figures in a "respectively" sentence, in order: "Vem and
    Orsa received about 25 % and 16 % respectively" gives 25 to Vem and 16 to Orsa, where
    the nearest name would give both to Orsa."""
    names = _names_before(text, sentence, spans[0][0])
    if len(names) < len(spans):
        return None
    return [_key(n) for n in names[-len(spans) :]]


def _runs(text: str, figures: Sequence[Quantity]) -> list[list[Quantity]]:
    """Figures of one sentence in runs that no name interrupts ("58.6 %, with Vem and
    Orsa on 25 % and 16 %": [58.6], [25, 16])."""
    runs: list[list[Quantity]] = []
    for q in sorted(figures, key=lambda q: q.span):
        if runs and not _NAME.search(text[runs[-1][-1].span[1] : q.span[0]]):
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs


def find_stated(ctx: StoryContext) -> list[Stated]:
    out: list[Stated] = []
    for article_id, ann in ctx.annotations.items():
        text = ctx.article(article_id).text
        by_sentence: dict[tuple[Span, str], list[Quantity]] = {}
        for q in ann.quantities:
            kind = _kind(text, q)
            if kind is None or q.sentence is None:
                continue
            if kind == "share" and not VOTE_CONTEXT.search(ctx.text(article_id, q.sentence)):
                continue
            if kind == "charges":
                out.append(Stated(article_id, q, q.sentence, kind, "", ""))
                continue
            by_sentence.setdefault((q.sentence, kind), []).append(q)
        for (sentence, kind), figures in by_sentence.items():
            respectively = RESPECTIVELY.search(ctx.text(article_id, sentence))
            for run in _runs(text, figures):
                subjects = (
                    _respective(text, sentence, [q.span for q in run])
                    if respectively and len(run) > 1
                    else None
                )
                for n, q in enumerate(run):
                    found = subjects[n] if subjects else _subject(text, sentence, q.span)
                    if found is not None:
                        out.append(Stated(article_id, q, sentence, kind, *found))
    return out


def _precision(q: Quantity) -> float:
    """Half the last written unit: "58.6" is 58.55 to 58.65, "59" 58.5 to 59.5."""
    digits = re.sub(r"[^\d.,]", "", q.text)
    tail = re.search(r"[.,](\d{1,2})$", digits)
    return 0.5 * 10.0 ** -(len(tail.group(1)) if tail else 0)


def _same(a: Stated, b: Stated) -> bool:
    assert a.q.value is not None and b.q.value is not None
    if a.kind != "share":
        return a.q.value == b.q.value
    return abs(a.q.value - b.q.value) <= max(_precision(a.q), _precision(b.q))


def share_findings(ctx: StoryContext) -> list[tuple[Finding, str, list[str]]]:
    """Per subject and kind that two outlets or more give: the finding (each outlet's
    first figure, graded), its label and the outlets."""
    groups: dict[tuple[str, str], dict[str, Stated]] = {}
    for s in sorted(find_stated(ctx), key=lambda s: (s.article, s.q.span[0])):
        groups.setdefault((s.kind, s.subject), {}).setdefault(s.article, s)
    out: list[tuple[Finding, str, list[str]]] = []
    for (kind, _), by_article in sorted(groups.items()):
        stated = list(by_article.values())
        outlets = sorted({ctx.outlet_of[s.article] for s in stated})
        if len(outlets) < MIN_OUTLETS:
            continue
        shown = stated[0].shown_subject
        label = f"{kind} ({shown})" if shown else kind
        values = [_value(ctx, s) for s in stated]
        grade: Grade = "agree" if all(_same(a, b) for a in stated for b in stated) else "differs"
        by_outlet = "; ".join(f"'{v.value}' ({v.cite.outlet})" for v in values)
        out.append(
            (
                Finding(
                    id="",
                    kind="number",
                    slot=label,
                    grade=grade,
                    explanation=(
                        f"the outlets give the same {kind} figure"
                        if grade == "agree"
                        else f"outlets give different {kind} figures: {by_outlet}"
                    ),
                    values=values,
                    confidence=SHARE_CONFIDENCE,
                    caveat="a share or count of the vote may come from different counts (a "
                    "quick count, the official count) or moments: read the sentences",
                ),
                label,
                outlets,
            )
        )
    return out


def _value(ctx: StoryContext, s: Stated) -> SlotValue:
    article = ctx.article(s.article)
    shown = " ".join(s.q.text.split()) + (" %" if s.kind == "share" else f" {s.kind}")
    return SlotValue(
        cite=ctx.cite(s.article, s.q.span, s.sentence),
        value=shown,
        published=article.published.isoformat() if article.published else None,
        version=article.version,
        number=s.q.value,
        low=s.q.value,
        high=s.q.value,
        counted=s.kind,
        outcome=s.kind,
    )


def share_figures(found: Sequence[tuple[Finding, str, list[str]]]) -> list[Figure]:
    """The Figures entries of ``share_findings`` (after their ids are given)."""
    out: list[Figure] = []
    for n, (finding, label, outlets) in enumerate(found, 1):
        numbers = [v.number for v in finding.values if v.number is not None]
        figure = finding.values[0].value
        if finding.grade != "agree" and numbers:
            figure = f"outlets differ: {min(numbers):g}–{max(numbers):g}"
        out.append(
            Figure(
                id=f"v{n}",
                outcome=finding.values[0].outcome or "share",
                label=label,
                figure=figure,
                outlets=outlets,
                values=list(finding.values),
                finding=finding.id,
            )
        )
    return out
