"""The web story list as a new user meets it: biggest story first, search hits that
name their outlet (never "None") and say how many more matched than are shown.

A real store from the real ``analyze`` of invented articles (a flood covered five
times, two of them by files with no known outlet; a fire covered three times, weeks
earlier), served by the real app on loopback and read in headless Chromium.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from browser import chromium_browser, live_server, screenshot

from newsprism.web import create_app
from tests.test_newuser_outlets import REPORTS as FIRE
from tests.test_newuser_versions import FLOOD

pytestmark = pytest.mark.browser

UNNAMED_FLOOD = [
    "Bellmora valley villages cut off\n\nThe Ostra river flooded three villages of the "
    "Bellmora valley on Tuesday, and about 400 people were stranded, the civil protection "
    "office said.\n\nBoats reached Kessin overnight and later the village of Marl, where "
    "the water reached the first floor of homes.\n\nTwelve people were taken to hospital.",
    "Boats reach stranded Bellmora residents\n\nRescuers in boats reached residents of "
    "Kessin and Marl in the flooded Bellmora valley on Tuesday after the Ostra river "
    "burst its banks, stranding about 400 people, the civil protection office said.\n\n"
    "Twelve people had minor injuries, and more rain is expected on Wednesday.",
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("weblist")
    folder = root / "in"
    folder.mkdir()
    for i, (outlet, url, title, text) in enumerate(FLOOD):
        record = {"outlet": outlet, "url": url, "title": title, "text": text,
                  "published": "2024-03-05T09:00:00Z"}  # fmt: skip
        (folder / f"flood{i}.json").write_text(json.dumps(record), encoding="utf-8")
    for i, text in enumerate(UNNAMED_FLOOD):
        (folder / f"saved{i}.txt").write_text(text, encoding="utf-8")
    for i, (name, text) in enumerate(FIRE.items()):
        title, body = text.split("\n\n", 1)
        record = {"outlet": f"Fire Desk {i}", "url": f"https://fire{i}.example/{name}",
                  "title": title, "text": body, "published": "2024-01-10T08:00:00Z"}  # fmt: skip
        (folder / f"fire{i}.json").write_text(json.dumps(record), encoding="utf-8")
    db = root / "web.db"
    res = subprocess.run(
        [sys.executable, "-m", "newsprism", "analyze", str(folder), "--db", str(db),
         "--out", str(root / "out"), "-q", "--json"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["stories"] == 2
    with live_server(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium_browser() as b:
        yield b


def test_the_story_list_puts_the_biggest_story_first(browser: Any, base: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(base + "/")
    titles = page.locator("li.story-item > a").all_inner_texts()
    sizes = page.locator("li.story-item > small:first-of-type").all_inner_texts()
    screenshot(page, "newuser-story-list")
    assert len(titles) == 2
    assert "5 articles" in sizes[0] and "3 articles" in sizes[1]  # the later, bigger story


def test_search_hits_name_their_outlet_and_say_how_many_more(browser: Any, base: str) -> None:
    page = browser.new_page(viewport={"width": 800, "height": 900})
    page.goto(base + "/?q=Bellmora")
    hits = page.locator("ul.matches > li")
    screenshot(page, "newuser-search")
    texts = hits.all_inner_texts()
    assert len(texts) == 4 and texts[-1] == "and 2 more"
    assert not any(t.endswith("None") for t in texts)
    page.goto(base + "/?q=Marl")
    texts = page.locator("ul.matches > li").all_inner_texts()
    assert texts and all("unknown outlet (saved" in t for t in texts), texts
