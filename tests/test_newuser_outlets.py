"""Articles whose outlet nobody stated: one "unknown outlet", each listed by its file.

Three invented reports of one event: one file names its outlet in a sidecar, two say
nothing and carry no URL. A new user must read "2 outlets" (the named one and the
unknown one), see the two unnamed articles listed by their files under "unknown
outlet" (never as outlets called "b.txt"), and be told how to name them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.model import Article, Source, outlet_count

pytestmark = pytest.mark.slow  # spawns the CLI, which loads the models

REPORTS = {
    "a": "Kiln fire closes Marrow Street\n\nA fire at a pottery kiln on Marrow Street in "
    "Ebbsford forced 60 people from their homes on Sunday night, the fire brigade said.\n\n"
    "Crews from three stations fought the blaze for four hours; nobody was hurt.\n\n"
    "The brigade said the kiln had been left running overnight.",
    "b": "Sixty evacuated as kiln fire burns in Ebbsford\n\nSixty residents of Marrow Street "
    "in Ebbsford were evacuated on Sunday night when a pottery kiln caught fire, the fire "
    "brigade said.\n\nFirefighters from three stations needed four hours to put out the "
    "fire, and no injuries were reported.\n\nThe kiln had been left running overnight.",
    "c": "Ebbsford kiln blaze forces evacuation\n\nAbout 60 people left their homes on "
    "Marrow Street in Ebbsford on Sunday night after a kiln fire at a pottery, according "
    "to the fire brigade.\n\nThree fire stations sent crews, who fought the fire for four "
    "hours. No one was injured.\n\nThe kiln had been running overnight, the brigade said.",
}


def test_an_article_without_outlet_or_url_is_shown_as_unknown_outlet_with_its_file() -> None:
    article = Article("x", Source("saved/b.txt", "text"), "sha", 0, "text")
    assert article.display_outlet == "unknown outlet (b.txt)"
    names = ["Tarn Gazette", "unknown outlet (b.txt)", "unknown outlet (c.txt)"]
    assert outlet_count(names) == 2
    assert outlet_count(["unknown outlet (b.txt)"]) == 1
    assert outlet_count([]) == 0


def test_analyze_counts_unknown_outlets_once_and_says_how_to_name_them(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "a.meta.json").write_text(json.dumps({"outlet": "Ebbsford Chronicle"}))
    db, out = tmp_path / "fire.db", tmp_path / "out"
    res = subprocess.run(
        [sys.executable, "-m", "newsprism", "analyze", str(folder), "--db", str(db),
         "--out", str(out), "--quiet", "--json"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)
    assert (summary["articles"], summary["outlets"], summary["unknown_outlets"]) == (3, 2, 2)
    assert "manifest.csv" in res.stderr and ".meta.json" in res.stderr
    assert "2 outlets" in (out / "report.html").read_text(encoding="utf-8")
    (page,) = (out / "stories").glob("*/report.html")
    html = page.read_text(encoding="utf-8")
    table = html.split('class="articles"', 1)[1].split("</table>", 1)[0]
    assert "unknown outlet (b.txt)" in table and "unknown outlet (c.txt)" in table
    assert "3 articles · 2 outlets" in html
