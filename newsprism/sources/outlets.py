"""The outlet table: domain to display name, country, language and kind.

The shipped table (``newsprism/data/outlets.tsv``, see its header for the format) is
read first, then an optional user file in the same format (``clean.outlet_file``); a
user line for a domain replaces the shipped one, the same mechanism as the alias table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsprism.errors import OptionsError
from newsprism.sources.domains import host_of

SHIPPED_OUTLETS = Path(__file__).resolve().parent.parent / "data" / "outlets.tsv"
KINDS = frozenset(
    {"agency", "newspaper", "magazine", "broadcaster", "online", "state media"}
    | {"aggregator", "blog"}
)


@dataclass(frozen=True, slots=True)
class OutletEntry:
    domain: str  # as written in the table: "reuters.com", "english.aawsat.com", "*.substack.com"
    name: str
    country: str | None
    language: str | None
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def per_host(self) -> bool:
        """A platform line ("*.substack.com"): each host under it is its own outlet."""
        return self.domain.startswith("*.")

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(slots=True)
class OutletTable:
    entries: dict[str, OutletEntry] = field(default_factory=dict)  # domain as written -> entry
    _by_name: dict[str, list[OutletEntry]] = field(default_factory=dict)

    def add(self, entry: OutletEntry) -> None:
        self.entries[entry.domain] = entry
        self._by_name = {}

    def for_host(self, host: str | None) -> OutletEntry | None:
        """The most specific line this host falls under: "uk.reuters.com" -> reuters.com."""
        if not host:
            return None
        labels = host.lower().split(".")
        for i in range(len(labels) - 1):
            suffix = ".".join(labels[i:])
            if i > 0 and (platform := self.entries.get("*." + suffix)) is not None:
                return platform
            entry = self.entries.get(suffix)
            if entry is not None:
                return entry
        return None

    def for_url(self, url: str | None) -> OutletEntry | None:
        return self.for_host(host_of(url))

    def by_name(self, name: str) -> OutletEntry | None:
        """The one outlet that goes by this name ("AP", "Tasnim"); None if none or several."""
        if not self._by_name:
            for entry in self.entries.values():
                if entry.per_host:
                    continue
                for n in entry.names():
                    self._by_name.setdefault(name_key(n), []).append(entry)
        found = {e.name: e for e in self._by_name.get(name_key(name), [])}
        return next(iter(found.values())) if len(found) == 1 else None


def name_key(name: str) -> str:
    """How names are compared: case, spacing, curly apostrophes and a leading "the" aside."""
    key = " ".join(name.casefold().replace("’", "'").split())
    return key[4:] if key.startswith("the ") else key


def parse_outlet_lines(lines: list[str], origin: str) -> list[OutletEntry]:
    entries = []
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.rstrip("\n").split("\t")]
        if len(parts) not in (5, 6):
            raise OptionsError(
                f"{origin}:{no}: expected domain<TAB>name<TAB>country<TAB>language<TAB>kind"
                f"[<TAB>other|names], got {line!r}"
            )
        domain, name, country, language, kind = parts[:5]
        domain = domain.lower().removeprefix("www.")
        if not domain or not name or " " in domain or "/" in domain:
            raise OptionsError(f"{origin}:{no}: a domain and a name are needed, got {line!r}")
        if kind not in KINDS:
            raise OptionsError(f"{origin}:{no}: unknown kind {kind!r} (use {sorted(KINDS)})")
        aliases = tuple(a.strip() for a in (parts[5] if len(parts) == 6 else "").split("|"))
        entries.append(
            OutletEntry(
                domain,
                name,
                None if country in ("", "-") else country.upper(),
                None if language in ("", "-") else language.lower(),
                kind,
                tuple(a for a in aliases if a),
            )
        )
    return entries


@lru_cache(maxsize=8)
def load_outlets(user_file: str | None = None) -> OutletTable:
    """The shipped table, then the user's."""
    table = OutletTable()
    shipped = SHIPPED_OUTLETS.read_text(encoding="utf-8")
    for entry in parse_outlet_lines(shipped.splitlines(), str(SHIPPED_OUTLETS)):
        table.add(entry)
    if user_file:
        try:
            text = Path(user_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise OptionsError(f"{user_file}: cannot read outlet file: {exc}") from exc
        for entry in parse_outlet_lines(text.splitlines(), user_file):
            table.add(entry)
    return table
