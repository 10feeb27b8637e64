"""Scoring one analysed corpus of ``../shared/bench/pages`` against its ``gold.json``.

The checks are the ones the corpus README describes, each a pass or a fail with a
one-line reason, so a run says not only how many passed but what went wrong. They read
only what a user would read: the stored articles (file, language) and the story
reports newsprism wrote (tolls, figures, findings, reuse, quotes, framing). Nothing here
knows any page, outlet or phrase: the gold supplies every pattern and figure.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PAGES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "pages"
TUNE = (
    "baltimore-bridge-collapse-2024",
    "maui-wildfires-2023",
    "prigozhin-plane-crash-2023",
    "turkey-syria-earthquake-2023",
)
CHECK = (
    "indonesia-election-2024",
    "morocco-earthquake-2023",
    "raisi-helicopter-crash-2024",
    "trump-hush-money-verdict-2024",
)
"""The fixed split of the corpus README: tune on the first four, check on the others."""


def half_of(name: str) -> str:
    """ "tune", "check", or "other" for a folder outside the fixed split (``--data``)."""
    return "tune" if name in TUNE else "check" if name in CHECK else "other"


@dataclass(slots=True)
class Check:
    name: str
    passed: bool
    detail: str


@dataclass(slots=True)
class CorpusScore:
    corpus: str
    half: str
    checks: list[Check] = field(default_factory=list)
    event_pages: int = 0
    event_in_story: int = 0
    noise_in_story: int = 0

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.checks)

    def add(self, name: str, passed: bool, detail: str) -> None:
        self.checks.append(Check(name, passed, detail))


def load_gold(folder: Path) -> dict[str, Any]:
    with (folder / "gold.json").open(encoding="utf-8") as f:
        gold: dict[str, Any] = json.load(f)
    return gold


def page_files(folder: Path) -> list[Path]:
    """The pages and their sidecars: everything analyze may read (never the gold)."""
    return sorted(p for p in folder.iterdir() if p.name.endswith((".txt", ".meta.json")))


def stem_of(path: str) -> str:
    """The page's file stem (``site-1``) from an article's source path."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name[: -len(".txt")] if name.endswith(".txt") else name.rsplit(".", 1)[0]


# --------------------------------------------------------------------------- reading a report


def stated_figures(report: Mapping[str, Any]) -> set[tuple[str, float]]:
    """Every (outcome, number) the story states anywhere a reader sees a figure."""
    out: set[tuple[str, float]] = set()
    for value in _number_values(report):
        if value.get("outcome") and value.get("number") is not None:
            out.add((str(value["outcome"]), float(value["number"])))
    return out


def _number_values(report: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    for toll in report.get("tolls", []):
        yield from toll.get("values", [])
    for figure in report.get("figures", []):
        yield from figure.get("values", [])
    for finding in report.get("findings", []):
        if finding.get("kind") == "number":
            yield from finding.get("values", [])


def contradicted_figures(report: Mapping[str, Any]) -> set[tuple[str, float]]:
    out: set[tuple[str, float]] = set()
    for finding in report.get("findings", []):
        if finding.get("grade") != "contradict":
            continue
        for value in finding.get("values", []):
            if value.get("outcome") and value.get("number") is not None:
                out.add((str(value["outcome"]), float(value["number"])))
    return out


def story_tolls(report: Mapping[str, Any]) -> dict[str, float | None]:
    return {str(t["outcome"]): t.get("number") for t in report.get("tolls", [])}


def quote_groups(report: Mapping[str, Any]) -> list[tuple[list[str], set[str]]]:
    """Each quote group as (the texts shown as quotes, the outlets they come from)."""
    groups = []
    for group in report.get("quotes", []):
        texts = [group.get("text") or "", group["canonical"]["text"]]
        outlets = {group["canonical"]["outlet"]}
        for variant in group.get("variants", []):
            texts.append(variant["cite"]["text"])
            outlets.add(variant["cite"]["outlet"])
        groups.append((texts, outlets))
    return groups


# --------------------------------------------------------------------------- the checks


def score_corpus(
    corpus: str,
    gold: Mapping[str, Any],
    page_of_article: Mapping[str, str],
    language_of_page: Mapping[str, str | None],
    stories: Mapping[str, list[str]],
    reports: Mapping[str, Mapping[str, Any]],
    reuse: Iterable[tuple[str, str]],
) -> CorpusScore:
    """All checks of one corpus.

    ``page_of_article`` maps article id to page stem, ``stories`` story id to its article
    ids, ``reports`` story id to its report (the JSON of ``StoryComparison``), ``reuse``
    the article-id pairs found to share text anywhere in the store."""
    pages: dict[str, dict[str, str]] = gold["pages"]
    score = CorpusScore(corpus, half_of(corpus))
    event = {p for p, g in pages.items() if g["role"] == "event"}
    noise = {p for p, g in pages.items() if g["role"] == "noise"}
    score.event_pages = len(event)
    story_pages = {
        sid: {page_of_article.get(a, "?") for a in arts} for sid, arts in stories.items()
    }
    main = max(
        story_pages,
        key=lambda s: (len(story_pages[s] & event), -len(story_pages[s] & noise)),
        default=None,
    )
    members = story_pages.get(main, set()) if main else set()
    score.event_in_story = len(members & event)
    score.noise_in_story = len(members & noise)
    report = reports.get(main, {}) if main else {}

    _check_grouping(score, gold, members, event, noise)
    _check_languages(score, pages, language_of_page)
    _check_tolls(score, gold, report)
    _check_development(score, gold, report)
    _check_figures(score, gold, report)
    _check_copies(score, gold, page_of_article, reuse)
    _check_quotes(score, gold, report)
    _check_labels(score, gold, report)
    contradictions = sum(f.get("grade") == "contradict" for f in report.get("findings", []))
    limit = int(gold.get("max_contradict", 0))
    score.add("contradictions", contradictions <= limit, f"{contradictions} (at most {limit})")
    return score


def _check_grouping(
    score: CorpusScore, gold: Mapping[str, Any], members: set[str], event: set[str], noise: set[str]
) -> None:
    need = int(gold.get("min_event", len(event)))
    got = len(members & event)
    score.add("one story", got >= need, f"{got} of {len(event)} event pages (need {need})")
    stray = sorted(members & noise)
    score.add("no other event", not stray, ", ".join(stray) or "none")


def _check_languages(
    score: CorpusScore,
    pages: Mapping[str, Mapping[str, str]],
    language_of_page: Mapping[str, str | None],
) -> None:
    wrong = [
        f"{p} {language_of_page.get(p)}≠{g['lang']}"
        for p, g in sorted(pages.items())
        if language_of_page.get(p) != g["lang"]
    ]
    score.add("languages", not wrong, "; ".join(wrong) or f"{len(pages)} right")


def _check_tolls(score: CorpusScore, gold: Mapping[str, Any], report: Mapping[str, Any]) -> None:
    tolls = story_tolls(report)
    for outcome, figure in gold.get("tolls", {}).items():
        got = tolls.get(outcome)
        ok = got is not None and float(got) == float(figure)
        score.add(f"toll {outcome}", ok, f"{_num(got)} (gold {_num(figure)})")


def _check_development(
    score: CorpusScore, gold: Mapping[str, Any], report: Mapping[str, Any]
) -> None:
    stated = stated_figures(report)
    contradicted = contradicted_figures(report)
    for outcome, figures in gold.get("development", {}).items():
        missing = [f for f in figures if (outcome, float(f)) not in stated]
        clashing = [f for f in figures if (outcome, float(f)) in contradicted]
        detail = []
        if missing:
            detail.append("not shown: " + ", ".join(_num(f) for f in missing))
        if clashing:
            detail.append("graded contradict: " + ", ".join(_num(f) for f in clashing))
        score.add(f"development {outcome}", not detail, "; ".join(detail) or "all shown as updates")


def _check_figures(score: CorpusScore, gold: Mapping[str, Any], report: Mapping[str, Any]) -> None:
    stated = stated_figures(report)
    wanted = [(o, float(f)) for o, fs in gold.get("figures", {}).items() for f in fs]
    if wanted:
        found = [w for w in wanted if w in stated]
        need = int(gold.get("min_figures", len(wanted)))
        score.add("figures", len(found) >= need, f"{len(found)} of {len(wanted)} (need {need})")
    unwanted = [(o, float(f)) for o, fs in gold.get("not_figures", {}).items() for f in fs]
    if unwanted:
        joined = [f"{o} {_num(n)}" for o, n in unwanted if (o, n) in stated]
        score.add("no other event's figures", not joined, ", ".join(joined) or "none")


def _check_copies(
    score: CorpusScore,
    gold: Mapping[str, Any],
    page_of_article: Mapping[str, str],
    reuse: Iterable[tuple[str, str]],
) -> None:
    pairs = {frozenset((page_of_article.get(a, a), page_of_article.get(b, b))) for a, b in reuse}
    for group in gold.get("copies", []):
        found = sum(frozenset((x, y)) in pairs for i, x in enumerate(group) for y in group[i + 1 :])
        need = len(group) - 1
        score.add(f"copies {'+'.join(group)}", found >= need, f"{found} pairs (need {need})")


def _check_quotes(score: CorpusScore, gold: Mapping[str, Any], report: Mapping[str, Any]) -> None:
    groups = quote_groups(report)
    for i, quote in enumerate(gold.get("quotes", []), 1):
        pattern = re.compile(quote["pattern"], re.IGNORECASE)
        best = max(
            (len(outlets) for texts, outlets in groups if any(pattern.search(t) for t in texts)),
            default=0,
        )
        need = int(quote.get("min_outlets", 2))
        score.add(f"quote {i}", best >= need, f"{best} outlets (need {need}): /{quote['pattern']}/")
    shown = [t for texts, _ in groups for t in texts]
    for pattern in gold.get("paraphrases", []):
        rx = re.compile(pattern, re.IGNORECASE)
        hits = [t for t in shown if rx.search(t)]
        score.add(
            "paraphrase not a quote",
            not hits,
            f"/{pattern}/" + (f": {hits[0][:60]!r}" if hits else ""),
        )


def _check_labels(score: CorpusScore, gold: Mapping[str, Any], report: Mapping[str, Any]) -> None:
    spec = gold.get("labels")
    if not spec:
        return
    rx = re.compile(spec["pattern"], re.IGNORECASE)
    best, actor = 0, ""
    for row in report.get("framing", []):
        labels = {
            lab["label"].casefold() for lab in row.get("labels", []) if rx.search(lab["label"])
        }
        if len(labels) > best:
            best, actor = len(labels), row.get("name", "")
    need = int(spec.get("min", 2))
    score.add("labels", best >= need, f"{best} distinct for {actor or 'no actor'} (need {need})")


def _num(x: float | int | None) -> str:
    if x is None:
        return "none"
    return f"{x:g}" if isinstance(x, float) else str(x)


def majority(values: Iterable[float]) -> float | None:
    """The most common value (ties: the larger count first, then the smaller value)."""
    counts = Counter(values)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))
