"""Time expressions against TempEval-3 (TimeBank + AQUAINT): extent and value F1.

    python benchmarks/bench_dates.py [--data ../shared/bench/te3/dev.jsonl.gz] [--errors 30]

Each document is read by the language layer's date reader with the document creation
time as the publication date; each expression's first and last day are mapped to a
TIMEX3 value (``newsprism.language.timex``). Measures as TempEval-3 defines them: a
found expression matches a gold one when their extents overlap (relaxed) or are equal
(strict); value F1 counts the matches whose values are equal. The headline is value
F1 on DATE and TIME expressions (the goal is 0.80). A rule baseline runs beside it:
spaCy's DATE and TIME entities, valued only when they hold a four-digit year, "today"
or "now". Printed for the whole file and for our own tune/check split of documents.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import BENCH, machine_line, own_split, prf, read_jsonl

from newsprism.language.nlp import load_nlp
from newsprism.language.times import Anchor, extract_times
from newsprism.language.timex import timex_type, timex_value

PUBLISHED = "HeidelTime value F1 0.776 (relaxed 0.903, strict 0.813) on the TE-3 test set"
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass(slots=True)
class Score:
    gold: int = 0
    found: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    errors: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.found += other.found
        self.relaxed += other.relaxed
        self.strict += other.strict
        self.value += other.value
        self.errors += other.errors

    def line(self) -> str:
        _, _, rel = prf(self.relaxed, self.found, self.gold)
        _, _, strict = prf(self.strict, self.found, self.gold)
        vp, vr, val = prf(self.value, self.found, self.gold)
        return (
            f"value-F1 {val:.3f} (P {vp:.3f} R {vr:.3f})  relaxed-F1 {rel:.3f}  "
            f"strict-F1 {strict:.3f}  gold {self.gold} found {self.found}"
        )

    def figures(self) -> tuple[float, float, float]:
        return (
            prf(self.value, self.found, self.gold)[2],
            prf(self.relaxed, self.found, self.gold)[2],
            prf(self.strict, self.found, self.gold)[2],
        )


def score(gold: list[Timex], found: list[Timex], doc_id: str) -> Score:
    """TempEval-3 matching: each found expression takes the first unmatched gold one
    its extent overlaps."""
    s = Score(gold=len(gold), found=len(found))
    free = list(gold)
    for f in found:
        g = next((g for g in free if g.start < f.end and f.start < g.end), None)
        if g is None:
            s.errors.append((doc_id, f.text, None, f.value))
            continue
        free.remove(g)
        s.relaxed += 1
        s.strict += (g.start, g.end) == (f.start, f.end)
        if f.value is not None and f.value == g.value:
            s.value += 1
        else:
            s.errors.append((doc_id, f"{f.text} | gold: {g.text}", g.value, f.value))
    for g in free:
        s.errors.append((doc_id, g.text, g.value, None))
    return s


def newsprism_timexes(doc: object, dct: date) -> list[Timex]:
    out = []
    for t in extract_times(doc, Anchor(dct, "published")):  # type: ignore[arg-type]
        out.append(Timex(t.span[0], t.span[1], timex_type(t), timex_value(t), t.text))
    return out


def baseline_timexes(doc: object, dct: date) -> list[Timex]:
    """spaCy's DATE/TIME entities; a value only for a bare year, "today" or "now"."""
    import re

    out = []
    for ent in doc.ents:  # type: ignore[attr-defined]
        if ent.label_ not in ("DATE", "TIME"):
            continue
        text = ent.text
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
        value = None
        if year:
            value = year.group(1)
        elif text.lower() in ("today", "now"):
            value = dct.isoformat()
        out.append(Timex(ent.start_char, ent.end_char, ent.label_, value, text))
    return out


def _of_types(items: Iterable[Timex], types: tuple[str, ...]) -> list[Timex]:
    return [t for t in items if t.type in types]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(BENCH / "te3" / "dev.jsonl.gz"))
    ap.add_argument("--limit", type=int, default=0, help="read only the first N documents")
    ap.add_argument("--errors", type=int, default=0, help="print N value errors (tune split)")
    args = ap.parse_args()
    print(machine_line())
    nlp = load_nlp()
    groups = {"DATE+TIME": ("DATE", "TIME"), "all": TYPES, **{t: (t,) for t in TYPES}}
    ours: dict[tuple[str, str], Score] = {}
    base: dict[tuple[str, str], Score] = {}
    n_docs = 0
    for record in read_jsonl(args.data):
        if args.limit and n_docs >= args.limit:
            break
        n_docs += 1
        dct = date.fromisoformat(record["dct"][:10])
        doc = nlp(record["text"])
        gold = [
            Timex(g["start"], g["end"], g["type"], g["value"], g["text"]) for g in record["timexes"]
        ]
        split = own_split(record["id"])
        for system, table in (
            (newsprism_timexes(doc, dct), ours),
            (baseline_timexes(doc, dct), base),
        ):
            for name, types in groups.items():
                s = score(_of_types(gold, types), _of_types(system, types), record["id"])
                for key in ((name, "all"), (name, split)):
                    table.setdefault(key, Score()).add(s)
    print(f"# {n_docs} documents from {args.data}")
    print(f"# published: {PUBLISHED}")
    for name in groups:
        for split in ("all", "tune", "check"):
            if (name, split) not in ours:
                continue
            print(f"{name:9s} {split:5s} newsprism: {ours[name, split].line()}")
            print(f"{name:9s} {split:5s} baseline:  {base[name, split].line()}")
    if args.errors:
        errs = [e for e in ours["DATE+TIME", "tune"].errors]
        kinds = Counter("missed" if e[3] is None else "wrong" for e in errs)
        print(f"# DATE+TIME errors on tune: {dict(kinds)}")
        for doc_id, text, gold_value, value in errs[: args.errors]:
            print(f"  {doc_id}: {text!r} gold={gold_value} ours={value}")
    val, rel, strict = ours["DATE+TIME", "all"].figures()
    all_val = ours["all", "all"].figures()[0]
    bval = base["DATE+TIME", "all"].figures()[0]
    print(
        f"value-F1(DATE+TIME) {val:.3f} relaxed-F1 {rel:.3f} strict-F1 {strict:.3f} "
        f"value-F1(all) {all_val:.3f} baseline-value-F1(DATE+TIME) {bval:.3f}"
    )


if __name__ == "__main__":
    main()
