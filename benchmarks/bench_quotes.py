"""Quotes, reported speech and their speakers against PolNeAR (who said what).

    python benchmarks/bench_quotes.py [--data ../shared/bench/polnear/train-dev.jsonl.gz]
                                      [--compartment dev|train|all] [--errors 20]

Each article goes through the language layer's mention and quote readers (one spaCy
parse). Two kinds are scored apart, as the corpus marks them: direct quotes (gold
content opens and closes with a quotation mark; ours are the words between marks) and
reported speech (everything else; ours are ``kind == "indirect"``).

* Content F1 is token overlap (``\\w+`` runs): recall is the share of gold content
  tokens of that kind covered by our quotes of that kind; precision is the share of
  our tokens that lie inside some gold attribution's content (a quoted fragment inside
  a reported clause is rightly found attributed speech).
* Speaker accuracy is over our quotes that overlap a gold attribution of the kind and
  whose gold attribution names a speaker: right when our speaker span overlaps the
  gold speaker span, or names the same person (same surname, or the same words).

A rule baseline runs beside it: quotation-mark pairs in a paragraph plus the nearest
"said"/"says" and the capitalised words before it (or after it); reported speech is
"X said (that) ..." to the end of the sentence. PolNeAR publishes no extractor score
(annotator agreement 92.3 % on attribution). Goals on dev: direct content F1 >= 0.90,
direct speaker accuracy >= 0.85.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import BENCH, machine_line, own_split, read_jsonl

from newsprism.language.aliases import load_aliases
from newsprism.language.mentions import extract_mentions
from newsprism.language.names import name_tokens
from newsprism.language.nlp import load_nlp
from newsprism.language.quotes import extract_quotes
from newsprism.language.speech import SPEECH_FORMS

PUBLISHED = "no published extractor score; annotator agreement on attribution 92.3 %"
WORD = re.compile(r"\w+")
KINDS = ("direct", "reported")


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # "direct" or "reported"
    content: tuple[tuple[int, int], ...]
    speaker: tuple[int, int] | None
    speaker_text: str | None


@dataclass(frozen=True, slots=True)
class Gold:
    kind: str
    content: tuple[tuple[int, int], ...]
    speakers: tuple[tuple[int, int, str], ...]
    referent: str | None = None  # for a pronoun speaker: the last named gold speaker before


@dataclass(slots=True)
class Tally:
    gold_tokens: int = 0
    found_tokens: int = 0
    found_in_gold: int = 0
    gold_covered: int = 0
    speaker_checked: int = 0
    speaker_right: int = 0
    named_checked: int = 0  # of those, the gold speaker is a name (not a pronoun or role)
    named_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, o: Tally) -> None:
        for name in (
            "gold_tokens",
            "found_tokens",
            "found_in_gold",
            "gold_covered",
            "speaker_checked",
            "speaker_right",
            "named_checked",
            "named_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(o, name))
        self.errors += o.errors

    def f1(self) -> float:
        p = self.found_in_gold / self.found_tokens if self.found_tokens else 0.0
        r = self.gold_covered / self.gold_tokens if self.gold_tokens else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self) -> float:
        return self.speaker_right / self.speaker_checked if self.speaker_checked else 0.0

    def line(self) -> str:
        p = self.found_in_gold / self.found_tokens if self.found_tokens else 0.0
        r = self.gold_covered / self.gold_tokens if self.gold_tokens else 0.0
        named = self.named_right / self.named_checked if self.named_checked else 0.0
        return (
            f"content-F1 {self.f1():.3f} (P {p:.3f} R {r:.3f})  speaker-acc "
            f"{self.accuracy():.3f} ({self.speaker_right}/{self.speaker_checked}), "
            f"named gold speakers {named:.3f} ({self.named_right}/{self.named_checked})"
        )


def tokens(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(m.start() + s for m in WORD.finditer(text[s:e]))
    return out


_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "who"})


def gold_of(record: dict[str, Any]) -> list[Gold]:
    """Gold attributions; a pronoun speaker ("she") gets as referent the nearest named
    gold speaker before it (PolNeAR has no coreference), so that our naming the person
    the pronoun stands for can be checked without trusting our own resolution."""
    out = []
    named: list[tuple[int, str]] = []
    rows = sorted(
        record["attributions"],
        key=lambda a: min([s["start"] for s in a.get("source") or []] or [10**9]),
    )
    for a in rows:
        for s in a.get("source") or []:
            if s["text"].strip().lower() not in _PRONOUNS:
                named.append((s["start"], s["text"]))
    named.sort()
    for a in record["attributions"]:
        content = tuple((c["start"], c["end"]) for c in a.get("content") or [])
        if not content:
            continue
        speakers = tuple(
            (s["start"], s["end"], s["text"])
            for s in (a.get("source") or a.get("speaker") or [])
            if s["text"].strip().lower() not in SPEECH_FORMS  # a few sources are the cue itself
        )
        referent = None
        if speakers and (
            all(sp[2].strip().lower() in _PRONOUNS for sp in speakers)
            or _descriptive(Gold("", (), speakers))
        ):
            before = [text for start, text in named if start < speakers[0][0]]
            referent = before[-1] if before else None
        kind = "direct" if a.get("is_direct_quote") else "reported"
        out.append(Gold(kind, content, speakers, referent))
    return out


def newsprism_quotes(nlp: Any, table: Any, text: str) -> list[Found]:
    doc = nlp(text)
    mentions = extract_mentions(doc, table)
    out = []
    for q in extract_quotes(doc, mentions):
        kind = "reported" if q.kind == "indirect" else "direct"
        out.append(Found(kind, (q.span,), q.speaker_span, q.speaker))
    return out


_MARKS = re.compile(r"[\"“”]")
_SAID = re.compile(r"\b(?:said|says)\b")
_BEFORE = re.compile(r"((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*|\b[Hh]e|\b[Ss]he|\b[Tt]hey)\s+$")
_AFTER = re.compile(r"^\s+((?:[A-Z][\w.'-]*)(?:\s+[A-Z][\w.'-]*){0,3})")


def baseline_quotes(text: str) -> list[Found]:
    """Quotation-mark pairs and the nearest "said" subject; "X said (that) ..." clauses."""
    out: list[Found] = []
    for para_start, para in _paragraphs(text):
        marks = [m.start() + para_start for m in _MARKS.finditer(para)]
        taken: list[tuple[int, int]] = []
        for open_at, close_at in zip(marks[::2], marks[1::2], strict=False):
            speaker = _nearest_said(text, open_at, close_at, para_start, para_start + len(para))
            out.append(Found("direct", ((open_at + 1, close_at),), *speaker))
            taken.append((open_at, close_at))
        for sent in re.finditer(r"[^.!?]+[.!?]?", para):
            s, e = sent.start() + para_start, sent.end() + para_start
            if any(a < e and s < b for a, b in taken):
                continue
            said = _SAID.search(text, s, e)
            if said is None:
                continue
            before = _BEFORE.search(text[s : said.start()])
            if before is None:
                continue
            start = said.end()
            if text[start : start + 6] == " that ":
                start += 6
            end = e - 1 if text[e - 1 : e] in ".!?" else e
            if end - start > 10:
                sp = (s + before.start(1), s + before.end(1))
                out.append(Found("reported", ((start, end),), sp, text[sp[0] : sp[1]]))
    return out


def _paragraphs(text: str) -> Iterable[tuple[int, str]]:
    pos = 0
    for para in text.split("\n"):
        yield pos, para
        pos += len(para) + 1


def _nearest_said(
    text: str, open_at: int, close_at: int, lo: int, hi: int
) -> tuple[tuple[int, int] | None, str | None]:
    cands = [m for m in _SAID.finditer(text, lo, hi) if not open_at <= m.start() <= close_at]
    if not cands:
        return None, None
    said = min(cands, key=lambda m: min(abs(m.start() - close_at), abs(m.start() - open_at)))
    before = _BEFORE.search(text[max(lo, said.start() - 60) : said.start()])
    if before is not None:
        base = max(lo, said.start() - 60)
        return (base + before.start(1), base + before.end(1)), before.group(1)
    after = _AFTER.match(text[said.end() : said.end() + 60])
    if after is not None:
        s = said.end() + after.start(1)
        return (s, s + len(after.group(1))), after.group(1)
    return None, None


def score(text: str, gold: Sequence[Gold], found: Sequence[Found], doc_id: str) -> dict[str, Tally]:
    all_gold = tokens(text, [c for g in gold for c in g.content])
    out: dict[str, Tally] = {}
    for kind in KINDS:
        t = Tally()
        g_kind = [g for g in gold if g.kind == kind]
        f_kind = [f for f in found if f.kind == kind]
        g_tok = tokens(text, [c for g in g_kind for c in g.content])
        f_tok = tokens(text, [c for f in f_kind for c in f.content])
        t.gold_tokens, t.found_tokens = len(g_tok), len(f_tok)
        t.found_in_gold, t.gold_covered = len(f_tok & all_gold), len(g_tok & f_tok)
        for f in f_kind:
            ft = tokens(text, f.content)
            best = max(g_kind, key=lambda g: len(ft & tokens(text, g.content)), default=None)
            if best is None or not ft & tokens(text, best.content) or not best.speakers:
                continue
            t.speaker_checked += 1
            named = best.referent is None and not _descriptive(best)
            t.named_checked += named
            if _same_speaker(text, f, best):
                t.speaker_right += 1
                t.named_right += named
            else:
                where = text[f.content[0][0] : f.content[0][0] + 50].replace("\n", " ")
                t.errors.append(
                    f"{doc_id}: {where!r}... ours={f.speaker_text!r} "
                    f"gold={[s[2] for s in best.speakers]}"
                )
        out[kind] = t
    return out


def _descriptive(g: Gold) -> bool:
    """A gold speaker written as a role or description ("the mayor", "a doctor")."""
    first = g.speakers[0][2].split()[:1] if g.speakers else []
    return bool(first) and first[0].lower() in ("the", "a", "an", "one", "this", "that")


def _same_speaker(text: str, f: Found, g: Gold) -> bool:
    if f.speaker is None:
        return False
    if any(f.speaker[0] < e and s < f.speaker[1] for s, e, _ in g.speakers):
        return True
    ours = name_tokens(f.speaker_text or "")
    names = [words for _, _, words in g.speakers] + ([g.referent] if g.referent else [])
    for words in names:
        theirs = name_tokens(words)
        if ours and theirs and (ours[-1] == theirs[-1] or ours == theirs):
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(BENCH / "polnear" / "train-dev.jsonl.gz"))
    ap.add_argument("--compartment", default="dev", choices=("dev", "train", "all"))
    ap.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print N speaker errors (tune split)")
    args = ap.parse_args()
    print(machine_line())
    nlp = load_nlp()
    table = load_aliases(None)
    ours: dict[tuple[str, str], Tally] = {}
    base: dict[tuple[str, str], Tally] = {}
    n = 0
    for record in read_jsonl(args.data):
        compartment = record.get("compartment", "dev")
        if args.compartment != "all" and compartment != args.compartment:
            continue
        if args.limit and n >= args.limit:
            break
        n += 1
        text = record["text"]
        gold = gold_of(record)
        split = own_split(record["id"])
        for system, table_ in (
            (newsprism_quotes(nlp, table, text), ours),
            (baseline_quotes(text), base),
        ):
            for kind, tally in score(text, gold, system, record["id"]).items():
                for key in ((kind, "all"), (kind, split)):
                    table_.setdefault(key, Tally()).add(tally)
    print(f"# {n} articles ({args.compartment}) from {args.data}")
    print(f"# published: {PUBLISHED}")
    for kind in KINDS:
        for split in ("all", "tune", "check"):
            if (kind, split) in ours:
                print(f"{kind:8s} {split:5s} newsprism: {ours[kind, split].line()}")
                print(f"{kind:8s} {split:5s} baseline:  {base[kind, split].line()}")
    if args.errors:
        for kind in KINDS:
            for err in ours.get((kind, "tune"), Tally()).errors[: args.errors]:
                print(f"  {kind}: {err}")
    d, r = ours["direct", "all"], ours["reported", "all"]
    bd, br = base["direct", "all"], base["reported", "all"]
    print(
        f"direct-content-F1 {d.f1():.3f} direct-speaker-acc {d.accuracy():.3f} "
        f"reported-content-F1 {r.f1():.3f} reported-speaker-acc {r.accuracy():.3f} "
        f"baseline-direct-F1 {bd.f1():.3f} baseline-direct-speaker {bd.accuracy():.3f} "
        f"baseline-reported-F1 {br.f1():.3f}"
    )


if __name__ == "__main__":
    main()
