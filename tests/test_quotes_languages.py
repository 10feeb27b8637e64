"""Quotes in every language, with their speakers.

Issue 21 ("non-English pages get quotes with speakers") and issue 23's quote bullet.
Invented sentences; the real readers (spaCy for English, the rule reader for the
others) and the real multilingual encoder.
"""

from __future__ import annotations

from datetime import datetime

from newsprism.language.quotes import find_quote_marks
from newsprism.language.rules.reader import annotate_foreign
from newsprism.model import Article, Quote, Source


def _article(
    aid: str, outlet: str, language: str, paragraphs: list[str], published: str = "2025-04-10T09:00"
) -> Article:
    return Article(
        aid,
        Source(f"{aid}.txt", "text"),
        "x",
        0,
        "\n\n".join(paragraphs),
        title=None,
        outlet=outlet,
        language=language,
        published=datetime.fromisoformat(published),
    )


def _quotes(language: str, text: str) -> list[Quote]:
    return [
        q
        for q in annotate_foreign(_article("a", "X", language, [text])).quotes
        if q.kind != "indirect"
    ]


# --------------------------------------------------------------------------- reading


def test_french_spaced_guillemets_are_quote_marks() -> None:
    text = "Le maire a parlé. « Nous reconstruirons le quai », a-t-il promis."
    [m] = find_quote_marks(text)
    assert text[m.inner[0] : m.inner[1]] == "Nous reconstruirons le quai"


def test_french_quote_with_inverted_speaker() -> None:
    [q] = _quotes(
        "fr", "« Le quai de Varne restera fermé jusqu'à lundi », a déclaré Odile Marchetti."
    )
    assert q.text == "Le quai de Varne restera fermé jusqu'à lundi"
    assert q.kind == "direct"
    assert q.speaker == "Odile Marchetti"
    assert q.speaker_resolution == "same-sentence"


def test_a_place_inside_the_words_about_the_speaker_is_not_the_speaker() -> None:
    """ "X, 33 ans, qui vit à Varne, a confié : « … »": the words between commas
    describe X; the town named in them does not speak."""
    [q] = _quotes(
        "fr",
        "Odile Marchetti, 33 ans, qui vit à Varne, a confié à la presse : « Je voyais "
        "les maisons bouger. »",
    )
    assert q.speaker == "Odile Marchetti"


def test_spanish_quote_with_speaker_and_description() -> None:
    [named, described] = _quotes(
        "es",
        "“El puente de Varne no se abrirá esta semana”, dijo Tomás Ribeira. "
        "«Todos los barcos esperan en la bahía», dijo un capitán del puerto.",
    )
    assert named.speaker == "Tomás Ribeira"
    assert described.speaker == "un capitán del puerto"


def test_german_quote_marks_both_orders() -> None:
    after, before = _quotes(
        "de",
        "„Die Brücke bleibt bis Montag gesperrt“, sagte Jana Wendler. "
        "Der Hafenmeister Udo Brandt sagte: „Alle Schiffe warten in der Bucht.“",
    )
    assert after.text == "Die Brücke bleibt bis Montag gesperrt"
    assert after.speaker == "Jana Wendler"
    assert before.text == "Alle Schiffe warten in der Bucht."
    assert before.speaker is not None and before.speaker.endswith(
        "Udo Brandt"
    )  # German nouns are capitalised


def test_indonesian_and_arabic_quotes_have_speakers() -> None:
    [q] = _quotes("id", '"Jembatan Varne tetap ditutup sampai Senin," kata Rudi Hartanto.')
    assert q.speaker == "Rudi Hartanto"
    [q] = _quotes("ar", "وقال مدير الميناء: «سيبقى الجسر مغلقا حتى يوم الاثنين».")
    assert q.text == "سيبقى الجسر مغلقا حتى يوم الاثنين"
    assert q.kind == "direct"
    assert q.speaker == "مدير الميناء"


def test_reported_speech_without_marks_is_no_quote() -> None:
    assert (
        _quotes("fr", "Odile Marchetti a déclaré que le quai resterait fermé jusqu'à lundi.") == []
    )
    assert _quotes("es", "Tomás Ribeira dijo que el puente no se abriría esta semana.") == []


def test_a_quote_without_a_speech_verb_has_no_speaker() -> None:
    [q] = _quotes("fr", "Sur la banderole, on lisait « Rendez-nous le quai de Varne ».")
    assert q.speaker is None


def test_a_page_quoting_in_straight_single_marks_has_quotes() -> None:
    text = "The mayor called it a 'normal and natural' step. 'We will rebuild it,' she said."
    quoted = [text[m.inner[0] : m.inner[1]] for m in find_quote_marks(text)]
    assert quoted == ["normal and natural", "We will rebuild it,"]
    # with double marks on the page, ' is an apostrophe: "the dockers' union" is no quote
    assert find_quote_marks("“Enough,” the dockers' union's 'chief' said.") == [
        m for m in find_quote_marks("“Enough,” the dockers' union's 'chief' said.") if m.open == 0
    ]


def test_words_after_the_verb_that_open_no_description_are_no_speaker() -> None:
    [q] = _quotes("fr", "« Le quai de Varne restera fermé jusqu'à lundi », a déclaré à la presse.")
    assert q.speaker is None
