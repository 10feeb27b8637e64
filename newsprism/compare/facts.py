"""Fact records of the report: who states each claim, who copies it, who omits it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.compare.align import FactGroup, lone_sentences
from newsprism.compare.copies import Copies, support_sources
from newsprism.compare.evidence import evidence, outlet_name
from newsprism.compare.units import Unit
from newsprism.model import Article


@dataclass(slots=True)
class Fact:
    id: str
    members: list[int]  # unit indices
    central: int
    independent: int
    record: dict[str, Any]


def build_facts(
    units: Sequence[Unit],
    groups: Sequence[FactGroup],
    articles: Mapping[str, Article],
    copies: Copies,
) -> list[Fact]:
    outlet = {a: outlet_name(art) for a, art in articles.items()}
    all_outlets = sorted(set(outlet.values()))
    raw: list[tuple[list[int], int, dict[int, float]]] = [
        (g.members, g.central(), g.cohesion) for g in groups
    ]
    raw += [([i], i, {i: 1.0}) for i in lone_sentences(units, groups)]
    facts: list[Fact] = []
    for members, central, cohesion in raw:
        triples = [(units[m].article, units[m].span, units[m].text) for m in members]
        copy_of, independent = support_sources(triples, copies, outlet)
        support = []
        for m in sorted(members, key=lambda m: (units[m].article, units[m].span)):
            u = units[m]
            item = evidence(articles, u.article, u.span)
            item["copy_of"] = copy_of.get(u.article)
            item["similarity"] = round(cohesion.get(m, 1.0), 3)
            support.append(item)
        outlets = sorted({outlet[units[m].article] for m in members})
        record = {
            "id": "",
            "text": units[central].text,
            "article": units[central].article,
            "span": list(units[central].span),
            "support": support,
            "outlets": outlets,
            "omitted_by": [o for o in all_outlets if o not in outlets],
            "independent_support": independent,
            "contradicted_by": [],
        }
        facts.append(Fact("", list(members), central, independent, record))
    facts.sort(
        key=lambda f: (
            -f.independent,
            -len(f.members),
            min(units[m].position for m in f.members),
            units[f.central].article,
        )
    )
    for n, fact in enumerate(facts, 1):
        fact.id = f"f{n}"
        fact.record["id"] = fact.id
    return facts
