"""Shared test settings and the real inputs every test file reads.

The seeds are real scraped pages kept beside the repository (../shared/seeds); they
are read from there, never copied into the repository. Each way of preparing them
(cleaned articles, the February story through the language layer, a whole analyzed
store) is built once per session here, so every test file sees the same inputs.

Markers: ``slow`` for tests that spawn processes (the CLI, process pools) or start Dask,
PostgreSQL or Chromium (``browser`` and ``postgres`` imply ``slow``), run the whole
pipeline on a corpus, or score a benchmark sample or a fuzzing run (tens of seconds
each). Loading spaCy or WordLlama is not slow: each loads once per session and is then
shared, so ``bash scripts/test.sh --fast`` runs every language, stories and compare
rule for the edit loop; CI runs everything.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsprism.model import (
    Annotations,
    Article,
    Entity,
    RawDocument,
    ReusePair,
    Source,
    Story,
    sha256_hex,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
BENCH = SHARED / "bench"
EXAMPLES = ROOT / "examples" / "corpus"
IN_CI = os.environ.get("CI") == "true"
FEBRUARY_SEEDS = ("000", "001", "002", "004")
"""The pages whose first article is the 8 February 2024 story."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("browser") or item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.slow)


# --------------------------------------------------------------------------- seeds


def seed_path(prefix: str) -> Path:
    """The seed page whose file name starts with ``prefix`` ("000" ... "004")."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def clean_seed(prefix: str) -> list[Article]:
    """The articles newsprism cleans out of one seed page, as ingest would."""
    from newsprism.clean import clean_document

    path = seed_path(prefix)
    data = path.read_bytes()
    raw = RawDocument(
        Source(str(path), "text"), sha256_hex(data), text=data.decode("utf-8"), size=len(data)
    )
    return clean_document(raw)


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    """Cleaned seed articles by name: "000a" and "000b" (the two articles of page 000),
    "001" ... "004"."""
    out: dict[str, Article] = {}
    for prefix in ("000", "001", "002", "003", "004"):
        for article in clean_seed(prefix):
            out[prefix + "ab"[article.part] if prefix == "000" else prefix] = article
    assert set(out) == {"000a", "000b", "001", "002", "003", "004"}, sorted(out)
    return out


@dataclass(slots=True)
class SeedStory:
    """The February 2024 story through the real upstream stages."""

    story: Story
    articles: list[Article]
    annotations: dict[str, Annotations]
    entities: dict[str, Entity]
    reuse: list[ReusePair]

    def article(self, prefix: str) -> Article:
        return next(a for a in self.articles if Path(a.source.path).name.startswith(prefix))

    @property
    def ids(self) -> dict[str, str]:
        return {Path(a.source.path).name[:3]: a.id for a in self.articles}

    def compare(self, **options: Any) -> Any:
        from newsprism.compare import CompareOptions, compare_story

        return compare_story(
            self.story,
            self.articles,
            self.annotations,
            self.entities,
            self.reuse,
            options=CompareOptions(**options),
        )


def build_seed_story() -> SeedStory:
    """Undated articles borrow the story's date (8 Feb 2024), as the pipeline would."""
    from newsprism.language import annotate, reanchor_times, resolve_entities
    from newsprism.stories import find_reuse

    articles = [clean_seed(prefix)[0] for prefix in FEBRUARY_SEEDS]
    annotations = {a.id: n for a, n in zip(articles, annotate(articles), strict=True)}
    for a in articles:
        if a.published is None:
            annotations[a.id] = reanchor_times(a, annotations[a.id], date(2024, 2, 8), "story")
    entities = {e.id: e for e in resolve_entities(articles, annotations)}
    story = Story("feb-2024", "Iraq and the US-led coalition", [a.id for a in articles])
    return SeedStory(story, articles, annotations, entities, find_reuse(articles))


@pytest.fixture(scope="session")
def seed_story() -> SeedStory:
    return build_seed_story()


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite store holding the whole pipeline's output on the five seed pages.
    Tests open it read-only; none may write to it."""
    from newsprism.pipeline import analyze
    from newsprism.store.sqlite import SQLiteStore

    db = tmp_path_factory.mktemp("seed-store") / "seeds.db"
    with SQLiteStore(db) as store:
        analyze(sorted(SEEDS.glob("*.txt")), store)
    return db


def comparison(
    story_id: str,
    title: str = "",
    *,
    outlets: tuple[str, ...] = (),
    span: tuple[str | None, str | None] = (None, None),
    contradictions: int = 0,
    differences: int = 0,
) -> Any:
    """A small, valid story comparison for store and web tests that need no pipeline:
    ``contradictions`` findings graded "contradict" and ``differences`` graded "differs"."""
    from newsprism.compare.records import (
        SCHEMA_VERSION,
        ArticleRef,
        Finding,
        Overview,
        StoryComparison,
        StorySpan,
    )

    articles = [
        ArticleRef(f"{story_id}-a{i}", o, None, None, None, None, None, None, [], None, None)
        for i, o in enumerate(outlets)
    ]
    findings = [
        Finding(f"c{i}", "number", "killed (people)", grade, "", [], 0.9)
        for i, grade in enumerate(["contradict"] * contradictions + ["differs"] * differences)
    ]
    overview = Overview(
        contradictions=[f.id for f in findings if f.grade == "contradict"],
        differences=[f.id for f in findings if f.grade == "differs"],
    )
    empty: list[Any] = []
    return StoryComparison(
        SCHEMA_VERSION, story_id, title, StorySpan(*span), sorted(set(outlets)), articles,
        overview, findings, *(list(empty) for _ in range(10)),
    )  # fmt: skip


# --------------------------------------------------------------------------- other real things


@pytest.fixture(scope="session")
def cluster() -> Iterator[Any]:
    """A real Dask LocalCluster with two worker processes, shared by the scale tests
    (a test that kills a worker leaves it to the nanny to restart)."""
    import distributed

    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
    ) as c:
        yield c


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsprism.db"
