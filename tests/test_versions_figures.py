"""A toll an outlet changes on its own page shows as a figure that changed, not a conflict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.pipeline import analyze
from newsprism.store.sqlite import SQLiteStore

pytestmark = pytest.mark.slow  # the whole pipeline with its models

FERRY = "https://harbourpost.example/2031/05/06/ferry-capsized"


def _write(folder: Path, toll_sentence: str) -> None:
    records = [
        {"url": FERRY, "outlet": "Harbour Post", "published": "2031-05-06T09:00",
         "title": "Ferry capsizes off Orvan",
         "text": "A passenger ferry capsized off the port of Orvan on Tuesday morning. "
                 f"{toll_sentence} Rescue boats searched the bay all day, the coast guard said."},
        {"url": "https://coastdaily.example/ferry-orvan", "outlet": "Coast Daily",
         "published": "2031-05-06T12:00", "title": "Ferry disaster at Orvan",
         "text": "A passenger ferry capsized off the port of Orvan on Tuesday. "
                 "At least 20 people were killed, the coast guard said. "
                 "Rescue boats searched the bay all day."},
    ]  # fmt: skip
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")


def test_a_figure_revised_on_the_same_page_is_an_update_with_both_versions(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    db = tmp_path / "n.db"
    _write(corpus, "At least 20 people were killed, the coast guard said.")
    with SQLiteStore(db) as store:
        analyze([corpus], store)
    _write(corpus, "The death toll rose to 35 on Tuesday evening, the coast guard said.")
    with SQLiteStore(db) as store:
        analyze([corpus], store)
        [report] = [r for r in store.reports() if len([a for a in r.articles if a.current]) == 2]
    old = [a for a in report.articles if not a.current]
    assert [a.version for a in old] == [1] and old[0].outlet == "Harbour Post"
    killed = next(f for f in report.findings if f.slot.startswith("killed"))
    assert killed.grade == "update", killed.explanation
    assert [s.value for s in killed.development][-1].startswith("35")
    assert any(v.cite.article == old[0].id for v in killed.values)  # the superseded figure
    assert report.n_conflicts == 0
