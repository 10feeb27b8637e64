"""Framing: the words each outlet uses for an actor, in its own voice or inside quotes.

A row is one actor. The language layer's label records ("former President Donald
Brandt", "l'ancien président", "Milizenchef") are read with the entity of the name they
describe, and the entities of one actor across languages are one row
(``compare.actors``); two actors are never joined because their labels share a word.

Labels are read from the text, not from a list of loaded words: appositions to a
resolved name ("Kataib Hezbollah, an Iran-backed armed group"), common nouns a name
modifies ("Kata'ib Hezbollah resistance group"), and generic collective noun phrases
("hardline Iran-backed armed groups", "anti-terror groups") joined into one actor when
they fill the same role in aligned sentences or share the proper noun that
characterises them ("Iran-backed", "pro-Iran").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsprism.compare.actors import MIN_LONE, actor_keys
from newsprism.compare.context import StoryContext
from newsprism.compare.people import DESCRIPTIVE_ROLES, people_labels, people_nouns
from newsprism.compare.records import FramingRow
from newsprism.compare.records import Label as LabelRecord
from newsprism.compare.units import Unit
from newsprism.errors import OptionsError
from newsprism.language.holders import english_office_or_other, foreign_holder
from newsprism.language.labels import listed, titles_another
from newsprism.language.names import name_tokens
from newsprism.lexicon import DEMONYMS, VAGUE_COUNTS
from newsprism.model import Annotations, Article, Mention, Span

# Nouns that name a collective of people: the heads generic labels are built on.
# Heads of appositions found in the story are added to these at run time.
COLLECTIVE_HEADS = {
    "group", "militia", "faction", "force", "brigade", "network", "movement",
    "organization", "organisation", "fighter", "wing", "unit", "rebel", "insurgent",
}  # fmt: skip
_SKIP_DEPS = {"det", "poss", "case", "predet", "nummod", "punct"}


@dataclass(slots=True)
class Label:
    article: str
    span: Span
    text: str
    head: str  # lemma of the head noun
    proper: frozenset[str]  # proper nouns inside ("iran" in "Iran-backed")
    voice: str
    source: str
    entity: str | None = None
    against: frozenset[str] = frozenset()  # people-nouns it is set against or beside
    speaker: bool = False  # a source of the story ("witnesses said"), not one of its sides
    # whose the actor is: places, names and nouns before the head ("Iraqi", "militia",
    # "government"); two labels whose owners differ are two actors, whatever their head
    owner: frozenset[str] = frozenset()
    plural: bool = True  # "operators" is a group, "a crane operator" one person


_OWNER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod"}
_OWNER_ENTS = {"NORP", "GPE", "ORG", "LOC"}


def _owner(tokens: Sequence[Any]) -> frozenset[str]:
    """The words that say whose an actor is: a place or its adjective (read as the place:
    "Iraqi" is "iraq"), a name, or a noun modifier ("militia officials", "the government's
    officials"). Evaluative adjectives ("striking", "hardline") are framing, not owners."""
    if not tokens:
        return frozenset()
    head = tokens[-1]
    out = set()
    for t in tokens:
        if t.i == head.i or t.dep_ not in _OWNER_DEPS or not t.is_alpha:
            continue
        if t.pos_ in ("PROPN", "NOUN") or t.ent_type_ in _OWNER_ENTS:
            word = t.lower_
            out.add(DEMONYMS.get(word, word).lower())
    return frozenset(out)


def _in_quote(ann: Annotations | None, span: Span) -> bool:
    if ann is None:
        return False
    # an indirect quote is the reporter's own wording of what was said
    return any(
        q.kind != "indirect" and q.where == "text" and q.span[0] <= span[0] <= span[1] <= q.span[1]
        for q in ann.quotes
    )


def _label_from(chunk: SpacySpan, start_token: int | None = None) -> tuple[int, int] | None:
    tokens = [t for t in chunk if start_token is None or t.i >= start_token]
    # determiners, possessives and counts ("At least two operators") are no label
    while tokens and (
        tokens[0].dep_ in _SKIP_DEPS
        or tokens[0].tag_ == "POS"
        or tokens[0].like_num
        or tokens[0].dep_ in ("advmod", "quantmod")
    ):
        tokens = tokens[1:]
    if len(tokens) < 2 or tokens[-1] != chunk.root:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _mention_entity(ann: Annotations | None, start: int, end: int) -> str | None:
    if ann is None:
        return None
    for m in ann.mentions:
        if m.span[0] < end and start < m.span[1] and m.entity:
            return m.entity
    return None


def _find_labels(
    article: Article, doc: Doc, ann: Annotations | None, heads: set[str], lexicon: Sequence[str]
) -> list[Label]:
    out: list[Label] = []
    text = article.text

    def add(
        span: Span, root_lemma: str, tokens: Sequence[Any], source: str, ent: str | None
    ) -> None:
        span = _whole_words(text, span)
        # capitalised words characterise a label ("Iran" in "pro-Iran", tagged ADJ there)
        proper = frozenset(
            t.lower_ for t in tokens if t.text[:1].isupper() and t.dep_ not in _SKIP_DEPS
        )
        inside = [t for t in tokens if span[0] <= t.idx < span[1]]
        out.append(
            Label(article.id, span, text[span[0] : span[1]], root_lemma, proper,
                  "quoted" if _in_quote(ann, span) else "own", source, ent,
                  owner=_owner(inside), plural=bool(inside) and inside[-1].tag_ == "NNS")
        )  # fmt: skip

    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ != "NOUN":
            continue
        if (
            root.dep_ == "appos" and not listed(root, root.head) and not titles_another(root)
        ):  # "Kataib Hezbollah, an ..." (but "Marrow, Velmora's prayer Imam Vahl" is Vahl's)
            ent = _mention_entity(ann, root.head.idx, root.head.idx + len(root.head))
            bounds = _label_from(chunk)
            if bounds and ent:
                add(bounds, root.lemma_.lower(), list(chunk), "apposition", ent)
                continue
        names = [t for t in chunk if t.pos_ == "PROPN" and t.dep_ in ("compound", "nmod")]
        if names and root.lemma_.lower() in heads:  # "Kata'ib Hezbollah resistance group"
            after = names[-1].i + 1
            ent = _mention_entity(ann, names[0].idx, names[-1].idx + len(names[-1]))
            bounds = _label_from(chunk, after)
            if bounds and ent:
                add(
                    bounds, root.lemma_.lower(), [t for t in chunk if t.i >= after], "compound", ent
                )
                continue
        if root.lemma_.lower() in heads:
            bounds = _label_from(chunk)
            if bounds:
                add(bounds, root.lemma_.lower(), list(chunk), "noun-phrase", None)
    for phrase in lexicon:
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", text, flags=re.IGNORECASE):
            if not any(lab.span[0] <= m.start() and m.end() <= lab.span[1] for lab in out):
                words = [t for t in doc if m.start() <= t.idx < m.end()]
                head = words[-1].lemma_.lower() if words else phrase.split()[-1].lower()
                add((m.start(), m.end()), head, words, "lexicon", None)
    return out


def _people_labels(
    article: Article, doc: Doc, ann: Annotations | None, people: set[str], found: Sequence[Label]
) -> list[Label]:
    taken = [lab.span for lab in found if lab.article == article.id]
    out = []
    for p in people_labels(article.id, doc, people):
        if any(s[0] < p.span[1] and p.span[0] < s[1] for s in taken):
            continue
        chunk = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        words = list(chunk) if chunk is not None else []
        proper = frozenset(t.lower_ for t in words if t.text[:1].isupper() and not t.is_sent_start)
        voice = "quoted" if _in_quote(ann, p.span) else "own"
        text = article.text[p.span[0] : p.span[1]]
        label = Label(article.id, p.span, text, p.head, proper, voice, "people-noun")
        label.against, label.speaker = p.against, p.speaker
        label.owner, label.plural = _owner(words), bool(words) and words[-1].tag_ == "NNS"
        out.append(label)
    return out


# Labels written next to the actor's name: the digest never rewords them to the name.
_BESIDE_NAME = frozenset({"title", "apposition", "predicate", "compound", "body"})
_DESCRIPTION_SKIP = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their"})


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _english(article: Article) -> bool:
    return article.language in (None, "en")


def _plural_person(doc: Doc | None, m: Mention) -> bool:
    """A plural joined to a person ("his lawyers" read as his apposition) is not him."""
    if doc is None or m.label != "PERSON":
        return False
    chunk = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
    return chunk is not None and len(chunk) > 0 and chunk[-1].tag_ in ("NNS", "NNPS")


def _whole_words(text: str, span: Span) -> Span:
    """A label that starts inside a hyphenated word takes the whole word: "three-time
    presidential candidate", never "time presidential candidate"."""
    start = span[0]
    while start > 0 and text[start - 1] in "-‐" and start > 1 and text[start - 2].isalnum():
        start -= 1
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    return start, span[1]


def _names_another(ann: Annotations, span: Span, entity: str) -> bool:
    """The label holds another person's name: it is that person's description (a place
    or a body in it, "former Jakarta governor", says whose the title is)."""
    return any(
        m.kind == "name" and m.label == "PERSON" and m.entity and m.entity != entity
        and span[0] <= m.span[0] and m.span[1] <= span[1]
        for m in ann.mentions
    )  # fmt: skip


def _recorded_labels(ctx: StoryContext, found: Sequence[Label]) -> list[Label]:
    """The language layer's labels of named actors (every language), and the English
    descriptions it joined to a name ("the former president"), each with the entity of
    the name it describes; spans the parse's own labels took are left to them."""
    taken: dict[str, list[Span]] = {}
    for lab in found:
        taken.setdefault(lab.article, []).append(lab.span)
    out: list[Label] = []
    for art_id, ann in ctx.annotations.items():
        spans = taken.setdefault(art_id, [])
        text = ctx.articles[art_id].text if art_id in ctx.articles else ""
        items: list[tuple[Span, str | None, str]] = []
        for rec in ann.labels:
            if rec.key:  # a ministry: its portfolio makes it one actor in every language
                ent = "body:" + rec.key
                parsed = [x for x in found if x.article == art_id and _overlaps(x.span, rec.span)]
                for x in parsed:
                    x.entity = x.entity or ent
                if not parsed:
                    items.append((rec.span, ent, rec.kind))
                continue
            items.append((rec.span, _mention_entity(ann, *rec.actor), rec.kind))
        doc = ctx.docs.get(art_id)
        english = art_id in ctx.articles and _english(ctx.articles[art_id])
        for m in ann.mentions:
            if not english or m.kind != "description" or not m.entity:
                continue
            if _plural_person(doc, m):
                continue
            words = m.text.split()
            skip = 0
            while skip < len(words) - 1 and words[skip].lower() in _DESCRIPTION_SKIP:
                skip += 1
            start = m.span[0] + len(" ".join(words[:skip])) + (1 if skip else 0)
            if text[start : m.span[1]].lower() in VAGUE_COUNTS:
                continue
            items.append(((start, m.span[1]), m.entity, "description"))
        for span, who, kind in items:
            if who is None or any(s[0] < span[1] and span[0] < s[1] for s in spans):
                continue
            span = _whole_words(text, span)
            if _names_another(ann, span, who):
                continue  # "hijo del presidente Anders Brandt" describes Brandt, not its actor
            if kind == "description" and _someone_elses(ctx, art_id, ann, span, who):
                continue  # "Dorn, the envoy", "become vice president": not this actor
            spans.append(span)
            words_text = text[span[0] : span[1]]
            head = words_text.split()[-1].lower() if words_text.split() else ""
            voice = "quoted" if _in_quote(ann, span) else "own"
            label = Label(art_id, span, words_text, head, frozenset(), voice, kind, who)
            label.plural = False
            label.owner = _body_owner(text, span) if kind == "body" else frozenset()
            out.append(label)
    return out


def _someone_elses(ctx: StoryContext, art_id: str, ann: Annotations, span: Span, who: str) -> bool:
    """A description joined by coreference that the text gives another holder."""
    article = ctx.articles.get(art_id)
    if article is None:
        return False
    entity = ctx.entities.get(who)
    words = {w for w in name_tokens(entity.name) if len(w) >= MIN_LONE} if entity else set()

    def is_actor(m: Mention) -> bool:
        return m.entity == who or bool(words & set(name_tokens(m.text)))

    if foreign_holder(ann, article.text, span, is_actor, article.language):
        return True
    doc = ctx.docs.get(art_id)
    return _english(article) and english_office_or_other(doc, ann, span, is_actor)


def _body_owner(text: str, span: Span) -> frozenset[str]:
    """Whose ministry: a place's adjective in or just before the phrase ("the Moroccan
    Interior Ministry", "Iran's interior ministry"), so two countries' ministries of one
    portfolio stay two actors."""
    before = text[max(0, span[0] - 40) : span[0]].split()[-2:]
    words = [w.strip(".,;:()\"'’").lower() for w in before + text[span[0] : span[1]].split()]
    out = {DEMONYMS[w].lower() for w in words if w in DEMONYMS}
    out.update(w[:-2] for w in words if w.endswith(("'s", "’s")) and len(w) > 3)
    return frozenset(out)


def _union_left_over(
    labels: Sequence[Label],
    a: Sequence[int],
    b: Sequence[int],
    people: set[str],
    union: Callable[[int, int], None],
) -> None:
    """Two outlets stating one fact name the same actors: pair the names left unmatched.

    "Police and protesters clashed" against "clashes between strikers and police":
    police matches police, so the protesters are the strikers. Only a one-to-one
    remainder is paired; two or more left over on a side could pair either way.
    """
    if not a or not b or labels[a[0]].article == labels[b[0]].article:
        return
    heads_a = {labels[i].head for i in a if labels[i].head in people and not labels[i].speaker}
    heads_b = {labels[j].head for j in b if labels[j].head in people and not labels[j].speaker}
    left_a, left_b = heads_a - heads_b, heads_b - heads_a
    if len(left_a) == 1 and len(left_b) == 1:
        i = next(i for i in a if labels[i].head in left_a and not labels[i].speaker)
        j = next(j for j in b if labels[j].head in left_b and not labels[j].speaker)
        union(i, j)


def _only_described(labels: Sequence[Label]) -> bool:
    """An unnamed actor whose labels frame nobody: every head is a descriptive role
    noun, or the wordings differ only in whose the actor is ("Moroccan authorities",
    "authorities") and how it is written."""
    if all(lab.head in DESCRIPTIVE_ROLES or lab.head.rstrip("s") in DESCRIPTIVE_ROLES
           for lab in labels):  # fmt: skip
        return True
    wordings = set()
    for lab in labels:
        words = [w.strip(".,;:\"'’“”").lower() for w in lab.text.split()]
        kept = [w for w in words if w and w not in lab.owner
                and DEMONYMS.get(w, w).lower() not in lab.owner]  # fmt: skip
        wordings.add(" ".join(kept).rstrip("s"))
    return len(wordings) < 2


def load_lexicon(path: str | None) -> list[str]:
    """A user file of label phrases, one a line; '#' starts a comment."""
    if not path:
        return []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise OptionsError(f"{path}: cannot read framing lexicon: {exc}") from exc
    return [ln.split("#", 1)[0].strip() for ln in lines if ln.split("#", 1)[0].strip()]


def _neutral(labels: Sequence[Label], outlet_of: Mapping[str, str]) -> str:
    """The label most outlets use in their own voice; fewer words break ties.

    Written as it appears mid-sentence ("police", not "Police"), so that it can stand
    in for another label anywhere in a sentence.
    """
    outlets: dict[str, set[str]] = {}
    for lab in labels:
        if lab.voice == "own":
            outlets.setdefault(lab.text.lower().rstrip("s"), set()).add(outlet_of[lab.article])
    if not outlets:
        return labels[0].text
    best = max(outlets, key=lambda k: (len(outlets[k]), -len(k.split()), k))
    written = [lab.text for lab in labels if lab.text.lower().rstrip("s") == best]
    return min(written, key=lambda w: (w[:1].isupper(), w))


def find_framing(
    ctx: StoryContext,
    units: Sequence[Unit],
    groups: Sequence[Sequence[int]],
    lexicon: Sequence[str] = (),
) -> tuple[list[FramingRow], dict[tuple[str, Span], str]]:
    """Framing rows, and for each labelled span the neutral wording of its actor.

    ``groups`` are the unit indices of each fact row: labels in the same role of
    aligned sentences name the same actor."""
    articles, annotations, entities = ctx.articles, ctx.annotations, ctx.entities
    # the English parse of a page in a language no reader covers (Turkish) reads nonsense
    docs = {k: d for k, d in ctx.docs.items() if k in articles and _english(articles[k])}
    heads = set(COLLECTIVE_HEADS)
    for doc in docs.values():
        heads.update(t.lemma_.lower() for t in doc if t.dep_ == "appos" and t.pos_ == "NOUN")
    labels: list[Label] = []
    for art_id, doc in docs.items():
        labels.extend(_find_labels(articles[art_id], doc, annotations.get(art_id), heads, lexicon))
    people = people_nouns(docs, (lab.head for lab in labels if lab.source == "lexicon"))
    for art_id, doc in docs.items():
        labels.extend(
            _people_labels(articles[art_id], doc, annotations.get(art_id), people, labels)
        )
    labels = [lab for lab in labels if lab.head not in VAGUE_COUNTS]  # "scores" is a count
    labels.extend(_recorded_labels(ctx, labels))
    actor_of = actor_keys((lab.entity for lab in labels if lab.entity), entities)
    for lab in labels:
        if lab.entity:
            lab.entity = actor_of.get(lab.entity, lab.entity)
    parent = list(range(len(labels)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # the owners gathered in each cluster: a cluster of "Iraqi officials" never takes
    # "Iranian officials", even through a bare "officials" both could be
    owners = [set(lab.owner) for lab in labels]
    # and the actors: a row is one entity, never two joined through a shared word
    actors = [{lab.entity} if lab.entity else set() for lab in labels]

    def union(i: int, j: int, checked: bool = True) -> None:
        ri, rj = find(i), find(j)
        if ri == rj:
            return
        if checked and owners[ri] and owners[rj] and owners[ri].isdisjoint(owners[rj]):
            return
        # a named actor's row takes only that actor's labels: "construction workers" are
        # not the one worker named, however alike the words
        if actors[ri] != actors[rj]:
            return
        parent[ri] = rj
        owners[rj] |= owners[ri]
        actors[rj] |= actors[ri]

    by_entity: dict[str, int] = {}
    by_text: dict[str, int] = {}
    for i, lab in enumerate(labels):
        key = lab.text.lower().rstrip("s")
        if key in by_text:
            union(i, by_text[key])
        by_text.setdefault(key, i)
        if lab.entity:  # every word used for one resolved name frames that name
            if lab.entity in by_entity:
                # (checked for a ministry: two countries have one of each portfolio)
                union(i, by_entity[lab.entity], checked=lab.source == "body")
            by_entity.setdefault(lab.entity, i)
        for j in range(i):
            other = labels[j]
            if (lab.entity or other.entity) and lab.entity != other.entity:
                continue  # a named actor's row takes only its own labels and same words
            if lab.head == other.head and lab.head in people and lab.plural == other.plural:
                union(i, j)  # "striking dockworkers" ~ "dockworkers"
            elif lab.article != other.article and lab.against & other.against:
                union(i, j)  # "protesters" and "strikers" both face the police
            elif lab.proper & other.proper and lab.head == other.head:
                union(i, j)  # "Iran-backed armed groups" ~ "pro-Iran militia groups"
            elif lab.proper & other.proper and {lab.head, other.head} <= heads:
                union(i, j)
    # same role in aligned sentences: a label in one member, same head in another
    for fact_members in groups:
        if len(fact_members) < 2:
            continue
        inside = [
            [i for i, lab in enumerate(labels) if lab.article == units[m].article
             and units[m].span[0] <= lab.span[0] and lab.span[1] <= units[m].span[1]]
            for m in fact_members
        ]  # fmt: skip
        for a in range(len(inside)):
            for b in range(a + 1, len(inside)):
                for i in inside[a]:
                    for j in inside[b]:
                        if labels[i].entity != labels[j].entity:
                            continue
                        if (labels[i].head, labels[i].plural) == (labels[j].head, labels[j].plural):
                            union(i, j)
                _union_left_over(labels, inside[a], inside[b], people, union)
    clusters: dict[int, list[int]] = {}
    for i in range(len(labels)):
        clusters.setdefault(find(i), []).append(i)
    records: list[FramingRow] = []
    neutral_of: dict[tuple[str, Span], str] = {}
    for members in clusters.values():
        labs = [labels[i] for i in members]
        outlets = {ctx.outlet_of[lab.article] for lab in labs}
        if len(outlets) < 2:
            continue
        if len({lab.text.lower().rstrip("s") for lab in labs}) < 2:
            continue  # every outlet uses the same words: no framing difference to show
        ents = Counter(lab.entity for lab in labs if lab.entity)
        if not ents and _only_described(labs):
            continue  # "passengers" and "officials", "Iranian media": no one is framed
        neutral = _neutral(labs, ctx.outlet_of)
        if ents:  # a row holds one named actor at most: it is that actor's row
            ent_id = ents.most_common(1)[0][0]
            name = entities[ent_id].name if ent_id in entities else neutral
        else:
            ent_id = "actor:" + re.sub(r"[^a-z0-9]+", "-", neutral.lower()).strip("-")
            name = neutral
        items = []
        for lab in sorted(labs, key=lambda x: (x.article, x.span)):
            voice: Literal["own", "quoted"] = "quoted" if lab.voice == "quoted" else "own"
            items.append(
                LabelRecord(
                    ctx.cite(lab.article, lab.span), lab.text, voice, lab.source, lab.entity
                )
            )
            # a speaker's words are quoted as spoken, never reworded; nor is a label
            # written beside the name ("militia chief Volkov" is not "Volkov Volkov")
            if lab.voice == "own" and lab.source not in _BESIDE_NAME:
                neutral_of[(lab.article, lab.span)] = name
        records.append(FramingRow(ent_id, name, items))
    records.sort(key=lambda r: (-len({x.cite.outlet for x in r.labels}), r.name))
    return records, neutral_of
