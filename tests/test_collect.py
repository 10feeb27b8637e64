"""``fetch``: the polite client against a real fixture site on 127.0.0.1.

Each test starts the Harbour Ledger fixture site (tests/fixture_site.py) and checks
both sides: what ended up in a real SQLite store, and what the server was asked.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.collect.client import retry_after
from newsprism.collect.discover import read_feed_list
from newsprism.collect.options import CollectOptions
from newsprism.collect.run import collect, parse_every
from newsprism.errors import InputError
from newsprism.settings import Options
from newsprism.store.sqlite import SQLiteStore
from tests.fixture_site import Site, serve_site


def fast_options(**collect_options: object) -> Options:
    """Polite settings shrunk to test scale (the defaults wait a second per request)."""
    values: dict[str, object] = {
        "host_delay_s": 0.05,
        "backoff_s": 0.05,
        "timeout_s": 1.0,
        "max_page_mb": 1.0,
    }
    values.update(collect_options)
    return Options(collect=CollectOptions(**values))  # type: ignore[arg-type]


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as s:
        yield s


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "collect.db") as s:
        yield s


def titles(store: SQLiteStore) -> set[str]:
    return {a.title or "" for a in store.articles()}


def test_feed_articles_are_fetched_robots_obeyed_redirects_followed(
    site: Site, store: SQLiteStore
) -> None:
    summary = collect(store, feeds=[f"{site.base}/feed.xml"], options=fast_options())
    assert titles(store) == {
        "Dockworkers walk out at Port Aldrave over pay freeze",
        "Police and dockworkers clash at North Mole gate",
        "Port strike mediation opens in Dessin",
    }
    # robots.txt was read once, before anything else, and /private/ was never asked for
    assert site.paths()[0] == "/robots.txt" and site.paths().count("/robots.txt") == 1
    assert not any(p.startswith("/private/") for p in site.paths())
    forbidden = [p for p in summary.problems if "robots.txt forbids" in p.reason]
    assert [(p.path, p.severity) for p in forbidden] == [(f"{site.base}/private/memo", "warning")]
    assert summary.errors == []
    # a second run asks with validators, also at the end of a redirect: only the page
    # that changed in between (the clashes story) is fetched and stored again
    again = collect(store, feeds=[f"{site.base}/feed.xml"], options=fast_options())
    assert (again.fetched, again.unchanged, again.documents_new) == (1, 2, 1)
    last = [r for r in site.requests if r.path == "/news/mediation"][-1]
    assert last.headers["If-None-Match"] == '"mediation-1"'
    # every request names newsprism
    assert all(r.headers["User-Agent"].startswith("newsprism/") for r in site.requests)
    # the redirected article is stored under the address it was found at
    mediation = next(a for a in store.articles() if a.title and "mediation" in a.title)
    assert mediation.url == f"{site.base}/news/mediation"
    # the outlet comes from the page's own publisher metadata, the date from its metadata
    assert {a.outlet for a in store.articles()} == {"Harbour Ledger"}
    strike = next(a for a in store.articles() if a.title and "walk out" in a.title)
    assert strike.published is not None and strike.published.date().isoformat() == "2026-03-09"


def test_second_fetch_is_conditional_and_stores_nothing_new(site: Site, store: SQLiteStore) -> None:
    url = f"{site.base}/news/strike"
    first = collect(store, urls=[url], options=fast_options())
    assert (first.fetched, first.documents_new) == (1, 1)
    second = collect(store, urls=[url], options=fast_options())
    assert (second.fetched, second.unchanged, second.documents_new) == (0, 1, 0)
    asked = [r for r in site.requests if r.path == "/news/strike"]
    assert "If-None-Match" not in asked[0].headers
    assert asked[1].headers["If-None-Match"] == '"strike-1"'
    assert store.count_raw() == 1 and store.count_articles() == 1
    state = store.get_fetch_state(url)
    assert state is not None and (state.status, state.etag) == (304, '"strike-1"')


def test_changed_page_is_stored_as_a_new_version(site: Site, store: SQLiteStore) -> None:
    url = f"{site.base}/news/clashes"
    collect(store, urls=[url], options=fast_options())
    collect(store, urls=[url], options=fast_options())
    (current,) = list(store.articles())
    assert current.version == 2 and "At least 16 people" in current.text
    versions = store.article_versions(current.key)
    assert [v.article.version for v in versions] == [1, 2]
    assert [v.current for v in versions] == [False, True]
    assert "At least 12 people" in versions[0].article.text
    assert all(v.fetched_at is not None for v in versions)


def test_429_is_retried_after_the_wait_the_site_asks(store: SQLiteStore) -> None:
    with serve_site() as other_host:
        summary = collect(store, urls=[f"{other_host.base}/busy"], options=fast_options())
        asked = [r for r in other_host.requests if r.path == "/busy"]
    assert summary.documents_new == 1 and summary.problems == []
    assert len(asked) == 2
    assert asked[1].at - asked[0].at >= 0.95  # Retry-After: 1 was honoured


def test_slow_oversized_and_refusing_pages_are_problems_and_the_run_goes_on(
    site: Site, store: SQLiteStore
) -> None:
    bad = ["/slow", "/big", "/big-declared", "/always-busy", "/loop", "/pdf", "/missing"]
    urls = [site.base + p for p in bad] + [f"{site.base}/news/strike"]
    summary = collect(store, urls=urls, options=fast_options(retries=1))
    reasons = {p.path.removeprefix(site.base): p.reason for p in summary.problems}
    assert reasons["/slow"] == "no complete answer within 1 s (collect.timeout_s)"
    assert reasons["/big"] == "page is over the 1 MB limit (collect.max_page_mb)"
    assert reasons["/big-declared"] == reasons["/big"]
    assert "asks to wait 100000 s" in reasons["/always-busy"]
    assert reasons["/loop"] == "more than 5 redirects"
    assert reasons["/pdf"] == "not an HTML page (application/pdf); skipped"
    assert reasons["/missing"] == "HTTP 404"
    assert titles(store) == {"Dockworkers walk out at Port Aldrave over pay freeze"}
    assert {p.path.removeprefix(site.base) for p in store.problems()} == set(bad)
    # a Retry-After far beyond the limit is not waited for, and not asked again
    assert site.paths().count("/always-busy") == 1


def test_one_request_at_a_time_per_host_and_paced(site: Site, store: SQLiteStore) -> None:
    urls = [f"{site.base}/news/strike", f"{site.base}/news/clashes", f"{site.base}/news/mediation"]
    collect(store, urls=urls, options=fast_options(host_delay_s=0.3, max_concurrency=8))
    assert site.max_in_flight == 1
    starts = [r.at for r in site.requests]
    assert all(b - a >= 0.29 for a, b in itertools.pairwise(starts))


def test_sitemap_index_lists_articles(site: Site, store: SQLiteStore) -> None:
    summary = collect(store, sitemaps=[f"{site.base}/sitemap-index.xml"], options=fast_options())
    assert titles(store) == {
        "Dockworkers walk out at Port Aldrave over pay freeze",
        "Port strike mediation opens in Dessin",
    }
    assert summary.leads == 3 and len(summary.problems) == 1  # the /private/ link


def test_feed_lists(tmp_path: Path) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="News"><outline type="rss" xmlUrl="https://a.example/rss"/>'
        '<outline type="rss" xmlUrl="https://b.example/feed.xml"/></outline></body></opml>'
    )
    assert read_feed_list(opml) == ["https://a.example/rss", "https://b.example/feed.xml"]
    text = tmp_path / "feeds.txt"
    text.write_text("# my feeds\nhttps://a.example/rss\n\nhttps://c.example/atom  # world\n")
    assert read_feed_list(text) == ["https://a.example/rss", "https://c.example/atom"]
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing yet\n")
    with pytest.raises(InputError, match="no feed URLs"):
        read_feed_list(empty)


def test_retry_after_and_poll_intervals() -> None:
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past
    assert retry_after("soon") is None
    assert parse_every("15m") == 900 and parse_every("1h30m") == 5400 and parse_every("45") == 45
    with pytest.raises(ValueError, match="15m"):
        parse_every("fortnightly")
