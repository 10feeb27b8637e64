"""report.json / report.html / report.md written from a real store of invented articles."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import lxml.html
import pytest
from browser import HOSTILE_TITLE, build_store

from newsprism.compare.records import ArticleRef, ReuseLink, StorySpan, TimelineEvent
from newsprism.report import ReportFiles, write_reports
from newsprism.report.charts import reuse_graph, timeline_chart
from newsprism.report.files import story_folders
from newsprism.report.highlight import Mark, highlight, paragraph_spans
from newsprism.report.templating import csp_hash
from newsprism.store.sqlite import SQLiteStore

pytestmark = pytest.mark.slow  # loads the spaCy/WordLlama models or spawns processes

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "newsprism/schema/story.schema.json").read_text()
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], SQLiteStore, Path]:
    root = tmp_path_factory.mktemp("report")
    ids = build_store(root / "store.db")
    return ids, SQLiteStore(root / "store.db", read_only=True), root


@pytest.fixture(scope="module")
def files(built: tuple[dict[str, Any], SQLiteStore, Path]) -> ReportFiles:
    _, store, root = built
    return write_reports(store, root / "out")


@pytest.fixture(scope="module")
def doc(files: ReportFiles) -> Any:
    return lxml.html.fromstring(files.html.read_text("utf-8"))


def test_fixture_reports_follow_the_schema(built: tuple[dict[str, Any], SQLiteStore, Path]) -> None:
    _, store, _ = built
    for report in store.reports():
        jsonschema.validate(report.to_json(), SCHEMA)


def test_json_has_every_story_and_an_index(files: ReportFiles, built: Any) -> None:
    ids, store, _ = built
    data = json.loads(files.json.read_text("utf-8"))
    assert files.n_stories == 2
    assert data["stories"] == [r.to_json() for r in store.reports()]
    index = {e["id"]: e for e in data["index"]}
    assert index[ids["flood"]] == {
        "id": ids["flood"],
        "title": "Velmora flood kills at least a dozen",
        "span": {"start": "2031-03-18", "end": "2031-03-19"},
        "outlets": ["Coastline Daily", "Harbor Gazette", "Northern Wire"],
        "n_articles": 3,
        "n_conflicts": 1,
    }
    assert index[ids["hostile"]]["n_conflicts"] == 0


def test_story_ids_select_stories(built: Any, tmp_path: Path) -> None:
    ids, store, _ = built
    out = write_reports(store, tmp_path, [ids["hostile"], "no-such-story"])
    data = json.loads(out.json.read_text("utf-8"))
    assert [s["id"] for s in data["stories"]] == [ids["hostile"]]
    assert "Velmora" not in out.html.read_text("utf-8")


def _html_files(files: ReportFiles) -> list[Path]:
    return [files.html, *files.stories.values()]


def test_every_html_file_is_self_contained(files: ReportFiles) -> None:
    assert len(_html_files(files)) == 3
    for path in _html_files(files):
        html = path.read_text("utf-8")
        doc = lxml.html.fromstring(html)
        assert doc.xpath("//link|//img|//iframe|//object|//script[@src]|//*[@style]") == []
        assert "@import" not in html
        assert re.findall(r"url\((?!#)", html) == []  # only in-page SVG marker references
        originals = doc.xpath("//p[@class='meta']/a[@rel='noopener noreferrer nofollow']/@href")
        assert all(h.startswith("https://") for h in originals)
        others = [h for h in doc.xpath("//a/@href") if h not in originals]
        assert not [h for h in others if "://" in h or h.startswith(("/", "javascript:"))], path


def test_csp_meta_pins_the_inline_blocks(files: ReportFiles) -> None:
    for path in _html_files(files):
        doc = lxml.html.fromstring(path.read_text("utf-8"))
        csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
        (style,) = doc.xpath("//style")
        (script,) = doc.xpath("//script")
        assert f"style-src {csp_hash(style.text)}" in csp
        assert f"script-src {csp_hash(script.text)}" in csp
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp


def _local_links(path: Path) -> list[tuple[Path, str]]:
    """Every relative link of one report file, resolved against the file's own folder."""
    doc = lxml.html.fromstring(path.read_text("utf-8"))
    out = []
    for href in doc.xpath("//a/@href"):
        if "://" in href:
            continue
        target, _, fragment = href.partition("#")
        out.append(((path.parent / target).resolve() if target else path, fragment))
    return out


def test_relative_links_resolve_after_the_folder_is_copied(
    files: ReportFiles, tmp_path: Path
) -> None:
    copied = tmp_path / "mailed"
    shutil.copytree(files.html.parent, copied)
    pages = [copied / "report.html", *copied.glob("stories/*/report.html")]
    assert len(pages) == 3
    seen = set()
    for page in pages:
        for target, fragment in _local_links(page):
            assert target.is_file() and target.is_relative_to(copied), (page, target)
            if fragment:
                ids = lxml.html.fromstring(target.read_text("utf-8")).xpath("//@id")
                assert fragment in ids, (page, target, fragment)
            seen.add(target.relative_to(copied).as_posix())
    assert {"report.html", "stories/s-flood-0001/report.html"} <= seen
    assert "stories/s-flood-0001/report.json" in seen  # the story page links its JSON


def test_index_links_every_story_to_its_own_page(files: ReportFiles, doc: Any, built: Any) -> None:
    ids, _, root = built
    rows = doc.xpath("//table[@class='story-index']/tbody/tr")
    assert [r.get("data-story") for r in rows] == [ids["flood"], ids["hostile"]]
    first = [c.text_content().strip() for c in rows[0].xpath("./td")]
    assert first[0].startswith("Velmora flood kills at least a dozen")
    assert first[1:] == [
        "2031-03-18 – 2031-03-19",
        "Coastline Daily, Harbor Gazette, Northern Wire",
        "3",
        "1",
    ]
    links = [r.xpath(".//a[@class='story-page']/@href")[0] for r in rows]
    assert links == [f"stories/{ids['flood']}/report.html", f"stories/{ids['hostile']}/report.html"]
    assert files.stories == {
        ids["flood"]: root / "out" / links[0],
        ids["hostile"]: root / "out" / links[1],
    }
    digest = doc.xpath("//section[@class='top-stories']/article[1]//span[@class='support']")
    assert [d.text_content() for d in digest] == ["net support 3: 3 outlets, 2 independent"]


def test_story_page_holds_only_its_own_story(files: ReportFiles, built: Any) -> None:
    ids, store, _ = built
    flood = files.stories[ids["flood"]]
    page = lxml.html.fromstring(flood.read_text("utf-8"))
    assert page.xpath("//h1")[0].text_content() == "Velmora flood kills at least a dozen"
    assert page.xpath("//a[@class='brand']/@href") == ["../../report.html"]
    assert len(page.xpath("//article[@class='article-text']")) == 3
    assert "Council" not in page.text_content()
    saved = json.loads((flood.parent / "report.json").read_text("utf-8"))
    assert saved == store.get_report(ids["flood"]).to_json()
    md = (flood.parent / "report.md").read_text("utf-8")
    assert md.startswith("[← all stories](../../report.md)")
    assert (
        "killing 12 people, the regional police said. | ✓ states | ✓ states | ✗ contradicts |" in md
    )
    hostile = files.stories[ids["hostile"]].read_text("utf-8")
    assert "Velmora" not in hostile and "&lt;script&gt;window.__pwned = 1" in hostile


def test_large_corpus_index_lists_without_inlining(built: Any, tmp_path: Path) -> None:
    ids, store, _ = built
    files = write_reports(store, tmp_path, inline_max=1)
    doc = lxml.html.fromstring(files.html.read_text("utf-8"))
    assert doc.xpath("//section[@class='story']") == []
    assert doc.xpath("//article[@class='article-text']") == []
    assert len(doc.xpath("//table[@class='story-index']/tbody/tr")) == 2
    assert len(doc.xpath("//section[@class='top-stories']/article")) == 2
    md = files.md.read_text("utf-8")
    assert f"](stories/{ids['flood']}/report.md) (2031-03-18 – 2031-03-19 · 3 articles" in md
    assert "### Coverage" not in md
    data = json.loads(files.json.read_text("utf-8"))
    assert [s["id"] for s in data["stories"]] == [e["id"] for e in data["index"]]
    assert data["schema_version"] == "2"


def _our_folder(path: Path, extra: str | None = None) -> None:
    path.mkdir(parents=True)
    (path / "report.json").write_text(json.dumps({"schema_version": "1", "id": path.name}))
    (path / "report.html").write_text("<p>old</p>")
    if extra:
        (path / extra).write_text("mine")


def test_stale_story_folders_go_but_other_files_stay(built: Any, tmp_path: Path) -> None:
    ids, store, _ = built
    stories = tmp_path / "stories"
    _our_folder(stories / "st-old")
    _our_folder(stories / "st-annotated", extra="notes.txt")
    (stories / "photos").mkdir()
    (stories / "photos" / "report.json").write_text('{"caption": "not a story"}')
    (stories / "readme.txt").write_text("keep")
    files = write_reports(store, tmp_path)
    assert sorted(p.name for p in stories.iterdir()) == sorted(
        [ids["flood"], ids["hostile"], "st-annotated", "photos", "readme.txt"]
    )
    assert [p.name for p in (stories / "st-annotated").iterdir()] == ["notes.txt"]
    assert (stories / "photos" / "report.json").is_file()
    assert files.n_stories == 2
    again = write_reports(store, tmp_path, [ids["hostile"]])
    assert list(again.stories) == [ids["hostile"]]
    assert not (stories / ids["flood"]).exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp files


def test_story_folders_are_safe_and_unique() -> None:
    names = story_folders(["st-1a", "../../etc", "ST-1A", "", "a b/c"])
    assert names["st-1a"] == "st-1a"
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", n) for n in names.values())
    assert len({n.casefold() for n in names.values()}) == 5


def test_hostile_text_is_escaped_everywhere(files: ReportFiles, doc: Any) -> None:
    html = files.html.read_text("utf-8")
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned = 1" in html
    assert len(doc.xpath("//script")) == 1
    assert doc.xpath("//*[@onerror]") == []
    assert not any("javascript:" in h for h in doc.xpath("//a/@href"))
    assert any(h.text_content() == HOSTILE_TITLE for h in doc.xpath("//h2"))
    md = files.md.read_text("utf-8")
    assert "<script>" not in md and "\\<script\\>" in md


def _story(doc: Any, story_id: str) -> Any:
    return doc.get_element_by_id(f"story-{story_id}")


def test_coverage_matrix_marks_states_omits_contradicts(doc: Any, built: Any) -> None:
    ids, _, _ = built
    story = _story(doc, ids["flood"])
    table = story.xpath(".//table[@class='coverage']")[0]
    outlets = [th.text_content() for th in table.xpath(".//th[@class='outlet-col']")]
    assert outlets == ["Coastline Daily", "Harbor Gazette", "Northern Wire"]
    rows = table.xpath("./tbody/tr")
    states = [[td.get("class").split()[1] for td in row.xpath("./td")] for row in rows]
    assert states == [
        ["st-states", "st-states", "st-differs"],
        ["st-omits", "st-states", "st-omits"],
        ["st-states", "st-states", "st-contradicts"],
    ]
    contradicting = rows[2].xpath("./td")[2]
    assert "killing 14 people" in contradicting.xpath(".//details//blockquote")[0].text_content()
    assert contradicting.xpath(".//details//mark")[0].text_content() == "14"


def test_contradiction_shows_both_values_side_by_side(doc: Any, built: Any) -> None:
    ids, _, _ = built
    story = _story(doc, ids["flood"])
    (conflict,) = story.xpath(".//details[contains(@class,'grade-contradict')]")
    assert conflict.get("open") is not None
    figures = conflict.xpath(".//div[@class='side-by-side']/figure")
    captions = [f.xpath("./figcaption/strong")[0].text_content() for f in figures]
    assert captions == ["Harbor Gazette", "Northern Wire"]
    assert [f.xpath(".//mark")[0].text for f in figures] == ["12", "14"]


def test_quote_variant_diff_is_marked(doc: Any) -> None:
    dels = [d.text for d in doc.xpath("//td[@class='diff']/del")]
    ins = [i.text for i in doc.xpath("//td[@class='diff']/ins")]
    assert dels == ["this"] and ins == ["so"]
    (cell,) = [c for c in doc.xpath("//td[@class='diff']") if c.xpath("./del")]
    assert "rise this so fast" in " ".join(cell.text_content().split())  # runs kept apart


def test_framing_timeline_reuse_and_digest(doc: Any, built: Any) -> None:
    ids, _, _ = built
    story = _story(doc, ids["flood"])
    framing = story.xpath(".//table[@class='framing-table']//tr[th='Lina Okafor']/td")
    assert [td.text_content().strip() for td in framing] == ["embattled mayor", "Mayor", "—"]
    bars = story.xpath(".//svg[@class='timeline-chart']//rect")
    assert len(bars) == 2 and float(bars[0].get("x")) < float(bars[1].get("x"))
    edges = story.xpath(".//svg[@class='reuse-graph']//line[@marker-end]")
    assert len(edges) == 1
    assert "Northern Wire ← Coastline Daily" not in story.text_content()
    digest = story.xpath(".//section[@class='digest']//span[@class='support']")
    assert digest[0].text_content().startswith("net support 3: 3 outlets, 2 independent")


def test_article_text_is_highlighted_with_removed_lines(doc: Any, built: Any) -> None:
    ids, _, _ = built
    hg = ids["articles"]["Harbor Gazette"]
    art = doc.get_element_by_id(f"art-{ids['flood']}-{hg.id}")
    names = [m.text for m in art.xpath(".//div[@class='body']//mark[contains(@class,'hl-ent')]")]
    assert names == ["Velmora", "Lina Okafor"]
    assert [m.text for m in art.xpath(".//div//mark[contains(@class,'hl-num')]")] == ["12", "300"]
    assert art.xpath(".//div//mark[contains(@class,'hl-quote')]")[0].text.startswith(
        "We have never"
    )
    assert (
        art.xpath(".//div//mark[contains(@class,'hl-date')]")[0]
        .get("title")
        .startswith("date 2031-03-18")
    )
    removed = art.xpath(".//details[@class='removed']//tr/td[2]")
    assert [r.text for r in removed] == ["interface", "photo-caption"]
    body = "".join(p.text_content() for p in art.xpath(".//div[@class='body']/p"))
    assert body == hg.text.replace("\n\n", "")


def test_markdown_lists_conflicts_and_coverage(files: ReportFiles) -> None:
    md = files.md.read_text("utf-8")
    assert "✓ states | ✓ states | ✗ contradicts |" in md
    assert "  - Northern Wire: **14** — “14”" in md
    assert "river rise ~~this~~ **so** fast" in md
    assert "Northern Wire ↔ Coastline Daily: wire-copy (0.91), origin: Northern Wire" in md


def test_highlight_cuts_overlapping_spans_without_losing_text() -> None:
    text = "Mayor Ana Ruiz said 40 homes burned.\n\nSecond paragraph here."
    marks = [Mark((6, 14), "ent"), Mark((0, 36), "quote"), Mark((20, 22), "num")]
    paras = highlight(text, marks)
    assert [p.span for p in paras] == paragraph_spans(text) == [(0, 36), (38, 60)]
    first = paras[0].segments
    assert "".join(s.text for s in first) == text[:36]
    assert [(s.text, s.kinds) for s in first[:3]] == [
        ("Mayor ", ("quote",)),
        ("Ana Ruiz", ("ent", "quote")),
        (" said ", ("quote",)),
    ]
    assert paras[1].segments[0].kinds == ()
    assert highlight("short", [Mark((2, 99), "ent")])[0].segments[0].kinds == ()


def _event(start: str, end: str, description: str) -> TimelineEvent:
    return TimelineEvent(start, end, "day", 0.9, "event", description, "s", False, [], [])


def test_charts_skip_undated_events_and_orient_arrows() -> None:
    chart = timeline_chart(
        [
            _event("2024-02-08", "2024-02-08", "b"),
            _event("not a date", "", "x"),
            _event("2024-02-04", "2024-02-07", "a"),
        ]
    )
    assert [r.description for r in chart.rows] == ["a", "b"] and chart.skipped == 1
    assert chart.rows[0].width > chart.rows[1].width
    graph = reuse_graph(
        [_ref("x", "X"), _ref("y", "Y")],
        [
            ReuseLink("x", "y", "wire-copy", 0.9, "Reuters", None, []),
            ReuseLink("x", "y", "partial", 0.5, "y", None, []),
        ],
    )
    pairs = [(e.source, e.target, e.directed) for e in graph.edges]
    assert pairs == [("agency:Reuters", "x", True), ("agency:Reuters", "y", True), ("y", "x", True)]


def _ref(aid: str, outlet: str) -> ArticleRef:
    return ArticleRef(aid, outlet, None, None, None, None, None, None, [], None, None)


def test_timeline_axis_leaves_old_background_off_the_chart() -> None:
    chart = timeline_chart(
        [_event("2014-06-01", "2014-06-30", "the group seized the city"),
         _event("2024-02-02", "2024-02-02", "strikes"),
         _event("2024-02-07", "2024-02-07", "drone strike")],
        StorySpan("2024-02-08", "2024-02-08"),
    )  # fmt: skip
    assert [r.description for r in chart.rows] == ["strikes", "drone strike"]
    assert [r.description for r in chart.background] == ["the group seized the city"]
    assert chart.ticks[0].label == "2024-02-02"
