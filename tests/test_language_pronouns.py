"""Who "she said" and "he said" stand for: the nearest person, unless the text shows
that person's gender does not fit."""

from __future__ import annotations

import pytest

from newsprism.language import annotate
from newsprism.model import Article, Quote, RawDocument, Source, sha256_hex
from tests.conftest import EXAMPLES


def _speaker(text: str, words: str) -> tuple[str | None, str | None]:
    art = Article(id="p", source=Source("p.txt", "text"), raw_sha="p", part=0, text=text)
    quotes: list[Quote] = next(annotate([art])).quotes
    (q,) = [q for q in quotes if words in q.text]
    return q.speaker, q.speaker_resolution


def test_pronoun_takes_the_person_named_just_before_not_the_last_speaker() -> None:
    text = (
        "“The plan is sound and the money is there,” said harbour chief Tomas Greve. "
        "On Friday, Finance Minister Ilse Marren took a harder line. "
        "“We will not pay for a bridge nobody asked for,” she said."
    )
    assert _speaker(text, "nobody asked for") == ("Ilse Marren", "pronoun")


def test_a_courtesy_title_overrides_a_nearer_person() -> None:
    text = (
        "Ms Hana Ortiz arrived at the depot with Paul Dunn on Monday. "
        "“The trucks are ready to leave,” she said."
    )
    speaker, how = _speaker(text, "trucks are ready")
    assert speaker is not None and speaker.endswith("Hana Ortiz") and how == "pronoun"
    text = (
        "Mr Tomas Greve toured the flooded school with Alex Marren. "
        "“The ground floor cannot be saved,” he said."
    )
    speaker, how = _speaker(text, "ground floor")
    assert speaker is not None and speaker.endswith("Tomas Greve") and how == "pronoun"


@pytest.mark.parametrize(("pronoun", "expected"), [("he", "Paul Dunn"), ("she", "Lena Ortiz")])
def test_an_earlier_pronoun_about_a_person_decides_between_two(pronoun: str, expected: str) -> None:
    # "his" can only mean Dunn, so Dunn is a man; Ortiz, nearer, is not known either way
    text = (
        "Paul Dunn said his crew would finish the bridge by May, and Lena Ortiz agreed. "
        f"“We start at dawn on Monday,” {pronoun} said."
    )
    assert _speaker(text, "start at dawn") == (expected, "pronoun")


def test_ledger_minister_statement_is_hers_not_the_police_spokesman() -> None:
    from newsprism.clean import clean_document

    path = EXAMPLES / "continental-ledger_velmora-port-strike.html"
    html = path.read_text(encoding="utf-8")
    raw = RawDocument(Source(str(path), "html"), sha256_hex(html), html=html, size=len(html))
    article = clean_document(raw)[0]
    quotes = next(annotate([article])).quotes
    hostage = [q for q in quotes if "held hostage" in q.text]
    assert hostage and all(q.speaker == "Katarina Vells" for q in hostage)
    rioters = [q for q in quotes if "rioters" in q.text]
    assert rioters and all(q.speaker == "Lio Brannick" for q in rioters)
