"""One page, one article: tracking parameters and fragments do not make a second article.

The pages are written here; each goes through the real cleaning into a real SQLite file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsprism.clean.document import clean_document
from newsprism.model import Metadata, RawDocument, Source, sha256_hex
from newsprism.sources.urls import canonical_url
from newsprism.store import SQLiteStore

PAGE = "https://news.example.test/world/2031/harbour-strike"
FIRST = (
    "Harbour strike enters its second day\n\n"
    "Dockworkers in Velmora stayed off the cranes for a second day on Tuesday, the union said.\n"
)
SECOND = FIRST + "Talks with the port authority are due to resume on Thursday, both sides said.\n"


def _raw(text: str, url: str, path: str) -> RawDocument:
    return RawDocument(Source(path, "text"), sha256_hex(text), text=text, meta=Metadata(url=url))


def _store(db: Path, *pages: tuple[str, str]) -> SQLiteStore:
    store = SQLiteStore(db)
    for n, (text, url) in enumerate(pages):
        raw = _raw(text, url, f"/in/page-{n}.txt")
        store.add_raw(raw)
        store.put_articles(raw.content_sha, clean_document(raw))
    return store


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (f"{PAGE}?utm_source=rss&utm_medium=feed", PAGE),
        (f"{PAGE}?fbclid=IwAR0x#comments", PAGE),
        (f"{PAGE}?gclid=abc&mc_cid=1", PAGE),
        ("HTTPS://News.Example.TEST:443/world/2031/harbour-strike", PAGE),
        # meaningful parameters stay, in one order whatever order the link gave them
        ("https://example.test/story.php?page=2&id=77&utm_campaign=x", "https://example.test/story.php?id=77&page=2"),
        ("https://example.test/article.php?cid=1042&xtor=RSS-3", "https://example.test/article.php?cid=1042"),
        ("https://example.test/search?q=port+strike", "https://example.test/search?q=port+strike"),
        # no http(s) address: its own key
        ("/in/page-1.txt", "/in/page-1.txt"),
    ],
)  # fmt: skip
def test_the_canonical_address_keeps_what_selects_the_page(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_two_ids_in_one_query_stay_two_pages() -> None:
    assert canonical_url("https://example.test/a?id=1") != canonical_url(
        "https://example.test/a?id=2"
    )


def test_a_feed_link_and_the_plain_link_are_one_article_with_two_versions(db_path: Path) -> None:
    store = _store(db_path, (FIRST, f"{PAGE}?utm_source=rss&utm_medium=feed#top"), (SECOND, PAGE))
    current = list(store.articles())
    assert len(current) == 1 and current[0].version == 2
    assert current[0].text.rstrip().endswith("both sides said.")
    assert [v.article.version for v in store.article_versions(current[0].key)] == [1, 2]
    assert current[0].url == PAGE  # the address shown is the one the page was read from


def test_the_same_text_under_a_tracking_link_is_not_stored_again(db_path: Path) -> None:
    store = _store(db_path, (FIRST, PAGE), (FIRST + " ", f"{PAGE}?utm_source=newsletter"))
    assert len(list(store.articles(current_only=False))) == 1


def test_pages_that_differ_by_a_meaningful_parameter_stay_two_articles(db_path: Path) -> None:
    store = _store(
        db_path,
        (FIRST, "https://example.test/story.php?id=1&utm_source=rss"),
        (SECOND, "https://example.test/story.php?id=2&utm_source=rss"),
    )
    assert sorted(a.version for a in store.articles()) == [1, 1]


def test_migration_merges_articles_stored_under_raw_links(db_path: Path) -> None:
    """A store written before keys were canonical: its two links to one page are two
    articles until the store is opened by this version, then two versions of one."""
    store = _store(db_path, (FIRST, f"{PAGE}?utm_source=rss"), (SECOND, f"{PAGE}#comments"))
    ids = sorted(a.id for a in store.articles(current_only=False))
    store.close()
    conn = sqlite3.connect(db_path)  # the keys as the old ingest wrote them
    for n, suffix in enumerate(("?utm_source=rss", "#comments")):
        conn.execute(
            "UPDATE articles SET article_key = ?, version = 1, current = 1 WHERE raw_sha = ?",
            (f"{PAGE}{suffix}#0", sha256_hex((FIRST, SECOND)[n])),
        )
        stored = f"2031-03-0{n + 1}T08:00:00+00:00"  # the plain link was stored a day later
        conn.execute(
            "UPDATE raw_documents SET ingested_at = ? WHERE sha = ?",
            (stored, sha256_hex((FIRST, SECOND)[n])),
        )
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    reopened = SQLiteStore(db_path)
    (current,) = reopened.articles()
    assert current.key == f"{PAGE}#0" and current.version == 2
    assert current.text.rstrip().endswith("both sides said.")
    assert sorted(a.id for a in reopened.articles(current_only=False)) == ids
    assert [v.article.version for v in reopened.article_versions(current.key)] == [1, 2]
