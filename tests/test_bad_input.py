"""Bad input yields a ReadProblem with an exact reason, and the good files around it are read."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_paths
from newsprism.model import RawDocument, ReadProblem
from tests.helpers_input import FLOOD_PARAGRAPHS, article_html, write_warc

SITE = "https://ostrel.example"
GOOD_LINE = {"text": "\n\n".join(FLOOD_PARAGRAPHS), "outlet": "Ostrel Daily"}


def read_all(
    *paths: Path, options: IngestOptions | None = None
) -> tuple[list[RawDocument], list[ReadProblem]]:
    docs: list[RawDocument] = []
    problems: list[ReadProblem] = []
    for item in read_paths(paths, options):
        (docs if isinstance(item, RawDocument) else problems).append(item)
    return docs, problems


def reasons(problems: list[ReadProblem], root: Path) -> list[tuple[str, str | None, str, str]]:
    return [
        (Path(p.path).relative_to(root).as_posix(), p.record, p.reason, p.severity)
        for p in problems
    ]


def test_bad_files_are_reported_and_good_files_in_the_folder_still_read(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text("\n\n".join(FLOOD_PARAGRAPHS), encoding="utf-8")
    (tmp_path / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    rnd = random.Random(7)
    (tmp_path / "c_noise.html").write_bytes(bytes(rnd.randrange(1, 256) for _ in range(4000)))
    (tmp_path / "d_empty.txt").write_bytes(b"")
    (tmp_path / "e_blank.txt").write_text("  \n\n \t\n")
    (tmp_path / "f_scan.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "g_notes").write_text("no extension")
    (tmp_path / "h_bad.json").write_text('{"text": "unterminated')
    (tmp_path / "i_fields.json").write_text(json.dumps({"headline": "No body", "url": "x"}))
    (tmp_path / "j_page.rss").write_text("<html><body>not a feed</body></html>")
    (tmp_path / "k_other.xml").write_text('<?xml version="1.0"?><config><a>1</a></config>')
    (tmp_path / "z_good.html").write_text(article_html("Varna floods", FLOOD_PARAGRAPHS))
    docs, problems = read_all(tmp_path)
    assert [Path(d.source.path).name for d in docs] == ["a_good.txt", "z_good.html"]
    assert reasons(problems, tmp_path) == [
        ("b_binary.txt", None, "binary file (NUL bytes)", "error"),
        ("c_noise.html", None, "not UTF-8/cp1252/latin-1 text", "error"),
        ("d_empty.txt", None, "empty file", "error"),
        ("e_blank.txt", None, "empty file (only whitespace)", "error"),
        ("f_scan.pdf", None, "unknown file type '.pdf' (skipped)", "warning"),
        ("g_notes", None, "unknown file type (no extension) (skipped)", "warning"),
        (
            "h_bad.json",
            None,
            "invalid JSON: Unterminated string starting at: line 1 column 10 (char 9)",
            "error",
        ),
        (
            "i_fields.json",
            None,
            "no article text: none of the fields text, html, raw_html, content, body, article",
            "error",
        ),
        ("j_page.rss", None, "not an RSS or Atom feed", "error"),
        ("k_other.xml", None, "XML file is not an RSS or Atom feed (skipped)", "warning"),
    ]


def test_oversized_file_is_refused_from_its_size_alone(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    (tmp_path / "small.txt").write_text(FLOOD_PARAGRAPHS[0])
    docs, problems = read_all(tmp_path)
    assert [Path(d.source.path).name for d in docs] == ["small.txt"]
    assert reasons(problems, tmp_path) == [
        ("huge.txt", None, "file is 200.0 MB, over the 64 MB limit (ingest.max_file_mb)", "error")
    ]


def test_malformed_json_lines_are_reported_by_line_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(GOOD_LINE),
        '{"text": "cut off here',
        "",
        "[1, 2, 3]",
        json.dumps({"title": "no body"}),
        json.dumps({**GOOD_LINE, "outlet": "Valley Post"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    docs, problems = read_all(path)
    assert [(d.source.record, d.meta.outlet) for d in docs] == [
        ("1", "Ostrel Daily"),
        ("6", "Valley Post"),
    ]
    assert [(p.record, p.reason) for p in problems] == [
        ("2", "invalid JSON at column 10: Unterminated string"),
        ("4", "expected a JSON object, got list"),
        ("5", "no article text: none of the fields text, html, raw_html, content, body, article"),
    ]


def test_overlong_json_line_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w") as fh:
        fh.write(json.dumps(GOOD_LINE) + "\n")
        fh.write(json.dumps({"text": "x" * (2 * 1024 * 1024)}) + "\n")
        fh.write(json.dumps(GOOD_LINE) + "\n")
    docs, problems = read_all(path, options=IngestOptions(max_record_mb=1))
    assert [d.source.record for d in docs] == ["1", "3"]
    assert [(p.record, p.reason) for p in problems] == [
        ("2", "line is over the 1 MB limit (ingest.max_record_mb)")
    ]


def test_truncated_gzip_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    rnd = random.Random(3)
    words = " ".join(FLOOD_PARAGRAPHS).split()
    lines = [{"text": " ".join(rnd.choices(words, k=200)), "n": i} for i in range(40)]
    whole = "".join(json.dumps(line) + "\n" for line in lines).encode()
    packed = gzip.compress(whole)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    docs, problems = read_all(path)
    assert 0 < len(docs) < 40
    assert [d.meta.extra["n"] for d in docs] == list(range(len(docs)))
    assert [p.reason for p in problems] == [f"truncated gzip stream after {len(docs)} records"]


def test_not_gzip_at_all(tmp_path: Path) -> None:
    (tmp_path / "fake.jsonl.gz").write_text(json.dumps(GOOD_LINE))
    docs, problems = read_all(tmp_path / "fake.jsonl.gz")
    assert docs == []
    assert [p.reason for p in problems] == ["not a gzip file (after 0 records)"]


def test_gzip_bomb_stops_at_the_decompression_limit(tmp_path: Path) -> None:
    line = json.dumps(GOOD_LINE) + "\n"
    count = (3 * 1024 * 1024) // len(line) + 1  # 3 MB of lines, a few KB gzipped
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress((line * count).encode(), compresslevel=9))
    assert path.stat().st_size < 100_000
    docs, problems = read_all(path, options=IngestOptions(max_decompressed_mb=1))
    expected_records = (1024 * 1024) // len(line)
    assert len(docs) == expected_records
    assert [(p.record, p.reason) for p in problems] == [
        (
            str(expected_records + 1),
            f"decompressed data passed the 1 MB limit (ingest.max_decompressed_mb) "
            f"after {expected_records} records; the rest is not read",
        )
    ]


def test_gzipped_page_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b" " * (8 * 1024 * 1024) + b"</p>"))
    docs, problems = read_all(path, options=IngestOptions(max_file_mb=2))
    assert docs == []
    assert [p.reason for p in problems] == [
        "decompresses to over the 2 MB limit for a whole file (ingest.max_file_mb)"
    ]


def test_truncated_warc_keeps_whole_records(tmp_path: Path) -> None:
    page = article_html("Varna floods", FLOOD_PARAGRAPHS).encode()
    full = tmp_path / "full.warc.gz"
    pages = [(f"{SITE}/{i}", "text/html", page, "2024-03-07T10:00:00Z") for i in range(3)]
    ids = write_warc(full, pages)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    docs, problems = read_all(cut)
    assert [d.source.record for d in docs] == ids[:2]
    assert [(p.record, p.reason) for p in problems] == [
        (ids[2], "truncated gzip stream after 2 records")
    ]


def test_metadata_file_given_directly_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "story.meta.json").write_text(json.dumps(GOOD_LINE))
    docs, problems = read_all(tmp_path / "story.meta.json")
    assert docs == []
    assert [(p.reason, p.severity) for p in problems] == [
        ("metadata file, not an article (skipped)", "warning")
    ]


def test_bad_sidecar_is_reported_and_the_file_still_read(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(FLOOD_PARAGRAPHS[0])
    (tmp_path / "story.meta.json").write_text("{outlet: Ostrel}")
    (tmp_path / "manifest.csv").write_text("url,outlet\nhttps://x,Y\n")
    docs, problems = read_all(tmp_path)
    assert [d.meta.outlet for d in docs] == [None]
    assert reasons(problems, tmp_path) == [
        ("manifest.csv", None, "manifest has no 'path' column", "error"),
        (
            "story.meta.json",
            None,
            "invalid JSON in metadata file: Expecting property name enclosed in double quotes: "
            "line 1 column 2 (char 1)",
            "error",
        ),
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlinks_are_skipped_unless_allowed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(FLOOD_PARAGRAPHS[1])
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "real.txt").write_text(FLOOD_PARAGRAPHS[0])
    (corpus / "link.txt").symlink_to(outside / "secret.txt")
    docs, problems = read_all(corpus)
    assert [Path(d.source.path).name for d in docs] == ["real.txt"]
    assert reasons(problems, corpus) == [
        ("link.txt", None, "symbolic link (skipped; ingest.follow_symlinks is off)", "warning")
    ]
    (corpus / "loop").symlink_to(corpus)  # a cycle must not be walked forever
    docs, problems = read_all(corpus, options=IngestOptions(follow_symlinks=True))
    assert [Path(d.source.path).name for d in docs] == ["link.txt", "real.txt"]
    assert problems == []
