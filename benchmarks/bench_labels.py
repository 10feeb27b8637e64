"""Actor chains across outlets against NewsWCL50: CoNLL F1 (MUC, B-cubed, CEAF-e).

    python benchmarks/bench_labels.py [--data ../shared/bench/newswcl50/dev.jsonl.gz]
                                      [--chains entity|all] [--errors 20]

Per event, the five outlets' articles go through the language layer (names,
descriptions such as "the North Korean leader" and pronouns, each linked to an actor
in its article) and cross-article entity resolution. Each gold mention then takes the
entity of our mention at its head word (the last word of a name, else the span's
syntactic head); a gold mention we have no mention for is a chain of its own
(``newsprism``), or, in the combined line, joins the one entity of ours whose
mentions have the same head word ("Trump" where the model missed a name, "the
president" where another article joined it to Trump), else falls back to the
baseline's rule.
Scored on the gold mentions (as the published figures are): MUC, B-cubed and CEAF-e,
and CoNLL F1, their mean. The baseline, in the same run, joins mentions whose head
words share a lemma (Zhukova et al. 2022: 46.8 on all NewsWCL50 chains; the dataset
paper's method 45.7). Chains: ``actor`` (the default) keeps the chains of persons,
groups and countries; ``entity`` adds objects ("the memos"), ``all`` the event chains.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from datetime import datetime
from typing import Any

import numpy as np
from common import BENCH, machine_line, own_split, read_jsonl
from scipy.optimize import linear_sum_assignment

from newsprism.language import annotate, resolve_entities
from newsprism.language.nlp import load_nlp
from newsprism.model import Annotations, Article, Source

PUBLISHED = "same-lemma 0.468, Hamborg et al. 2019 0.457 (all chains, all 10 events)"

ACTOR_TYPES = frozenset({"ACTOR", "ACTOR-I", "COUNTRY", "GROUP"})
Clusters = list[set[int]]


def _clusters(labels: Sequence[Hashable]) -> Clusters:
    groups: dict[Hashable, set[int]] = defaultdict(set)
    for i, label in enumerate(labels):
        groups[label].add(i)
    return list(groups.values())


def muc(key: Clusters, response: Clusters) -> tuple[float, float]:
    def part(a: Clusters, b: Clusters) -> float:
        where = {m: j for j, c in enumerate(b) for m in c}
        num = sum(len(c) - len({where.get(m, ("single", m)) for m in c}) for c in a)
        den = sum(len(c) - 1 for c in a)
        return num / den if den else 0.0

    return part(key, response), part(response, key)  # recall, precision


def b3(key: Clusters, response: Clusters) -> tuple[float, float]:
    kw = {m: c for c in key for m in c}
    rw = {m: c for c in response for m in c}
    n = len(kw)
    recall = sum(len(kw[m] & rw[m]) / len(kw[m]) for m in kw) / n
    precision = sum(len(kw[m] & rw[m]) / len(rw[m]) for m in rw) / n
    return recall, precision


def ceafe(key: Clusters, response: Clusters) -> tuple[float, float]:
    sim = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key])
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    return total / len(key), total / len(response)


def _f(r: float, p: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def conll(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    key, response = _clusters(gold), _clusters(pred)
    out = {
        name: _f(*fn(key, response)) for name, fn in (("MUC", muc), ("B3", b3), ("CEAF-e", ceafe))
    }
    out["CoNLL"] = (out["MUC"] + out["B3"] + out["CEAF-e"]) / 3
    return out


def _head_token(doc: Any, start: int, end: int) -> Any:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    ents = [t for t in span if t.ent_type_ and t.pos_ == "PROPN"]
    return ents[-1] if ents else span.root


def _our_entity(ann: Annotations, start: int, end: int, head: Any) -> str | None:
    """The entity of our mention at the gold mention's head word, else of the one
    mention inside the gold span."""
    if head is not None:
        for m in ann.mentions:
            if m.entity and m.span[0] <= head.idx < m.span[1]:
                return m.entity
    inside = [m for m in ann.mentions if m.entity and start <= m.span[0] and m.span[1] <= end]
    return inside[-1].entity if len({m.entity for m in inside}) == 1 else None


def _entity_words(anns: dict[str, Annotations], docs: dict[str, Any]) -> dict[str, str]:
    """Head-word lemma -> our entity, for words that head mentions of one entity only
    ("Trump", "president" once the article joined "the president" to Trump)."""
    seen: dict[str, set[str]] = defaultdict(set)
    for art_id, ann in anns.items():
        for m in ann.mentions:
            head = _head_token(docs[art_id], m.span[0], m.span[1])
            if m.entity and head is not None:
                seen[head.lemma_.lower()].add(m.entity)
    return {word: next(iter(ents)) for word, ents in seen.items() if len(ents) == 1}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(BENCH / "newswcl50" / "dev.jsonl.gz"))
    ap.add_argument("--chains", default="actor", choices=("actor", "entity", "all"))
    ap.add_argument("--errors", type=int, default=0, help="print N mentions we miss")
    args = ap.parse_args()
    print(machine_line())
    nlp = load_nlp()
    rows: list[tuple[str, str, dict[str, dict[str, float]]]] = []
    pooled: dict[str, list[Any]] = defaultdict(list)
    misses: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for event in read_jsonl(args.data):
        eid = str(event["event_id"])
        articles = [
            Article(
                id=a["doc_id"],
                source=Source(a["doc_id"], "text"),
                raw_sha=a["doc_id"],
                part=0,
                text=a["text"],
                published=datetime(2018, 1, 1),
                outlet=a["outlet_name"],
            )
            for a in event["articles"]
        ]
        anns = {a.article: a for a in annotate(articles)}
        resolve_entities(articles, anns)
        for ann in anns.values():
            kinds.update(m.kind for m in ann.mentions)
        docs = {a.id: nlp(a.text) for a in articles}
        by_word = _entity_words(anns, docs)
        gold: list[str] = []
        ours: list[str] = []
        hybrid: list[str] = []
        lemma: list[str] = []
        for chain in event["chains"]:
            if args.chains != "all" and chain["kind"] != "entity":
                continue
            if args.chains == "actor" and chain["type"] not in ACTOR_TYPES:
                continue
            for i, m in enumerate(chain["mentions"]):
                doc = docs[m["article"]]
                head = _head_token(doc, m["start"], m["end"])
                lem = head.lemma_.lower() if head is not None else m["text"].lower()
                ent = _our_entity(anns[m["article"]], m["start"], m["end"], head)
                gold.append(chain["chain_id"])
                lemma.append("lemma:" + lem)
                ours.append(ent or f"single:{chain['chain_id']}:{i}")
                hybrid.append(ent or by_word.get(lem) or "lemma:" + lem)
                if ent is None:
                    misses[m["text"]] += 1
        scores = {
            "newsprism": conll(gold, ours),
            "newsprism+lemma": conll(gold, hybrid),
            "same-lemma": conll(gold, lemma),
        }
        rows.append((eid, own_split(eid), scores))
        for name, labels in (("gold", gold), ("ours", ours), ("hybrid", hybrid), ("lemma", lemma)):
            pooled[name] += [f"{eid}:{x}" for x in labels]
    print(f"# {len(rows)} events, chains: {args.chains}, from {args.data}")
    print(f"# published: {PUBLISHED}")
    print(f"# our mentions by kind: {dict(kinds)}")
    systems = ("newsprism", "newsprism+lemma", "same-lemma")
    for split in ("all", "tune", "check"):
        chosen = [s for _, sp, s in rows if split == "all" or sp == split]
        if not chosen:
            continue
        for system in systems:
            mean = {k: sum(s[system][k] for s in chosen) / len(chosen) for k in chosen[0][system]}
            print(
                f"{split:5s} ({len(chosen)} events) {system:16s} CoNLL-F1 {mean['CoNLL']:.3f} "
                f"(MUC {mean['MUC']:.3f} B3 {mean['B3']:.3f} CEAF-e {mean['CEAF-e']:.3f})"
            )
    for eid, split, s in rows:
        line = "  ".join(f"{name} {s[name]['CoNLL']:.3f}" for name in systems)
        print(f"  event {eid} ({split}): {line}")
    if args.errors:
        print("# gold mentions with no entity of ours, most frequent:")
        for text, n in misses.most_common(args.errors):
            print(f"  {n:3d} {text!r}")
    mean = {sys_: sum(s[sys_]["CoNLL"] for _, _, s in rows) / len(rows) for sys_ in systems}
    print(
        f"CoNLL-F1 {mean['newsprism']:.3f} with-lemma-fallback {mean['newsprism+lemma']:.3f} "
        f"baseline-same-lemma {mean['same-lemma']:.3f}"
    )


if __name__ == "__main__":
    main()
