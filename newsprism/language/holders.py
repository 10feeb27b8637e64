"""Whose a description is: the checks a label joined to a name only through coreference
("the president", "el expresidente") must pass before framing shows it as that name's.

A descriptor belongs to the noun phrase it modifies or stands beside, or to the
subject of its own copular clause, never simply to the person the reader last named.
These places in the text say it is someone else's:

- it stands in apposition to another name: "Lena Vahl and Omar Dorn, the envoy of the
  council" (the envoy is Dorn), "Ilse Marrow, dem ehemaligen Gouverneur" (Marrow's);
- its own phrase runs on into another person's name: "the governor of Tarsk province
  Ilse Marrow" is Marrow, whoever was named before it; or into a body the article
  never ties to the actor: "the president of the Velmoran Red Cross" is not the
  country's President Brandt;
- it is a bare role noun with no determiner or possessor, which names an office, not a
  person: "set to become vice president", "serve as president", "the race for
  president"; a person is referred back to as "the president" or "Velmora's
  president";
- it is someone's relation, opened by a possessive pronoun: "Kell favoured his former
  rival" is not the last person the article titled "rival".

A description in the same sentence as its actor's name is not ruled out: writers do
write "challenged President Brandt, the Velmoran president then spoke", and a
headline run into the text ("police chief urges patience Chief Lena Vahl") is still
hers.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from newsprism.language.names import name_tokens
from newsprism.lexicon import DEMONYMS, LABEL_DETERMINERS
from newsprism.model import Annotations, Mention, Span

_ENGLISH_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their"})
_PEOPLE_LABELS = frozenset({"PERSON", "NAME"})  # "NAME": a name read by rule
_DETERMINER_TAGS = frozenset({"DT", "PRP$", "WP$", "POS"})
_COMPLEMENT_DEPS = frozenset({"prep", "compound", "flat", "appos", "pobj", "nmod"})

IsActor = Callable[[Mention], bool]
"""Whether a name mention names the actor the description was joined to (under any of
its spellings, which resolution may have left as several entities)."""


def foreign_holder(
    ann: Annotations, text: str, span: Span, is_actor: IsActor, language: str | None
) -> bool:
    """The description stands in apposition to another actor's name (any language)."""
    return _apposed_to_other(ann, text, span, is_actor, language)


def english_office_or_other(
    doc: Doc | None, ann: Annotations, span: Span, is_actor: IsActor
) -> bool:
    """An English description that is a bare office, or whose phrase runs on into
    another person's name (read from the parse)."""
    if doc is None:
        return False
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand")
    if chunk is None or not len(chunk):
        return False
    first = chunk[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    determined = (
        first.dep_ in ("det", "poss")
        or first.tag_ in _DETERMINER_TAGS
        or any(t.tag_ == "POS" for t in chunk)
        or (prev is not None and (prev.dep_ in ("det", "poss") or prev.tag_ in _DETERMINER_TAGS))
    )
    if not determined and chunk.root.dep_ not in ("nsubj", "nsubjpass"):
        # "become vice president", "in Tarsk province": an office or a place (a bare
        # subject is a headline's person: "Police chief urges patience")
        return True
    opener = first if first.tag_ == "PRP$" else prev if prev is not None else None
    if opener is not None and opener.tag_ == "PRP$" and opener.lower_ != "its":
        return True  # "his former rival": someone's, by a "his" the reader did not resolve
    after = [
        t
        for c in chunk.root.rights
        if c.dep_ in _COMPLEMENT_DEPS
        for t in c.subtree
        if t.i >= chunk.end
    ]
    others = [
        m for m in _others(ann, is_actor) if any(m.span[0] <= t.idx < m.span[1] for t in after)
    ]
    if any(m.label in _PEOPLE_LABELS for m in others):
        return True
    return any(not _tied(ann, m, is_actor) for m in others)


def _tied(ann: Annotations, body: Mention, is_actor: IsActor) -> bool:
    """The article ties the body named in a description's complement to the actor
    elsewhere: a label of the actor holds a word of it ("Vorga chief" for "the head of
    the Vorga Group"). Else "the president of the Velmoran Red Cross" is that body's
    president, whoever the article titled "President" before."""
    # (a place's adjective ties nothing: "Velmoran" is in the body's and the title's name)
    words = {w for w in name_tokens(body.text, False) if len(w) > 2 and w not in DEMONYMS}
    actor_spans = {m.span for m in ann.mentions if m.kind == "name" and is_actor(m)}
    for lab in ann.labels:
        if lab.actor in actor_spans and words & set(name_tokens(lab.text, False)):
            return True
    return False


def _others(ann: Annotations, is_actor: IsActor) -> list[Mention]:
    """The article's names of other actors."""
    return [
        m
        for m in ann.mentions
        if m.kind == "name" and m.entity and m.label not in ("GPE", "LOC") and not is_actor(m)
    ]


def _apposed_to_other(
    ann: Annotations, text: str, span: Span, is_actor: IsActor, language: str | None
) -> bool:
    """ "NAME, the envoy": the words right before the description (one determiner
    aside) are a comma after another actor's name."""
    dets = LABEL_DETERMINERS.get(language or "en", frozenset()) | _ENGLISH_DETERMINERS
    before = text[: span[0]].rstrip()
    words = before.rsplit(None, 1)
    if words and words[-1].lower().rstrip("'’") in dets:  # "dem", "the", "l'"
        before = words[0].rstrip() if len(words) == 2 else ""
    if not before.endswith(","):
        return False
    end = len(before[:-1].rstrip())
    return any(m.span[1] == end for m in _others(ann, is_actor))
