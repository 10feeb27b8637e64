"""The outlet table and registered domains: shipped data, user extensions, bad lines."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsprism.errors import OptionsError
from newsprism.sources import load_outlets, registered_domain
from newsprism.sources.outlets import KINDS, SHIPPED_OUTLETS, parse_outlet_lines


def test_shipped_table_is_well_formed_and_covers_the_seed_outlets() -> None:
    entries = parse_outlet_lines(SHIPPED_OUTLETS.read_text("utf-8").splitlines(), "shipped")
    assert len(entries) >= 500
    duplicates = [d for d, n in Counter(e.domain for e in entries).items() if n > 1]
    assert duplicates == []
    assert {e.kind for e in entries} <= KINDS
    assert all(e.country is None or len(e.country) == 2 for e in entries)
    table = load_outlets()
    seeds = {
        "https://english.aawsat.com/x": "Asharq Al-Awsat",
        "https://www.channelnewsasia.com/x": "CNA",
        "https://www.tasnimnews.com/en/x": "Tasnim News Agency",
        "https://www.aa.com.tr/en/x": "Anadolu Agency",
        "https://www.rudaw.net/english/x": "Rudaw",
    }
    assert {u: getattr(table.for_url(u), "name", None) for u in seeds} == seeds


def test_most_specific_line_wins_and_platforms_name_each_host() -> None:
    table = load_outlets()
    assert table.for_url("https://uk.reuters.com/a").name == "Reuters"  # type: ignore[union-attr]
    assert table.for_url("https://abcnews.go.com/a").name == "ABC News"  # type: ignore[union-attr]
    assert table.for_url("https://go.com/a") is None
    newsletter = table.for_url("https://someone.substack.com/p/x")
    assert newsletter is not None and newsletter.per_host
    assert table.for_url("https://substack.com/") is None
    assert table.by_name("AP").name == "Associated Press"  # type: ignore[union-attr]
    assert table.by_name("the guardian").name == "The Guardian"  # type: ignore[union-attr]


def test_registered_domains_offline() -> None:
    assert registered_domain("https://news.bbc.co.uk/x") == "bbc.co.uk"
    assert registered_domain("http://www.example-news.org/2024/01/03/x") == "example-news.org"
    assert registered_domain("https://foo.blogspot.com/") == "foo.blogspot.com"
    assert registered_domain("http://127.0.0.1:8080/a") == "127.0.0.1"
    assert registered_domain("not a url") is None and registered_domain(None) is None


def test_a_wayback_capture_belongs_to_the_outlet_it_captured() -> None:
    """Researchers collect coverage from the Wayback Machine: every capture would
    otherwise be one outlet, "archive.org", and no two outlets could ever differ."""
    capture = "https://web.archive.org/web/20170102030405/http://www.kcra.com/article/x"
    assert registered_domain(capture) == "kcra.com"
    assert registered_domain("http://web.archive.org/web/2017id_/https://news.bbc.co.uk/a") == (
        "bbc.co.uk"
    )
    assert registered_domain("https://archive.org/details/some-film") == "archive.org"
    table = load_outlets()
    assert table.for_url(capture) == table.for_url("http://www.kcra.com/article/x")


def test_user_file_replaces_and_adds(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text(
        "# my corrections\n"
        "reuters.com\tReuters News Agency\tGB\ten\tagency\tReuters\n"
        "harbourledger.example\tHarbour Ledger\tVL\ten\tnewspaper\n",
        "utf-8",
    )
    table = load_outlets(str(user))
    assert table.for_url("https://www.reuters.com/x").name == "Reuters News Agency"  # type: ignore[union-attr]
    assert table.for_url("https://harbourledger.example/x").country == "VL"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("reuters.com\tReuters\tGB\ten", "expected domain<TAB>name"),
        ("reuters.com\tReuters\tGB\ten\twire service", "unknown kind 'wire service'"),
        ("reuters com\tReuters\tGB\ten\tagency", "a domain and a name are needed"),
    ],
)
def test_bad_user_lines_name_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    user = tmp_path / "bad.tsv"
    user.write_text("# header\n" + line + "\n", "utf-8")
    with pytest.raises(OptionsError, match=f"{user}:2: {message}"):
        load_outlets(str(user))
    with pytest.raises(OptionsError, match="cannot read outlet file"):
        load_outlets(str(tmp_path / "missing.tsv"))
