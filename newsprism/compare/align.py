"""Fact groups: sentences (or clauses) of different articles that state the same thing.

Greedy average-linkage grouping over the similarity matrix, strongest pairs first,
with two rules that keep groups honest: an article contributes at most one unit to
a group, and a merge must keep the mean similarity of the whole group above
``align_linkage`` (so A~B and B~C does not drag an unrelated C in). Whole sentences
are grouped first; clauses then only add alignments the whole sentences missed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from newsprism.compare.units import Unit

Family = tuple[str, tuple[int, int]]  # (article, sentence span)


@dataclass(slots=True)
class FactGroup:
    members: list[int]  # unit indices, one per article
    cohesion: dict[int, float] = field(default_factory=dict)  # mean similarity to the rest

    def central(self) -> int:
        return max(self.members, key=lambda m: (self.cohesion.get(m, 0.0), -m))


def _family(unit: Unit) -> Family:
    return (unit.article, unit.sentence)


class _Grouper:
    """Average-linkage grouping with each group's similarity row summed once: the mean
    similarity of two groups is one indexed sum, not a fresh sub-matrix per pair."""

    def __init__(self, units: Sequence[Unit], sim: np.ndarray, linkage: float) -> None:
        self.units = units
        self.linkage = linkage
        self.group_of: dict[int, int] = {}
        self.groups: dict[int, list[int]] = {}
        self.rows: dict[int, np.ndarray] = {}  # group id -> summed similarity rows
        self.groups_of_family: dict[Family, set[int]] = {}  # which groups use a sentence
        self.next_id = 0
        self.sim = sim

    def use(self, sim: np.ndarray) -> None:
        """Group further on another similarity (clauses after whole sentences)."""
        self.sim = sim
        self.rows = {g: sim[members].sum(axis=0) for g, members in self.groups.items()}

    def _members(self, i: int) -> list[int]:
        g = self.group_of.get(i)
        return self.groups[g] if g is not None else [i]

    def _row(self, i: int) -> np.ndarray:
        g = self.group_of.get(i)
        return self.rows[g] if g is not None else self.sim[i]

    def _groups_of(self, members: list[int]) -> set[int]:
        out: set[int] = set()
        for m in members:
            out |= self.groups_of_family.get(_family(self.units[m]), set())
        return out

    def _families_linked(self, a: list[int], b: list[int]) -> bool:
        """Whether a group already joins a sentence of ``a`` with a sentence of ``b``."""
        return bool(self._groups_of(a) & self._groups_of(b))

    def try_join(self, i: int, j: int, check_families: bool) -> None:
        gi, gj = self.group_of.get(i), self.group_of.get(j)
        if gi is not None and gi == gj:
            return
        a, b = self._members(i), self._members(j)
        if {self.units[m].article for m in a} & {self.units[m].article for m in b}:
            return
        total = float(self._row(i)[b].sum())
        if total < self.linkage * len(a) * len(b):
            return
        if check_families and self._families_linked(a, b):
            return
        row = self._row(i) + self._row(j)
        merged = a + b
        for g in (gi, gj):
            if g is not None:
                del self.groups[g]
                del self.rows[g]
                for m in merged:
                    self.groups_of_family.get(_family(self.units[m]), set()).discard(g)
        gid = self.next_id
        self.next_id += 1
        self.groups[gid] = merged
        self.rows[gid] = row
        for m in merged:
            self.group_of[m] = gid
            self.groups_of_family.setdefault(_family(self.units[m]), set()).add(gid)


CLAUSE_DISCOUNT = 0.03  # a clause match counts a little less than a whole-sentence match


def sentence_similarity(units: Sequence[Unit], sim: np.ndarray) -> np.ndarray:
    """Sentence-to-sentence scores raised to their best clause-to-clause (or clause) match.

    "X has 2,500 troops there, advising local forces" and "Despite X maintaining
    2,500 troops, ..." state one fact in one of their clauses each.
    """
    out = sim.copy()
    parent = {(u.article, u.span): i for i, u in enumerate(units) if not u.is_clause}
    owner = np.array([parent[(u.article, u.sentence)] for u in units])
    clause_idx = np.nonzero([u.is_clause for u in units])[0]
    if len(clause_idx) == 0:
        return out
    sub = sim[clause_idx][:, :] - CLAUSE_DISCOUNT
    for row, ci in enumerate(clause_idx):
        p = owner[ci]
        np.maximum.at(out[p], owner, sub[row])
    out = np.asarray(np.maximum(out, out.T), dtype=sim.dtype)
    same = owner[:, None] == owner[None, :]
    out[same] = 0.0
    articles = np.array([hash(u.article) for u in units])
    out[articles[:, None] == articles[None, :]] = 0.0
    return out


def _pairs_by_strength(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    rows, cols = np.nonzero(np.triu(sim >= threshold, k=1))
    order = np.argsort(-sim[rows, cols], kind="stable")
    return [(int(rows[k]), int(cols[k])) for k in order]


def align_units(
    units: Sequence[Unit], sim: np.ndarray, threshold: float, linkage: float
) -> list[FactGroup]:
    """Groups of two or more units; units left out are reported alone by the caller."""
    is_clause = np.array([u.is_clause for u in units], dtype=bool)
    family_sim = sentence_similarity(units, sim)
    grouper = _Grouper(units, family_sim, linkage)
    for i, j in _pairs_by_strength(family_sim, threshold):  # pass 1: whole sentences
        if not is_clause[i] and not is_clause[j]:
            grouper.try_join(i, j, check_families=False)
    grouper.use(sim)
    for i, j in _pairs_by_strength(sim, threshold):  # pass 2: clauses add what sentences missed
        if is_clause[i] or is_clause[j]:
            grouper.try_join(i, j, check_families=True)
    out: list[FactGroup] = []
    for members in grouper.groups.values():
        members = sorted(members)
        cohesion = {m: float(np.mean([sim[m, o] for o in members if o != m])) for m in members}
        out.append(FactGroup(members, cohesion))
    return out


def lone_sentences(units: Sequence[Unit], groups: Sequence[FactGroup]) -> list[int]:
    """Whole sentences that no group uses, in whole or through a clause."""
    used = {_family(units[m]) for g in groups for m in g.members}
    return [i for i, u in enumerate(units) if not u.is_clause and _family(u) not in used]
