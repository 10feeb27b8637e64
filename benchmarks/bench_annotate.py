"""Words per second of the annotation stage against the bare spaCy pipeline it runs on.

Reads the seed pages (cleaned by newsprism.clean), repeats them to get a measurable
amount of text, then times, on the same texts:
  * bare spaCy: the same model and components (no lemmatizer), without newsprism's
    alias ruler and readers;
  * the stage: newsprism.language.annotate (spaCy + mentions, quotes, quantities, times);
  * the readers alone: the stage's own work on already-parsed documents.

    python benchmarks/bench_annotate.py [--repeat 20] [--seeds DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import spacy

from newsprism.clean import clean_document
from newsprism.language import LanguageOptions, annotate, load_nlp
from newsprism.language.annotator import annotate_doc
from newsprism.language.nlp import load_bare_nlp
from newsprism.model import Article, RawDocument, Source, sha256_hex

DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def load_articles(seeds: Path) -> list[Article]:
    out: list[Article] = []
    for path in sorted(seeds.glob("*.txt")):
        data = path.read_bytes()
        raw = RawDocument(Source(str(path), "text"), sha256_hex(data), text=data.decode("utf-8"))
        out.extend(clean_document(raw))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args()

    base = load_articles(args.seeds)
    articles = [a for _ in range(args.repeat) for a in base]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    options = LanguageOptions()
    bare = load_bare_nlp(options)
    nlp = load_nlp(options)
    list(bare.pipe(texts[:5]))
    list(annotate(articles[:5], options))  # warm up both

    t0 = time.perf_counter()
    docs = list(bare.pipe(texts, batch_size=options.batch_size))
    bare_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    list(annotate(articles, options))
    stage_s = time.perf_counter() - t0

    parsed = list(nlp.pipe(texts, batch_size=options.batch_size))
    t0 = time.perf_counter()
    for art, doc in zip(articles, parsed, strict=True):
        annotate_doc(art, doc, None, options)
    readers_s = time.perf_counter() - t0
    del docs

    print(f"command: {' '.join([sys.executable, *sys.argv])}")
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} cpus, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"spaCy {spacy.__version__}, model {options.model}, pipes {bare.pipe_names}"
    )
    print(f"text: {len(texts)} articles, {words} words ({len(base)} seed articles x {args.repeat})")
    print(f"{'':28}{'seconds':>10}{'words/s':>12}")
    for name, secs in (
        ("bare spaCy", bare_s),
        ("annotate (whole stage)", stage_s),
        ("readers only (own work)", readers_s),
    ):
        print(f"{name:28}{secs:10.2f}{words / secs:12.0f}")
    print(f"own work / spaCy time: {readers_s / bare_s:.2f} (target < 1)")


if __name__ == "__main__":
    main()
