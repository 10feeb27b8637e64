"""Article-body extraction quality on the Zyte/Scrapinghub benchmark (181 pages).

Run: ``python benchmarks/bench_extraction.py [--limit N]``. Prints the metric check
(trafilatura 2.0.0's stored output must give F1 0.958), then trafilatura alone with
default settings, run live, and newsprism's ``clean.html.extract``, on the same pages in
the same run, so the two figures are comparable on this machine.

Metric (as the benchmark defines it): ``\\w+`` tokens, 4-word shingles, per-page
precision and recall averaged over pages, F1 = harmonic mean of the two averages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "article-extraction"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def page_scores(extracted: str, gold: str) -> tuple[float, float]:
    """Precision and recall of one page, with the benchmark's edge cases.

    An empty extraction of a non-empty gold text scores precision 0 (the original
    evaluation counts it so), and both empty scores 1/1.
    """
    pred, true = shingles(extracted), shingles(gold)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def corpus_scores(outputs: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    pairs = [page_scores(outputs.get(key, ""), gold[key]) for key in gold]
    precision = sum(p for p, _ in pairs) / len(pairs)
    recall = sum(r for _, r in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_gold(bench: Path = BENCH) -> dict[str, str]:
    data = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value["articleBody"] for key, value in data.items()}


def load_page(key: str, bench: Path = BENCH) -> str:
    return gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")


def run(extractor: Callable[[str], str], pages: dict[str, str]) -> tuple[dict[str, str], float]:
    start = time.perf_counter()
    outputs = {key: extractor(html) for key, html in pages.items()}
    return outputs, time.perf_counter() - start


def trafilatura_default(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def newsprism_extract(html: str) -> str:
    from newsprism.clean.html import extract

    page = extract(html)
    return page.text if page else ""


def newsprism_clean(html: str) -> str:
    """The whole HTML path an ingest takes: extraction, then cleaning and description
    (a page may come out as several articles; their bodies are joined)."""
    from newsprism.clean import clean_document
    from newsprism.model import RawDocument, Source, sha256_hex

    raw = RawDocument(source=Source("page.html", "html"), content_sha=sha256_hex(html), html=html)
    return "\n\n".join(a.text for a in clean_document(raw))


def justext_baseline(html: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (sorted ids)")
    parser.add_argument("--justext", action="store_true", help="also run the justext baseline")
    args = parser.parse_args()

    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(
        f"machine: python {platform.python_version()}, {platform.platform()}, "
        f"{os.cpu_count()} cpus ({platform.processor() or platform.machine()})"
    )
    gold = load_gold()
    keys = sorted(gold)[: args.limit] if args.limit else sorted(gold)
    gold = {key: gold[key] for key in keys}
    stored = json.loads((BENCH / "output" / "trafilatura.json").read_text(encoding="utf-8"))
    check = {key: value["articleBody"] for key, value in stored["output"].items()}
    p, r, f = corpus_scores(check, gold)
    print(f"pages: {len(gold)}")
    print(f"{'system':<34} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8}")
    print(f"{'check: stored trafilatura 2.0.0':<34} {p:6.3f} {r:6.3f} {f:6.3f} {'-':>8}")

    pages = {key: load_page(key) for key in keys}
    systems: list[tuple[str, Callable[[str], str]]] = [
        ("trafilatura (default, live)", trafilatura_default),
        ("newsprism clean.html.extract", newsprism_extract),
        ("newsprism clean_document (html)", newsprism_clean),
    ]
    if args.justext:
        systems.append(("justext (English stoplist)", justext_baseline))
    for name, extractor in systems:
        outputs, seconds = run(extractor, pages)
        p, r, f = corpus_scores(outputs, gold)
        print(f"{name:<34} {p:6.3f} {r:6.3f} {f:6.3f} {len(pages) / seconds:8.1f}")


if __name__ == "__main__":
    main()
