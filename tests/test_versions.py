"""Article versions: the word diff, the store's list of versions, the report and web views.

The two versions come from the fixture site's page that changes between two fetches
(a casualty figure rises from 12 to 16 and a paragraph is added), collected over
real HTTP into a real SQLite store.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import lxml.html
import pytest
from browser import live_server

from newsprism.collect.run import collect
from newsprism.report.templating import environment
from newsprism.report.versions import story_versions, versions_markdown
from newsprism.store.sqlite import SQLiteStore
from newsprism.versions import WordChange, compact, version_history, word_diff
from newsprism.web import create_app
from tests.fixture_site import serve_site
from tests.test_collect import fast_options


def test_word_diff_marks_exactly_the_changed_words() -> None:
    old = "At least 12 people were injured, officials said.\n\nTalks resume on Friday."
    new = "At least 16 people were injured, police said.\n\nTalks resume on Friday."
    changes = word_diff(old, new)
    assert [(c.op, c.text.strip()) for c in changes if c.op != "same"] == [
        ("removed", "12"),
        ("added", "16"),
        ("removed", "officials"),
        ("added", "police"),
    ]
    # the kept and added runs rebuild the new text exactly, the kept and removed the old
    assert "".join(c.text for c in changes if c.op != "removed") == new
    assert "".join(c.text for c in changes if c.op != "added") == old


def test_compact_cuts_long_unchanged_runs_only() -> None:
    long_run = " ".join(f"w{i}" for i in range(100)) + " "
    changes = [WordChange("same", long_run), WordChange("added", "new "), WordChange("same", "end")]
    shown = compact(changes, context=5)
    assert shown[0].text.startswith("… w95") and shown[1:] == changes[1:]
    assert len(shown[0].text.split()) < 10


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    db = tmp_path_factory.mktemp("versions") / "versions.db"
    with serve_site() as site, SQLiteStore(db) as store:
        url = f"{site.base}/news/clashes"
        for _ in range(2):
            collect(store, urls=[url], options=fast_options())
        (current,) = list(store.articles())
        yield db, current.id


def test_version_history_has_times_and_the_diff(two_versions: tuple[Path, str]) -> None:
    db, article_id = two_versions
    with SQLiteStore(db, read_only=True) as store:
        article = store.get_article(article_id)
        history = version_history(store.article_versions(article.key))
    assert history is not None and history.changed
    first, second = history.entries
    assert (first.version, second.version) == (1, 2)
    assert (first.current, second.current) == (False, True)
    assert first.diff is None and second.diff is not None
    assert first.fetched_at is not None and second.fetched_at is not None
    assert first.fetched_at <= second.fetched_at
    changed = [(c.op, c.text.strip()) for c in second.diff.changes if c.op != "same"]
    assert ("removed", "12") in changed and ("added", "16") in changed
    assert second.diff.words_added > second.diff.words_removed  # a paragraph was added
    assert history.outlet == "Harbour Ledger"


def test_report_section_shows_versions_with_the_diff(two_versions: tuple[Path, str]) -> None:
    db, article_id = two_versions
    with SQLiteStore(db, read_only=True) as store:
        histories = story_versions(store, [article_id])
    assert len(histories) == 1
    markdown = versions_markdown(histories)
    assert "version 1: stored" in markdown and "version 2 (current)" in markdown
    assert "~~12~~ **16**" in markdown
    html = (
        environment()
        .from_string('{% import "_versions.html" as v %}{{ v.versions_section(h) }}')
        .render(h=histories)
    )
    page = lxml.html.fromstring(html)
    assert [d.text for d in page.xpath("//td[@class='diff']//del")][:2] == ["12 ", "four "]
    assert [i.text for i in page.xpath("//td[@class='diff']//ins")][:2] == ["16 ", "six "]


def test_web_article_page_lists_versions_with_links(two_versions: tuple[Path, str]) -> None:
    db, article_id = two_versions
    with live_server(create_app(db)) as base, httpx.Client(base_url=base) as client:
        page = lxml.html.fromstring(client.get(f"/articles/{article_id}").text)
        rows = page.xpath("//table[@class='versions-table']/tbody/tr")
        assert len(rows) == 2
        old_link = rows[0].xpath(".//a/@href")[0]
        assert "12" in [d.text.strip() for d in rows[1].xpath(".//del")]
        old_page = client.get(old_link)
    assert old_page.status_code == 200 and "At least 12 people" in old_page.text
