"""The local run and a cluster task clean through one partition function, and a page
with no article is reported with the reason the extraction gave, found in one pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import pipeline
from newsprism.clean import clean_document
from newsprism.model import Metadata, RawDocument, Source
from newsprism.scale import tasks
from newsprism.settings import Options
from newsprism.store import open_store
from tests.helpers_input import FLOOD_PARAGRAPHS, article_html

HEADLINES = "".join(
    f"<li><a href='/story/{i}'>Council votes on the new {topic} plan for the valley</a></li>"
    for i, topic in enumerate(["road", "school", "bridge", "river", "park", "rail"] * 4)
)
SECTION_FRONT = f"<html><body><h1>Regional news</h1><ul>{HEADLINES}</ul></body></html>"
LIST_REASON = (
    "no article on the page: 99% of the main text is link text: a list page, not an article"
)


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "flood.html").write_text(article_html("Varna floods Ostrel", FLOOD_PARAGRAPHS))
    (folder / "front.html").write_text(SECTION_FRONT)
    return folder


def _warnings(store: object) -> dict[str, str]:
    return {
        Path(p.path).name: p.reason
        for p in store.problems()  # type: ignore[attr-defined]
        if p.severity == "warning"
    }


def test_clean_document_says_why_a_page_has_no_article() -> None:
    def raw(html: str | None = None, text: str | None = None) -> RawDocument:
        return RawDocument(Source("p.html", "html"), "sha", text=text, html=html, meta=Metadata())

    assert clean_document(raw(SECTION_FRONT)).no_article == LIST_REASON
    assert clean_document(raw("")).no_article == "empty document"
    found = clean_document(raw(article_html("Varna floods Ostrel", FLOOD_PARAGRAPHS)))
    assert len(found) == 1 and found.no_article is None


def test_local_run_and_cluster_task_report_the_same_reason(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in")
    options = Options()
    with open_store(tmp_path / "local.db") as local:
        pipeline.ingest([folder], local, options)
        local_warnings = _warnings(local)
        local_articles = sorted(a.id for a in local.articles())
    task_db = str(tmp_path / "task.db")
    with open_store(task_db) as shared:
        summary = pipeline.IngestSummary()
        pipeline.store_raw(shared, pipeline.read_raw([folder], options), summary)
        shas = [r.content_sha for r in shared.raw_documents()]
    assert tasks.clean_sites(task_db, shas, options, set()) == 1
    task_store = tasks.worker_store(task_db)
    assert _warnings(task_store) == local_warnings == {"front.html": LIST_REASON}
    assert sorted(a.id for a in task_store.articles()) == local_articles
    task_store.close()
    tasks._stores.pop(task_db)


@pytest.mark.slow  # spawns processes
def test_pages_cleaned_in_two_processes_come_back_in_order_and_as_in_one() -> None:
    from newsprism.clean import CleanOptions
    from newsprism.clean.parallel import PARALLEL_FROM, clean_pages

    pages = [
        RawDocument(
            Source(f"p{i}.html", "html"),
            f"sha{i}",
            html=article_html(f"Varna floods Ostrel, day {i}", FLOOD_PARAGRAPHS)
            if i % 7
            else SECTION_FRONT,
            meta=Metadata(url=f"https://ostrel.example/{i}"),
        )
        for i in range(PARALLEL_FROM + 6)
    ]
    one = list(clean_pages(pages, None, CleanOptions(), workers=1))
    two = list(clean_pages(pages, None, CleanOptions(), workers=2))
    assert [raw.content_sha for raw, _ in two] == [p.content_sha for p in pages]

    def summary(found: object) -> object:
        assert not isinstance(found, str)
        return found.no_article or [(a.id, a.title) for a in found]  # type: ignore[attr-defined]

    assert [summary(f) for _, f in two] == [summary(f) for _, f in one]
    assert summary(two[0][1]) == LIST_REASON and summary(two[1][1]) != LIST_REASON
