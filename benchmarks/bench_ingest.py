"""Ingest throughput: read (+ clean) of plain text and of HTML, beside trafilatura alone.

Run: ``python benchmarks/bench_ingest.py [--text-mb 4] [--html-pages 181] [--workers 2]``.

- plain text: the five seed pages copied over and over into a temp folder until it
  holds ``--text-mb`` MB, then ``read_paths`` (+ ``clean_document`` when importable);
- HTML: the benchmark pages (``html/<id>.html.gz``, read gzipped as they are stored),
  ``read_paths`` (+ ``clean_document``), and ``trafilatura.extract`` alone on the
  same decoded HTML, so the cost of newsprism over the bare extractor is visible.

- HTML ingest as a local run does it: read, learn templates, clean in one and in
  ``--workers`` processes (``clean.parallel``); the headline compares the latter with
  trafilatura alone (one process, as it ships).

Figures are articles (documents in, articles out for cleaning) per second and MB of
input per second, one process, one run (no warm-up beyond imports and the spaCy-free
path). Timings are wall clock on a shared machine: compare rows, not runs.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsprism.ingest import read_paths
from newsprism.model import RawDocument

ROOT = Path(__file__).resolve().parents[2] / "shared"
SEEDS = ROOT / "seeds"
BENCH_HTML = ROOT / "bench" / "article-extraction" / "html"

Cleaner = Callable[[RawDocument], list]


def load_cleaner() -> Cleaner | None:
    try:
        from newsprism.clean import clean_document
    except ImportError:
        return None
    return clean_document


def make_text_corpus(folder: Path, target_mb: float) -> int:
    seeds = sorted(SEEDS.glob("*.txt"))
    total = copies = 0
    while total < target_mb * (1 << 20):
        for seed in seeds:
            target = folder / f"{copies:05d}_{seed.name}"
            shutil.copyfile(seed, target)
            total += target.stat().st_size
        copies += 1
    return total


def make_html_corpus(folder: Path, pages: int) -> int:
    total = 0
    for path in sorted(BENCH_HTML.glob("*.html.gz"))[:pages]:
        shutil.copyfile(path, folder / path.name)
        total += path.stat().st_size
    return total


def time_read(folder: Path, cleaner: Cleaner | None) -> tuple[int, int, int, int, float]:
    """(documents, articles, problems, input bytes, seconds) for read (+ clean)."""
    start = time.perf_counter()
    docs = articles = problems = size = 0
    for item in read_paths([folder]):
        if isinstance(item, RawDocument):
            docs += 1
            size += item.size
            if cleaner is not None:
                articles += len(cleaner(item))
        else:
            problems += 1
    return docs, articles, problems, size, time.perf_counter() - start


def time_ingest(folder: Path, workers: int) -> tuple[int, int, float]:
    """(articles, input bytes, seconds): read, learn templates, clean in ``workers``
    processes, as ``pipeline.clean_partition`` does (without the store)."""
    from newsprism.clean import CleanOptions, learn_templates
    from newsprism.clean.parallel import clean_pages

    start = time.perf_counter()
    raws = [item for item in read_paths([folder]) if isinstance(item, RawDocument)]
    options = CleanOptions()
    templates = learn_templates(raws, options)
    articles = sum(
        len(found)
        for _, found in clean_pages(raws, templates, options, workers)
        if not isinstance(found, str)
    )
    return articles, sum(r.size for r in raws), time.perf_counter() - start


def time_trafilatura(folder: Path) -> tuple[int, int, float]:
    import trafilatura

    pages = [gzip.decompress(p.read_bytes()).decode("utf-8") for p in sorted(folder.iterdir())]
    size = sum(len(p.encode("utf-8")) for p in pages)
    start = time.perf_counter()
    found = sum(1 for html in pages if trafilatura.extract(html))
    return found, size, time.perf_counter() - start


def row(name: str, units: int, size: int, seconds: float, note: str = "") -> str:
    return (
        f"{name:<40} {units:>7} {size / (1 << 20):>8.2f} {seconds:>8.2f} "
        f"{units / seconds:>9.1f} {size / (1 << 20) / seconds:>7.2f}  {note}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text-mb", type=float, default=4.0)
    parser.add_argument("--html-pages", type=int, default=181)
    parser.add_argument("--read-only", action="store_true", help="do not run clean_document")
    parser.add_argument("--workers", type=int, default=2, help="processes for the ingest row")
    args = parser.parse_args()
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(
        f"machine: python {platform.python_version()}, {platform.platform()}, "
        f"{os.cpu_count()} cpus ({platform.processor() or platform.machine()})"
    )
    cleaner = None if args.read_only else load_cleaner()
    if cleaner is None:
        print("clean_document: not used (--read-only or not importable): read-only figures")
    print(f"{'run':<40} {'units':>7} {'MB in':>8} {'sec':>8} {'units/s':>9} {'MB/s':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        text_dir, html_dir = Path(tmp, "text"), Path(tmp, "html")
        text_dir.mkdir()
        html_dir.mkdir()
        make_text_corpus(text_dir, args.text_mb)
        make_html_corpus(html_dir, args.html_pages)

        docs, _, problems, size, seconds = time_read(text_dir, None)
        print(row("text: read_paths", docs, size, seconds, f"{problems} problems"))
        if cleaner is not None:
            docs, articles, _, size, seconds = time_read(text_dir, cleaner)
            print(row("text: read_paths + clean_document", articles, size, seconds, "articles"))

        docs, _, problems, size, seconds = time_read(html_dir, None)
        print(
            row("html: read_paths (gunzip + decode)", docs, size, seconds, f"{problems} problems")
        )
        if cleaner is not None:
            docs, articles, _, size, seconds = time_read(html_dir, cleaner)
            print(row("html: read_paths + clean_document", articles, size, seconds, "articles"))
        found, size, seconds = time_trafilatura(html_dir)
        print(row("html: trafilatura.extract alone", found, size, seconds, "pages with text"))
        alone = found / seconds
        if cleaner is not None:
            for workers in (1, args.workers):
                articles, size, took = time_ingest(html_dir, workers)
                name = f"html: ingest, {workers} process{'es' if workers > 1 else ''}"
                print(row(name, articles, size, took, "articles (read+templates+clean)"))
            speed = articles / took
    print("units: documents for read rows, articles for clean rows; MB = 2**20 bytes of input")
    if cleaner is not None:
        ratio = speed / alone
        print(
            f"headline: HTML ingest {speed:.1f} articles/s with {args.workers} processes vs "
            f"trafilatura alone {alone:.1f} pages/s: {ratio:.2f}x; goal >= 1.0x: "
            f"{'met' if ratio >= 1.0 else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
