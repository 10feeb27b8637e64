"""What a reader reads: plurals, one word for contradictions, dates as dates, and no
internal rule name ("page:lead-weekday") in a table.

Unit checks of the one wording module, then one real ``analyze`` of two invented
articles known only by their day, read back from the written story page and the CLI.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsprism.wording import counted, date_source, shown_time


def test_counts_are_singular_for_one_only() -> None:
    assert counted(1, "article") == "1 article"
    assert counted(0, "article") == "0 articles"
    assert counted(1, "story", "stories") == "1 story"
    assert counted(2, "story", "stories") == "2 stories"


def test_a_day_shows_as_a_day_and_a_time_keeps_its_offset() -> None:
    assert shown_time("2024-02-08T00:00:00") == "2024-02-08"
    assert shown_time(datetime(2024, 2, 8, 14, 30)) == "2024-02-08 14:30"
    plus_one = timezone(timedelta(hours=1))
    assert shown_time(datetime(2024, 2, 8, 9, 5, tzinfo=plus_one)) == "2024-02-08 09:05 +01:00"
    assert shown_time(None) is None


def test_date_sources_read_as_words_never_as_rule_names() -> None:
    assert date_source("page:lead-weekday") == "from the weekday in its lead"
    assert date_source("metadata") == "from the input's metadata"
    assert date_source("page:some-future-rule") == "from the page"
    assert date_source("brand-new") == "inferred"
    assert date_source(None) is None


LEVEE = [
    ("Brack Valley News", "https://brack.example/levee",
     "Levee repairs finished at Holm", "Workers finished repairing the levee at Holm on "
     "Monday, two months after a breach flooded 80 homes, the river authority said.\n\n"
     "The authority said the repaired section was raised by half a metre."),
    ("Holm Weekly", "https://holmweekly.example/news/levee",
     "Holm levee repaired two months after breach", "The river authority said on Monday "
     "that repairs to the levee at Holm were complete, two months after a breach that "
     "flooded 80 homes.\n\nThe repaired section is half a metre higher, it said."),
]  # fmt: skip


@pytest.mark.slow
def test_story_page_and_cli_show_the_day_and_where_it_was_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, (outlet, url, title, text) in enumerate(LEVEE):
        record = {"outlet": outlet, "url": url, "title": title, "text": text,
                  "published": "2024-06-03"}  # fmt: skip
        (folder / f"{i}.json").write_text(json.dumps(record), encoding="utf-8")
    db, out = tmp_path / "levee.db", tmp_path / "out"
    res = subprocess.run(
        [sys.executable, "-m", "newsprism", "analyze", str(folder), "--db", str(db),
         "--out", str(out), "-q"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "contradictions" in res.stdout and "conflicts" not in res.stdout
    (page,) = (out / "stories").glob("*/report.html")
    html = page.read_text(encoding="utf-8")
    table = html.split('class="articles"', 1)[1].split("</table>", 1)[0]
    assert "<td>2024-06-03 <small>(from the input&#39;s metadata)</small></td>" in table
    assert "T00:00" not in table and "(metadata)" not in table
    assert "2 articles · 2 outlets · 0 contradictions" in html
    one = html.replace("0 contradictions", "")
    assert "1 articles" not in one and "1 outlets" not in one


def test_a_written_zone_is_shown_with_the_time() -> None:
    from newsprism.model import Article, Source
    from newsprism.report.views import published_with_zone

    article = Article("a", Source("a.html", "html"), "sha", 0, "text",
                      published=datetime(2024, 2, 8, 14, 30),
                      published_text="2024-02-08T14:30:00+01:00")  # fmt: skip
    assert shown_time(published_with_zone(article)) == "2024-02-08 14:30 +01:00"
    article.published_text = "8 February 2024, 14:30"  # no zone written: none invented
    assert shown_time(published_with_zone(article)) == "2024-02-08 14:30"


def test_outlet_sources_read_as_words() -> None:
    from newsprism.wording import outlet_source

    assert outlet_source("page:copyright") == "from the page's copyright line"
    assert outlet_source("url:domain") == "from the URL's domain"
    assert outlet_source("page:new-rule") == "from the page"
    assert outlet_source(None) == "not stated"
