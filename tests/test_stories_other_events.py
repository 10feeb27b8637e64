"""The fitted grouping on coverage written here: one verdict reported in English and in
Spanish is one story; the same court's verdict on the same official a year before,
with its own figures, and a fine of the same official in another case are other
events with the same keywords and stay out of it. Names, places, figures and URLs are
invented for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsprism.language import annotate, resolve_entities
from newsprism.model import Article, Source, Story
from newsprism.multilingual_encoder import encode
from newsprism.stories import StoryOptions, embed_articles
from newsprism.stories.grouping import group_stories
from newsprism.stories.lead import lead_text
from newsprism.stories.signals import build_signals

pytestmark = pytest.mark.slow  # the language layer and both embedders, for real

Page = tuple[str, str, datetime | None, str, str]  # language, URL, published, title, text

VERDICT: list[Page] = [
    (
        "en",
        "https://herald.example/news/2031/05/08/marrow-guilty-on-all-27-counts",
        datetime(2031, 5, 8, 21, 0),
        "Former governor Ilsa Marrow guilty on all 27 bribery counts",
        "A jury in Carvel on Thursday found former governor Ilsa Marrow guilty on all 27 "
        "counts of bribery over a $45,000 payment to the building inspector Tam Wexley. "
        "Jurors deliberated for 14 hours over two days. Judge Oren Calloway set sentencing "
        "for June 30. Marrow, 61, called the trial a disgrace and said she would appeal.",
    ),
    (
        "en",
        "https://coastline.example/2031/05/08/jury-convicts-marrow",
        datetime(2031, 5, 8, 22, 30),
        "Jury convicts Ilsa Marrow of bribery",
        "Ilsa Marrow, the former governor, was convicted on Thursday of all 27 bribery "
        "counts by a Carvel jury after 14 hours of deliberations. Prosecutors said she had "
        "paid $45,000 to Tam Wexley, a building inspector. Judge Oren Calloway will "
        "sentence her on June 30; each count carries up to 5 years in prison.",
    ),
    (
        "en",
        "https://meridian.example/world/marrow-verdict",
        None,
        "Marrow found guilty in Carvel bribery trial",
        "The former governor of the province, Ilsa Marrow, was found guilty on 27 counts "
        "of bribery on Thursday. The jury in Carvel heard that a $45,000 payment went to "
        "the inspector Tam Wexley. Marrow, 61, faces sentencing by Judge Oren Calloway on "
        "June 30.",
    ),
    (
        "es",
        "https://diariodelsur.example/internacional/marrow-culpable",
        None,
        "La exgobernadora Ilsa Marrow, culpable de los 27 cargos de soborno",
        "Un jurado de Carvel declaró este jueves culpable a la exgobernadora Ilsa Marrow "
        "de los 27 cargos de soborno por un pago al inspector de obras Tam Wexley. El "
        "jurado deliberó 14 horas. El juez Oren Calloway dictará sentencia el 30 de junio. "
        "Marrow, de 61 años, dijo que apelará.",
    ),
]
OTHER_EVENTS: list[Page] = [
    (
        "en",
        "https://herald.example/news/2030/04/17/marrow-aide-guilty",
        datetime(2030, 4, 17, 20, 0),
        "Marrow aide guilty on 3 counts in Carvel fraud trial",
        "A jury in Carvel on Wednesday found Pell Odrin, a former aide to governor Ilsa "
        "Marrow, guilty on 3 counts of fraud over $912,000 in road contracts. Judge Oren "
        "Calloway set sentencing for August 2. Odrin, 48, had denied the charges.",
    ),
    (
        "en",
        "https://coastline.example/2030/04/17/odrin-convicted",
        datetime(2030, 4, 17, 23, 0),
        "Former Marrow aide convicted of fraud",
        "Pell Odrin, who worked for governor Ilsa Marrow, was convicted of 3 fraud counts "
        "on Wednesday by a jury in Carvel. Prosecutors said $912,000 of road contracts went "
        "to his brother's firm. Judge Oren Calloway will sentence him on August 2.",
    ),
]


def _article(
    n: int, language: str, url: str, published: datetime | None, title: str, text: str
) -> Article:
    return Article(
        id=f"p{n:02d}",
        source=Source(f"p{n:02d}.txt", "text"),
        raw_sha=f"p{n:02d}",
        part=0,
        text=text,
        title=title,
        url=url,
        published=published,
        language=language,
    )


def _group(pages: list[Page]) -> tuple[list[Story], list[str]]:
    articles = [_article(n, *page) for n, page in enumerate(pages)]
    annotations = {a.article: a for a in annotate(articles)}
    resolve_entities(articles, annotations)
    options = StoryOptions()
    dense = embed_articles(articles, options)
    multilingual = encode([lead_text(a) for a in articles])
    signals = build_signals(articles, annotations, dense, multilingual, options)
    stories = group_stories(articles, signals, (), options)
    owner = {aid: s.id for s in stories for aid in s.articles}
    return stories, [owner[a.id] for a in articles]


def test_one_verdict_in_english_and_spanish_is_one_story_and_last_years_verdict_another() -> None:
    _, story_of = _group(VERDICT + OTHER_EVENTS)
    verdict, other = story_of[: len(VERDICT)], story_of[len(VERDICT) :]
    assert len(set(verdict)) == 1
    assert not set(other) & set(verdict)
