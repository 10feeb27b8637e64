"""Context-free line rules: what a single line shows about itself.

Each rule recognises a kind of page furniture by its *form* — a photo credit in
parentheses at the end of a descriptive line, a bare counter, a short line made of
interface words — never by a list of strings seen on particular sites. A rule
returns a specific reason ("photo-caption:credit", "interface:counter") so that
an auditor can tell why a line left the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.clean.dates import find_dates
from newsprism.clean.lines import PageLine
from newsprism.lexicon import FOREIGN_RIGHTS_RESERVED, WEEKDAYS

# Credits look like "(AP Photo/Hadi Mizban)", "(EPA)", "(Photo: REUTERS/Ahmed Saad)",
# "(Photo by MURTAJA LATEEF / AFP)", "(Getty Images)", "(File photo)".
_PAREN_END = re.compile(r"\((?P<inner>[^()]{1,80})\)\s*$")
_CREDIT_WORDS = re.compile(
    r"\b(photos?|image|images|picture|pic|credit|courtesy|handout|file|via|getty|shutterstock"
    r"|illustration|video|screenshot|screengrab)\b",
    re.I,
)
_ACRONYM = re.compile(r"^[A-Z][A-Z&.\- ]{1,11}$")  # (EPA), (AFP), (AP), (UPI)
_CREDIT_LABEL = re.compile(
    r"(?:^|[\s.|–—-])(?:photo|image|picture|pic|credit|photograph)s?\s*(?::|by\b)\s*\S+[^.!?]*$",
    re.I,
)
# "… on Sunday. (Harbour Authority)": a finished sentence, then a capitalised name in
# parentheses — the credit form of captions; prose does not end that way.
_SENTENCE_THEN_CREDIT = re.compile(r"[.!?][\"'”’]?\s+\((?:[A-Z][\w&.'’-]*\s?){1,5}\)\s*$")
_ALT_TEXT = re.compile(r"^(?:image|photo|picture|thumbnail) of\b", re.I)

_COUNTER = re.compile(
    r"^[\W_]*\d[\d.,]*\s*[kKmM]?\s*(?:shares?|comments?|views?|likes?|reads?|reactions?)?[\W_]*$"
)
_READING_TIME = re.compile(r"\b\d+\s*(?:-|\s)?(?:min|mins|minutes?)\.?\s+(?:read|listen)\b", re.I)
_NAVIGATION = re.compile(
    r"\b(skip to|main content|menu|navigation|toggle|search|log ?in|sign ?in|log ?out|my account"
    r"|back to top|close|open in app|cookie|accept all|privacy settings)\b",
    re.I,
)
_ADVERT = re.compile(r"^(?:advertisement|advert|ad|ads|sponsored(?: content)?|promoted)\W*$", re.I)
_NEWSLETTER = re.compile(
    r"\b(newsletters?|subscribe|subscription|unsubscribe|sign up|inbox|mailing list"
    r"|delivered to your|e-?mail alerts?)\b",
    re.I,
)
_AUDIO = re.compile(
    r"\b(listen to (?:this |the )?(?:articles?|stories|story)|audio (?:is|was) generated"
    r"|text-to-speech|audio player|play audio|listen now|narrated by"
    r"|ai[- ]generated (?:audio|voice))",
    re.I,
)
_SHARE = re.compile(
    r"^(?:share(?: this| on| article| story)?|tweet|email|e-mail|print|copy link|whatsapp"
    r"|facebook|twitter|linkedin|telegram|reddit|comments?)\b",
    re.I,
)
_RELATED = re.compile(
    r"^(?:also\s+)?(?:worth\s+reading|read\s+(?:more|also|next)|most\s+(?:read|popular|viewed"
    r"|shared|watched)|related(?:\s+(?:articles?|stories|news|content|topics))?|recommended"
    r"(?:\s+for\s+you)?|trending(?:\s+now)?|you\s+may\s+also\s+like|more\s+(?:from|stories|news)"
    r"|latest\s+(?:news|stories)|top\s+stories|editor'?s\s+picks?|don'?t\s+miss|see\s+also)\b",
    re.I,
)
_COPYRIGHT = re.compile(
    r"©|&copy|\ball rights reserved\b|\bcopyright\b|"
    + "|".join(re.escape(p) for ps in FOREIGN_RIGHTS_RESERVED.values() for p in ps),
    re.I,
)
_AUTHOR_LABEL = re.compile(
    r"^(?:profile (?:picture|photo|image) of|author|about the author|written by|more by|"
    r"more from this author|follow)\b",
    re.I,
)
_BIO_SENTENCE = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)\s+(?:is|was)\s+(?:an?|the)\s+[^.]{0,100}?"
    r"\b(?:journalist|reporter|correspondent|editor|writer|columnist|contributor|producer"
    r"|photographer|photojournalist|analyst|freelancer)\b",
)
_WIRE_LINE = re.compile(
    r"^(?:sources?|credit|via|with|agencies|wire)\s*:\s*(?P<who>[A-Z][\w .,&/'-]{0,60})$", re.I
)
# "— AFP", "(Reuters)", "- dpa/AP": a line that is only an agency credit
_BARE_CREDIT = re.compile(
    r"^[-–—(]\s*(?P<who>[A-Za-z][A-Za-z]{1,15}(?:\s*[/,&]\s*[A-Za-z][A-Za-z]{1,15}){0,3})\s*\)?$"
)
_REPORTING_CREDITS = re.compile(
    r"^\(?(?:reporting|additional reporting|writing|editing) by\b.{0,200}$", re.I
)
_PUBLICATION_LABEL = re.compile(
    r"\b(published|publication|posted|updated|last updated|modified|date|on)\b\s*:?", re.I
)


def caption_reason(line: PageLine) -> str | None:
    """A photo caption: a descriptive line ending in a credit, or image alt text."""
    if _ALT_TEXT.match(line.text) and line.n_words >= 4:
        return "photo-caption:alt-text"
    m = _PAREN_END.search(line.text)
    if m and line.n_words >= 4:
        inner = m.group("inner").strip()
        credit_like = _CREDIT_WORDS.search(inner) or "/" in inner or _ACRONYM.match(inner)
        if credit_like or _SENTENCE_THEN_CREDIT.search(line.text):
            has_date = bool(find_dates(line.text))
            return "photo-caption:dated-credit" if has_date else "photo-caption:credit"
    if line.n_words >= 4 and _CREDIT_LABEL.search(line.text[-80:]):
        return "photo-caption:credit-label"
    return None


# a page's publication stamp as a bare word ("- Published", "(Updated)"): no agency
_STAMP_WORD = re.compile(
    r"^(?:published|updated|posted|modified|publi[ée]e?|mis à jour|publicad[ao]|actualizad[ao]"
    r"|ver[öo]ffentlicht|aktualisiert|atualizad[ao])$",
    re.I,
)


def wire_agencies(text: str) -> list[str] | None:
    """The agencies of a "Source: Reuters/fs" line (editor initials dropped), else None."""
    m = _WIRE_LINE.match(text.strip()) or _BARE_CREDIT.match(text.strip())
    if not m or len(text.split()) > 8 or _STAMP_WORD.match(m.group("who").strip()):
        return None
    parts = re.split(r"\s*(?:/|,|;|&|\band\b|\+)\s*", m.group("who").strip())
    names = [p.strip(" .") for p in parts if p.strip(" .")]
    # "fs", "dpa" : lowercase tokens of 2–3 letters are editor initials, except known-
    # style all-lowercase agency names are rare enough to accept losing.
    agencies = [p for p in names if not (p.islower() and len(p) <= 3)]
    return agencies or None


def date_line_reason(line: PageLine, *, day_first: bool = True) -> str | None:
    """A short line that only states a date (with labels, bullets or a reading time)."""
    if line.n_words > 14:
        return None
    dates = find_dates(line.text, day_first=day_first)
    if not dates:
        return None
    rest = line.text
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    rest = _READING_TIME.sub(" ", rest)
    rest = _PUBLICATION_LABEL.sub(" ", rest)
    rest = re.sub(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", " ", rest, flags=re.I)
    leftover = re.findall(r"[^\W\d_]{2,}", rest)
    return "date-line" if len(leftover) <= 3 else None


def is_author_label(line: PageLine) -> bool:
    return bool(_AUTHOR_LABEL.match(line.text)) and line.n_words <= 8 and not line.ends_sentence


def bio_name(line: PageLine) -> str | None:
    """The name a "X is an Erbil-based journalist covering …" line is about, else None."""
    m = _BIO_SENTENCE.match(line.text)
    return m.group("name") if m else None


def interface_reason(line: PageLine) -> str | None:
    """Interface strings: counters, labels, navigation, ads, share rows, related-links heads."""
    text = line.text
    if _COUNTER.match(text):
        return "interface:counter"
    if _ADVERT.match(text):
        return "advertisement"
    if _COPYRIGHT.search(text) and line.n_words <= 20:
        return "copyright"
    short_phrase = line.n_words <= 6 and not line.ends_sentence
    if _AUDIO.search(text) and line.n_words <= 15:
        return "audio-player"
    if _NEWSLETTER.search(text) and line.n_words <= 15:
        return "newsletter-box"
    if _READING_TIME.search(text) and line.n_words <= 6:
        return "reading-time"
    if short_phrase and _RELATED.match(text):
        return "interface:related-links"
    if short_phrase and _SHARE.match(text):
        return "interface:share"
    if short_phrase and _NAVIGATION.search(text):
        return "interface:navigation"
    if line.n_words <= 1 and not line.ends_sentence:
        # one word or a two-letter toggle ("TT", "A+") is a label, never a paragraph
        return "interface:label"
    return None


@dataclass(frozen=True, slots=True)
class LineRule:
    """What the context-free rules said about one line."""

    reason: str | None = None
    wire: tuple[str, ...] = ()


def apply_rules(line: PageLine, *, day_first: bool = True) -> LineRule:
    """The first rule that recognises ``line``; order runs from most to least specific."""
    agencies = wire_agencies(line.text)
    if agencies:
        return LineRule("wire-attribution", tuple(agencies))
    if _REPORTING_CREDITS.match(line.text) and not line.n_words > 40:
        return LineRule("wire-credits")
    reason = (
        caption_reason(line)
        or date_line_reason(line, day_first=day_first)
        or interface_reason(line)
        or ("author-bio:label" if is_author_label(line) else None)
    )
    return LineRule(reason)
