"""Event clustering and storylines on invented articles: events of the same kind kept
apart, dates respected, incremental runs stable, ids reproducible."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import numpy as np
import pytest

from newsprism.model import Article, Source, Story
from newsprism.stories import (
    StoryOptions,
    cluster_stories,
    embed_articles,
    link_storylines,
    story_id,
)
from newsprism.stories.features import WordWeights, build_features, count_words
from newsprism.stories.neighbours import knn

FLOOD_VELMORA = [
    (
        "Floods force thousands from Velmora homes",
        "The Tarn river burst its banks in Velmora on Tuesday, forcing 4,200 people from "
        "their homes, governor Ansel Brack said. Rescue crews in boats pulled 37 people "
        "from rooftops in the old town of Velmora.",
    ),
    (
        "Velmora evacuates two hospitals as Tarn keeps rising",
        "Two hospitals in Velmora were evacuated as the Tarn kept rising. Governor Ansel "
        "Brack said about 4,000 residents had left and boats rescued dozens from roofs.",
    ),
    (
        "Tarn flood: Brack asks army for helicopters",
        "Governor Ansel Brack asked the army for helicopters after the Tarn flooded Velmora, "
        "where more than 4,000 people have fled and hospitals were emptied.",
    ),
]
FLOOD_ORSK = [
    (
        "Dam breach floods farms near Kellin",
        "A dam on the Oster river gave way near Kellin on Friday, flooding 30 farms. "
        "Mayor Ida Voss said 600 people were moved to a sports hall in Kellin.",
    ),
    (
        "Kellin mayor blames dam operator for Oster flood",
        "Mayor Ida Voss blamed the operator of the Oster dam for the flood that swamped farms "
        "around Kellin and forced 600 residents into a sports hall.",
    ),
    (
        "Oster dam failure: farmers count losses",
        "Farmers around Kellin counted their losses after the Oster dam failure flooded their "
        "fields. Ida Voss, the mayor, said 600 people still could not go home.",
    ),
]
CHESS = [
    (
        "Lunden teenager wins national chess title",
        "Mira Okonjo, 14, from Lunden won the national chess championship on Sunday, beating "
        "defending champion Pavel Dreyer in a six-hour final game.",
    ),
    (
        "Okonjo beats Dreyer to take chess crown",
        "Fourteen-year-old Mira Okonjo took the national chess crown, defeating Pavel Dreyer "
        "after six hours in the final game in Lunden.",
    ),
]

DAY = datetime(2024, 3, 5, 9, 0)


def make(aid: str, title: str, text: str, published: datetime | None = None) -> Article:
    return Article(
        id=aid,
        source=Source(f"{aid}.txt", "text"),
        raw_sha=aid,
        part=0,
        text=text,
        title=title,
        published=published,
    )


def corpus() -> list[Article]:
    out = []
    for prefix, event, date in (
        ("v", FLOOD_VELMORA, DAY),
        ("k", FLOOD_ORSK, DAY + timedelta(days=2)),
        ("c", CHESS, None),
    ):
        for n, (title, text) in enumerate(event):
            out.append(make(f"{prefix}{n}", title, text, date if n != 1 else None))
    return out


@pytest.fixture(scope="module")
def embedded() -> tuple[list[Article], np.ndarray]:
    articles = corpus()
    return articles, embed_articles(articles)


def groups(stories: list[Story]) -> list[list[str]]:
    return sorted(sorted(s.articles) for s in stories)


def test_two_floods_and_a_chess_final_are_three_stories(
    embedded: tuple[list[Article], np.ndarray],
) -> None:
    articles, vectors = embedded
    stories = cluster_stories(articles, vectors)
    assert groups(stories) == [["c0", "c1"], ["k0", "k1", "k2"], ["v0", "v1", "v2"]]
    velmora = next(s for s in stories if "v0" in s.articles)
    assert velmora.id == story_id(["v2", "v0", "v1"])
    assert velmora.start == velmora.end == DAY  # v1 has no date; the others share one
    assert velmora.title_article in {"v0", "v1", "v2"}
    assert velmora.confidence is not None and velmora.confidence > 0.24
    chess = next(s for s in stories if "c0" in s.articles)
    assert chess.start is None and chess.end is None


def test_input_order_does_not_change_the_stories(
    embedded: tuple[list[Article], np.ndarray],
) -> None:
    articles, vectors = embedded
    order = list(range(len(articles)))
    random.Random(7).shuffle(order)
    shuffled = cluster_stories([articles[i] for i in order], vectors[order])
    plain = cluster_stories(articles, vectors)
    assert {(s.id, frozenset(s.articles)) for s in shuffled} == {
        (s.id, frozenset(s.articles)) for s in plain
    }


def test_the_same_event_weeks_apart_is_two_stories_in_one_storyline() -> None:
    title, text = FLOOD_VELMORA[0]
    later = (
        "Velmora flood victims still homeless weeks later",
        "Weeks after the Tarn flooded Velmora, 1,100 people are still homeless, governor "
        "Ansel Brack said, as rebuilding of the old town began.",
    )
    articles = [
        make("a", title, text, DAY),
        make("b", "Velmora flood: 4,200 flee", text + " More rain is forecast.", DAY),
        make("c", *later, DAY + timedelta(days=25)),
        make("d", *later, DAY + timedelta(days=26)),
        make("e", *CHESS[0], DAY + timedelta(days=25)),
    ]
    vectors = embed_articles(articles)
    stories = cluster_stories(articles, vectors)
    assert groups(stories) == [["a", "b"], ["c", "d"], ["e"]]
    linked = {tuple(sorted(s.articles)): s for s in link_storylines(stories, articles, vectors)}
    first, second = linked[("a", "b")], linked[("c", "d")]
    assert first.related == [second.id] and second.related == [first.id]
    assert linked[("e",)].related == []
    # with entities given, stories must share actors to be linked
    disjoint = {"a": {"Q1"}, "b": {"Q1"}, "c": {"Q2"}, "d": {"Q2"}, "e": set()}
    unlinked = link_storylines(stories, articles, vectors, entities_by_article=disjoint)
    assert all(s.related == [] for s in unlinked)
    shared = {"a": {"Q1", "Q9"}, "b": {"Q1"}, "c": {"Q9", "Q1"}, "d": {"Q2"}, "e": set()}
    relinked = link_storylines(stories, articles, vectors, entities_by_article=shared)
    assert sum(bool(s.related) for s in relinked) == 2
    # a wide window lets the two merge: the date rule, not the text, kept them apart
    wide = cluster_stories(articles, vectors, options=StoryOptions(window_days=40))
    assert ["a", "b", "c", "d"] in groups(wide)


def test_new_articles_join_existing_stories_which_keep_their_ids(
    embedded: tuple[list[Article], np.ndarray],
) -> None:
    articles, vectors = embedded
    old_ids = [0, 3, 4, 6]  # v0, k0, k1, c0
    before = cluster_stories([articles[i] for i in old_ids], vectors[old_ids])
    assert groups(before) == [["c0"], ["k0", "k1"], ["v0"]]
    after = cluster_stories(articles, vectors, existing=before)
    assert [s.id for s in after] == [s.id for s in before]
    assert groups(after) == [["c0", "c1"], ["k0", "k1", "k2"], ["v0", "v1", "v2"]]
    # founding members come first, newcomers after them
    assert next(s for s in after if "v0" in s.articles).articles[0] == "v0"


def test_existing_stories_are_never_merged(embedded: tuple[list[Article], np.ndarray]) -> None:
    articles, vectors = embedded
    split = [
        Story(id="st-old-1", title="first half", articles=["v0"]),
        Story(id="st-old-2", title="second half", articles=["v1"], related=["st-x"]),
    ]
    stories = cluster_stories(articles, vectors, existing=split)
    assert [s.id for s in stories[:2]] == ["st-old-1", "st-old-2"]
    assert stories[1].related == ["st-x"]
    assert sum("v2" in s.articles for s in stories[:2]) == 1  # v2 joined one of them
    assert {"v0", "v1"}.isdisjoint(set().union(*(s.articles for s in stories[2:])))


def test_dates_further_apart_than_the_window_are_never_one_story() -> None:
    title, text = FLOOD_VELMORA[0]
    articles = [make(str(n), title, text, DAY + timedelta(days=10 * n)) for n in range(3)]
    stories = cluster_stories(articles, embed_articles(articles))
    assert groups(stories) == [["0"], ["1"], ["2"]]


def test_approximate_neighbours_find_planted_near_copies() -> None:
    rng = np.random.default_rng(3)
    base = rng.standard_normal((2500, 64)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    copies = base[:50] + 0.05 * rng.standard_normal((50, 64)).astype(np.float32)
    copies /= np.linalg.norm(copies, axis=1, keepdims=True)
    vectors = np.vstack([base, copies])  # above the exact-search size: uses the HNSW index
    idx, sim = knn(vectors, 5)
    found = sum(int(2500 + i in idx[i]) for i in range(50))
    assert found >= 48
    assert (sim[:, 0] >= sim[:, 1]).all()


def test_corpus_word_weights_give_a_part_the_rows_of_the_whole(
    embedded: tuple[list[Article], np.ndarray],
) -> None:
    """What lets a time window cluster as the whole corpus does: with the corpus's
    counts (summed from parts), a part's feature rows are exactly the corpus's rows."""
    articles, vectors = embedded
    options = StoryOptions()
    ents = {a.id: {f"Q{a.id[0]}", "Q0"} for a in articles}
    whole = build_features(articles, vectors, ents, options)
    weights = WordWeights.merge(
        [count_words(articles[:4], options, ents), count_words(articles[4:], options, ents)]
    )
    assert weights == count_words(articles, options, ents)
    assert weights.n_docs == len(articles) and weights.doc_freq["velmora"] == 3
    part = [1, 2, 6]  # v1, v2, c0: "velmora" is in two of three here, three of eight overall
    local = build_features([articles[k] for k in part], vectors[part], ents, options)
    shared = build_features([articles[k] for k in part], vectors[part], ents, options, weights)
    assert shared.sparse.shape == (3, whole.sparse.shape[1])
    assert (shared.sparse != whole.sparse[part]).nnz == 0  # same numbers, same columns
    assert np.array_equal(shared.search_vectors(), whole.search_vectors()[part])
    i, j = np.array([0]), np.array([1])
    assert local.pair_similarity(i, j)[0] != shared.pair_similarity(i, j)[0]
    # and with weights from the articles themselves, clustering is the default fit
    assert cluster_stories(articles, vectors, options=options, weights=weights) == (
        cluster_stories(articles, vectors, options=options)
    )
