"""How quotes in other languages and scripts are read before they are matched.

A Turkish or Portuguese page (no rule reader: clustered with English) still prints
its quotes in another language; a clock time is no figure ("23.00" is "11 p.m."); an
Arabic quote printed with vowel marks is the same words without them; and an Arabic
quote holds words. Invented sentences; the real encoder.
"""

from __future__ import annotations

from newsprism.compare.context import StoryContext, story_context
from newsprism.compare.options import CompareOptions
from newsprism.compare.quote_languages import (
    cross_language_cosines,
    encoded_pairs,
    figures,
    unpointed,
)
from newsprism.compare.quotes import _Q, MIN_QUOTE_TERMS, _read_against_canonical, quote_terms
from newsprism.compare.similarity import content_terms
from newsprism.model import Annotations, Article, Quote, Source, Story


def test_quotes_of_two_printed_languages_are_scored_by_the_encoder() -> None:
    """Turkish has no rule reader, so it shares English's group; its quotes are still
    in another language than an English page's, and word overlap cannot match them."""
    pairs = encoded_pairs(["en", "tr", "tr", None])
    assert pairs[0, 1] and pairs[1, 3]
    assert not pairs[1, 2]  # one language, read alike: word overlap
    assert not pairs[0, 3]  # undetected is read as English


def test_a_clock_time_is_no_figure_of_the_statement() -> None:
    assert figures("Sobre las 21.30 sentimos una sacudida muy fuerte", "es") == frozenset()
    assert figures("At about 9 p.m. we felt a very strong shock", "en") == frozenset()
    assert figures("Vers 21h30, nous avons senti une forte secousse", "fr") == frozenset()
    assert figures("Six dead and 10 hurt at 3 pm", "en") == {6.0, 10.0}


def test_a_time_written_two_ways_does_not_keep_two_renderings_apart() -> None:
    texts = [
        "At about 9 p.m. we felt a very strong shock and ran into the street",
        "Vers 21h30, nous avons senti une très forte secousse et couru dans la rue",
    ]
    cosines = cross_language_cosines(texts, ["en", "fr"])
    assert cosines[0, 1] > 0.5


def test_vowel_marks_are_left_out_before_encoding() -> None:
    pointed = "لَمْ نَجِدْ أَيَّ نَاجٍ"
    assert unpointed(pointed) == "لم نجد أي ناج"
    assert unpointed("No survivors were found") == "No survivors were found"


def test_an_arabic_quote_holds_words() -> None:
    """Without its words, an Arabic statement reads as a scare quote and is dropped."""
    terms = quote_terms("لم نجد أي ناج بين ركاب العبارة")
    assert len(terms) >= MIN_QUOTE_TERMS
    english = "the harbour quay fell"
    assert quote_terms(english) == content_terms(english)  # Latin words read as before


def test_an_english_and_a_turkish_quote_are_compared_by_the_encoder() -> None:
    texts = [
        "We have declared a level four alarm for the whole region",
        "Tüm bölge için dördüncü seviye alarm ilan ettik",
    ]
    assert cross_language_cosines(texts, ["en", "tr"])[0, 1] > 0.3


def _versions() -> tuple[StoryContext, list[_Q]]:
    """An English statement printed by three pages, its French rendering on one page
    beside a second French quote, and a French fragment on another page that resembles
    only the rendering."""
    pages = [
        ("a", "Valley News", "en", "“No one on board the ferry survived,” the chief said."),
        (
            "b",
            "Le Courrier",
            "fr",
            "« Personne à bord n'a survécu », dit-il. « Le port reste fermé ».",
        ),
        ("c", "La Gazette", "fr", "Le ferry a sombré « dans la nuit de dimanche »."),
        ("d", "Plains Herald", "en", "“No one on board the ferry survived,” the chief said."),
        ("e", "Hill Times", "en", "“No one on board the ferry survived,” the chief said."),
    ]
    articles = [
        Article(aid, Source(f"{aid}.txt", "text"), "x", 0, text, outlet=outlet, language=lang)
        for aid, outlet, lang, text in pages
    ]
    ctx = story_context(
        Story("s", "invented", [a.id for a in articles]),
        articles,
        {a.id: Annotations(a.id, "") for a in articles},
        {},
        CompareOptions(),
    )

    def version(aid: str, words: str) -> _Q:
        text = ctx.articles[aid].text
        start = text.index(words)
        quote = Quote((start, start + len(words)), words, "direct")
        return _Q(aid, quote, quote.span, words, quote_terms(words))

    items = [
        version("a", "No one on board the ferry survived,"),
        version("b", "Personne à bord n'a survécu"),
        version("b", "Le port reste fermé"),
        version("c", "dans la nuit de dimanche"),
        version("d", "No one on board the ferry survived,"),
        version("e", "No one on board the ferry survived,"),
    ]
    return ctx, items


def test_a_page_renders_a_statement_once_and_a_lookalike_fragment_renders_nothing() -> None:
    ctx, items = _versions()
    # (score, i, j): the rendering and, weaker, the page's other quote are linked to
    # the English statement; the fragment only to the French rendering
    links = [(1.0, 0, 4), (1.0, 0, 5), (0.7, 0, 1), (0.6, 1, 3), (0.56, 0, 2)]
    kept, again = _read_against_canonical(ctx, items, [[0, 1, 2, 3, 4, 5]], 0.6, links)
    assert kept == [[0, 1, 4, 5]]
    assert sorted(again) == [2, 3]


def test_a_page_printing_its_rendering_again_in_part_keeps_both() -> None:
    ctx, items = _versions()
    text = ctx.articles["b"].text
    start = text.index("bord n'a survécu")
    words = "bord n'a survécu"
    again_quote = Quote((start, start + len(words)), words, "direct")
    items.append(_Q("b", again_quote, again_quote.span, words, quote_terms(words)))
    # the piece is linked closer to the English than the whole rendering is
    links = [(1.0, 0, 4), (1.0, 0, 5), (0.7, 0, 6), (0.6, 0, 1), (0.6, 1, 3), (0.56, 0, 2)]
    kept, again = _read_against_canonical(ctx, items, [[0, 1, 2, 3, 4, 5, 6]], 0.6, links)
    assert kept == [[0, 1, 4, 5, 6]]
    assert sorted(again) == [2, 3]
