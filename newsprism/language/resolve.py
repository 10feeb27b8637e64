"""Cross-article entity resolution: one Entity per referent, with every spelling used.

Mentions are first grouped by exact identifying words (titles, "al-", accents and
apostrophes ignored), then groups are joined when
  * the alias table names them as one referent ("Daesh" / "Islamic State");
  * they are people whose first and last names are each one spelling apart
    ("Yahya"/"Yehia Rasool", "Anthony"/"Antony Blinken"), or one is the other
    with words left out ("Shia al-Sudani" / "Mohammed Shia al-Sudani");
  * a lone surname ("Sudani") matches exactly one person's full name, or one that is
    named at least three times as often as any other with that surname; a lone name
    that ends nobody's name but starts exactly one ("Kim" for "Kim Jong Un");
  * organisations' names are one spelling apart word by word ("Kataib"/"Kataeb"),
    or one is the other's acronym and no other organisation has those initials.
Places are only joined through the alias table: "Iraq"/"Iran" are one letter apart.
Two people who share only a surname ("Ali Hussein", "Fuad Hussein") stay apart.
Labels are a majority vote of the model's hints, overridden by the alias table, with
one correction: the small model often tags a country or town ORG or PERSON, so a name
the model tagged GPE at least once and that some outlet writes after "in", "to" or
"from" is a place, whatever the majority says; so is a name written at least twice as
the owner of what only a state or a place has ("X's economy", "X's coastline").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from newsprism.language.aliases import AliasEntry, AliasTable, load_aliases
from newsprism.language.names import initials, is_acronym, name_tokens, same_word, skeleton
from newsprism.language.options import LanguageOptions
from newsprism.lexicon import DEMONYMS
from newsprism.model import Annotations, Article, Entity, Mention, sha256_hex

_FAMILY = {
    "PERSON": "person",
    "ORG": "org",
    "GROUP": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "norp",
}


@dataclass(slots=True)
class _Group:
    """Mentions sharing one identifying key."""

    key: str
    tokens: tuple[str, ...]
    mentions: list[tuple[str, Mention]] = field(default_factory=list)
    alias: AliasEntry | None = None
    after_place_word: int = 0  # mentions written right after "in", "to", "from"
    place_owner: int = 0  # mentions written as "X's economy", "X's coastline"

    @property
    def label(self) -> str:
        if self.alias is not None:
            return self.alias.label
        cues = (self.after_place_word, self.place_owner)
        return _label([m.label for _, m in self.mentions], cues)

    @property
    def family(self) -> str:
        return _FAMILY.get(self.label, "other")


_PLACE_WORD = re.compile(r"\b(?:in|to|from|into|across|near)\s+(?:the\s+)?$", re.IGNORECASE)


# "spoke to Lenz", "according to Lenz": "to" after these is not a direction.
_TO_A_PERSON = re.compile(
    r"\b(?:spoke|speaking|talked|talking|according|close|married|loyal|wrote|said|next)\s+to\s+$",
    re.IGNORECASE,
)


def _after_place_word(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.span[0] - 24) : mention.span[0]]
    return bool(_PLACE_WORD.search(before)) and not _TO_A_PERSON.search(before)


# Things only a state or a place owns. Not "government" or "army": a leader has them too
# ("Sudani's government").
_PLACE_POSSESSIONS = re.compile(
    r"(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:economy|capital|borders?|coast|coastline|territory"
    r"|constitution|provinces?|airspace|ports?|citizens|population|exports|imports|currency"
    r"|parliament|coastguard|navy)\b",
    re.IGNORECASE,
)


def _place_cues(text: str, mention: Mention) -> tuple[int, int]:
    """(after a place preposition, owner of a place's possession) for one mention."""
    return int(_after_place_word(text, mention)), int(
        bool(_PLACE_POSSESSIONS.match(text, mention.span[1]))  # match() anchors at the end
    )


def _label(labels: list[str], cues: tuple[int, int]) -> str:
    """The majority label, except that a name is a place when the model tagged it GPE at
    least once and it is used after a place preposition or as a place's owner, or when
    it owns a place's possessions twice."""
    after_prep, owner = cues
    if ("GPE" in labels and (after_prep or owner)) or owner >= 2:
        return "GPE"
    return _majority(labels)


def _majority(labels: list[str]) -> str:
    counts = Counter(labels)
    best = max(counts.values())
    return min(label for label, n in counts.items() if n == best)


class _UnionFind:
    def __init__(self, keys: list[str]) -> None:
        self.parent = {k: k for k in keys}
        self.why: dict[str, set[str]] = defaultdict(set)

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        root, other = min(ra, rb), max(ra, rb)
        self.parent[other] = root
        self.why[root] |= self.why.pop(other, set()) | {reason}


def resolve_entities(
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    options: LanguageOptions | None = None,
) -> list[Entity]:
    """Canonical entities over the articles; fills ``Mention.entity`` and
    ``Quote.speaker_entity`` in place."""
    options = options or LanguageOptions()
    table = load_aliases(options.alias_file)
    groups = _group_mentions(articles, annotations, table)
    uf = _UnionFind(sorted(groups))
    _join_aliases(groups, uf)
    _join_people(groups, uf, options)
    _join_organisations(groups, uf, options)
    entities = _build_entities(groups, uf)
    _attach_speakers(articles, annotations, groups, uf, entities)
    return sorted(entities.values(), key=lambda e: (e.name, e.label))


def _form(mention: Mention) -> str:
    return mention.head or mention.text


def _group_mentions(
    articles: Sequence[Article], annotations: Mapping[str, Annotations], table: AliasTable
) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for article in articles:
        ann = annotations.get(article.id)
        if ann is None:
            continue
        for mention in ann.mentions:
            key, tokens, alias = _key_of(mention, table)
            if not key:
                continue
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(key, tokens, alias=alias)
            group.mentions.append((article.id, mention))
            prep, owner = _place_cues(article.text, mention)
            group.after_place_word += prep
            group.place_owner += owner
    return groups


def _key_of(mention: Mention, table: AliasTable) -> tuple[str, tuple[str, ...], AliasEntry | None]:
    """Alias-table referents key on their canonical name; other names on their words."""
    form = _form(mention)
    if mention.label == "NORP":  # "Chinese" (officials), "the Russians": the country as actor
        word = " ".join(form.lower().split())
        word = word[:-1] if word.endswith("ans") or word.endswith("is") else word
        form = DEMONYMS.get(word, form)
    alias = table.lookup(form) or table.lookup(mention.text)
    if alias is not None:
        return "alias:" + alias.canonical, name_tokens(alias.canonical, False), alias
    person = mention.label == "PERSON"
    tokens = name_tokens(form, person)
    if not tokens:
        return "", (), None
    # One key for one spelling, whatever the model's label: "Mexico" tagged GPE in one
    # sentence and NORP or ORG in the next is one referent; the label is voted later.
    return f"name:{' '.join(tokens)}", tokens, None


def _join_aliases(groups: dict[str, _Group], uf: _UnionFind) -> None:
    """Alias spellings already share their canonical key; record why they are together."""
    for key, group in groups.items():
        if group.alias is not None:
            uf.why[uf.find(key)].add("alias-table")


def _join_people(groups: dict[str, _Group], uf: _UnionFind, options: LanguageOptions) -> None:
    people = [g for g in groups.values() if g.family == "person" and g.alias is None]
    full = [g for g in people if len(g.tokens) >= 2]
    by_last: dict[str, list[_Group]] = defaultdict(list)
    for g in full:
        by_last[skeleton(g.tokens[-1])].append(g)
    for block in by_last.values():
        block.sort(key=lambda g: g.key)
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                reason = _same_person(a.tokens, b.tokens, options)
                if reason:
                    uf.union(a.key, b.key, reason)
    for g in people:
        if len(g.tokens) != 1:
            continue
        word = g.tokens[0]
        counts: Counter[str] = Counter()
        for f in by_last.get(skeleton(word), []):
            if _word_match(word, f.tokens[-1], options):
                counts[uf.find(f.key)] += len(f.mentions)
        ranked = counts.most_common(2)
        if not ranked:
            # "Kim" for "Kim Jong Un": family name first; joined only when one person's
            # full name starts with it and nobody's ends with it
            firsts = {uf.find(f.key) for f in full if _word_match(word, f.tokens[0], options)}
            if len(firsts) == 1:
                uf.union(g.key, firsts.pop(), "first-word")
        elif len(ranked) == 1:
            uf.union(g.key, ranked[0][0], "surname")
        elif ranked and ranked[0][1] >= 3 * ranked[1][1]:
            # "Trump" beside "Donald Trump" (many mentions) and "Melania Trump" (one)
            uf.union(g.key, ranked[0][0], "surname-of-the-most-named")


def _word_match(a: str, b: str, options: LanguageOptions) -> bool:
    loose = options.name_similarity_transliterated
    if min(len(a), len(b)) < 4:
        loose = 101.0  # short words: only near-identical spellings
    return same_word(a, b, options.name_similarity, loose)


def _same_person(a: tuple[str, ...], b: tuple[str, ...], options: LanguageOptions) -> str:
    """Why two full names are one person ("spelling", "shorter-name"), or "" if not."""
    if len(a) == len(b):
        if all(_word_match(x, y, options) for x, y in zip(a, b, strict=True)):
            return "spelling"
        return ""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if not _word_match(short[-1], long[-1], options):
        return ""
    it = iter(long)
    if all(any(_word_match(w, x, options) for x in it) for w in short):
        return "shorter-name"
    return ""


def _join_organisations(
    groups: dict[str, _Group], uf: _UnionFind, options: LanguageOptions
) -> None:
    orgs = sorted(
        (g for g in groups.values() if g.family == "org" and g.alias is None), key=lambda g: g.key
    )
    by_shape: dict[tuple[int, str], list[_Group]] = defaultdict(list)
    for g in orgs:
        by_shape[(len(g.tokens), g.tokens[0][:1])].append(g)
    for block in by_shape.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if _acronym_shape(a) != _acronym_shape(b):
                    continue  # "IRNA" is not a spelling of "Iran"
                if all(_word_match(x, y, options) for x, y in zip(a.tokens, b.tokens, strict=True)):
                    uf.union(a.key, b.key, "spelling")
    by_initials: dict[str, list[_Group]] = defaultdict(list)
    for o in groups.values():
        if o.family == "org" and len(o.tokens) >= 2:
            by_initials[initials(o.tokens)].append(o)
    acronyms = [g for g in orgs if any(is_acronym(m.text) for _, m in g.mentions)]
    for g in acronyms:
        targets = {uf.find(o.key) for o in by_initials.get(g.tokens[0], [])}
        if len(targets) == 1:
            uf.union(g.key, targets.pop(), "acronym")


def _acronym_shape(group: _Group) -> bool:
    """Whether the group's spellings are acronyms ("IRNA", "PMF"), not words."""
    return any(is_acronym(m.text) for _, m in group.mentions)


def _build_entities(groups: dict[str, _Group], uf: _UnionFind) -> dict[str, Entity]:
    members: dict[str, list[_Group]] = defaultdict(list)
    for key in sorted(groups):
        members[uf.find(key)].append(groups[key])
    entities: dict[str, Entity] = {}
    for root, gs in members.items():
        mentions = [(aid, m) for g in gs for aid, m in g.mentions]
        alias = next((g.alias for g in gs if g.alias is not None), None)
        cues = (sum(g.after_place_word for g in gs), sum(g.place_owner for g in gs))
        label = alias.label if alias else _label([m.label for _, m in mentions], cues)
        name = alias.canonical if alias else _canonical_name(mentions)
        ident = sha256_hex(f"{name}\x00{label}")[:16]
        variants = Counter(" ".join(m.text.split()) for _, m in mentions)
        why = sorted(uf.why.get(root, set()))
        if len({name_tokens(m.text) for _, m in mentions}) > 1 and not why:
            why = ["same-name"]
        entity = Entity(
            id=ident,
            name=name,
            label=label,
            variants=dict(sorted(variants.items())),
            articles=sorted({aid for aid, _ in mentions}),
            aliases_from=why,
        )
        for _, m in mentions:
            m.entity = ident
            m.label = label
        entities[root] = entity
    return entities


def _canonical_name(mentions: list[tuple[str, Mention]]) -> str:
    """The most used among the fullest forms, without titles ("Mohammed Shia al-Sudani")."""
    forms = Counter(" ".join(_form(m).split()) for _, m in mentions)
    return max(
        forms, key=lambda f: (len(name_tokens(f)), not f.isupper(), forms[f], _untitled(f), f)
    )


def _untitled(form: str) -> bool:
    return len(name_tokens(form)) == len(form.split())


def _attach_speakers(
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    groups: dict[str, _Group],
    uf: _UnionFind,
    entities: dict[str, Entity],
) -> None:
    """A quote's speaker is the entity of the mention at its speaker span, else the
    entity of the article whose name the speaker words spell."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for g in groups.values():
        if g.family == "person" and len(g.tokens) >= 2:
            surnames[g.tokens[-1]].add(uf.find(g.key))
    for article in articles:
        ann = annotations.get(article.id)
        if ann is None:
            continue
        by_span = {m.span: m for m in ann.mentions}
        local: dict[tuple[str, ...], str] = {}
        for m in ann.mentions:
            if m.entity:
                local.setdefault(name_tokens(m.text), m.entity)
                local.setdefault(name_tokens(_form(m)), m.entity)
        for q in ann.quotes:
            if not q.speaker:
                continue
            said = by_span.get(q.speaker_span) if q.speaker_span and not q.in_title else None
            if said is not None and said.entity:
                q.speaker_entity = said.entity
                continue
            q.speaker_entity = local.get(name_tokens(q.speaker)) or _by_name(
                q.speaker, groups, uf, entities, surnames
            )


def _by_name(
    speaker: str,
    groups: dict[str, _Group],
    uf: _UnionFind,
    entities: dict[str, Entity],
    surnames: dict[str, set[str]],
) -> str | None:
    """A speaker phrase not among the article's mentions ("Iraqi PM Sudani"): the entity
    of the corpus's name ending in the phrase's last word, when only one person has it."""
    tokens = name_tokens(speaker)
    if not tokens:
        return None
    for key in ("name:" + " ".join(tokens), "name:" + tokens[-1]):
        if key in groups:
            return entities[uf.find(key)].id
    roots = surnames.get(tokens[-1], set())
    return entities[next(iter(roots))].id if len(roots) == 1 else None
