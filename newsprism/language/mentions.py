"""Names in one article, and which short forms stand for which full name.

The statistical model's label is only a hint: an alias-table name takes the table's
label, and a short form joined to a person's full name becomes PERSON.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsprism.language.aliases import AliasTable
from newsprism.language.chains import describe_actors
from newsprism.language.names import has_person_title, initials, is_acronym, name_tokens
from newsprism.model import Mention

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "GROUP", "FAC"})
_JOINABLE = frozenset({"PERSON", "ORG", "GROUP"})


def extract_mentions(doc: Doc, table: AliasTable, offset: int = 0) -> list[Mention]:
    """Named mentions in document order, with adjacent person fragments merged, and the
    descriptions the article joins to a named actor ("the president")."""
    ents = [
        e
        for e in doc.ents
        if e.label_ in KEPT_LABELS and (not _misread(e) or table.lookup(e.text) is not None)
    ]
    spans = _merge_person_fragments(ents)
    mentions = []
    for start, end, label in spans:
        text = doc.text[start:end]
        while start < end and text[:1].isspace():
            start, text = start + 1, text[1:]
        text = text.rstrip()
        end = start + len(text)
        text, end = _trim_possessive(text, end)
        for lead in ("'s ", "’s "):  # the model sometimes starts a name at the owner's "’s"
            if text.startswith(lead) and len(text) > len(lead):
                start, text = start + len(lead), text[len(lead) :]
        for article in ("the ", "The "):
            if text.startswith(article) and len(text) > len(article):
                start, text = start + len(article), text[len(article) :]
        if not text:
            continue
        for part_start, part in _split_owner(start, text):
            entry = table.lookup(part)
            part_label = entry.label if entry is not None else label
            if entry is None and has_person_title(part):
                part_label = "PERSON"  # "Mr. Trump" tagged ORG, "Iraqi PM Sudani" GPE
            span = (part_start + offset, part_start + len(part) + offset)
            mentions.append(Mention(span=span, text=part, label=part_label))
    mentions.extend(_titled_names(doc, mentions, offset))
    mentions.extend(_table_places(doc, table, mentions, offset))
    mentions.extend(_untagged_surnames(doc, mentions, offset))
    mentions.extend(_defined_acronyms(doc, mentions, offset))
    mentions.sort(key=lambda m: m.span)
    join_short_forms(mentions, doc.text, offset)
    mentions.extend(describe_actors(doc, mentions, offset))
    mentions.sort(key=lambda m: m.span)
    return mentions


def _untagged_surnames(doc: Doc, mentions: list[Mention], offset: int) -> list[Mention]:
    """Proper nouns the model missed that repeat the surname of a person named in the
    article ("Rasool said ..." after "Yahya Rasool"), or a one-word name the model tagged
    a person elsewhere in it ("Trump held ..." after "Trump said")."""
    surnames = {
        toks[-1]
        for m in mentions
        if m.label == "PERSON"
        and (len(toks := name_tokens(m.text)) >= 2 or (toks and len(toks[0]) > 3))
    }
    if not surnames:
        return []
    covered = [(m.span[0] - offset, m.span[1] - offset) for m in mentions]
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        if any(s <= tok.idx < e for s, e in covered):
            continue
        words = name_tokens(tok.text)
        if len(words) == 1 and words[0] in surnames:
            span = (tok.idx + offset, tok.idx + len(tok) + offset)
            out.append(Mention(span=span, text=tok.text, label="PERSON"))
    return out


def _misread(ent: Span) -> bool:
    """Entities the small model invents: a verb ("Repeated" as NORP), an adjective
    ("pro-Iran", a lone "Supreme"), or the "State" of a title ("Secretary of State")."""
    if all(t.pos_ in ("VERB", "AUX") for t in ent):
        return True
    if _STANCE.match(ent.text):
        return True  # "pro-Iran group": a stance, not a mention of Iran as an actor
    if len(ent) == 1 and ent[0].pos_ in ("ADJ", "ADV") and ent.label_ != "NORP":
        return True
    before = ent.doc[max(0, ent.start - 2) : ent.start].text.lower()
    return len(ent) == 1 and before in ("secretary of", "minister of")


_STANCE = re.compile(r"^(?:pro|anti|non|ex)-", re.IGNORECASE)
_TITLED = re.compile(
    r"(?<![\w-])(?:PM|Prime\s+Minister|President|Premier|Minister|Sheikh|Ayatollah|Gen\."
    r"|Mr\.?|Mrs\.?|Ms\.?)\s+(?P<name>(?:(?:al|el)-)?[A-Z][\w'’-]+(?:\s+(?:(?:al|el)-)?"
    r"[A-Z][\w'’-]+){0,2})"
)


def _titled_names(doc: Doc, mentions: list[Mention], offset: int) -> list[Mention]:
    """A name after a title is a person ("Iraqi PM Sudani", "President Raisi"), also where
    the model missed it or read the title's country as the name's label."""
    out: list[Mention] = []
    for match in _TITLED.finditer(doc.text):
        start, end = match.span("name")
        words = doc.text[start:end].split()
        while words and words[-1].lower() in ("said", "says", "told"):
            words.pop()
        if not words:
            continue
        end = start + len(" ".join(words))
        clash = [m for m in mentions if m.span[0] - offset < end and start < m.span[1] - offset]
        if any(m.label == "PERSON" for m in clash):
            continue
        for m in clash:  # "Iraqi PM Sudani" read as one GPE: the person is the name part
            mentions.remove(m)
        out.append(Mention((start + offset, end + offset), doc.text[start:end], "PERSON"))
    return out


def _table_places(
    doc: Doc, table: AliasTable, mentions: list[Mention], offset: int
) -> list[Mention]:
    """Places of the alias table the small model misses ("al-Qaim", "Erbil")."""
    covered = [(m.span[0] - offset, m.span[1] - offset) for m in mentions]
    out: list[Mention] = []
    for phrase, label in table.phrases():
        if label not in ("GPE", "LOC") or len(phrase) <= 3:
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")
        for match in pattern.finditer(doc.text):
            s, e = match.span()
            if any(a < e and s < b for a, b in covered):
                continue
            covered.append((s, e))
            out.append(Mention((s + offset, e + offset), phrase, label))
    return out


def _merge_person_fragments(ents: list[Span]) -> list[tuple[int, int, str]]:
    """Join PERSON pieces the model split ("Shia'" + "al-Sudani") when only a space separates."""
    out: list[tuple[int, int, str]] = []
    for ent in ents:
        start, end, label = ent.start_char, ent.end_char, ent.label_
        if out and label == "PERSON" and out[-1][2] == "PERSON":
            gap = ent.doc.text[out[-1][1] : start]
            if gap == " ":
                out[-1] = (out[-1][0], end, "PERSON")
                continue
        out.append((start, end, label))
    return out


# Common nouns and titles that own inside one name ("Women's Union", "St John's").
_COMMON_OWNERS = frozenset(
    {"people", "women", "children", "men", "workers", "veterans", "martyrs", "farmers"}
    | {"john", "mary", "peter", "paul", "james", "patrick", "george", "andrew", "thomas"}
)
_OWNER = re.compile(r"^(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s\s+(?P<owned>\S.*)$")


def _split_owner(start: int, text: str) -> list[tuple[int, str]]:
    """ "Anbar’s al-Qaem" read as one entity is two names: the owner and what it owns,
    each resolved on its own."""
    match = _OWNER.match(text)
    if match is None or not any(c.isupper() for c in match.group("owned")):
        return [(start, text)]
    if match.group("owner").split()[-1].lower() in _COMMON_OWNERS:
        return [(start, text)]  # "People's Liberation Army", "St John's Hospital" are one name
    return [(start, match.group("owner")), (start + match.start("owned"), match.group("owned"))]


def _trim_possessive(text: str, end: int) -> tuple[str, int]:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)], end - len(suffix)
    return text, end


def join_short_forms(mentions: list[Mention], text: str = "", offset: int = 0) -> None:
    """Point each surname-only or acronym mention at the full name it abbreviates.

    A surname ("Rasool", "al-Sudani") joins the nearest preceding person whose full
    name ends with it (else the first following one), unless the article used it with a
    title or twice before naming anyone in full with it; an acronym ("PMF") joins an
    organisation whose initials it spells. Labels follow the full name.
    """
    persons = [(i, m, name_tokens(m.text)) for i, m in enumerate(mentions) if m.label == "PERSON"]
    persons = [(i, m, toks) for i, m, toks in persons if len(toks) >= 2]
    groups = [
        (i, m, name_tokens(m.text, person=False))
        for i, m in enumerate(mentions)
        if m.label in ("ORG", "GROUP") and not is_acronym(m.text)
    ]
    for i, mention in enumerate(mentions):
        if mention.label not in _JOINABLE:
            continue
        if is_acronym(mention.text):
            acro = mention.text.replace(".", "").lower()
            full = _nearest(
                i, [(j, m) for j, m, t in groups if len(t) >= 2 and initials(t) == acro]
            )
            if full is not None:
                mention.head = full.text
                mention.label = full.label
            continue
        toks = name_tokens(mention.text)
        if not toks:
            continue
        candidates = [
            (j, m)
            for j, m, full_toks in persons
            if j != i and len(full_toks) > len(toks) and _is_short_form(toks, full_toks)
        ]
        first_full = min((j for j, _ in candidates), default=0)
        if candidates and _known_before(mentions, toks, first_full, text, offset):
            continue
        full = _nearest(i, candidates)
        if full is not None:
            mention.head = full.head or full.text
            mention.label = "PERSON"


def _known_before(
    mentions: list[Mention], short: tuple[str, ...], first_full: int, text: str, offset: int
) -> bool:
    """Whether the article used the short form with a title ("President Trump", "Mr.
    Kim") or twice before naming anyone in full with it: then it means someone known by
    that name alone, not the person named in full later ("Melania Trump")."""
    uses = [m for m in mentions[:first_full] if name_tokens(m.text) == short]
    if len(uses) >= 2:
        return True
    for m in uses:
        start = m.span[0] - offset
        before = text[max(0, start - 24) : start].split()
        if has_person_title(" ".join([*before[-2:], m.text])) or has_person_title(
            " ".join([*before[-1:], m.text])
        ):
            return True
    return False


def _is_short_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Surname, or an in-order subset of the full name's words ending with the surname."""
    if short[-1] != full[-1]:
        return False
    it = iter(full)
    return all(word in it for word in short)


def _nearest(i: int, candidates: list[tuple[int, Mention]]) -> Mention | None:
    before = [(j, m) for j, m in candidates if j < i]
    if before:
        return max(before, key=lambda p: p[0])[1]
    after = [(j, m) for j, m in candidates if j > i]
    return min(after, key=lambda p: p[0])[1] if after else None


def _defined_acronyms(doc: Doc, mentions: list[Mention], offset: int) -> list[Mention]:
    """ "Popular Mobilization Forces (PMF)": every later "PMF" is that organisation, even
    where the model does not tag it."""
    defined: dict[str, Mention] = {}
    for m in mentions:
        if m.label not in ("ORG", "GROUP"):
            continue
        end = m.span[1] - offset
        after = doc.text[end : end + 12]
        if not after.startswith(" ("):
            continue
        acro = after[2:].split(")", 1)[0]
        tokens = name_tokens(m.text, person=False)
        if is_acronym(acro) and len(tokens) >= 2 and initials(tokens) == acro.lower():
            defined[acro] = m
    if not defined:
        return []
    covered = [(m.span[0] - offset, m.span[1] - offset) for m in mentions]
    out = []
    for tok in doc:
        full = defined.get(tok.text)
        if full is None or any(s <= tok.idx < e for s, e in covered):
            continue
        span = (tok.idx + offset, tok.idx + len(tok) + offset)
        out.append(Mention(span=span, text=tok.text, label=full.label, head=full.text))
    return out
