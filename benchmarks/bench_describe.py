"""How often cleaning finds a title, an outlet and a publication date, and how often right.

Run: ``python benchmarks/bench_describe.py [--limit N]``. Three sets, each read in place:

- the five seed pages (``../shared/seeds``, six articles, no URL): gold titles and dates
  are the ones ``tests/test_clean_seeds.py`` pins (given here as line numbers and dates,
  never as text); no page names its outlet, so the right outlet is "unknown";
- the example corpus (``examples/corpus``): gold outlet, title and date from
  ``examples/expected_findings.json``;
- the 181 HTML pages of ``../shared/bench/article-extraction``, twice: with the URL of
  ``ground-truth.json`` (as a fetched page has it) and without (a saved page with no
  sidecar). That set has no gold titles or dates; its gold outlet is the outlet table's
  entry for the URL's domain (where the table has one), checked against what the page
  alone says, and its gold day is a date in the URL path (where there is one), checked
  against the date the page alone gives.

"Share" is the share of articles with the field set; "right" is the share correct
among those with gold (a missing value counts as wrong).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from common import BENCH, machine_line

from newsprism.clean import clean_document
from newsprism.clean.dates import url_date
from newsprism.ingest import read_paths
from newsprism.model import Article, Metadata, RawDocument, Source, sha256_hex
from newsprism.sources import load_outlets

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"
EXTRACTION = BENCH / "article-extraction"

# Gold for the seeds, by 0-based line number of the title and the stated day (None: the
# page states no date). The same values tests/test_clean_seeds.py asserts.
SEED_GOLD: dict[str, list[tuple[int, str | None]]] = {
    "000": [(0, None), (20, None)],
    "001": [(13, "2024-02-08")],
    "002": [(0, None)],
    "003": [(0, "2024-01-05")],
    "004": [(2, "2024-02-08")],
}


@dataclass(slots=True)
class Tally:
    n: int = 0
    have: dict[str, int] = field(default_factory=lambda: {"title": 0, "outlet": 0, "date": 0})
    gold: dict[str, int] = field(default_factory=lambda: {"title": 0, "outlet": 0, "date": 0})
    right: dict[str, int] = field(default_factory=lambda: {"title": 0, "outlet": 0, "date": 0})

    def see(self, article: Article) -> None:
        self.n += 1
        self.have["title"] += bool(article.title)
        self.have["outlet"] += bool(article.outlet)
        self.have["date"] += article.published is not None

    def check(self, name: str, ok: bool) -> None:
        self.gold[name] += 1
        self.right[name] += ok

    def line(self, label: str) -> str:
        def share(k: str) -> str:
            return f"{self.have[k] / self.n:6.1%}" if self.n else "     -"

        def right(k: str) -> str:
            g = self.gold[k]
            return f"{self.right[k] / g:6.1%} of {g:3d}" if g else "     -       "

        return (
            f"{label:34} {self.n:4d}  title {share('title')} (right {right('title')})  "
            f"outlet {share('outlet')} (right {right('outlet')})  "
            f"date {share('date')} (right {right('date')})"
        )


def seeds() -> Tally:
    tally = Tally()
    for prefix, gold in SEED_GOLD.items():
        path = next(SEEDS.glob(f"{prefix}_*.txt"))
        data = path.read_bytes()
        raw = RawDocument(Source(str(path), "text"), sha256_hex(data), text=data.decode("utf-8"))
        lines = data.decode("utf-8").splitlines()
        for article, (title_line, day) in zip(clean_document(raw), gold, strict=True):
            tally.see(article)
            tally.check("title", article.title == lines[title_line].strip())
            tally.check("outlet", article.outlet is None)  # no seed page names its outlet
            got = article.published.date().isoformat() if article.published else None
            tally.check("date", got == day)
    return tally


def examples() -> Tally:
    from newsprism.settings import Options

    gold = json.loads((EXAMPLES / "expected_findings.json").read_text("utf-8"))["articles"]
    tally = Tally()
    found: dict[tuple[str, str | None, int], Article] = {}
    for raw in read_paths([EXAMPLES / "corpus"], Options().ingest):
        if isinstance(raw, RawDocument):
            for article in clean_document(raw):
                name = Path(raw.source.path).name
                found[(name, raw.meta.url, article.part)] = article
    for expected in gold.values():
        match = [
            a
            for (name, url, part), a in found.items()
            if name == expected["file"]
            and part == expected.get("part", 0)
            and (expected.get("url") in (None, url))
        ]
        if not match:
            continue
        article = match[0]
        tally.see(article)
        tally.check("title", article.title == expected.get("title"))
        tally.check("outlet", article.outlet == expected.get("outlet"))
        want = expected.get("published")
        got = article.published.isoformat(timespec="minutes") if article.published else None
        tally.check("date", got == (want[:16] if want else None))
    return tally


def extraction_pages(limit: int | None) -> Iterable[tuple[str, str, str]]:
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text("utf-8"))
    for i, (key, value) in enumerate(sorted(truth.items())):
        if limit is not None and i >= limit:
            return
        html = gzip.decompress((EXTRACTION / "html" / f"{key}.html.gz").read_bytes())
        yield key, value["url"], html.decode("utf-8", errors="replace")


def extraction(limit: int | None) -> tuple[Tally, Tally, int]:
    """(with the URL, without it, pages that gave no article)."""
    table = load_outlets()
    with_url, without_url = Tally(), Tally()
    empty = 0
    for key, url, html in extraction_pages(limit):
        arts = {}
        for name, meta in (("with", Metadata(url=url)), ("without", Metadata())):
            raw = RawDocument(Source(f"{key}.html", "html"), key, html=html, meta=meta)
            articles = clean_document(raw)
            arts[name] = articles[0] if articles else None
        if arts["with"] is None or arts["without"] is None:
            empty += 1
            continue
        with_url.see(arts["with"])
        page = arts["without"]
        without_url.see(page)
        entry = table.for_url(url)
        if entry is not None and not entry.per_host:
            with_url.check("outlet", arts["with"].outlet == entry.name)
            without_url.check("outlet", page.outlet == entry.name)
        day = url_date(url)
        if day is not None:
            for tally, article in ((with_url, arts["with"]), (without_url, page)):
                got = article.published.date() if article.published else None
                tally.check("date", got == day.value.date())
    return with_url, without_url, empty


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N extraction pages")
    args = parser.parse_args(argv)
    print(machine_line())
    started = time.perf_counter()
    print(seeds().line("seeds (no URL)"))
    print(examples().line("example corpus"))
    with_url, without_url, empty = extraction(args.limit)
    print(with_url.line("extraction pages, with URL"))
    print(without_url.line("extraction pages, page alone"))
    print(f"# {empty} extraction pages gave no article; {time.perf_counter() - started:.0f} s")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
