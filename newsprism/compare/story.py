"""compare_story: one story's coverage compared claim by claim, as schema-shaped JSON."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from newsprism.compare.align import align_units
from newsprism.compare.conflicts import actor_date_conflicts, date_conflicts
from newsprism.compare.copies import find_copies
from newsprism.compare.digest import build_digest
from newsprism.compare.embed import get_embedder
from newsprism.compare.evidence import evidence, outlet_name
from newsprism.compare.extra import name_conflicts, speaker_conflicts
from newsprism.compare.facts import build_facts
from newsprism.compare.framing import find_framing, load_lexicon
from newsprism.compare.nlp import parse_articles
from newsprism.compare.numbers import number_conflicts
from newsprism.compare.options import CompareOptions
from newsprism.compare.quotes import group_quotes
from newsprism.compare.similarity import similarity_matrix
from newsprism.compare.timeline import build_timeline
from newsprism.compare.units import story_units
from newsprism.model import Annotations, Article, Entity, ReusePair, Story, to_dict

SCHEMA_VERSION = "1"


def _day(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def compare_story(
    story: Story,
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    entities: Mapping[str, Entity],
    reuse: Sequence[ReusePair],
    related: Sequence[tuple[Story, Sequence[Article], Mapping[str, Annotations]]] = (),
    options: CompareOptions | None = None,
) -> dict[str, Any]:
    """Facts, conflicts, quotes, framing, timeline and digest for one story, with evidence."""
    options = options or CompareOptions()
    members = set(story.articles)
    arts = [a for a in articles if a.id in members] or list(articles)
    by_id = {a.id: a for a in arts}
    anns = {k: v for k, v in annotations.items() if k in by_id}
    cuts = options.cuts()
    embed = get_embedder(options.embedder)
    docs = parse_articles(by_id)

    units = story_units(arts, anns, options.split_clauses)
    sim = similarity_matrix(units, anns, embed)
    groups = align_units(units, sim, cuts.align, cuts.linkage)
    copies = find_copies(arts, reuse)
    facts = build_facts(units, groups, by_id, copies)
    quotes = group_quotes(by_id, anns, entities, options.quote_threshold)
    dates = date_conflicts(by_id, anns, units, facts)
    dates += actor_date_conflicts(by_id, anns, docs, dates, embed, cuts)
    conflicts = (
        number_conflicts(by_id, anns, docs, units, facts, embed, cuts)
        + dates
        + speaker_conflicts(quotes, anns)
        + name_conflicts(by_id, anns, entities)
    )
    _link_conflicts(conflicts, facts)
    framing, neutral_of = find_framing(
        by_id, anns, docs, entities, units, facts, load_lexicon(options.lexicon_file)
    )
    sources = [(story.id, by_id, anns)] + [
        (rel.id, {a.id: a for a in rel_arts}, rel_anns) for rel, rel_arts, rel_anns in related
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "id": story.id,
        "title": story.title,
        "span": _story_span(story, arts),
        "articles": [_article_record(a, copies.article_copy_of.get(a.id)) for a in arts],
        "facts": [f.record for f in facts],
        "conflicts": conflicts,
        "quotes": quotes,
        "entities": _entity_records(by_id, anns, entities, options.max_entity_mentions),
        "framing": framing,
        "reuse": [_reuse_record(p) for p in reuse if p.a in by_id and p.b in by_id],
        "timeline": build_timeline(sources, embed, docs, units, facts, cuts),
        "digest": build_digest(
            facts, units, by_id, anns, docs, neutral_of, options.digest_sentences
        ),
        "related": [
            {
                "id": rel.id,
                "title": rel.title,
                "span": _story_span(rel, rel_arts),
                "relation": "storyline",
            }
            for rel, rel_arts, _ in related
        ],
    }


def _story_span(story: Story, articles: Sequence[Article]) -> dict[str, str | None]:
    dates = sorted(a.published.replace(tzinfo=None) for a in articles if a.published)
    start = story.start or (dates[0] if dates else None)
    end = story.end or (dates[-1] if dates else None)
    return {"start": _day(start), "end": _day(end)}


def _article_record(a: Article, copy_of: str | None) -> dict[str, Any]:
    return {
        "id": a.id,
        "outlet": outlet_name(a),
        "title": a.title,
        "url": a.url,
        "published": _day(a.published),
        "published_source": a.published_source,
        "byline": a.byline,
        "dateline": a.dateline.text if a.dateline else None,
        "wire": list(a.wire),
        "copy_of": copy_of,
    }


def _reuse_record(pair: ReusePair) -> dict[str, Any]:
    record = to_dict(pair)
    return {k: record[k] for k in ("a", "b", "kind", "score", "origin", "origin_reason", "shared")}


def _link_conflicts(conflicts: list[dict[str, Any]], facts: Sequence[Any]) -> None:
    """Number the conflicts and mark on each fact which outlets contradict it."""
    by_id = {f.id: f.record for f in facts}
    for n, c in enumerate(conflicts, 1):
        c["id"] = f"c{n}"
        fact = by_id.get(c.get("fact") or "")
        if fact is None or c["grade"] != "contradict":
            continue
        central = next((v for v in c["values"] if v["article"] == fact["article"]), None)
        if central is None:
            continue
        for v in c["values"]:
            # A figure that fits the fact's own ("nearly 40" beside "37") does not
            # contradict it, even when the slot as a whole holds a contradiction.
            clashes = (
                central["article"] in v["clashes_with"]
                if "clashes_with" in v
                else v["value"] != central["value"]
            )
            if clashes and v["outlet"] not in fact["contradicted_by"]:
                fact["contradicted_by"].append(v["outlet"])


def _entity_records(
    articles: Mapping[str, Article],
    annotations: Mapping[str, Annotations],
    entities: Mapping[str, Entity],
    max_mentions: int,
) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for art_id, ann in annotations.items():
        for m in ann.mentions:
            if not m.entity:
                continue
            rec = found.setdefault(m.entity, {"variants": {}, "mentions": []})
            written = articles[art_id].text[m.span[0] : m.span[1]]
            var = rec["variants"].setdefault(written, {"text": written, "articles": [], "count": 0})
            var["count"] += 1
            if art_id not in var["articles"]:
                var["articles"].append(art_id)
            if len(rec["mentions"]) < max_mentions:
                rec["mentions"].append(evidence(articles, art_id, m.span))
    out = []
    for ent_id, rec in found.items():
        ent = entities.get(ent_id)
        label = ent.label if ent else "UNKNOWN"
        name = ent.name if ent else max(rec["variants"], key=lambda v: rec["variants"][v]["count"])
        variants = sorted(rec["variants"].values(), key=lambda v: -v["count"])
        out.append({"id": ent_id, "name": name, "label": label, "variants": variants,
                    "mentions": rec["mentions"]})  # fmt: skip
    out.sort(key=lambda e: (-sum(v["count"] for v in e["variants"]), e["name"]))
    return out
