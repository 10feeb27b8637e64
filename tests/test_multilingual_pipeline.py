"""One invented bombing told in seven languages, end to end: the real CLI ingests the
scraped pages of examples/multilingual, and every page joins one story whose figures
hold each language's tolls with their own words; a different Spanish event the same
week and an unrelated English story stay apart. Then the CLI, the reports and the web
app show each article's language, and Spanish, Portuguese and French sentences carry
English glosses marked as machine translation (Apertium; scripts/test.sh installs it).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import lxml.html
import numpy as np
import pytest
from browser import live_server

from newsprism.compare.records import StoryComparison
from newsprism.model import Article
from newsprism.multilingual_encoder import encode
from newsprism.report.gloss import gloss, gloss_status
from newsprism.store import open_store
from newsprism.stories.evidence import article_evidence
from newsprism.stories.lead import lead_text
from newsprism.web import create_app
from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # runs the pipeline with its models in a subprocess

PAGES = ROOT / "examples" / "multilingual"
SAME_EVENT = {
    "The Tarsana Herald": "en", "Meridian Wire": "en", "Coastline Times": "en",
    "Diario del Sur": "es", "Folha do Atlântico": "pt", "Le Courrier du Monde": "fr",
    "Rundschau am Abend": "de", "Kabar Nusantara": "id", "Warta Dunia": "id",
    "اليوم الإخباري": "ar",
}  # fmt: skip


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args],
        capture_output=True,
        text=True,
        timeout=900,
    )


@dataclass
class Run:
    db: Path
    out: Path
    articles: dict[str, Article]
    story_of: dict[str, str]
    reports: dict[str, StoryComparison]

    def article(self, outlet: str, words: str) -> Article:
        return next(a for a in self.articles.values() if a.outlet == outlet and words in a.text)

    def bombing(self) -> StoryComparison:
        herald = self.article("The Tarsana Herald", "Twin explosions")
        return self.reports[self.story_of[herald.id]]


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory: pytest.TempPathFactory) -> Run:
    tmp = tmp_path_factory.mktemp("multilingual")
    db, out = tmp / "store.db", tmp / "report"
    res = run("analyze", str(PAGES), "--db", str(db), "--out", str(out), "--quiet")
    assert res.returncode == 0, res.stderr
    with open_store(db) as store:
        articles = {a.id: a for a in store.articles()}
        story_of = {a: s.id for s in store.stories() for a in s.articles}
        reports = {s.id: store.get_report(s.id) for s in store.stories()}
    return Run(db, out, articles, story_of, reports)


def test_every_page_of_the_bombing_joins_one_story(analyzed: Run) -> None:
    story = analyzed.bombing()
    languages = {a.outlet: a.language for a in story.articles}
    assert languages == SAME_EVENT
    ferry = analyzed.article("The Tarsana Herald", "ferry")
    assert analyzed.story_of[ferry.id] != story.id


@pytest.mark.xfail(
    strict=True,
    reason="known miss of the fitted grouping: the Spanish gas explosion three days later in "
    "the same city shares the outlet, the words and the place with the Spanish bombing page "
    "and joins the bombing story; its other day and other figures are not weighed enough "
    "(issue 20)",
)
def test_another_event_in_the_same_city_and_week_stays_out_of_the_bombing(
    analyzed: Run,
) -> None:
    story = analyzed.bombing()
    factory = analyzed.article("Diario del Sur", "fábrica textil")
    assert analyzed.story_of[factory.id] != story.id


def test_two_other_events_in_the_same_city_stay_apart(analyzed: Run) -> None:
    factory = analyzed.article("Diario del Sur", "fábrica textil")
    ferry = analyzed.article("The Tarsana Herald", "ferry")
    assert analyzed.story_of[factory.id] != analyzed.story_of[ferry.id]


def test_every_stated_toll_is_among_the_figures_with_its_language_and_words(
    analyzed: Run,
) -> None:
    story = analyzed.bombing()
    language_of = {a.id: a.language for a in story.articles}
    given = {
        (v.cite.outlet, language_of[v.cite.article], v.outcome, v.number, v.cite.text)
        for f in story.figures
        for v in f.values
    }
    for want in [
        ("Diario del Sur", "es", "killed", 84, "Al menos 84"),
        ("Diario del Sur", "es", "injured", 284, "284"),
        ("Folha do Atlântico", "pt", "killed", 103, "Pelo menos 103"),
        ("Le Courrier du Monde", "fr", "killed", 84, "Au moins 84"),
        ("Le Courrier du Monde", "fr", "injured", 284, "284"),
        ("Rundschau am Abend", "de", "killed", 84, "mindestens 84"),
        ("Kabar Nusantara", "id", "killed", 103, "Sedikitnya 103"),
        ("Warta Dunia", "id", "killed", 84, "84"),
        ("Warta Dunia", "id", "killed", 103, "103"),
        ("اليوم الإخباري", "ar", "killed", 84, "84"),
        ("اليوم الإخباري", "ar", "injured", 284, "284"),
        ("The Tarsana Herald", "en", "killed", 84, "84"),
    ]:
        assert want in given, want
    for f in story.figures:
        for v in f.values:  # every figure is the article's own words at its span
            art = analyzed.articles[v.cite.article]
            assert art.text[v.cite.span[0] : v.cite.span[1]] == v.cite.text


def test_the_indonesian_revision_is_read_as_from_103_to_84(analyzed: Run) -> None:
    story = analyzed.bombing()
    warta = analyzed.article("Warta Dunia", "merevisi")
    values = {
        v.number: v.update_cue
        for f in story.figures
        for v in f.values
        if v.cite.article == warta.id and v.outcome == "killed"
    }
    assert values[103] == "from"  # the figure the toll changed from
    assert values[84] != "from"


def test_reports_show_language_and_glosses_marked_as_machine_translation(
    analyzed: Run,
) -> None:
    assert gloss_status("es") is None, gloss_status("es")
    story = analyzed.bombing()
    glossed = {analyzed.articles[g.article].language for g in story.glosses}
    assert glossed == {"es", "pt", "fr"}
    assert all(g.note.startswith("machine translation") for g in story.glosses)
    assert story.gloss_note is not None and "German" in story.gloss_note
    folha = analyzed.article("Folha do Atlântico", "Pelo menos 103")
    lead = next(g for g in story.glosses if g.article == folha.id and g.sentence[0] == 0)
    assert "103 people" in lead.text
    page = next(analyzed.out.rglob("stories/*/report.html")).parent
    html = "".join(p.read_text(encoding="utf-8") for p in analyzed.out.rglob("report.html"))
    doc = lxml.html.fromstring(html)
    assert doc.xpath("//p[@class='gloss']"), page
    assert all("machine translation" in p.text_content() for p in doc.xpath("//p[@class='gloss']"))
    assert {"es", "pt", "fr", "de", "id", "ar", "en"} <= {
        td.text_content() for td in doc.xpath("//td[@class='language']")
    }
    # each outlet's figure names its language beside the outlet
    figs = doc.xpath("//table[@class='figures-table']//a[@class='fig']")
    assert {"en", "es", "pt", "fr", "de", "id", "ar"} <= {a.get("lang") for a in figs}
    spanish = next(a for a in figs if a.text_content() == "Al menos 84 personas")
    assert spanish.getnext().text_content() == "(Diario del Sur, es)"


def test_cli_lists_and_filters_articles_by_language(analyzed: Run) -> None:
    res = run("articles", "--db", str(analyzed.db), "--language", "id", "--json")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert sorted(r["outlet"] for r in rows) == ["Kabar Nusantara", "Warta Dunia"]
    assert {r["language"] for r in rows} == {"id"}


@pytest.fixture(scope="module")
def web(analyzed: Run) -> Iterator[httpx.Client]:
    with live_server(create_app(analyzed.db)) as base, httpx.Client(base_url=base) as client:
        yield client


def test_web_story_list_filters_by_language(analyzed: Run, web: httpx.Client) -> None:
    def shown(**params: str) -> set[str]:
        page = lxml.html.fromstring(web.get("/", params=params).text)
        return {a.get("href").rsplit("/", 1)[-1] for a in page.xpath("//li[@class='story-item']/a")}

    bombing = analyzed.bombing().id
    factory = analyzed.story_of[analyzed.article("Diario del Sur", "fábrica textil").id]
    assert shown(language="ar") == {bombing}
    assert shown(language="es") == {bombing, factory}
    assert len(shown()) == len(analyzed.reports)
    page = lxml.html.fromstring(web.get("/").text)
    assert "ar" in page.xpath("//select[@name='language']/option/text()")


# --------------------------------------------------------------------------- scoring


def test_the_fitted_model_scores_the_bombing_across_languages_as_one_event(
    analyzed: Run,
) -> None:
    """The model's pair score alone puts the English and the Spanish report of one
    bombing above the cut. The gas explosion in the same city three days later scores
    lower, but still above the cut: the known miss the xfail test above records."""
    from newsprism.stories import StoryOptions, embed_articles
    from newsprism.stories.same_event import packaged_model
    from newsprism.stories.signals import build_signals, pair_rows

    three = [
        analyzed.article("The Tarsana Herald", "Twin explosions"),
        analyzed.article("Diario del Sur", "Al menos 84"),
        analyzed.article("Diario del Sur", "fábrica textil"),
    ]
    with open_store(analyzed.db) as store:
        anns = store.get_annotations([a.id for a in three])
    options = StoryOptions()
    multi = encode([lead_text(a) for a in three])
    signals = build_signals(three, anns, embed_articles(three, options), multi, options)
    same, other = packaged_model().probability(
        pair_rows(signals, np.array([0, 0]), np.array([1, 2]))
    )
    cut = packaged_model().cut
    assert same >= cut and same > other, (same, other, cut)
    assert {d.weekday() for d in article_evidence(three[2], anns[three[2].id]).days} == {4}


def test_without_apertium_there_is_no_gloss_and_the_reason_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsprism.report import gloss as module

    monkeypatch.setenv("PATH", "/nonexistent")
    module._installed_modes.cache_clear()
    try:
        assert gloss(["Murieron 84 personas."], "es") is None
        assert "Apertium is not installed" in (gloss_status("es") or "")
    finally:
        module._installed_modes.cache_clear()


def test_claims_align_across_languages_in_the_coverage_matrix(analyzed: Run) -> None:
    story = analyzed.bombing()
    language_of = {a.id: a.language for a in story.articles}
    widest = max(story.facts, key=lambda f: len(f.carried_by))
    carried = {
        language_of[e.article] for c in widest.cells if c.state != "omits" for e in c.evidence
    }
    assert carried == {"en", "es", "pt", "fr", "de", "id", "ar"}, widest.text


def test_each_claim_is_shown_by_a_sentence_its_outlet_carries(analyzed: Run) -> None:
    """A sentence that states the toll and another claim ("284 injured, 41 of them
    critical", one Indonesian sentence) once merged the toll row into the Red Crescent's,
    so "41 critical" was shown as a claim of every outlet, carried by outlets that never
    report it."""
    story = analyzed.bombing()
    for fact in story.facts:
        own = next(c for c in fact.cells if c.outlet == fact.cite.outlet)
        assert own.state != "omits", fact.text
        assert (fact.cite.article, tuple(fact.cite.span)) in {
            (e.article, tuple(e.span)) for e in own.evidence
        }
    critical = next(f for f in story.facts if "Red Crescent" in f.text)
    assert "Coastline Times" not in critical.carried_by  # never reports the 41
    toll = max(story.facts, key=lambda f: len(f.carried_by))
    assert "41" not in toll.text
    # footers in other languages are copyright notices, not claims
    texts = " ".join(f.text for f in story.facts)
    assert not {"reservados", "réservés", "vorbehalten"} & set(texts.replace(".", " ").split())


def test_cross_language_scores_put_a_rendering_above_the_cut_and_others_below() -> None:
    from newsprism.compare.cross_language import cross_language_scores

    texts = [
        "Governor Yusuf Haddad declared three days of mourning in Kharzan province.",
        "El gobernador Yusuf Haddad decretó tres días de luto en la provincia.",
        "Los bomberos descartaron un atentado y atribuyeron la explosión a una fuga.",
        "The ministry said two ships would carry up to 600 passengers.",
    ]
    scores = cross_language_scores(texts, ["default", "es", "es", "default"], 0.66, 0.5)
    assert scores[0, 1] >= 0.66 and scores[0, 2] < 0.5  # the other event does not even carry
    assert scores[3, 1] < 0.5 and scores[3, 2] < 0.5
    assert scores[0, 3] == 0.0  # English with English: left to the comparison
    assert scores[1, 2] < 0.5  # Spanish with Spanish: the encoder, not the English embedder
