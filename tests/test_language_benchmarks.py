"""Each language benchmark on a small fixed sample of its labelled set, with a floor a
little below the figure measured there, so a change that breaks a measured ability
fails CI. The sets are read from ../shared/bench (never copied); the measures are the
benchmark scripts' own functions. Sample figures when the floors were set (the whole
sets' figures are in the README): dates value F1 0.820 on the first 30 TempEval-3
documents; PolNeAR direct content F1 0.955 and named-speaker accuracy 0.69 (18/26) on
the first 12 dev articles; NewsWCL50 event 0 actor chains CoNLL F1 above 0.55; GVC
killed F1 0.586 on the first 40 incidents.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BENCH

pytestmark = pytest.mark.slow  # loads the spaCy model

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


def _records(path: Path, n: int, **where: str) -> Iterator[dict[str, Any]]:
    from common import read_jsonl

    chosen = (r for r in read_jsonl(path) if all(r.get(k) == v for k, v in where.items()))
    return islice(chosen, n)


def test_dates_on_tempeval_sample():
    import bench_dates as bd

    from newsprism.language.nlp import load_nlp

    nlp = load_nlp()
    ours, base = bd.Score(), bd.Score()
    for r in _records(BENCH / "te3" / "dev.jsonl.gz", 30):
        doc = nlp(r["text"])
        dct = date.fromisoformat(r["dct"][:10])
        gold = [bd.Timex(g["start"], g["end"], g["type"], g["value"]) for g in r["timexes"]]
        gold = bd._of_types(gold, ("DATE", "TIME"))
        ours.add(bd.score(gold, bd._of_types(bd.newsprism_timexes(doc, dct), ("DATE", "TIME")), ""))
        base.add(bd.score(gold, bd._of_types(bd.baseline_timexes(doc, dct), ("DATE", "TIME")), ""))
    value, relaxed, _ = ours.figures()
    assert value >= 0.78, ours.line()
    assert relaxed >= 0.90, ours.line()
    assert value > base.figures()[0] + 0.5


def test_quotes_on_polnear_sample():
    import bench_quotes as bq

    from newsprism.language.aliases import load_aliases
    from newsprism.language.nlp import load_nlp

    nlp, table = load_nlp(), load_aliases(None)
    direct, reported = bq.Tally(), bq.Tally()
    for r in _records(BENCH / "polnear" / "train-dev.jsonl.gz", 12, compartment="dev"):
        scored = bq.score(r["text"], bq.gold_of(r), bq.newsprism_quotes(nlp, table, r["text"]), "")
        direct.add(scored["direct"])
        reported.add(scored["reported"])
    assert direct.f1() >= 0.92, direct.line()
    assert direct.named_checked and direct.named_right / direct.named_checked >= 0.65
    assert reported.f1() >= 0.45, reported.line()


def test_actor_chains_on_one_newswcl50_event():
    import bench_labels as bl

    from newsprism.language import annotate, resolve_entities
    from newsprism.language.nlp import load_nlp
    from newsprism.model import Article, Source

    event = next(_records(BENCH / "newswcl50" / "dev.jsonl.gz", 1))
    arts = [
        Article(a["doc_id"], Source(a["doc_id"], "text"), a["doc_id"], 0, a["text"],
                published=datetime(2018, 1, 1))
        for a in event["articles"]
    ]  # fmt: skip
    anns = {a.article: a for a in annotate(arts)}
    resolve_entities(arts, anns)
    nlp = load_nlp()
    docs = {a.id: nlp(a.text) for a in arts}
    by_word = bl._entity_words(anns, docs)
    gold, ours, lemma = [], [], []
    for chain in event["chains"]:
        if chain["type"] not in bl.ACTOR_TYPES:
            continue
        for m in chain["mentions"]:
            head = bl._head_token(docs[m["article"]], m["start"], m["end"])
            lem = "lemma:" + (head.lemma_.lower() if head is not None else m["text"].lower())
            ent = bl._our_entity(anns[m["article"]], m["start"], m["end"], head)
            gold.append(chain["chain_id"])
            ours.append(ent or by_word.get(lem[6:]) or lem)
            lemma.append(lem)
    ours_f1, lemma_f1 = bl.conll(gold, ours)["CoNLL"], bl.conll(gold, lemma)["CoNLL"]
    assert ours_f1 >= 0.53, (ours_f1, lemma_f1)
    assert ours_f1 >= lemma_f1 - 0.02, (ours_f1, lemma_f1)


def test_casualties_on_gvc_sample():
    import bench_incidents as bi

    from newsprism.language import annotate
    from newsprism.model import Article, Source

    killed, base = bi.Counts(), bi.Counts()
    for incident in _records(BENCH / "gvc" / "dev.jsonl.gz", 40):
        arts = [
            Article(str(a["id"]), Source(str(a["id"]), "text"), str(a["id"]), 0, a["text"],
                    published=bi._published(a.get("published")))
            for a in incident["articles"]
            if (a.get("text") or "").strip()
        ]  # fmt: skip
        for art, ann in zip(arts, annotate(arts), strict=True):
            killed.add(bi.ours(ann, "killed"), int(incident["gold"]["killed"]))
            base.add(bi.baseline(art.text, "killed"), int(incident["gold"]["killed"]))
    assert killed.f1() >= 0.52, killed.line()
    assert killed.f1() > base.f1(), (killed.line(), base.line())
