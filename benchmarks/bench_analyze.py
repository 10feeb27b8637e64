"""The whole ``analyze`` run, stage by stage: where the time goes, against annotation.

Two corpora, written as JSON Lines into a temporary folder and analysed into a fresh
SQLite store (``pipeline.analyze``, as ``newsprism analyze`` runs it):

- ``synthetic``: ``--articles`` short articles (about 100 words: the lead paragraph of
  ``synthetic.generate``'s invented events, several outlets each);
- ``gvc``: the GVC development pages (``../shared/bench/gvc``), each with its title, URL
  and publication date, as a user would feed them.

Prints each stage's wall time, the whole run over the annotate stage (goal: at most
2.0x), and the stories found. ``--n-process`` sets the language stage's spaCy
processes, so the speed-up of the second core can be measured. Timings are wall clock
on a shared machine: compare rows of one run, not runs.

    python benchmarks/bench_analyze.py [--corpus synthetic|gvc] [--articles 1500]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from common import BENCH, machine_line, read_jsonl
from synthetic import generate

from newsprism.pipeline import analyze
from newsprism.settings import Options
from newsprism.store import open_store

GOAL = 2.0
LEAD_WORDS = 100


def _lead(text: str, words: int = LEAD_WORDS) -> str:
    """Whole sentences up to about ``words`` words: a short news item."""
    out: list[str] = []
    count = 0
    for sentence in text.replace("\n\n", " ").split(". "):
        out.append(sentence.rstrip("."))
        count += len(sentence.split())
        if count >= words:
            break
    return ". ".join(out) + "."


def write_synthetic(folder: Path, n: int) -> int:
    with (folder / "synthetic.jsonl").open("w", encoding="utf-8") as f:
        for article, _ in generate(n, seed=7):
            record = {
                "url": f"https://{article.outlet}.example/{article.id}",
                "outlet": article.outlet,
                "title": article.title,
                "text": _lead(article.text),
                "published": article.published.isoformat() if article.published else None,
            }
            f.write(json.dumps(record) + "\n")
    return n


def write_gvc(folder: Path, data: Path) -> int:
    n = 0
    with (folder / "gvc.jsonl").open("w", encoding="utf-8") as f:
        for incident in read_jsonl(data):
            for page in incident["articles"]:
                record = {k: page.get(k) for k in ("url", "title", "text", "published")}
                f.write(json.dumps(record) + "\n")
                n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=["synthetic", "gvc"], default="synthetic")
    ap.add_argument("--articles", type=int, default=1500, help="synthetic corpus size")
    ap.add_argument("--data", type=Path, default=BENCH / "gvc" / "dev.jsonl.gz")
    ap.add_argument("--n-process", type=int, default=1, help="spaCy processes (annotate)")
    ap.add_argument("--no-report", action="store_true", help="skip writing the reports")
    args = ap.parse_args()
    print(machine_line())
    print("# wall clock on a shared machine: compare rows of one run, not runs")
    options = Options()
    options.language.n_process = args.n_process
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "in")
        folder.mkdir()
        if args.corpus == "synthetic":
            n = write_synthetic(folder, args.articles)
        else:
            n = write_gvc(folder, args.data)
        with open_store(Path(tmp, "store.db")) as store:
            out = None if args.no_report else Path(tmp, "report")
            summary = analyze([folder], store, out, options)
    total = sum(summary.seconds.values())
    print(
        f"corpus: {args.corpus}, {n} records -> {summary.ingest.articles} articles, "
        f"{summary.stories} stories, {summary.reuse_pairs} reuse pairs; "
        f"language n_process={args.n_process}"
    )
    print(f"{'stage':<10} {'seconds':>9} {'x annotate':>11}")
    annotate = summary.seconds.get("annotate") or float("nan")
    for stage, seconds in summary.seconds.items():
        print(f"{stage:<10} {seconds:>9.1f} {seconds / annotate:>11.2f}")
    ratio = total / annotate
    print(f"{'total':<10} {total:>9.1f} {ratio:>11.2f}")
    verdict = "met" if ratio <= GOAL else "NOT met"
    print(
        f"headline: analyze {total:.1f} s = {ratio:.2f}x its annotate stage "
        f"({annotate:.1f} s) on {summary.ingest.articles} articles; goal <= {GOAL}x: {verdict}"
    )


if __name__ == "__main__":
    main()
