"""The language layer's readings that date findings, the timeline and roles compare.

Invented sentences: a harbour council in Velmora, a ferry company, a mayor named
Oskar Tamberlin and a spokesperson named Ilse Varnholt. Each reading is a record
(``DateReading``, ``DatedEvent``, ``PersonRole``) so the comparison never walks the
parse; these tests read them on text written here with the real English model.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from spacy.tokens import Doc

from newsprism.language import annotate, reanchor_times
from newsprism.language.aliases import load_aliases
from newsprism.language.dated import read_date, stored_reading
from newsprism.language.dated_events import read_dated_event, stored_event
from newsprism.language.mentions import extract_mentions
from newsprism.language.names import surname
from newsprism.language.nlp import load_nlp
from newsprism.language.roles import person_roles
from newsprism.language.times import Anchor, extract_times
from newsprism.model import (
    Annotations,
    Article,
    DatedEvent,
    Mention,
    Source,
    TimeExpression,
    annotations_from_dict,
    to_dict,
)

PUBLISHED = date(2025, 3, 14)  # a Friday


def _doc(text: str) -> Doc:
    return load_nlp()(text)


def _date(doc: Doc, words: str) -> TimeExpression:
    times = extract_times(doc, Anchor(PUBLISHED, "published"))
    return next(t for t in times if words in t.text)


def _dated_event(text: str, words: str) -> tuple[DatedEvent, str]:
    doc = _doc(text)
    t = _date(doc, words)
    return read_dated_event(doc, t, (0, len(text)), PUBLISHED), text


def test_a_date_on_a_verb_dates_the_sentences_own_event() -> None:
    doc = _doc("The harbour council met the ferry company on Tuesday.")
    r = read_date(doc, _date(doc, "Tuesday"))
    assert (r.word, r.nominal, r.main, r.statement, r.negated) == (
        "meet",
        False,
        True,
        False,
        False,
    )
    assert "Tuesday" not in r.phrase and "council" in r.phrase
    assert r.extent is not None and doc.text[r.extent[0] : r.extent[1]].startswith("The harbour")


def test_a_date_on_an_event_noun_dates_the_happening_named_in_passing() -> None:
    doc = _doc("Hundreds marked the anniversary of the 2004 flood in Velmora.")
    r = read_date(doc, _date(doc, "2004"))
    assert (r.word, r.nominal, r.main) == ("flood", True, False)
    assert r.phrase == "the flood in Velmora"


def test_a_date_on_a_verb_of_saying_dates_the_statement() -> None:
    doc = _doc("The ferry company said on Wednesday that the crossing would reopen.")
    r = read_date(doc, _date(doc, "Wednesday"))
    assert r.statement and r.word == "say"


def test_a_denied_happening_is_read_as_negated() -> None:
    doc = _doc("The ferry company did not respond on Thursday.")
    assert read_date(doc, _date(doc, "Thursday")).negated


def test_without_a_parse_a_date_reads_only_its_own_words() -> None:
    doc = _doc("The council met on Tuesday.")
    t = _date(doc, "Tuesday")
    r = read_date(None, t)
    assert (r.span, r.word, r.extent, r.phrase) == (t.span, None, None, t.text)


def test_the_timeline_reads_a_saying_as_a_statement_without_what_was_said() -> None:
    r, _ = _dated_event(
        "The ferry company said on Wednesday that storms had damaged the pier.", "Wednesday"
    )
    assert r.kind == "statement" and r.description is None
    assert "pier" not in r.terms and "company" in r.terms


def test_the_timeline_reads_a_reported_event_from_its_own_clause() -> None:
    r, _ = _dated_event(
        "Witnesses said the fire spread through the warehouse on Wednesday.", "Wednesday"
    )
    assert r.kind == "event" and r.description is None
    assert {"fire", "warehouse"} <= set(r.terms) and "witness" not in r.terms


def test_a_date_in_a_clause_about_a_participant_dates_only_that_clause() -> None:
    r, text = _dated_event(
        "Oskar Tamberlin, who has led the harbour council since 2017, opened the new pier.",
        "2017",
    )
    assert r.description is not None and r.kind == "event"
    assert r.core == ("lead",)
    assert "led the harbour council" in text[r.description[0] : r.description[1]]


def test_a_thing_due_by_a_later_day_is_what_the_date_dates() -> None:
    r, text = _dated_event(
        "The company offered the crews a guarantee of no layoffs until 2030.", "2030"
    )
    assert r.description is not None and r.core == ("guarantee",)
    assert "guarantee" in r.terms and all(isinstance(w, str) for w in r.terms)
    assert text[r.description[0] : r.description[1]].startswith("a guarantee")


def _roles(text: str, name: str) -> dict[str, str]:
    doc = _doc(text)
    mention = next(m for m in extract_mentions(doc, load_aliases()) if m.text == name)
    return {text[r.start : r.end]: f"{r.kind}:{r.noun}" for r in person_roles(doc, [mention])}


def test_an_apposition_describes_the_person_it_follows() -> None:
    roles = _roles(
        "Ilse Varnholt, a senior engineer at the port, inspected the pier.", "Ilse Varnholt"
    )
    assert roles == {"senior engineer at the port": "description:engineer"}


def test_a_role_noun_before_the_name_is_a_title() -> None:
    roles = _roles("Company spokesperson Ilse Varnholt declined to comment.", "Ilse Varnholt")
    assert roles.get("Company spokesperson") == "title:spokesperson"


def test_described_as_reads_the_words_after_the_cue() -> None:
    roles = _roles(
        "Ilse Varnholt, described as the chief of harbour safety, was questioned.",
        "Ilse Varnholt",
    )
    assert "the chief of harbour safety" in roles


def test_a_surname_is_the_last_word_of_the_fullest_form_of_the_name() -> None:
    assert surname(Mention((0, 8), "Varnholt", "PERSON", head="Ilse Varnholt")) == "varnholt"
    assert surname(Mention((0, 16), "Ilse Varnholt’s", "PERSON")) == "varnholt"
    assert surname(Mention((0, 0), "", "PERSON")) == ""


def _page(text: str, published: datetime | None = datetime(2025, 3, 14, 9)) -> Article:
    return Article("p", Source("p.txt", "text"), "x", 0, text, outlet="Outlet", published=published)


def test_the_readings_are_stored_with_the_annotations_and_read_back() -> None:
    text = (
        "Company spokesperson Ilse Varnholt said on Wednesday that the pier would reopen. "
        "The harbour council met the ferry company on Tuesday."
    )
    ann = next(iter(annotate([_page(text)])))
    tuesday = next(t for t in ann.times if t.text == "Tuesday")
    assert stored_reading(ann, tuesday).word == "meet"
    event = stored_event(ann, tuesday)
    assert event is not None and event.kind == "event" and "council" in event.terms
    said = next(e for e in ann.events if text[e.span[0] : e.span[1]] == "Wednesday")
    assert said.kind == "statement"
    assert any(text[r.start : r.end] == "Company spokesperson" for r in ann.roles)
    again = annotations_from_dict(json.loads(json.dumps(to_dict(ann))))
    assert (again.dates, again.events, again.roles) == (ann.dates, ann.events, ann.roles)


def test_a_date_the_annotations_do_not_hold_reads_only_its_own_words() -> None:
    t = TimeExpression((0, 7), "Tuesday", date(2025, 3, 11), None, "weekday-before-anchor")
    assert stored_reading(None, t).word is None
    assert stored_reading(Annotations("p", ""), t).phrase == "Tuesday"


def test_dates_resolved_again_against_a_borrowed_day_are_read_again() -> None:
    text = "The council met the ferry company on Tuesday."
    page = _page(text, published=None)
    ann = next(iter(annotate([page])))
    assert not ann.events  # no day to resolve "Tuesday" against
    again = reanchor_times(page, ann, date(2025, 3, 14), "story")
    tuesday = next(t for t in again.times if t.text == "Tuesday")
    assert tuesday.start is not None
    event = stored_event(again, tuesday)
    assert event is not None and "council" in event.terms
