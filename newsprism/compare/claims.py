"""Which sentences are claims: what a page prints around its story is not a fact of it.

Cleaning removes the lines a page repeats (menus, newsletter boxes, captions with a
credit); some scaffolding still reaches the article text, inside the body or on a
line of its own, and a fact row must never rest on it. A claim is a whole clause
with a verb, from the body: not a promotion addressed to the reader ("Get the
Briefing every morning", "Sign up for our newsletter"), not a question or an FAQ's
"Q:" line, not a photo caption (a sentence the rest of its line credits to a
photographer or agency, a line opening on "Photo:"/"Foto:", a "(Reuters photo)"
credit, or a present-tense description closed by the day the photo was taken:
"Jane Doe speaks outside the court, May 30, 2024."), not a fragment with no verb at
its head. A page's date line before the lede ("2025-04-10 TARSK (Agency) –") and an
FAQ's "A:" label are cut off the sentence, which stays a claim.

The rules read the words a reader would, in the languages the corpora hold; grammar
(the kept English parse) only decides imperatives and fragments.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsprism.compare.units import Unit
from newsprism.lexicon import MONTHS
from newsprism.model import Article, Span

_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DATE = (
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    rf"|(?:{_MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTH})\.?,?\s+\d{{4}})"
)
_DATELINE = (
    r"(?:[A-ZÀ-Ý][\w.'’-]*(?:[ ,/]+[A-ZÀ-Ý][\w.'’-]*){0,4}\s*\([^()\n]{1,40}\)\s*[-–—:]+\s*)"
)
# a date (with its label) heading the sentence, and the dateline after it
_DATE_LEAD = re.compile(
    rf"^\s*(?:(?:(?:date|dated|published|updated|posted|last updated)\s*:?\s*)"
    rf"(?:{_DATE}|\d{{4}}-\d{{2}}(?![-\d]))|{_DATE})"  # a labelled month: "date 2024-05"
    rf"\s*(?:[|·•,-]\s*)?{_DATELINE}?",
    re.I,
)
_ANSWER_LEAD = re.compile(r"^\s*(?:A|Answer|R|Respuesta|Réponse|Antwort|Resposta)\s*[:.]\s+")
_QUESTION_LEAD = re.compile(r"^\s*(?:Q|Question|Pregunta|Frage|Pergunta)\s*[:.]\s", re.I)
_CLOSERS = "\"'”’»)]  "
# what a page sells its reader: its newsletters, apps, alerts, podcasts
_PRODUCT = re.compile(
    r"\b(?:newsletters?|briefings?|inbox|e-?mail alerts?|alerts|push notifications?|our app"
    r"|the app|podcasts?|subscribe|subscription|subscribers?|sign(?:ing)? up|mailing list"
    r"|boletín|suscr[íi]b\w*|abonn\w*|bulletin|infolettre|inscreva-se|assine|abonnier\w*"
    r"|anmelden|melden sie sich)\b",
    re.I,
)
_READER = re.compile(
    r"\b(?:you|your|our|us|nuestr[oa]s?|notre|nos|vous|votre|unser\w*|sie|ihr\w*|nosso|nossa"
    r"|seu|sua)\b",
    re.I,
)
# what follows a caption on its line: the photographer or agency credit
_CREDIT_AFTER = re.compile(
    r"^\s*[(\[|/–—-]?\s*(?:(?:photo|image|picture|pic|foto|credit|crédit|bild)s?\s*(?::|by\b)"
    r"|(?:AP|AFP|Reuters|Getty Images|EPA|Anadolu)\b[^.\n]{0,40}$)",
    re.I,
)
_CREDIT_INSIDE = re.compile(
    r"\((?:photo|image|foto|credit|crédit|bild)\s*:|\b(?:AP Photo|Getty Images|REUTERS/|/AFP\b"
    r"|/Reuters\b|via Getty)"
    # "(Reuters photo)", "(AP file photo)", "(Foto EFE)", "(foto de archivo)", "(photo AFP)"
    r"|\((?:[\w.&-]+\s+){1,3}(?:file\s+)?(?:photos?|pictures?|images?)\)"
    r"|\((?:photos?|fotos?|images?|imagen|bild)\s+(?:de\s+|by\s+|d['’])?[\w.&-]+(?:\s+[\w.&-]+){0,3}\)",
    re.I,
)
# a line opening on its credit: "Photo: Jane Doe/Agency", "Foto: EFE", "Crédit photo : AFP"
_CREDIT_LEAD = re.compile(
    r"^\s*(?:(?:file\s+)?photo|picture|image|foto|imagen|bild|crédit photo|photo credit)s?"
    r"\s*(?::|by\b|[-–—|])",
    re.I,
)
# a caption's closing date: "..., May 30, 2024." / "..., 30 May 2024." (no weekday)
_CAPTION_CLOSE = re.compile(
    rf",\s*(?:on\s+)?(?:(?:{_MONTH})\.?\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTH})\.?\s+\d{{4}})"
    r"(?:,\s+in\s+[A-Z][^,.]{0,40})?\s*\.?\s*$",
    re.I,
)


# "This was reported by the Russian news agency Tass.": a credit line, no claim
_CREDIT_LINE = re.compile(
    r"^(?:this|it|that)\s+(?:was|has been|had been|is)\s+(?:first\s+)?"
    r"(?:reported|announced|said|stated|confirmed)\s+by\b[^,;]{0,80}[.!]?$",
    re.I,
)
# what a live page says about itself: "This is developing news.", "Check back for updates."
_PAGE_NOTE = re.compile(
    r"^(?:this (?:is )?(?:a )?(?:developing|breaking) (?:news|story)|check back(?: later)?"
    r"(?: for (?:updates|more))?|(?:this|the) (?:story|article|page)"
    r" (?:will be|has been|is being|is) (?:updated|developing)"
    r"|refresh (?:this page|for updates)|more to (?:follow|come)"
    r"|updates to follow)\b",
    re.I,
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# the agencies' caption form: "Trump appears in court, Thursday, May 30, 2024, in New York."
_CAPTION_DATE = re.compile(rf"\b(?:{_WEEKDAYS}),\s+(?:{_MONTH})\.?\s+\d{{1,2}},\s+\d{{4}}\b", re.I)
# two sentences run together without a space ("del clima.Aunque", "اللهيان.وقبل")
_JOINED = re.compile(r"[a-zà-ÿ\u0600-\u06FF]{2}[.!?][A-ZÀ-Ý\u0600-\u06FF]")
_OPENING_MARKS = '“„«‹「"'
_CLOSING_MARKS = "”»›」"


def _starts_inside_quote(body: str) -> bool:
    """A sentence whose first quotation mark closes one: cut from inside a quotation."""
    for ch in body:
        if ch in _OPENING_MARKS:
            return False
        if ch in _CLOSING_MARKS:
            return True
    return False


def not_a_claim(text: str, after: str, doc: Doc | None, span: Span) -> str | None:
    """Why a sentence is no claim ("promotion", "question", "caption", "page note",
    "credit", "joined", "fragment"), or None.

    ``after`` is the rest of the sentence's line in the article (a caption's credit
    stands there); ``doc`` the article's kept parse, read only when English."""
    body = text.strip()
    if _QUESTION_LEAD.match(body) or body.rstrip(_CLOSERS).endswith("?"):
        return "question"
    if _CREDIT_INSIDE.search(body) or (after.strip() and _CREDIT_AFTER.match(after)):
        return "caption"
    if _CAPTION_DATE.search(body) or _CREDIT_LEAD.match(body):
        return "caption"
    if _CAPTION_CLOSE.search(body) and _present_tense(doc, span):
        return "caption"
    if _PAGE_NOTE.match(body.lstrip(_CLOSERS)):
        return "page note"
    if _PRODUCT.search(body) and (_READER.search(body) or _imperative(doc, span)):
        return "promotion"
    if _CREDIT_LINE.match(body):
        return "credit"
    if _JOINED.search(body):
        return "joined"  # several sentences read as one: no single claim to compare
    if _starts_inside_quote(body):
        return "fragment"
    if _fragment(doc, span):
        return "fragment"
    return None


def _tokens(doc: Doc | None, span: Span) -> list[Token] | None:
    if doc is None or doc.lang_ != "en":
        return None
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    return list(toks) if toks is not None and len(toks) else None


def _imperative(doc: Doc | None, span: Span) -> bool:
    """A sentence opening on a bare verb with no subject: addressed to the reader."""
    toks = _tokens(doc, span)
    if not toks:
        return False
    first = next((t for t in toks if t.is_alpha), None)
    if first is None or first.tag_ != "VB":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in first.children)


def _present_tense(doc: Doc | None, span: Span) -> bool:
    """What a photo shows is told in the present ("Jane Doe speaks outside the court");
    a report of what happened has a verb in the past or a future ("will rule")."""
    toks = _tokens(doc, span)
    if not toks:
        return False
    if any(t.tag_ in ("VBD", "VBN", "MD") for t in toks):
        return False
    lo, hi = toks[0].i, toks[-1].i + 1
    roots = [t for t in toks if t.head.i == t.i or not lo <= t.head.i < hi]
    return any(r.tag_ in ("VBZ", "VBP", "VBG") for r in roots)


def _fragment(doc: Doc | None, span: Span) -> bool:
    """No verb heads the sentence: a noun phrase with a relative clause is no claim."""
    toks = _tokens(doc, span)
    if not toks:
        return False
    lo, hi = toks[0].i, toks[-1].i + 1
    roots = [t for t in toks if t.head.i == t.i or not lo <= t.head.i < hi]
    return not any(
        r.pos_ in ("VERB", "AUX") or any(c.dep_ in ("cop", "aux", "auxpass") for c in r.children)
        for r in roots
    )


_BARE_DATELINE = re.compile(rf"^\s*{_DATELINE}")


def is_date_line(text: str) -> bool:
    """The whole sentence is a page's date line ("date 2025-04-11 TARSK (Agency) -")."""
    m = _DATE_LEAD.match(text)
    return m is not None and not text[m.end() :].strip(" -–—|:")


def lead_to_cut(text: str) -> int:
    """How many characters of a sentence's start are a date line, a dateline
    ("TARSK (Agency) —") or an "A:" label."""
    m = _DATE_LEAD.match(text) or _ANSWER_LEAD.match(text) or _BARE_DATELINE.match(text)
    if m is None or not text[m.end() :].strip():
        return 0
    return m.end()


def claim_units(
    units: Sequence[Unit], articles: Mapping[str, Article], docs: Mapping[str, Doc]
) -> list[Unit]:
    """The units that are claims: scaffolding sentences (and their clauses) left out, a
    date line or answer label cut off the sentence it heads. Grammar is read only from
    the parse of an English article (the kept parse of another language is no guide)."""
    texts = {a: art.text for a, art in articles.items()}
    english = {a for a, art in articles.items() if (art.language or "en") == "en"}
    verdict: dict[tuple[str, Span], Span | None] = {}
    for u in units:
        if u.is_clause:
            continue
        text = texts[u.article]
        start, end = u.sentence
        cut = lead_to_cut(text[start:end])
        start += cut
        while start < end and text[start].isspace():
            start += 1
        line_end = text.find("\n", end)
        after = text[end : line_end if line_end >= 0 else len(text)]
        doc = docs.get(u.article) if u.article in english else None
        why = not_a_claim(text[start:end], after, doc, (start, end))
        verdict[(u.article, u.sentence)] = None if why else (start, end)
    out: list[Unit] = []
    for u in units:
        kept = verdict.get((u.article, u.sentence), u.sentence)
        if kept is None:
            continue
        if kept == u.sentence:
            out.append(u)
            continue
        lo = max(u.span[0], kept[0])
        if lo >= u.span[1]:
            continue
        text = texts[u.article]
        out.append(replace(u, span=(lo, u.span[1]), text=text[lo : u.span[1]], sentence=kept))
    return out
