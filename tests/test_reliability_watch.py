"""``watch`` finds its pending work in the store, not in what the last poll fetched.

A watch killed after storing new versions (before annotate, cluster, compare or the
reports ran) leaves a store whose newest articles are not annotated and in no story.
The next watch polls, fetches nothing new (every page answers 304), and must still
bring every later stage up to date. The state a kill leaves is made here by running
the fetch stage alone against the loopback fixture site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.collect.options import CollectOptions
from newsprism.collect.run import collect, pending_work, watch
from newsprism.settings import Options
from newsprism.store.sqlite import SQLiteStore
from tests.test_reliability_fetch import Handler, article_route, loopback, page

STORIES = {
    "/news/tram": ("Tram line to Vellmar Bay reopens", "The tram line to Vellmar Bay reopened."),
    "/news/ferry": ("Ferry fares rise in May", "Ferry fares across the bay rise in May."),
}


def feed_route(base: str) -> object:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        "<pubDate>Mon, 04 May 2026 08:00:00 +0000</pubDate></item>"
        for path, (title, _) in STORIES.items()
    )
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Vellmar Courier</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()

    def route(h: Handler) -> None:
        h.send(200, body, "application/rss+xml", {"ETag": '"feed-1"'})

    return route


def fast() -> Options:
    return Options(collect=CollectOptions(host_delay_s=0.02, backoff_s=0.02, timeout_s=10.0))


@pytest.mark.slow
def test_watch_after_a_kill_annotates_clusters_and_reports_what_was_stored(tmp_path: Path) -> None:
    out = tmp_path / "report"
    with loopback() as site, SQLiteStore(tmp_path / "watch.db") as store:
        site.routes["/feed.xml"] = feed_route(site.base)  # type: ignore[assignment]
        for path, (title, sentence) in STORIES.items():
            site.routes[path] = article_route(page(title, sentence), f'"{path}-1"')
        feed = f"{site.base}/feed.xml"
        fetched = collect(store, feeds=[feed], options=fast())  # the poll that was killed
        assert fetched.documents_new == 2
        before = pending_work(store)
        assert (before.unannotated, before.unclustered) == (2, 2)
        (poll,) = watch(store, [feed], every_s=0, polls=1, out_dir=out, options=fast())
        assert poll.collected.documents_new == 0  # nothing new on the wire...
        ids = {a.id for a in store.articles()}
        assert set(store.annotation_state(ids)) == ids  # ...yet all is annotated
        assert {a for s in store.stories() for a in s.articles} == ids
        assert set(store.report_state()) == {s.id for s in store.stories()}
        assert pending_work(store).nothing
        assert (out / "report.html").exists()
        # within one watch, a poll with nothing new and nothing pending runs no stage
        polls = watch(store, [feed], every_s=0, polls=2, out_dir=out, options=fast())
        assert [p.stages_run for p in polls] == [["annotate", "cluster", "compare", "report"], []]
