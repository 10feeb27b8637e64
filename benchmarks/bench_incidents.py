"""Casualty figures, place and date of gun-violence incidents against the GVC archive.

    python benchmarks/bench_incidents.py [--data ../shared/bench/gvc/dev.jsonl.gz]
                                         [--limit N] [--errors 20]

Every article goes through the language layer (``annotate``). Per article, our "N
killed" is the first count whose outcome is "killed" and that is not a part of
another count ("two of the victims"); likewise "N injured" (news states the toll
first; later figures on a scraped page are often other stories). A figure is right when it
equals the archive's final count for the incident. Precision is over the articles we
give a figure for, recall over the articles whose incident has at least one person
killed (injured). The archive's counts are final, so an article written the same night
may rightly report fewer: the ceiling is below 1.0. The baseline, in the same run, is a
regular expression: the first "<number> (people|persons|...) (were) killed|dead|..."
of the text.

Place and date per incident: the place is the one our casualty figures are attached
to most often (``Quantity.place``), else the most named place of its articles; the date
is the most common single day our date reader resolves in the sentences that report
the casualties, else in the article's first three sentences. Each is compared with the
archive's city and date; the share right is printed. No published figure exists for
per-article casualty extraction on this data.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from common import BENCH, machine_line, own_split, read_jsonl

from newsprism.language import annotate
from newsprism.lexicon import NUMBER_WORDS
from newsprism.model import Annotations, Article, Source

OUTCOMES = ("killed", "injured")
_NUM = r"(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_BASELINE = {
    "killed": re.compile(
        _NUM + r"\s+(?:\w+\s+){0,2}?(?:were|was|are|is)?\s*(?:killed|dead|died|slain)", re.I
    ),
    "injured": re.compile(
        _NUM + r"\s+(?:\w+\s+){0,2}?(?:were|was|are|is)?\s*(?:injured|wounded|hurt|hospitalized)",
        re.I,
    ),
}


@dataclass(slots=True)
class Counts:
    predicted: int = 0
    right: int = 0
    gold: int = 0
    found_of_gold: int = 0  # right predictions on articles whose gold count is > 0

    def add(self, pred: int | None, gold: int) -> None:
        if gold > 0:
            self.gold += 1
        if pred is None:
            return
        self.predicted += 1
        if pred == gold:
            self.right += 1
            if gold > 0:
                self.found_of_gold += 1

    def line(self) -> str:
        p = self.right / self.predicted if self.predicted else 0.0
        r = self.found_of_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        counts = f"{self.right}/{self.predicted} right, gold {self.gold}"
        return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({counts})"

    def f1(self) -> float:
        p = self.right / self.predicted if self.predicted else 0.0
        r = self.found_of_gold / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def ours(ann: Annotations, outcome: str) -> int | None:
    values = [
        int(q.value)
        for q in ann.quantities
        if q.kind == "count"
        and q.outcome == outcome
        and not q.part_of
        and q.value is not None
        and q.value == int(q.value)
        and q.value < 1000
    ]
    return values[0] if values else None


def baseline(text: str, outcome: str) -> int | None:
    match = _BASELINE[outcome].search(text)
    if match is None:
        return None
    word = match.group(1).lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _published(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def incident_place(anns: Sequence[Annotations]) -> str | None:
    places = Counter(
        q.place for a in anns for q in a.quantities if q.outcome and q.place and q.kind == "count"
    )
    if not places:
        places = Counter(m.text for a in anns for m in a.mentions if m.label == "GPE")
    return places.most_common(1)[0][0] if places else None


def incident_date(anns: Sequence[Annotations]) -> date | None:
    days: Counter[date] = Counter()
    for a in anns:
        casualty_sents = {q.sentence for q in a.quantities if q.outcome and q.kind == "count"}
        first = {s.span for s in a.sentences[:3]}
        for t in a.times:
            if t.start is None or t.start != t.end:
                continue
            if t.sentence in casualty_sents or t.sentence in first:
                days[t.start] += 1
    return days.most_common(1)[0][0] if days else None


def same_place(ours_: str | None, city: str) -> bool:
    if not ours_ or not city:
        return False
    a, b = ours_.lower().strip(), city.lower().strip()
    return a == b or a.startswith(b + ",") or b in a.split(", ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(BENCH / "gvc" / "dev.jsonl.gz"))
    ap.add_argument("--limit", type=int, default=0, help="read only the first N incidents")
    ap.add_argument("--errors", type=int, default=0, help="print N wrong article figures")
    args = ap.parse_args()
    print(machine_line())
    table: dict[tuple[str, str, str], Counts] = {}
    place_right: Counter[str] = Counter()
    date_right: Counter[str] = Counter()
    both_right: Counter[str] = Counter()
    n_incidents: Counter[str] = Counter()
    errors: list[str] = []
    n = 0
    for incident in read_jsonl(args.data):
        if args.limit and n >= args.limit:
            break
        n += 1
        gold = incident["gold"]
        # the set's own split already used sha1(id) % 100, so ours hashes a prefixed id
        split = own_split("gvc:" + str(incident["incident"]))
        articles = [
            Article(
                id=str(a["id"]),
                source=Source(str(a["id"]), "text"),
                raw_sha=str(a["id"]),
                part=0,
                text=a.get("text") or "",
                title=a.get("title"),
                published=_published(a.get("published")),
            )
            for a in incident["articles"]
            if (a.get("text") or "").strip()
        ]
        anns = list(annotate(articles))
        for article, ann in zip(articles, anns, strict=True):
            for outcome in OUTCOMES:
                g = int(gold[outcome])
                mine, base = ours(ann, outcome), baseline(article.text, outcome)
                for key_split in ("all", split):
                    table.setdefault(("newsprism", outcome, key_split), Counts()).add(mine, g)
                    table.setdefault(("baseline", outcome, key_split), Counts()).add(base, g)
                if mine is not None and mine != g and split == "tune":
                    errors.append(f"{article.id} {outcome}: ours {mine} gold {g}")
        place_ok = same_place(incident_place(anns), gold.get("city") or "")
        day = incident_date(anns)
        date_ok = day is not None and day.isoformat() == gold.get("date")
        for key_split in ("all", split):
            n_incidents[key_split] += 1
            place_right[key_split] += place_ok
            date_right[key_split] += date_ok
            both_right[key_split] += place_ok and date_ok
    print(f"# {n} incidents from {args.data}")
    print("# published: none for per-article casualty extraction on this data")
    for outcome in OUTCOMES:
        for split in ("all", "tune", "check"):
            for system in ("newsprism", "baseline"):
                counts = table.get((system, outcome, split))
                if counts is not None:
                    print(f"{outcome:8s} {split:5s} {system:9s}: {counts.line()}")
    for split in ("all", "tune", "check"):
        total = n_incidents[split] or 1
        print(
            f"place/date {split:5s}: place right {place_right[split] / total:.3f}  date right "
            f"{date_right[split] / total:.3f}  both {both_right[split] / total:.3f}  "
            f"({n_incidents[split]} incidents)"
        )
    for line in errors[: args.errors]:
        print(f"  {line}")
    k, i = table["newsprism", "killed", "all"], table["newsprism", "injured", "all"]
    bk, bi = table["baseline", "killed", "all"], table["baseline", "injured", "all"]
    total = n_incidents["all"] or 1
    print(
        f"killed-F1 {k.f1():.3f} injured-F1 {i.f1():.3f} baseline-killed-F1 {bk.f1():.3f} "
        f"baseline-injured-F1 {bi.f1():.3f} place-right {place_right['all'] / total:.3f} "
        f"date-right {date_right['all'] / total:.3f}"
    )


if __name__ == "__main__":
    main()
