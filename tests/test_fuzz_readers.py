"""Fuzzing every reader with random bytes, random JSON and random HTML (issue 14).

For each example a file is written, read with ``read_paths`` and ingested into a real
SQLite store that already holds one article. The properties:

- no exception escapes a reader, and none is caught by ``read_file``'s last-resort
  handler either (that handler logs "unexpected error reading"; it must stay unused);
- every problem names the file it is about, and a record inside it when the file
  holds records (a JSON Lines line that gives no document is a problem with its
  line number, unless reading stopped at a problem that says so);
- nothing already stored changes.

The number of examples per property is bounded (``NEWSPRISM_FUZZ_EXAMPLES``, 20 by
default) so CI stays fast; a longer run is the same test with a larger number:
``NEWSPRISM_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz_readers.py``.
Marked slow: every example is ingested (cleaning included), about a second each.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import read_paths
from newsprism.ingest.plan import path_text
from newsprism.model import RawDocument, ReadProblem
from newsprism.pipeline import ingest
from newsprism.store.sqlite import SQLiteStore
from tests.helpers_input import FLOOD_PARAGRAPHS

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("NEWSPRISM_FUZZ_EXAMPLES", "20"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # a shared machine: no timing in tests
    database=None,  # no example database written beside the repository
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,  # caplog: cleared for every example
    ],
    derandomize=os.environ.get("CI") == "true",  # the same examples on every CI run
)
STORE_TABLES = {
    "raw_documents": "sha",
    "articles": "id",
    "annotations": "article",
    "stories": "id",
    "reports": "story",
}
SUFFIXES = [
    ".txt", ".html", ".json", ".jsonl", ".warc", ".rss", ".atom", ".xml",
    ".txt.gz", ".html.gz", ".json.gz", ".jsonl.gz", ".warc.gz", ".rss.gz",
]  # fmt: skip

# --------------------------------------------------------------------------- strategies

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["text", "html", "title", "url", "outlet", "published", "author", "x"])
            | st.text(max_size=8),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)

TAGS = ["p", "div", "span", "a", "h1", "article", "main", "nav", "script", "style", "meta", "br"]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Tag soup: real tag names, random attributes and text, unclosed and stray tags."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 4))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attr = draw(st.sampled_from(["", ' class="x"', ' charset="', " href=javascript:1"]))
            parts.append(f"<{tag}{attr}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(FLOOD_PARAGRAPHS)))
        else:
            parts.append(draw(st.text(max_size=60)))
    head = draw(st.sampled_from(["", "<!doctype html>", '<?xml version="1.0"?>', "<html>"]))
    return head + "".join(parts)


_SITE = itertools.count()  # a new site per example: pages of one site are re-cleaned together


def _warc(pages: list[tuple[str, bytes]], *, gzipped: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for url, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def _rss(items: list[str]) -> str:
    site = next(_SITE)
    entries = "".join(
        f"<item><title>t{i}</title><link>https://f{site}.example/{i}</link>"
        f"<content:encoded><![CDATA[{body.replace(']]>', '')}]]></content:encoded></item>"
        for i, body in enumerate(items)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Fuzz Feed {site}</title>{entries}</channel></rss>"
    )


# --------------------------------------------------------------------------- the harness


@pytest.fixture(scope="module")
def guarded_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, Any]]:
    """A store holding one article before any fuzz input arrives, and its rows."""
    root = tmp_path_factory.mktemp("fuzz")
    guard = root / "guard"
    guard.mkdir()
    (guard / "flood.txt").write_text("\n\n".join(FLOOD_PARAGRAPHS))
    (guard / "flood.meta.json").write_text(json.dumps({"outlet": "Fuzz Guard Times"}))
    db = root / "store.db"
    with SQLiteStore(db) as store:
        ingest([guard], store)
        assert store.count_articles() == 1
    yield root, db, _rows(db)


def _rows(db: Path) -> dict[str, dict[str, tuple[Any, ...]]]:
    with SQLiteStore(db, read_only=True) as store:
        out: dict[str, dict[str, tuple[Any, ...]]] = {}
        for table, key in STORE_TABLES.items():
            rows = store.conn.execute(f"SELECT * FROM {table}").fetchall()
            out[table] = {r[key]: tuple(r) for r in rows}
        return out


def _write(root: Path, suffix: str, data: bytes) -> Path:
    folder = Path(tempfile.mkdtemp(dir=root))
    path = folder / f"input{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    return path


def check(
    guarded: tuple[Path, Path, Any], suffix: str, data: bytes, caplog: pytest.LogCaptureFixture
) -> list[RawDocument | ReadProblem]:
    """Read one fuzz file and ingest it; assert the properties; return what was read."""
    root, db, before = guarded
    path = _write(root, suffix, data)
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="newsprism.ingest"):
        items = list(read_paths([path]))
    assert not [r for r in caplog.records if "unexpected error" in r.getMessage()], caplog.text
    shown = path_text(path.resolve())
    for item in items:
        if isinstance(item, ReadProblem):
            assert item.path == shown, item
            assert item.reason and item.severity in ("error", "warning"), item
            assert item.record is None or item.record.strip(), item
        else:
            assert item.source.path == shown
            assert (item.text is None) != (item.html is None)
    with SQLiteStore(db) as store:
        ingest([path], store)
    after = _rows(db)
    for table, rows in before.items():
        assert {k: after[table].get(k) for k in rows} == rows, f"{table} changed"
    return items


def _stopped(problems: list[ReadProblem]) -> bool:
    """Whether reading stopped early, saying so (the lines after are not read)."""
    return any(
        p.record is None or "rest is not read" in p.reason or "gzip" in p.reason for p in problems
    )


# --------------------------------------------------------------------------- properties


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=4096))
def test_random_bytes_in_every_format(
    guarded_store: Any, caplog: pytest.LogCaptureFixture, suffix: str, data: bytes
) -> None:
    check(guarded_store, suffix, data, caplog)


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(min_size=1, max_size=2048))
def test_random_bytes_posing_as_gzip(
    guarded_store: Any, caplog: pytest.LogCaptureFixture, suffix: str, data: bytes
) -> None:
    """A .gz name on bytes that are not gzip, or gzip cut short."""
    if not suffix.endswith(".gz"):
        suffix += ".gz"
    packed = gzip.compress(data)
    cut = packed[: len(data) % max(1, len(packed))]
    for raw in (data, cut):
        root, _, _ = guarded_store
        folder = Path(tempfile.mkdtemp(dir=root))
        (folder / f"input{suffix}").write_bytes(raw)
        caplog.clear()
        with caplog.at_level(logging.ERROR, logger="newsprism.ingest"):
            items = list(read_paths([folder]))
        assert not [r for r in caplog.records if "unexpected error" in r.getMessage()]
        assert all(isinstance(i, RawDocument | ReadProblem) for i in items)


@FUZZ
@given(value=json_values, suffix=st.sampled_from([".json", ".json.gz"]))
def test_random_json_files(
    guarded_store: Any, caplog: pytest.LogCaptureFixture, value: Any, suffix: str
) -> None:
    items = check(guarded_store, suffix, json.dumps(value).encode(), caplog)
    assert items, "a JSON file gave neither a document nor a problem"
    if isinstance(value, list) and value:
        records = {i.record if isinstance(i, ReadProblem) else i.source.record for i in items}
        assert records >= {str(n) for n in range(1, len(value) + 1)}


@FUZZ
@given(
    lines=st.lists(json_values.map(json.dumps) | st.text(max_size=50), max_size=12),
    suffix=st.sampled_from([".jsonl", ".jsonl.gz"]),
)
def test_random_json_lines_each_line_is_a_document_or_a_problem_naming_it(
    guarded_store: Any, caplog: pytest.LogCaptureFixture, lines: list[str], suffix: str
) -> None:
    text = "\n".join(lines) + "\n"
    items = check(guarded_store, suffix, text.encode(), caplog)
    problems = [i for i in items if isinstance(i, ReadProblem)]
    if _stopped(problems):
        return
    wanted = set()
    for n, line in enumerate(text.encode().split(b"\n"), 1):
        if n == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if line.strip():
            wanted.add(str(n))
    seen = {i.record if isinstance(i, ReadProblem) else i.source.record for i in items}
    assert wanted <= seen, (wanted - seen, items)


@FUZZ
@given(page=html_pages(), suffix=st.sampled_from([".html", ".html.gz", ".txt"]))
def test_random_html_pages(
    guarded_store: Any, caplog: pytest.LogCaptureFixture, page: str, suffix: str
) -> None:
    check(guarded_store, suffix, page.encode("utf-8", "surrogatepass"), caplog)


@FUZZ
@given(pages=st.lists(html_pages(), min_size=1, max_size=3), gzipped=st.booleans())
def test_random_html_in_warc_records(
    guarded_store: Any, caplog: pytest.LogCaptureFixture, pages: list[str], gzipped: bool
) -> None:
    site = next(_SITE)
    bodies = [
        (f"https://w{site}.example/{i}", p.encode("utf-8", "surrogatepass"))
        for i, p in enumerate(pages)
    ]
    items = check(guarded_store, ".warc", _warc(bodies, gzipped=gzipped), caplog)
    for item in items:
        if isinstance(item, ReadProblem) and item.severity == "error":
            assert item.record, item  # a record-level problem names its WARC-Record-ID


@FUZZ
@given(
    pages=st.lists(html_pages(), min_size=1, max_size=2),
    cut=st.floats(0.0, 1.0),
    length=st.one_of(st.none(), st.integers(-5, 10**15).map(str), st.text(max_size=8)),
    gzipped=st.booleans(),
)
def test_warc_with_broken_lengths_and_cut_short(
    guarded_store: Any,
    caplog: pytest.LogCaptureFixture,
    pages: list[str],
    cut: float,
    length: str | None,
    gzipped: bool,
) -> None:
    site = next(_SITE)
    bodies = [
        (f"https://w{site}.example/{i}", p.encode("utf-8", "surrogatepass"))
        for i, p in enumerate(pages)
    ]
    data = _warc(bodies, gzipped=False)
    if length is not None:
        head = data.index(b"Content-Length: ")
        end = data.index(b"\r\n", head)
        value = length.replace("\r", "").replace("\n", "").encode("utf-8", "surrogatepass")
        data = data[:head] + b"Content-Length: " + value + data[end:]
    data = data[: max(1, int(len(data) * cut))] if cut < 1.0 else data
    check(guarded_store, ".warc.gz" if gzipped else ".warc", data, caplog)


@FUZZ
@given(
    items=st.lists(html_pages() | st.text(max_size=200), max_size=3),
    suffix=st.sampled_from([".rss", ".xml", ".rss.gz"]),
)
def test_random_html_in_feed_entries(
    guarded_store: Any, caplog: pytest.LogCaptureFixture, items: list[str], suffix: str
) -> None:
    read = check(guarded_store, suffix, _rss(items).encode("utf-8", "surrogatepass"), caplog)
    for item in read:
        if isinstance(item, ReadProblem) and item.severity == "error" and item.record is None:
            assert "feed" in item.reason or "XML" in item.reason, item
