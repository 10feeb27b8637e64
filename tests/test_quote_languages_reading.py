"""How quotes in other languages and scripts are read before they are matched.

A Turkish or Portuguese page (no rule reader: clustered with English) still prints
its quotes in another language; a clock time is no figure ("23.00" is "11 p.m."); an
Arabic quote printed with vowel marks is the same words without them; and an Arabic
quote holds words. Invented sentences; the real encoder.
"""

from __future__ import annotations

from newsprism.compare.quote_languages import (
    cross_language_cosines,
    encoded_pairs,
    figures,
    unpointed,
)
from newsprism.compare.quotes import MIN_QUOTE_TERMS, quote_terms
from newsprism.compare.similarity import content_terms


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
