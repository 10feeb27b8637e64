"""Names and spellings: how each outlet writes a name that resolution joined to one referent.

A different form is rarely a factual disagreement: outlets transliterate, abbreviate,
misspell and choose between a group's names. Each outlet's fullest form is graded by
how it relates to the entity's canonical name; only a form nothing explains is
flagged (``unexplained``), and none of this is a conflict: it has its own section.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from newsprism.compare.context import StoryContext
from newsprism.compare.records import NameForm, NameRelation, NameVariants
from newsprism.language.aliases import load_aliases
from newsprism.language.names import fold, initials, is_acronym, name_tokens, same_word
from newsprism.lexicon import DEMONYMS
from newsprism.model import Entity

SPELLING_RATIO = 80.0
_VOWELS = frozenset("aeiouy")
# Why two outlets' forms of one name differ, from harmless to unexplained.
SAME: NameRelation = "same"
SPELLING: NameRelation = "spelling"
TRANSLITERATION: NameRelation = "transliteration"
MISSPELLING: NameRelation = "misspelling"
SHORTER: NameRelation = "shorter"
ABBREVIATION: NameRelation = "abbreviation"
ALTERNATIVE: NameRelation = "alternative-name"
DEMONYM: NameRelation = "demonym"  # "Iraqi" of "Iraq": the place's adjective, one actor
UNEXPLAINED: NameRelation = "unexplained"
# endings that make a place's adjective: Iran-ian, Iraq-i, Syria-n, Chin-ese, Turk-ish,
# and in French, Spanish and German: Indonési-en, Marocain, Velmor-ano, Irak-er
_DEMONYM_ENDINGS = ("ian", "an", "n", "i", "ese", "ish", "ic", "ean", "ite",
                    "ien", "en", "ain", "ais", "ois", "ano", "ana", "eno", "ena", "er")  # fmt: skip
_PLACE_LABELS = frozenset({"GPE", "LOC", "NAME"})  # "NAME": read by rule, any kind


def name_variants(ctx: StoryContext) -> list[NameVariants]:
    """Each outlet's fullest form of a name, where the forms differ."""
    fullest: dict[str, dict[str, tuple[int, int]]] = {}
    for art_id, ann in ctx.annotations.items():
        for m in ann.mentions:
            if not m.entity or m.kind != "name":  # "the spokesperson" is no form of a name
                continue
            best = fullest.setdefault(m.entity, {}).get(art_id)
            if best is None or (m.span[1] - m.span[0]) > (best[1] - best[0]):
                fullest[m.entity][art_id] = m.span
    places = sorted(
        {e.name for e in ctx.entities.values() if e.label in _PLACE_LABELS and " " not in e.name}
    )
    out = []
    for ent_id, per_article in fullest.items():
        written = {a: _norm(ctx.text(a, s)) for a, s in per_article.items()}
        if len({ctx.outlet_of[a] for a in per_article}) < 2 or len(set(written.values())) < 2:
            continue
        entity = ctx.entities.get(ent_id)
        if all(any(is_demonym(f, p) for p in places) for f in set(written.values())):
            continue  # "Velmorans", "Velmorains": a place's people, in two languages
        reference = _reference(entity, list(written.values()))
        person = (entity.label if entity else "") == "PERSON"
        relation = {f: _relation(f, reference, entity, person) for f in set(written.values())}
        if set(relation.values()) <= {SAME, DEMONYM}:
            continue  # "Iraqi" and "Iraq": one place, no form to check
        forms = [
            NameForm(ctx.cite(art_id, span), written[art_id], relation[written[art_id]])
            for art_id, span in sorted(per_article.items())
        ]
        out.append(
            NameVariants(
                entity=ent_id,
                name=reference if entity is None or reference != entity.name else entity.name,
                label=entity.label if entity else "UNKNOWN",
                explanation=_explain(relation, reference, entity),
                forms=forms,
                unexplained=UNEXPLAINED in relation.values(),
            )
        )
    out.sort(key=lambda n: (not n.unexplained, n.name))
    return out


def _norm(text: str) -> str:
    return " ".join(text.split())


def _reference(entity: Entity | None, forms: list[str]) -> str:
    """The canonical name when known, else the fullest, most used form; the place
    rather than its adjective ("Iraq", not "Iraqi") when an outlet writes both."""
    name = entity.name if entity is not None else None
    if name is None:
        name = max(forms, key=lambda f: (len(f.split()), forms.count(f), f))
    return next((f for f in sorted(forms) if is_demonym(name, f)), name)


def is_demonym(form: str, place: str) -> bool:
    """``form`` is the adjective of ``place`` ("Iraqi" of "Iraq", "Velmoran" of
    "Velmora") or the name of its people ("Iraqis"): a word of its own, never a
    misspelling or a transliteration of it."""
    word, name = fold(form), fold(place)
    if word == name:
        return False  # "Havai" and "Havaí": one word, spelt two ways
    # the people of a place are its adjective too: "Indonesians", "Iraqis", "Velmorans"
    singular = word[:-1] if word.endswith("s") and len(word) > len(name) + 1 else word
    if fold(DEMONYMS.get(word, "")) == name or fold(DEMONYMS.get(singular, "")) == name:
        return True
    if singular != word and is_demonym(singular, place):
        return True
    if " " in word or " " in name or len(word) <= len(name) - 1:
        return False
    stems = {name, name[:-1]} if name[-1:] in "aeiouy" else {name}
    return any(word == stem + end for stem in stems for end in _DEMONYM_ENDINGS)


def _relation(form: str, reference: str, entity: Entity | None, person: bool) -> NameRelation:
    """How ``form`` relates to ``reference``: checks from the most to the least specific."""
    if form.casefold() == reference.casefold():
        return SAME  # "JAKARTA" in a dateline: type, not spelling
    if fold(form) == fold(reference):
        return SPELLING
    if not person and (is_demonym(form, reference) or is_demonym(reference, form)):
        return DEMONYM
    a, b = name_tokens(form, person), name_tokens(reference, person)
    if a == b:
        return SPELLING  # titles, particles or punctuation only
    if _expansion(form, reference, entity) or _expansion(reference, form, entity):
        return ABBREVIATION
    if len(a) == len(b) and (
        all(same_word(x, y) for x, y in zip(a, b, strict=True))
        or fuzz.ratio(" ".join(a), " ".join(b)) >= SPELLING_RATIO
    ):
        return _misspelt_or_transliterated(" ".join(a), " ".join(b))
    if a and b and len(a) != len(b) and _in_order(*sorted((a, b), key=len)):
        return SHORTER
    reasons = set(entity.aliases_from) if entity else set()
    if "alias-table" in reasons or _same_alias_entry(form, reference):
        return ALTERNATIVE
    return UNEXPLAINED


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Every word of the short form appears, spelled alike, in order in the long one."""
    it = iter(long)
    return all(any(same_word(w, x) for x in it) for w in short)


def _misspelt_or_transliterated(a: str, b: str) -> NameRelation:
    """One slip of the keyboard is a misspelling; a vowel or a doubled letter is how
    transliterations differ ("Muhammad"/"Mohammad", "Mohamed"/"Mohammed")."""
    if DamerauLevenshtein.distance(a, b) != 1:
        return TRANSLITERATION
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        if len(diff) == 1 and set(diff[0]) <= _VOWELS:
            return TRANSLITERATION
        return MISSPELLING
    long, short = (a, b) if len(a) > len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    doubled = (i > 0 and long[i] == long[i - 1]) or (i + 1 < len(long) and long[i] == long[i + 1])
    return TRANSLITERATION if doubled else MISSPELLING


def _expansion(short: str, full: str, entity: Entity | None) -> str | None:
    """What ``short`` is the initials of: ``full`` or another spelling of the same referent
    ("ISIS" of "Islamic State of Iraq and Syria", which an outlet or the alias table has)."""
    if not is_acronym(short):
        return None
    letters = fold(short).replace(" ", "")
    others = set(entity.variants if entity else ()) | _alias_spellings(full)
    for spelling in [full, *sorted(others - {full})]:
        if len(spelling.split()) > 1 and initials(name_tokens(spelling, False)) == letters:
            return spelling
    return None


def _alias_spellings(name: str) -> set[str]:
    entry = load_aliases().lookup(name)
    return {entry.canonical, *entry.aliases} if entry else set()


def _same_alias_entry(a: str, b: str) -> bool:
    table = load_aliases()
    ea, eb = table.lookup(a), table.lookup(b)
    return ea is not None and ea == eb


def _explain(relation: dict[str, NameRelation], reference: str, entity: Entity | None) -> str:
    """One clause per differing form, led by what the difference means for a reader."""
    variants = entity.variants if entity else {}
    kinds = set(relation.values()) - {SAME}
    if UNEXPLAINED in kinds:
        lead = "forms joined by name resolution that differ markedly: check they are one"
    elif kinds == {SHORTER}:
        lead = "a shorter and a fuller form of the name"
    elif kinds == {DEMONYM}:
        lead = "a place and its adjective: one actor, no difference of spelling"
    elif ALTERNATIVE in kinds:
        lead = "same referent under different names; which name an outlet uses can carry a stance"
    else:
        lead = "same name, different spelling"
    parts = [lead]
    for form, rel in sorted(relation.items()):
        if rel == SPELLING:
            parts.append(f"'{form}' is '{reference}' written differently")
        elif rel == TRANSLITERATION:
            parts.append(f"'{form}' and '{reference}' are transliterations of one name")
        elif rel == MISSPELLING:
            wrong, right = (
                (form, reference)
                if variants.get(form, 0) <= variants.get(reference, 0)
                else (reference, form)
            )
            parts.append(f"'{wrong}' is likely a misspelling of '{right}' (one letter apart)")
        elif rel == ABBREVIATION:
            full = _expansion(form, reference, entity)
            parts.append(
                f"'{form}' abbreviates '{full}'"
                if full
                else f"'{form}' is the full form of '{reference}'"
            )
        elif rel == SHORTER:
            parts.append(f"'{form}' is a shorter or fuller form of '{reference}'")
        elif rel == ALTERNATIVE:
            parts.append(
                f"'{form}' is an alternative name for {reference}, not a factual difference"
            )
        elif rel == DEMONYM:
            parts.append(f"'{form}' is the adjective of '{reference}' (a demonym), not a spelling")
        elif rel == UNEXPLAINED:
            parts.append(f"'{form}' and '{reference}' share no spelling")
    return "; ".join(parts)
