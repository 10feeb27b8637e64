"""The project's first measure: the whole ``analyze`` on real multi-outlet coverage.

Each folder of ``../shared/bench/pages`` is one real event: 16 outlets' pages in up
to six languages, and three pages of other events that share its keywords. The pages
(and their ``.meta.json`` sidecars, never the gold files) are copied to a scratch
folder and analysed as a user would analyse them; the stored articles and the story
reports are then scored against ``gold.json`` (``pages_gold.py`` holds the checks).

Two baselines run on the same pages in the same run, so the figure shows what
newsprism adds:

- grouping: TF-IDF over each page's raw text and average-link clustering over all
  pages of a corpus, its cut fixed on the tune half (the cut that passes the most tune
  corpora, then the best mean event recall minus noise);
- tolls: a regular expression for "N killed / dead / injured / missing" and their
  equivalents in the corpora's languages, the majority over the gold event pages (it
  is given the right pages, which newsprism is not).

    python benchmarks/bench_pages.py                     # all eight corpora
    python benchmarks/bench_pages.py --data DIR          # one folder of the same shape
    python benchmarks/bench_pages.py --report out/pages  # also keep each corpus's reports
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine_line
from pages_gold import (
    PAGES,
    CorpusScore,
    half_of,
    load_gold,
    majority,
    page_files,
    score_corpus,
    stem_of,
)

# --------------------------------------------------------------------------- newsprism


@dataclass(slots=True)
class Run:
    score: CorpusScore
    seconds: float
    texts: dict[str, str]  # page stem -> raw page text (for the baselines)


def analyse_corpus(folder: Path, report_dir: Path | None, gold_groups: bool = False) -> Run:
    """Copy the pages to a scratch folder, run ``analyze`` there, score it.

    With ``gold_groups`` the stories newsprism found are replaced by the gold grouping
    (the event's pages in one story, each other page alone) before the comparison, so
    the later stages are measured apart from the grouping."""
    from newsprism.pipeline import analyze
    from newsprism.store import open_store

    gold = load_gold(folder)
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        pages = Path(tmp) / folder.name
        pages.mkdir()
        for path in page_files(folder):
            shutil.copyfile(path, pages / path.name)
        out = report_dir / folder.name if report_dir else Path(tmp) / "out"
        if out.exists():
            shutil.rmtree(out)
        start = time.perf_counter()
        with open_store(Path(tmp) / "pages.db") as store:
            if gold_groups:
                analyze_with_gold_groups(pages, store, out, gold)
            else:
                analyze([pages], store, out)
            seconds = time.perf_counter() - start
            articles = list(store.articles())
            page_of = {a.id: stem_of(a.source.path) for a in articles}
            language = {page_of[a.id]: a.language for a in sorted(articles, key=lambda a: -a.part)}
            stories = {s.id: list(s.articles) for s in store.stories()}
            reports = {r.id: _as_json(r) for r in store.reports()}
            reuse = [(p.a, p.b) for p in store.reuse_pairs()]
        texts = {
            p.stem: p.read_text(encoding="utf-8", errors="replace") for p in pages.glob("*.txt")
        }
    score = score_corpus(folder.name, gold, page_of, language, stories, reports, reuse)
    return Run(score, seconds, texts)


def analyze_with_gold_groups(pages: Path, store: Any, out: Path, gold: Mapping[str, Any]) -> None:
    """``analyze`` with the gold stories put in place of the clustering's."""
    from newsprism.model import Story
    from newsprism.pipeline import (
        annotate_store,
        borrow_story_dates,
        cluster_store,
        compare_store,
        ingest,
    )
    from newsprism.report import write_reports
    from newsprism.settings import Options
    from newsprism.stories.clustering import story_id

    options = Options()
    ingest([pages], store, options)
    annotate_store(store, options)
    cluster_store(store, options)
    articles = list(store.articles())
    event = [
        a.id
        for a in articles
        if gold["pages"].get(stem_of(a.source.path), {}).get("role") == "event"
    ]
    groups = [event] + [[a.id] for a in articles if a.id not in set(event)]
    stories = [Story(story_id(g), "", sorted(g)) for g in groups if g]
    store.put_stories(stories)
    borrow_story_dates(store, stories, articles)
    compare_store(store, options)
    write_reports(store, out)


def _as_json(report: Any) -> dict[str, Any]:
    from newsprism.model import to_dict

    data: dict[str, Any] = to_dict(report)
    return data


# --------------------------------------------------------------------------- baselines


def tfidf_groups(texts: Mapping[str, str], cut: float) -> list[set[str]]:
    """TF-IDF (words, sublinear) and average link on cosine distance, cut at ``cut``."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.feature_extraction.text import TfidfVectorizer

    names = sorted(texts)
    matrix = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform([texts[n] for n in names])
    dense = matrix.toarray()
    dist = np.clip(1.0 - dense @ dense.T, 0.0, 2.0)
    condensed = dist[np.triu_indices(len(names), 1)]
    labels = fcluster(linkage(condensed, method="average"), t=1.0 - cut, criterion="distance")
    groups: dict[int, set[str]] = {}
    for name, label in zip(names, labels, strict=True):
        groups.setdefault(int(label), set()).add(name)
    return list(groups.values())


def grouping_outcome(gold: Mapping[str, Any], groups: Sequence[set[str]]) -> tuple[bool, float]:
    """(passes the grouping checks, event recall minus noise share) for one grouping."""
    event = {p for p, g in gold["pages"].items() if g["role"] == "event"}
    noise = {p for p, g in gold["pages"].items() if g["role"] == "noise"}
    main = max(groups, key=lambda g: (len(g & event), -len(g & noise)))
    got, stray = len(main & event), len(main & noise)
    ok = got >= int(gold.get("min_event", len(event))) and not stray
    return ok, got / len(event) - stray / max(1, len(noise))


def fit_tfidf_cut(corpora: Mapping[str, tuple[Mapping[str, Any], Mapping[str, str]]]) -> float:
    """The cut that passes the most tune corpora (ties: best mean recall minus noise)."""
    best = (-1.0, -1.0, 0.0)
    for cut in np.arange(0.02, 0.61, 0.02):
        outcomes = [
            grouping_outcome(gold, tfidf_groups(texts, float(cut)))
            for name, (gold, texts) in corpora.items()
            if half_of(name) == "tune"
        ]
        if not outcomes:
            continue
        key = (
            float(sum(ok for ok, _ in outcomes)),
            float(np.mean([s for _, s in outcomes])),
            float(cut),
        )
        if key[:2] > best[:2]:
            best = key
    return best[2] if best[0] >= 0 else 0.2


NUMBER = r"(\d{1,3}(?:[,.\u202f ]\d{3})+|\d+)"
OUTCOME_WORDS = {
    "killed": (
        r"killed|dead|deaths|died|fatalities|lives|muertos|fallecidos|muertes|víctimas mortales|"
        r"morts|décès|tués|Tote|Toten|Todesopfer|mortos|mortes|óbitos|tewas|meninggal|"
        r"قتيلا|قتيل|وفاة|ölü|hayatını kaybetti"
    ),
    "injured": (
        r"injured|wounded|hurt|heridos|lesionados|blessés|Verletzte|Verletzten|feridos|"
        r"luka|terluka|جريحا|جريح|مصابا|yaralı"
    ),
    "missing": (
        r"missing|unaccounted|desaparecidos|disparus|vermisst|Vermisste|desaparecidas|"
        r"hilang|مفقودا|مفقود|kayıp"
    ),
}


def regex_figures(text: str) -> dict[str, float]:
    """The first "N <outcome word>" (within three words) of a page, per outcome."""
    out: dict[str, float] = {}
    for outcome, words in OUTCOME_WORDS.items():
        rx = re.compile(NUMBER + r"(?:\s+\S+){0,3}?\s+(?:" + words + r")\b", re.IGNORECASE)
        match = rx.search(text)
        if match:
            out[outcome] = float(re.sub(r"[,.\u202f ]", "", match.group(1)))
    return out


def regex_tolls(gold: Mapping[str, Any], texts: Mapping[str, str]) -> dict[str, float | None]:
    event = [p for p, g in gold["pages"].items() if g["role"] == "event" and p in texts]
    per_page = [regex_figures(texts[p]) for p in event]
    return {
        outcome: majority(f[outcome] for f in per_page if outcome in f)
        for outcome in gold.get("tolls", {})
    }


# --------------------------------------------------------------------------- printing


def print_corpus(run: Run, verbose: bool) -> None:
    s = run.score
    print(
        f"{s.corpus:34} {s.half:5} {s.passed:3}/{len(s.checks):<3} "
        f"event {s.event_in_story:2}/{s.event_pages:<2} noise {s.noise_in_story} "
        f"({run.seconds:.0f} s)"
    )
    for check in s.checks:
        if verbose or not check.passed:
            mark = "pass" if check.passed else "FAIL"
            print(f"    {mark}  {check.name}: {check.detail}")


def print_totals(
    runs: Sequence[Run],
    baseline_groups: Mapping[str, bool],
    baseline_tolls: Mapping[str, tuple[int, int]],
) -> None:
    print()
    print(f"{'half':6} {'checks':>10} {'grouping':>9} {'tolls':>8}   baseline: grouping tolls")
    for half in ("tune", "check", "all"):
        chosen = [r for r in runs if half == "all" or r.score.half == half]
        if not chosen:
            continue
        passed = sum(r.score.passed for r in chosen)
        total = sum(len(r.score.checks) for r in chosen)
        grouping = sum(_grouping_ok(r.score) for r in chosen)
        tolls = [c for r in chosen for c in r.score.checks if c.name.startswith("toll ")]
        base_g = sum(baseline_groups[r.score.corpus] for r in chosen)
        base_t = [baseline_tolls[r.score.corpus] for r in chosen]
        print(
            f"{half:6} {passed:4}/{total:<5} {grouping:4}/{len(chosen):<4} "
            f"{sum(c.passed for c in tolls):3}/{len(tolls):<4}   "
            f"{base_g:8}/{len(chosen):<4} {sum(b[0] for b in base_t):3}/{sum(b[1] for b in base_t)}"
        )


def _grouping_ok(score: CorpusScore) -> bool:
    return all(c.passed for c in score.checks if c.name in ("one story", "no other event"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="one folder of pages with a gold.json")
    parser.add_argument(
        "--report", type=Path, help="keep each corpus's reports under DIR/<corpus>/"
    )
    parser.add_argument(
        "--gold-groups",
        action="store_true",
        help="compare the gold stories instead of the ones found (measures the later stages alone)",
    )
    parser.add_argument("--verbose", action="store_true", help="print passed checks too")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(machine_line())
    folders = (
        [args.data]
        if args.data
        else sorted(p for p in PAGES.iterdir() if (p / "gold.json").exists())
    )
    runs = []
    for folder in folders:
        run = analyse_corpus(folder, args.report, args.gold_groups)
        print_corpus(run, args.verbose)
        runs.append(run)

    corpora = {r.score.corpus: (load_gold(f), r.texts) for r, f in zip(runs, folders, strict=True)}
    everything = {f.name: (load_gold(f), r.texts) for r, f in zip(runs, folders, strict=True)}
    cut = fit_tfidf_cut(everything if any(half_of(n) == "tune" for n in everything) else corpora)
    baseline_groups = {
        n: grouping_outcome(g, tfidf_groups(t, cut))[0] for n, (g, t) in corpora.items()
    }
    baseline_tolls: dict[str, tuple[int, int]] = {}
    for name, (gold, texts) in corpora.items():
        found = regex_tolls(gold, texts)
        wanted = gold.get("tolls", {})
        baseline_tolls[name] = (
            sum(
                found.get(o) is not None and float(found[o] or 0) == float(v)
                for o, v in wanted.items()
            ),
            len(wanted),
        )
    print(f"\nbaseline grouping: TF-IDF + average link, cut {cut:.2f} fitted on the tune half")
    print_totals(runs, baseline_groups, baseline_tolls)
    if args.report:
        print(f"\nreports: {args.report}/<corpus>/report.md")


if __name__ == "__main__":
    main()
