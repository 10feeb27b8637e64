"""A changed page is one article with versions, everywhere a new user looks.

Three invented outlets report one flood; one of them edits its page (a new headline,
a higher figure, a paragraph added) and the folder is analyzed again with the real
CLI into a real SQLite store. The story must still be three articles from three
outlets: in the store (one current version per URL, the newest), the report pages,
the Versions section (once), the story list and the CSV export.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.store.sqlite import SQLiteStore

pytestmark = pytest.mark.slow  # spawns the CLI, which loads the models

FLOOD = [
    (
        "Tarn Gazette",
        "https://tarn.example/a/flood",
        "Floodwaters cut off Bellmora valley",
        "Floodwaters from the swollen Ostra river cut off the Bellmora valley on Tuesday, "
        "stranding about 400 residents in three villages, the civil protection office said.\n\n"
        "Rescue teams used boats to reach elderly residents in Kessin, the worst-hit village, "
        "where water rose to the first floor of homes overnight.\n\n"
        "The office said 12 people had been taken to hospital with minor injuries and that "
        "no deaths had been reported.\n\n"
        "Forecasters expect more rain in the valley on Wednesday, and the regional governor, "
        "Ilse Varro, asked residents to stay away from the riverbanks.",
    ),
    (
        "Ostra Courier",
        "https://courier.example/news/bellmora",
        "Hundreds stranded as Ostra river floods Bellmora",
        "About 400 people were stranded in the Bellmora valley on Tuesday after the Ostra "
        "river burst its banks, according to the civil protection office.\n\n"
        "Boats were sent to Kessin, where rising water reached the first floor of several "
        "homes during the night.\n\n"
        "Twelve people were treated in hospital for minor injuries, the office said, and "
        "nobody was killed.\n\n"
        "Governor Ilse Varro urged residents to keep away from the river as more rain was "
        "forecast for Wednesday.",
    ),
    (
        "Valley Post",
        "https://valleypost.example/2024/flood",
        "Bellmora valley cut off by flooding",
        "The Ostra river flooded the Bellmora valley on Tuesday and left some 400 residents "
        "of three villages cut off, the civil protection office said.\n\n"
        "In Kessin, rescuers in boats evacuated elderly people as the water climbed to the "
        "first floor of houses.\n\n"
        "Twelve people were taken to hospital with minor injuries; no one died, the office "
        "said.\n\n"
        "Regional governor Ilse Varro told residents to avoid the riverbanks, with more rain "
        "expected on Wednesday.",
    ),
]
NEW_TITLE = "Floodwaters cut off Bellmora valley; 15 in hospital"
ADDED = "A second convoy of boats reached the village of Marl late on Tuesday, the office said."


def write_corpus(folder: Path, *, edited: bool) -> None:
    folder.mkdir(exist_ok=True)
    for i, (outlet, url, title, text) in enumerate(FLOOD):
        if edited and i == 0:
            title = NEW_TITLE
            text = text.replace("12 people", "15 people") + "\n\n" + ADDED
        record = {"url": url, "outlet": outlet, "title": title, "text": text,
                  "published": "2024-03-05T09:00:00Z"}  # fmt: skip
        (folder / f"page{i}.json").write_text(json.dumps(record), encoding="utf-8")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def edited_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, Path]]:
    root = tmp_path_factory.mktemp("edited")
    corpus, db, out = root / "corpus", root / "flood.db", root / "out"
    for edited in (False, True):
        write_corpus(corpus, edited=edited)
        res = cli("analyze", str(corpus), "--out", str(out), "--db", str(db), "--quiet")
        assert res.returncode == 0, res.stderr
    exported = root / "export"
    res = cli("export", "--format", "csv", "--stories", "--out", str(exported), "--db", str(db))
    assert res.returncode == 0, res.stderr
    yield db, out, exported


def test_the_store_keeps_one_current_version_per_url_and_it_is_the_newest(
    edited_run: tuple[Path, Path, Path],
) -> None:
    db, _, _ = edited_run
    with SQLiteStore(db, read_only=True) as store:
        current = {a.key: a for a in store.articles()}
        assert len(current) == 3 == store.count_articles()
        tarn = next(a for a in current.values() if a.outlet == "Tarn Gazette")
        assert (tarn.version, tarn.title) == (2, NEW_TITLE)
        versions = store.article_versions(tarn.key)
    assert [(v.article.version, v.current) for v in versions] == [(1, False), (2, True)]


def test_report_counts_each_article_once_and_prints_versions_once(
    edited_run: tuple[Path, Path, Path],
) -> None:
    _, out, _ = edited_run
    (page,) = (out / "stories").glob("*/report.html")
    html = page.read_text(encoding="utf-8")
    assert "3 articles · 3 outlets" in html and "4 articles" not in html
    assert "4 articles" not in (out / "report.html").read_text(encoding="utf-8")
    assert html.count("Versions: articles changed") == 1
    assert html.count("<summary><strong><bdi>Tarn Gazette</bdi></strong>") == 1  # one history
    articles_table = html.split('class="articles"', 1)[1].split("</table>", 1)[0]
    assert articles_table.count("Tarn Gazette") == 1
    assert NEW_TITLE in articles_table
    markdown = page.with_suffix(".md").read_text(encoding="utf-8")
    assert "3 articles" in markdown and markdown.count("### Versions") == 1
    assert markdown.count("#### Tarn Gazette") == 1


def test_story_list_and_export_agree_on_the_articles(edited_run: tuple[Path, Path, Path]) -> None:
    db, _, exported = edited_run
    listing = json.loads(cli("stories", "--json", "--db", str(db)).stdout)
    assert [s["articles"] for s in listing] == [3]
    with (exported / "articles.csv").open(encoding="utf-8") as fh:
        article_ids = {row["id"] for row in csv.DictReader(fh)}
    with (exported / "stories.csv").open(encoding="utf-8") as fh:
        (story,) = list(csv.DictReader(fh))
    assert set(json.loads(story["articles"])) == article_ids
    assert story["n_articles"] == "3"


STORM = [
    ("Tarn Gazette", "https://tarn.example/a/storm", "Storm batters Quillon harbour",
     "A storm battered Quillon harbour on Monday night, sinking two fishing boats and "
     "flooding the seafront road, the coastguard said.\n\nAt least 9 people were injured, "
     "the coastguard said on Tuesday morning.\n\nThe harbour will stay closed until the "
     "breakwater has been inspected."),
    ("Ostra Courier", "https://courier.example/news/quillon-storm",
     "Two boats sunk as storm hits Quillon",
     "Two fishing boats sank in Quillon harbour when a storm hit the town on Monday night, "
     "according to the coastguard.\n\nNine people were injured, the coastguard said.\n\n"
     "The seafront road was flooded and the harbour closed until the breakwater is inspected."),
]  # fmt: skip


def storm_page(outlet: str, title: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="{outlet}">'
        '<meta property="article:published_time" content="2024-03-05T09:00:00Z"></head>'
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def test_a_revised_figure_is_dated_by_its_fetch_not_the_first_publication(
    tmp_path: Path,
) -> None:
    from newsprism.collect.run import collect
    from newsprism.pipeline import annotate_store, cluster_store, compare_store
    from tests.test_collect import fast_options
    from tests.test_newuser_headline import echo_site

    pages = {f"/{i}": storm_page(o, t, x) for i, (o, _, t, x) in enumerate(STORM)}
    with echo_site(pages) as base, SQLiteStore(tmp_path / "storm.db") as store:
        urls = [f"{base}/{i}" for i in range(len(STORM))]
        collect(store, urls=urls, options=fast_options())
        outlet, _, title, text = STORM[0]
        revised_text = text.replace("At least 9 people", "At least 14 people")
        pages["/0"] = storm_page(outlet, title, revised_text)
        collect(store, urls=urls, options=fast_options())
        annotate_store(store)
        cluster_store(store)
        compare_store(store)
        (report,) = [r for r in store.reports() if len(r.current_articles) == 2]
        tarn = next(a for a in store.articles() if a.outlet == "Tarn Gazette")
        fetched = store.article_versions(tarn.key)[-1].fetched_at
    assert tarn.version == 2 and fetched is not None
    (injured,) = [f for f in report.figures if f.outcome == "injured"]
    assert injured.figure == "At least 14 people"  # the revision is the story's figure
    steps = [(s.value, s.published) for s in injured.development]
    assert steps[-1] == ("At least 14 people", fetched.replace(tzinfo=None).isoformat())
    assert all(when == "2024-03-05T09:00:00" for _, when in steps[:-1])
