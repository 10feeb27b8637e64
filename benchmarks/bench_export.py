"""Export memory and speed at 10k and 100k articles: memory must not grow with the store.

Run: ``python benchmarks/bench_export.py [--sizes 10000 100000] [--format jsonl]``.

For each size a real SQLite store is filled with synthetic articles (``synthetic.py``;
filling is not measured), then ``newsprism.export.export_store`` writes it, in a child
process per size so each figure is that process's own. Printed per size: articles/s,
the peak of Python allocations during the export (tracemalloc) and the child's peak
resident memory (which includes the interpreter and libraries). Flat memory means the
two sizes print about the same peaks.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from common import machine_line


def fill(db: Path, n: int) -> None:
    from synthetic import generate

    from newsprism.model import RawDocument
    from newsprism.store.sqlite import SQLiteStore

    with SQLiteStore(db) as store, store.transaction():
        for article, _event in generate(n, seed=1):
            article.key = f"{article.source.path}#0"
            raw = RawDocument(article.source, article.raw_sha, text=article.text)
            store.add_raw(raw)
            store.put_articles(article.raw_sha, [article])


def run_one(db: Path, out: Path, fmt: str) -> None:
    """In the child: export once, print one line of figures."""
    from newsprism.export import export_store
    from newsprism.store.sqlite import SQLiteStore

    with SQLiteStore(db, read_only=True) as store:
        tracemalloc.start()
        started = time.perf_counter()
        summary = export_store(store, out, fmt)  # type: ignore[arg-type]
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_mb = sum(f.stat().st_size for f in summary.files) / 2**20
    print(
        f"{summary.articles:>7} articles  {summary.articles / seconds:8.0f} articles/s  "
        f"python peak {peak / 2**20:6.1f} MB  process peak RSS {rss_mb:6.1f} MB  "
        f"file {size_mb:7.1f} MB  ({seconds:.1f} s)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet"])
    parser.add_argument("--child", nargs=3, metavar=("DB", "OUT", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_one(Path(args.child[0]), Path(args.child[1]), args.child[2])
        return
    print(machine_line())
    print("# shared machine: timings are noisy; the memory peaks are the figure that matters")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            db = Path(tmp) / f"store-{n}.db"
            started = time.perf_counter()
            fill(db, n)
            print(f"# filled {n} articles in {time.perf_counter() - started:.0f} s", flush=True)
            subprocess.run(
                [sys.executable, __file__, "--child", str(db), str(Path(tmp) / f"out-{n}"),
                 args.format],
                check=True,
            )  # fmt: skip


if __name__ == "__main__":
    main()
