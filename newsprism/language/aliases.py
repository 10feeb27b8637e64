"""The alias table: names that mean one referent but share no spelling ("Daesh", "ISIS").

Fuzzy matching cannot know that "Hashd al-Shaabi" is the Popular Mobilization Forces,
so such pairs come from a table: the shipped ``newsprism/data/aliases.tsv`` plus an
optional user file in the same format (see that file's header).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsprism.errors import OptionsError
from newsprism.language.names import fold

SHIPPED_ALIASES = Path(__file__).resolve().parent.parent / "data" / "aliases.tsv"
LABELS = frozenset({"PERSON", "ORG", "GROUP", "GPE", "LOC", "NORP", "FAC"})


@dataclass(frozen=True, slots=True)
class AliasEntry:
    canonical: str
    label: str
    aliases: tuple[str, ...]


@dataclass(slots=True)
class AliasTable:
    entries: list[AliasEntry] = field(default_factory=list)
    _by_key: dict[str, AliasEntry] = field(default_factory=dict)
    _exact: dict[str, AliasEntry] = field(default_factory=dict)

    def add(self, entry: AliasEntry) -> None:
        self.entries.append(entry)
        for name in (entry.canonical, *entry.aliases):
            if len(name.replace(".", "")) <= 2:
                self._exact[name] = entry  # "IS", "US": only as written
            else:
                self._by_key[_key(name)] = entry

    def lookup(self, text: str) -> AliasEntry | None:
        """The table entry this spelling names, if any."""
        stripped = text.strip()
        if stripped in self._exact:
            return self._exact[stripped]
        for prefix in ("the ", "The "):
            if stripped.startswith(prefix) and stripped[len(prefix) :] in self._exact:
                return self._exact[stripped[len(prefix) :]]
        return self._by_key.get(_key(stripped))

    def phrases(self) -> list[tuple[str, str]]:
        """(spelling, label) pairs to recognise in text, longest first."""
        out = {(name, e.label) for e in self.entries for name in (e.canonical, *e.aliases)}
        return sorted(out, key=lambda p: (-len(p[0]), p[0]))


def _key(name: str) -> str:
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    if key.endswith(" s"):  # possessive left by folding "Kataib Hezbollah's"
        key = key[:-2]
    return key


def parse_alias_lines(lines: list[str], origin: str) -> list[AliasEntry]:
    entries = []
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3:
            raise OptionsError(
                f"{origin}:{no}: expected canonical<TAB>label<TAB>alias|alias, got {line!r}"
            )
        canonical, label, aliases = (p.strip() for p in parts)
        if label not in LABELS:
            raise OptionsError(f"{origin}:{no}: unknown label {label!r} (use {sorted(LABELS)})")
        names = tuple(a.strip() for a in aliases.split("|") if a.strip())
        entries.append(AliasEntry(canonical, label, names))
    return entries


@lru_cache(maxsize=8)
def load_aliases(user_file: str | None = None) -> AliasTable:
    """The shipped table, then the user's; a later entry for a name replaces an earlier one."""
    table = AliasTable()
    shipped = SHIPPED_ALIASES.read_text(encoding="utf-8")
    for entry in parse_alias_lines(shipped.splitlines(), str(SHIPPED_ALIASES)):
        table.add(entry)
    if user_file:
        try:
            text = Path(user_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise OptionsError(f"{user_file}: cannot read alias file: {exc}") from exc
        for entry in parse_alias_lines(text.splitlines(), user_file):
            table.add(entry)
    return table
