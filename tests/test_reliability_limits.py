"""Limits that refuse input must say so: a reported problem and exit 1, never a
silent skip. The inputs are invented pages written by the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.test_reliability_store import invented_article


def newsprism(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


# --------------------------------------------------------------------------- item 9


def test_an_article_over_the_length_limit_is_a_problem_and_exit_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "short.txt").write_text(invented_article(1, sentences=8))
    long = invented_article(2, sentences=80)
    (folder / "long.txt").write_text(long)
    options = tmp_path / "options.toml"
    options.write_text("[ingest]\nmax_article_chars = 3000\n")
    db = tmp_path / "limits.db"
    run = newsprism("ingest", str(folder), "--db", str(db), "--options", str(options), "-q")
    assert run.returncode == 1, (run.stdout, run.stderr)
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, run.stderr
    assert errors[0].startswith(
        f"error: {(folder / 'long.txt').resolve()}: article 1 of the page is "
    )
    assert errors[0].endswith(
        "characters, over the 3,000-character limit (ingest.max_article_chars); not stored"
    )
    # the summary counts it: files 2, new documents 2, articles 1, problems 1
    rows = [[c for c in line.split() if c.isdigit()] for line in run.stdout.splitlines()]
    assert ["2", "2", "0", "1", "1"] in rows, run.stdout
    problems = newsprism("problems", "--db", str(db))
    assert "max_article_chars" in problems.stdout


# --------------------------------------------------------------------------- item 5


def test_a_feed_gives_at_most_max_feed_entries_links_and_says_what_it_left(
    tmp_path: Path,
) -> None:
    from newsprism.collect.options import CollectOptions
    from newsprism.collect.run import collect
    from newsprism.settings import Options
    from newsprism.store.sqlite import SQLiteStore
    from tests.test_reliability_fetch import Handler, article_route, loopback, page

    assert CollectOptions().max_feed_entries == 1000
    with loopback() as site, SQLiteStore(tmp_path / "feed.db") as store:
        items = "".join(
            f"<item><title>Notice {n}</title><link>{site.base}/n/{n}</link></item>"
            for n in range(40)
        )
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Notices</title>'
            f"{items}</channel></rss>"
        ).encode()

        def feed(h: Handler) -> None:
            h.send(200, body, "application/rss+xml")

        site.routes["/feed.xml"] = feed
        for n in range(40):
            site.routes[f"/n/{n}"] = article_route(
                page(f"Notice {n}", f"Notice {n} went up."), f'"{n}"'
            )
        options = Options(
            collect=CollectOptions(host_delay_s=0.01, backoff_s=0.01, max_feed_entries=5)
        )
        summary = collect(store, feeds=[f"{site.base}/feed.xml"], options=options)
        asked = [p for p in site.paths if p.startswith("/n/")]
    assert summary.leads == 5 and asked == [f"/n/{n}" for n in range(5)]
    assert [(p.path, p.reason, p.severity) for p in summary.problems] == [
        (
            f"{site.base}/feed.xml",
            "the feed lists 40 entries; the first 5 are taken (collect.max_feed_entries)",
            "warning",
        )
    ]


def test_the_feed_limit_is_stated_in_the_options() -> None:
    run = newsprism("options")
    assert "max_feed_entries = 1000" in run.stdout


def test_a_sitemap_cut_at_max_sitemap_urls_says_so(tmp_path: Path) -> None:
    from newsprism.collect.options import CollectOptions
    from newsprism.collect.run import collect
    from newsprism.settings import Options
    from newsprism.store.sqlite import SQLiteStore
    from tests.test_reliability_fetch import Handler, article_route, loopback, page

    with loopback() as site, SQLiteStore(tmp_path / "sitemap.db") as store:
        urls = "".join(f"<url><loc>{site.base}/n/{n}</loc></url>" for n in range(12))
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        ).encode()

        def sitemap(h: Handler) -> None:
            h.send(200, body, "application/xml")

        site.routes["/sitemap.xml"] = sitemap
        for n in range(12):
            site.routes[f"/n/{n}"] = article_route(
                page(f"Bulletin {n}", f"Bulletin {n} was read out."), f'"{n}"'
            )
        options = Options(
            collect=CollectOptions(host_delay_s=0.01, backoff_s=0.01, max_sitemap_urls=5)
        )
        summary = collect(store, sitemaps=[f"{site.base}/sitemap.xml"], options=options)
    assert summary.leads == 5
    assert [(p.path, p.reason, p.severity) for p in summary.problems] == [
        (
            f"{site.base}/sitemap.xml",
            "the sitemap lists more than 5 links; the first 5 are taken (collect.max_sitemap_urls)",
            "warning",
        )
    ]


# --------------------------------------------------------------------------- nothing readable


def test_analyze_of_input_that_all_fails_is_exit_2_with_its_problems_not_a_traceback(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02\x03 not text at all \x00" * 8)
    db = tmp_path / "nothing.db"
    run = newsprism("analyze", str(folder), "--db", str(db), "--out", str(tmp_path / "out"), "-q")
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert [line.split(":", 1)[0] for line in run.stderr.splitlines()] == ["error"]
    assert (tmp_path / "out" / "report.html").exists()
    clustered = newsprism("cluster", "--db", str(db), "-q")
    assert (clustered.returncode, clustered.stdout.strip()) == (0, "0 stories; 0 reuse pairs")
