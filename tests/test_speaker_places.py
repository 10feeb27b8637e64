"""A place or a dateline is never a speaker (issue 23), on invented texts."""

from __future__ import annotations

from newsprism.language import annotate, resolve_entities
from newsprism.model import Article, Quote, Source


def _quotes(text: str) -> list[Quote]:
    art = Article(id="q", source=Source("q.txt", "text"), raw_sha="q", part=0, text=text)
    ann = next(annotate([art]))
    resolve_entities([art], {art.id: ann})
    return ann.quotes


def test_a_dateline_is_no_part_of_the_speaker() -> None:
    quotes = _quotes(
        "VALLEYWIRE - Velmoran media said that a ferry carrying Governor Ilse Marrow "
        'had a "rough landing" near Tarsk.'
    )
    speakers = {q.speaker for q in quotes if q.speaker}
    assert speakers, quotes
    assert not any("VALLEYWIRE" in s for s in speakers), speakers


def test_a_place_the_model_reads_as_a_person_is_no_antecedent() -> None:
    quotes = _quotes(
        "- Vahl's most recent public appearance was in a video released on Monday, filmed "
        "in the Tarsk region of Velmora, in which he announced a drive for the militia. He "
        'said the drive was "making Velmora even greater on all its coasts."'
    )
    said = [q for q in quotes if "even greater" in q.text]
    assert said and "Tarsk" not in (said[0].speaker or ""), said
