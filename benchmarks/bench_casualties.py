"""Casualty figures per story on the Gun Violence Corpus: newsprism against the archive's counts.

For every incident with two or more articles, the whole pipeline runs on its
articles (clean, annotate, group into stories, compare) and the story holding most
of them gives its figure for killed and injured (``StoryComparison.tolls``: the figure
most outlets lead with, the larger on a tie, an explicit revision first). Printed:

- **figure right**: the share of incidents whose story figure equals the archive's,
  among incidents where some article states the archive's figure (the figure
  written next to a killed / injured word, found by the simple rule below);
- **false alarms**: the share of incidents graded with a killed/injured contradiction
  although every figure the articles state equals the archive's;
- **differences shown**: among incidents whose articles state different figures, the
  share where newsprism shows the difference (``update``, ``differs`` or ``contradict``);
- the same figure-right share for a rule baseline (a regular expression for "N
  killed / N injured"; the story figure is the one most articles give, the larger on
  a tie), from the same run.

    python benchmarks/bench_casualties.py [--data FILE] [--limit N] [--offset N]
        [--split tune|check|all]

The split is ``common.own_split`` over "gvc-incident-" + the id, as in
``bench_cluster_gvc.py`` (the bare id would put every incident of this development half
in "tune": the held-back half was cut by the same hash). The story-figure rule was
tuned on the first 300 incidents of the "all" order; ``--offset 300`` measures the rest.

Ends with one line: ``figure-right killed K injured I false-alarms F differences-shown D``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from common import machine_line, own_split, read_jsonl
from eventdata import annotations_for, grouping_signals
from gvcdata import DEFAULT_DATA, load_gvc

from newsprism.compare import compare_story
from newsprism.compare.records import StoryComparison, Toll
from newsprism.language import resolve_entities
from newsprism.lexicon import NUMBER_WORDS
from newsprism.model import Annotations, Article
from newsprism.stories import StoryOptions, find_reuse
from newsprism.stories.grouping import group_stories

OUTCOMES = ("killed", "injured")
_NUMBER = r"(\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_RULES = {
    "killed": re.compile(
        _NUMBER + r"\s+(?:\w+\s+){0,2}?(?:were\s+|was\s+|are\s+|have\s+been\s+)?"
        r"(?:killed|dead|died|shot\s+dead|slain|fatally\s+shot)\b",
        re.IGNORECASE,
    ),
    "injured": re.compile(
        _NUMBER + r"\s+(?:\w+\s+){0,2}?(?:were\s+|was\s+|are\s+|have\s+been\s+)?"
        r"(?:injured|wounded|hurt|hospitalized|hospitalised)\b",
        re.IGNORECASE,
    ),
}


def rule_figures(text: str) -> dict[str, list[int]]:
    """The baseline: every "N killed" / "N injured" written in the text."""
    out: dict[str, list[int]] = {}
    for outcome, rule in _RULES.items():
        for m in rule.finditer(text):
            word = m.group(1).lower()
            value = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
            if value is not None:
                out.setdefault(outcome, []).append(value)
    return out


@dataclass(slots=True)
class Incident:
    id: str
    gold: dict[str, int]
    articles: list[Article] = field(default_factory=list)
    stated: dict[str, set[int]] = field(default_factory=dict)  # rule figures, all articles
    rule_figure: dict[str, int | None] = field(default_factory=dict)


def load(path: Path, split: str, limit: int | None, offset: int = 0) -> list[Incident]:
    """Incidents with two or more articles, their pages cleaned as ingest cleans them
    (``gvcdata``, cached), with the archive's counts and the rule baseline's figures."""
    gvc = load_gvc(path)
    by_incident: dict[str, list[Article]] = {}
    for article, incident in zip(gvc.articles, gvc.incident, strict=True):
        by_incident.setdefault(incident, []).append(article)
    incidents: list[Incident] = []
    for rec in read_jsonl(path):
        key = str(rec["incident"])
        if len(rec["articles"]) < 2 or (
            split != "all" and own_split(f"gvc-incident-{key}") != split
        ):
            continue
        if len(by_incident.get(key, [])) < 2:
            continue
        if offset > 0:
            offset -= 1  # incidents looked at while tuning are left out of a measurement
            continue
        inc = Incident(key, {o: int(rec["gold"][o]) for o in OUTCOMES}, by_incident[key])
        votes: dict[str, Counter[int]] = {o: Counter() for o in OUTCOMES}
        for page in rec["articles"]:
            found = rule_figures(str(page.get("text") or ""))
            for o in OUTCOMES:
                inc.stated.setdefault(o, set()).update(found.get(o, []))
                votes[o].update(set(found.get(o, [])))
        inc.rule_figure = {
            o: max(votes[o], key=lambda v: (votes[o][v], v)) if votes[o] else None for o in OUTCOMES
        }
        incidents.append(inc)
        if limit and len(incidents) >= limit:
            break
    return incidents


def main_figure(report: StoryComparison, outcome: str) -> Toll | None:
    """The story's figure for an outcome (``StoryComparison.tolls``)."""
    return next((t for t in report.tolls if t.outcome == outcome), None)


def compare_incident(inc: Incident, annotations: dict[str, Annotations]) -> StoryComparison:
    arts = inc.articles
    anns = {a.id: annotations[a.id] for a in arts}
    entities = {e.id: e for e in resolve_entities(arts, anns)}
    # grouped as analyze groups (the fitted same-event model over every signal)
    stories = group_stories(arts, grouping_signals(arts, anns, StoryOptions()))
    story = max(stories, key=lambda s: len(s.articles))
    members = [a for a in arts if a.id in set(story.articles)]
    return compare_story(story, members, anns, entities, find_reuse(members))


@dataclass(slots=True)
class Tally:
    right: Counter[str] = field(default_factory=Counter)
    stated: Counter[str] = field(default_factory=Counter)
    rule_right: Counter[str] = field(default_factory=Counter)
    all_equal: int = 0
    false_alarms: int = 0
    differing: int = 0
    shown: int = 0
    misses: list[str] = field(default_factory=list)


def score(incidents: Sequence[Incident], reports: Iterable[StoryComparison]) -> Tally:
    t = Tally()
    for inc, report in zip(incidents, reports, strict=True):
        for o in OUTCOMES:
            gold = inc.gold[o]
            if gold >= 1 and gold in inc.stated.get(o, set()):
                t.stated[o] += 1
                fig = main_figure(report, o)
                got = int(fig.number) if fig and fig.number is not None else None
                if got == gold:
                    t.right[o] += 1
                elif len(t.misses) < 15:
                    t.misses.append(
                        f"{inc.id} {o}: gold {gold}, story {fig.figure if fig else None}"
                    )
                if inc.rule_figure.get(o) == gold:
                    t.rule_right[o] += 1
        stated = {o: inc.stated.get(o, set()) for o in OUTCOMES}
        number_findings = [f for f in report.findings if f.kind == "number"
                           and f.slot.split()[0] in OUTCOMES]  # fmt: skip
        if all(s <= {inc.gold[o]} for o, s in stated.items()) and any(stated.values()):
            t.all_equal += 1
            if any(f.grade == "contradict" for f in number_findings):
                t.false_alarms += 1
        if any(len(s) > 1 for s in stated.values()):
            t.differing += 1
            if any(f.grade in ("update", "differs", "contradict") for f in number_findings):
                t.shown += 1
    return t


def share(n: int, d: int) -> float:
    return n / d if d else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N incidents only")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N incidents")
    parser.add_argument("--split", choices=("tune", "check", "all"), default="all")
    args = parser.parse_args()
    print(machine_line())
    t0 = time.perf_counter()
    incidents = load(args.data, args.split, args.limit, args.offset)
    articles = [a for inc in incidents for a in inc.articles]
    print(f"# {len(incidents)} incidents with 2+ articles, {len(articles)} articles "
          f"({args.split} split of {args.data.name})")  # fmt: skip
    annotations = annotations_for(
        articles, "gvc-" + args.data.name
    )  # shared with bench_cluster_gvc
    t1 = time.perf_counter()
    reports = [compare_incident(inc, annotations) for inc in incidents]
    t2 = time.perf_counter()
    t = score(incidents, reports)
    print(f"# clean+annotate {t1 - t0:.0f} s, cluster+compare {t2 - t1:.0f} s")
    print()
    print("| system | killed figure right | injured figure right |")
    print("|---|---|---|")
    for name, right in (("newsprism (whole pipeline)", t.right), ("rule baseline", t.rule_right)):
        print(f"| {name} | {share(right['killed'], t.stated['killed']):.3f} "
              f"({right['killed']}/{t.stated['killed']}) | "
              f"{share(right['injured'], t.stated['injured']):.3f} "
              f"({right['injured']}/{t.stated['injured']}) |")  # fmt: skip
    print()
    fa = share(t.false_alarms, t.all_equal)
    shown = share(t.shown, t.differing)
    print(
        f"false alarms: {fa:.3f} ({t.false_alarms}/{t.all_equal} incidents whose stated "
        "figures all equal the archive's have a killed/injured contradiction; goal <= 0.02)"
    )
    print(
        f"differences shown: {shown:.3f} ({t.shown}/{t.differing} incidents whose articles "
        "state different figures; goal >= 0.90)"
    )
    if t.misses:
        print("\nfirst misses:", *t.misses, sep="\n  ")
    print()
    print(
        f"figure-right killed {share(t.right['killed'], t.stated['killed']):.3f} "
        f"injured {share(t.right['injured'], t.stated['injured']):.3f} "
        f"false-alarms {fa:.3f} differences-shown {shown:.3f}"
    )


if __name__ == "__main__":
    sys.exit(main())
