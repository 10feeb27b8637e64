"""Figures pinned to one update by a companion figure: two sentences that give the same
injured figure quote the same update, so killed figures there that cannot both hold
contradict; figures of different updates are a development. Texts are written here."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsprism.compare.records import Finding, StoryComparison
from tests.test_compare_tolls import page, run

EARLY, LATE = datetime(2023, 5, 9, 8), datetime(2023, 5, 9, 20)

# (one outlet's update, another outlet's figures for the same update, a later update)
PAGES = {
    "en": ("The quake in Veloria killed 1,040 people and injured 1,210, the ministry said.",
           "The quake in Veloria killed 1,300 people and injured 1,210, the ministry said.",
           "The quake in Veloria killed 2,010 people and injured 2,060, the ministry said."),
    "es": ("El sismo en Veloria dejó 1.040 muertos y 1.210 heridos, según el ministerio.",
           "El sismo en Veloria dejó 1.300 muertos y 1.210 heridos, según el ministerio.",
           "El sismo en Veloria dejó 2.010 muertos y 2.060 heridos, según el ministerio."),
    "fr": ("Le séisme a fait 1 040 morts et 1 210 blessés, selon le ministère.",
           "Le séisme a fait 1 300 morts et 1 210 blessés, selon le ministère.",
           "Le séisme a fait 2 010 morts et 2 060 blessés, selon le ministère."),
}  # fmt: skip


def _moment_clashes(out: StoryComparison) -> list[Finding]:
    return [f for f in out.findings if "at one update" in f.slot]


@pytest.mark.parametrize("language", sorted(PAGES))
def test_clashing_figures_beside_the_same_companion_contradict(language: str) -> None:
    one, other, later = PAGES[language]
    out = run(
        [
            page("a", "Valley News", one, language, EARLY),
            page("b", "Plains Herald", other, language, EARLY),
            page("c", "North Star", later, language, LATE),
        ]
    )
    clashes = _moment_clashes(out)
    assert len(clashes) == 1, [(f.slot, f.grade) for f in out.findings]
    assert clashes[0].grade == "contradict"
    assert sorted(v.number for v in clashes[0].values) == [1040, 1300]


@pytest.mark.parametrize("language", sorted(PAGES))
def test_figures_of_different_updates_are_no_clash(language: str) -> None:
    one, _, later = PAGES[language]
    out = run(
        [
            page("a", "Valley News", one, language, EARLY),
            page("c", "North Star", later, language, LATE),
        ]
    )
    assert not _moment_clashes(out)


def test_a_rounded_figure_beside_the_same_companion_is_no_clash() -> None:
    out = run(
        [
            page("a", "Valley News", "The quake killed 1,040 people and injured 1,210.", "en"),
            page("b", "Plains Herald", "The quake killed 1,040 people and injured 1,200.", "en"),
        ]
    )
    assert not _moment_clashes(out)
