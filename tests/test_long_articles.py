"""Issue 14.2: one article over 1,000,000 characters stopped the analysis of the whole store.

The long article is real sentences (invented news), built by the test. With the
default limit it is refused when cleaned, with a problem, and the run goes on; with
the limit raised past what spaCy parses, annotation fails on it alone, which is
recorded as a problem while every other article is annotated.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsprism.pipeline import analyze, annotate_store, ingest
from newsprism.settings import Options
from newsprism.store.sqlite import SQLiteStore
from tests.helpers_input import FLOOD_PARAGRAPHS

pytestmark = pytest.mark.slow  # loads the spaCy and WordLlama models


def long_text(chars: int) -> str:
    rng = random.Random(5)
    names = ["Mira Kalden", "Tomas Brel", "Ana Ruiz", "Ivo Stan"]
    places = ["Ostrel", "Varna", "Kellin", "Dorva"]
    verbs = ["inspected", "closed", "reopened", "visited", "described"]
    things = ["the bridge", "the levee", "the market square", "the old mill", "the harbour road"]
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        p = " ".join(
            f"{rng.choice(names)} {rng.choice(verbs)} {rng.choice(things)} in "
            f"{rng.choice(places)} on day {rng.randint(1, 900)}."
            for _ in range(5)
        )
        paragraphs.append(p)
        size += len(p) + 2
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("long")
    (folder / "a_flood.txt").write_text("\n\n".join(FLOOD_PARAGRAPHS))
    (folder / "b_huge.txt").write_text(long_text(1_200_000))
    (folder / "c_flood.txt").write_text("\n\n".join(FLOOD_PARAGRAPHS[::-1]))
    return folder


def test_an_over_long_article_is_refused_and_the_rest_is_analysed(
    corpus: Path, tmp_path: Path
) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        summary = analyze([corpus], store, tmp_path / "out")
        assert summary.ingest.documents_new == 3
        assert summary.annotated == 2
        assert summary.stories >= 1 and summary.report_files
        assert sorted(Path(a.source.path).name for a in store.articles()) == [
            "a_flood.txt",
            "c_flood.txt",
        ]
        assert store.count_raw() == 3  # the refused page's raw input is kept
        problems = [(Path(p.path).name, p.reason) for p in store.problems()]
    size = len((corpus / "b_huge.txt").read_text())
    assert problems == [
        (
            "b_huge.txt",
            f"article 1 of the page is {size:,} characters, over the 1,000,000-character "
            "limit (ingest.max_article_chars); not stored",
        )
    ]
    with SQLiteStore(tmp_path / "s.db") as store:  # a later run is not stopped either
        assert analyze([corpus], store).annotated == 0


def test_an_article_the_language_layer_fails_on_is_a_problem_not_the_end(
    corpus: Path, tmp_path: Path
) -> None:
    options = Options()
    options.ingest.max_article_chars = 2_000_000  # past what spaCy parses at once
    with SQLiteStore(tmp_path / "s.db") as store:
        ingest([corpus], store, options)
        assert store.count_articles() == 3
        assert annotate_store(store, options) == 2
        annotated = store.get_annotations()
        by_name = {Path(a.source.path).name: a.id for a in store.articles()}
        problems = store.problems()
    assert set(annotated) == {by_name["a_flood.txt"], by_name["c_flood.txt"]}
    assert annotated[by_name["c_flood.txt"]].mentions  # really annotated, after the failure
    (problem,) = problems
    assert Path(problem.path).name == "b_huge.txt"
    assert problem.reason.startswith(f"article {by_name['b_huge.txt']} not annotated: ValueError:")
    assert "E088" in problem.reason
