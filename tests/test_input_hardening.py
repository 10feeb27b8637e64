"""Issue 14, the input side: each defect the adversarial run found, rebuilt as a file here.

Every test builds its hostile input in ``tmp_path`` and reads it with the real readers
(and, where the defect was in storing, into a real SQLite store).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import tracemalloc
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_paths
from newsprism.ingest.plan import path_text, plan_paths
from newsprism.model import RawDocument, ReadProblem
from newsprism.pipeline import ingest
from newsprism.scale.inputs import plan_inputs
from newsprism.store.sqlite import SQLiteStore
from tests.helpers_input import FLOOD_PARAGRAPHS, article_html, write_warc

ROOT = Path(__file__).resolve().parents[1]
TEXT = "\n\n".join(FLOOD_PARAGRAPHS)
GOOD_LINE = json.dumps({"text": TEXT, "outlet": "Ostrel Daily"})


def read_all(
    *paths: Path, options: IngestOptions | None = None
) -> tuple[list[RawDocument], list[ReadProblem]]:
    docs: list[RawDocument] = []
    problems: list[ReadProblem] = []
    for item in read_paths(paths, options):
        (docs if isinstance(item, RawDocument) else problems).append(item)
    return docs, problems


# --------------------------------------------------------------------------- 1. gzip members


def _bomb_members(total_mib: int, first: bytes = b"hi\n") -> bytes:
    """A tiny gzip member, then ``total_mib`` MiB of text in 16 MiB members: the
    adversarial run's 2 GiB bomb, made in a second instead of a minute."""
    block = gzip.compress(b"a" * (16 << 20), compresslevel=9)
    return gzip.compress(first) + block * (total_mib // 16)


def test_multi_member_gzip_page_stops_at_the_whole_file_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "x.txt.gz"
    bomb.write_bytes(_bomb_members(2048))  # 2 GiB once decompressed
    assert bomb.stat().st_size < 4 << 20
    tracemalloc.start()
    try:
        docs, problems = read_all(bomb, options=IngestOptions(max_file_mb=8))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert docs == []
    assert [p.reason for p in problems] == [
        "decompresses to over the 8 MB limit for a whole file (ingest.max_file_mb)"
    ]
    assert peak < 40 << 20, f"peak {peak / 2**20:.0f} MiB: decompression was not capped"


def test_multi_member_gzip_page_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    page = tmp_path / "two.txt.gz"
    page.write_bytes(
        gzip.compress(FLOOD_PARAGRAPHS[0].encode()) + gzip.compress(b"\n\n" + TEXT.encode())
    )
    (doc,), problems = read_all(page)
    assert problems == []
    assert doc.text == FLOOD_PARAGRAPHS[0] + "\n\n" + TEXT


def test_multi_member_jsonl_bomb_stops_at_the_stream_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "x.jsonl.gz"
    bomb.write_bytes(_bomb_members(2048, first=GOOD_LINE.encode() + b"\n"))
    tracemalloc.start()
    try:
        docs, problems = read_all(bomb, options=IngestOptions(max_decompressed_mb=8))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.source.record for d in docs] == ["1"]
    assert [(p.record, p.reason) for p in problems] == [
        (
            "2",
            "decompressed data passed the 8 MB limit (ingest.max_decompressed_mb) "
            "after 1 records; the rest is not read",
        )
    ]
    assert peak < 64 << 20, f"peak {peak / 2**20:.0f} MiB"


# --------------------------------------------------------------------------- 3. file names


def test_file_name_that_is_not_utf8_is_stored_escaped_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "a.txt").write_text(FLOOD_PARAGRAPHS[0])
    raw_name = os.fsencode(folder) + b"/\xffz.txt"
    with open(raw_name, "wb") as fh:
        fh.write(FLOOD_PARAGRAPHS[1].encode())
    (folder / "zz.txt").write_text(FLOOD_PARAGRAPHS[2])
    db = tmp_path / "n.db"
    with SQLiteStore(db) as store:
        summary = ingest([folder], store)
        assert summary.problems == []
        assert summary.documents_new == 3
        paths = sorted(a.source.path for a in store.articles())
    assert paths == [f"{folder}/\\xffz.txt", f"{folder}/a.txt", f"{folder}/zz.txt"]
    with SQLiteStore(db) as store:  # a rerun neither crashes nor adds anything
        again = ingest([folder], store)
        assert (again.documents_new, again.documents_known) == (0, 3)


def test_path_text_is_lossless() -> None:
    names = [b"plain.txt", b"caf\xc3\xa9.txt", b"\xffz.txt", b"\\xffz.txt", b"a\\b.txt"]
    shown = [path_text(os.fsdecode(n)) for n in names]
    assert shown == ["plain.txt", "café.txt", "\\xffz.txt", "\\\\xffz.txt", "a\\\\b.txt"]
    assert len(set(shown)) == len(names)


# --------------------------------------------------------------------------- 4. stray bytes


def test_a_few_stray_bytes_keep_a_utf8_file_utf8_with_a_warning(tmp_path: Path) -> None:
    text = "“We have never seen the water rise this fast,” said Tomas Brel.\n" * 3
    data = text.encode()
    at = data.index(b" said")  # between ASCII letters: no character is cut
    (tmp_path / "one.txt").write_bytes(data[:at] + b"\x92" + data[at:])
    (tmp_path / "two.txt").write_bytes(b"\xff" + data[:at] + b"\x92" + data[at:])
    docs, problems = read_all(tmp_path)
    assert [(d.encoding, d.text.count("“"), d.text.count("\ufffd")) for d in docs] == [
        ("utf-8", 3, 1),
        ("utf-8", 3, 2),
    ]
    assert "тАЬ" not in docs[0].text
    assert [(Path(p.path).name, p.reason, p.severity) for p in problems] == [
        (
            "one.txt",
            "not valid UTF-8 in 1 place (replaced with U+FFFD); the rest read as UTF-8",
            "warning",
        ),
        (
            "two.txt",
            "not valid UTF-8 in 2 places (replaced with U+FFFD); the rest read as UTF-8",
            "warning",
        ),
    ]


def test_cp1252_text_is_still_cp1252(tmp_path: Path) -> None:
    (tmp_path / "cp.txt").write_bytes("It’s “over”, the mayor said – café.\n".encode("cp1252"))
    (doc,), problems = read_all(tmp_path)
    assert problems == []
    assert (doc.encoding, doc.text) == ("cp1252", "It’s “over”, the mayor said – café.\n")


def test_utf16_without_byte_order_mark_is_read(tmp_path: Path) -> None:
    text = "The river rose “fast”, the café owner said.\n"
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(text.encode("utf-16-be"))
    (tmp_path / "nul.txt").write_bytes(b"Valid UTF-8 \x00\x00 with NUL bytes is not text.")
    docs, problems = read_all(tmp_path)
    assert [(Path(d.source.path).name, d.encoding, d.text) for d in docs] == [
        ("be.txt", "utf-16-be", text),
        ("le.txt", "utf-16-le", text),
    ]
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("nul.txt", "binary file (NUL bytes)")
    ]


# --------------------------------------------------------------------------- 5. deep JSON


def test_deeply_nested_json_line_is_one_problem_and_later_lines_are_read(tmp_path: Path) -> None:
    deep = '{"text": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    fair = json.dumps({"text": TEXT, "tags": [[["a"]]], "outlet": "Valley Post"})
    path = tmp_path / "deep.jsonl"
    path.write_text(
        "\n".join([GOOD_LINE, deep, '{"text": "y", "b": ' + "[" * 70 + "]" * 70 + "}", fair]) + "\n"
    )
    docs, problems = read_all(path)
    assert [(d.source.record, d.meta.outlet) for d in docs] == [
        ("1", "Ostrel Daily"),
        ("4", "Valley Post"),
    ]
    assert [(p.record, p.reason) for p in problems] == [
        ("2", "JSON nested more than 64 levels deep"),
        ("3", "JSON nested more than 64 levels deep"),
    ]
    whole = tmp_path / "deep.json"
    whole.write_text(deep)
    assert [p.reason for p in read_all(whole)[1]] == ["JSON nested more than 64 levels deep"]


# --------------------------------------------------------------------------- 6. folders

_WALK_AS_NOBODY = textwrap.dedent(
    """
    import json, os, sys
    from newsprism.ingest import read_paths
    from newsprism.model import ReadProblem
    if os.geteuid() == 0:  # root reads every folder: read as nobody, as a user would
        os.setgid(65534)
        os.setuid(65534)
    out = [
        [type(i).__name__, i.path if isinstance(i, ReadProblem) else i.source.path,
         getattr(i, "reason", None)]
        for i in read_paths([sys.argv[1]])
    ]
    print(json.dumps(out))
    """
)


def test_unreadable_subfolder_is_a_reported_problem() -> None:
    corpus = Path(tempfile.mkdtemp(prefix="newsprism-walk-"))  # not under a private folder
    try:
        (corpus / "locked").mkdir()
        (corpus / "a.txt").write_text(FLOOD_PARAGRAPHS[0])
        (corpus / "locked" / "b.txt").write_text(FLOOD_PARAGRAPHS[1])
        (corpus / "z.txt").write_text(FLOOD_PARAGRAPHS[2])
        corpus.chmod(0o755)
        for p in (corpus / "a.txt", corpus / "z.txt"):
            p.chmod(0o644)
        (corpus / "locked").chmod(0o000)
        res = subprocess.run(
            [sys.executable, "-c", _WALK_AS_NOBODY, str(corpus)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=120,
        )
    finally:
        (corpus / "locked").chmod(0o755)
        shutil.rmtree(corpus)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == [
        ["ReadProblem", f"{corpus}/locked", "cannot read folder: Permission denied (skipped)"],
        ["RawDocument", f"{corpus}/a.txt", None],
        ["RawDocument", f"{corpus}/z.txt", None],
    ]


# --------------------------------------------------------------------------- 11. WARC lengths


def _warc_with(tmp_path: Path, name: str, edit: bytes) -> Path:
    page = article_html("Varna floods", FLOOD_PARAGRAPHS).encode()
    plain = tmp_path / "plain.warc"
    write_warc(
        plain,
        [
            (f"https://ostrel.example/{i}", "text/html", page, "2024-03-07T10:00:00Z")
            for i in range(2)
        ],
    )
    data = plain.read_bytes()
    head = data.index(b"Content-Length: ")
    end = data.index(b"\r\n", head)
    out = tmp_path / name
    out.write_bytes(data[:head] + edit(data[head:end]) + data[end:])
    return out


def test_warc_content_length_that_is_not_a_number(tmp_path: Path) -> None:
    path = _warc_with(tmp_path, "abc.warc", lambda _: b"Content-Length: abc")
    docs, problems = read_all(path)
    assert docs == []
    assert [p.reason for p in problems] == [
        "record has an invalid Content-Length 'abc'; the rest is not read"
    ]
    assert problems[0].record and problems[0].record.startswith("urn:uuid:")


def test_warc_declaring_more_than_the_file_holds(tmp_path: Path) -> None:
    path = _warc_with(tmp_path, "huge.warc", lambda _: b"Content-Length: 999999999999")
    size = path.stat().st_size
    docs, problems = read_all(path)
    assert docs == []
    assert [p.reason for p in problems] == [
        "record declares a Content-Length of 999999999999 bytes, more than the whole file "
        f"({size} bytes): truncated or corrupt WARC; the rest is not read"
    ]


def test_warc_content_length_too_small_is_not_stored_cut_short(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    def shorter(field: bytes) -> bytes:
        return b"Content-Length: %d" % (int(field.split(b": ")[1]) - 300)

    path = _warc_with(tmp_path, "small.warc", shorter)
    docs, problems = read_all(path)
    assert docs == []
    assert problems[0].reason.startswith("record is longer than its Content-Length (")
    assert problems[0].reason.endswith("bytes): cut short, not stored")
    assert all(p.severity == "error" for p in problems)
    assert "WARNING" not in capfd.readouterr().err  # warcio's own stderr note is not shown


# --------------------------------------------------------------------------- 12. identity


def test_the_same_file_named_two_ways_is_the_same_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "A" / "cases"
    corpus.mkdir(parents=True)
    (corpus / "x.txt").write_text(TEXT)
    (tmp_path / "B").mkdir()
    ids = []
    for cwd, spelling, db in (
        (tmp_path / "A", "cases/x.txt", "one.db"),
        (tmp_path / "B", "../A/cases/x.txt", "two.db"),
        (tmp_path / "B", "../A/./cases/../cases/x.txt", "three.db"),
    ):
        monkeypatch.chdir(cwd)
        with SQLiteStore(tmp_path / db) as store:
            ingest([spelling], store)
            (article,) = store.articles()
            ids.append((article.id, article.source.path))
    assert ids[0] == ids[1] == ids[2]
    assert ids[0][1] == str(corpus / "x.txt")


# --------------------------------------------------------------------------- issue 10: one plan


def test_local_and_cluster_plans_agree_on_manifests_and_metadata_files(tmp_path: Path) -> None:
    top = tmp_path / "top"
    deep = top / "one" / "two"
    deep.mkdir(parents=True)
    (deep / "x.txt").write_text(TEXT)
    (top / "manifest.csv").write_text("path,outlet\none/two/x.txt,Ostrel Daily\n")
    (deep / "lone.meta.json").write_text(json.dumps({"outlet": "Nobody"}))
    given = [deep / "x.txt", deep / "lone.meta.json"]
    local, problems = read_all(*given)
    cluster = plan_inputs(given, IngestOptions())
    assert cluster == plan_paths(given, IngestOptions())
    assert [d.meta.outlet for d in local] == ["Ostrel Daily"]  # a manifest three folders up
    assert [f.override.outlet if f.override else None for f in cluster.files] == ["Ostrel Daily"]
    lone = ("metadata file, not an article (skipped)", "warning")
    assert [(p.reason, p.severity) for p in problems] == [lone]
    assert [(p.reason, p.severity) for p in cluster.problems] == [lone]


def test_gzip_with_garbage_after_the_last_member(tmp_path: Path) -> None:
    path = tmp_path / "tail.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode()) + b"\x00" * 512)
    (doc,), problems = read_all(path)
    assert problems == [] and doc.text == TEXT
    path.write_bytes(gzip.compress(TEXT.encode()) + b"not gzip at all")
    docs, problems = read_all(path)
    assert docs == []
    assert [p.reason[:26] for p in problems] == ["not a valid gzip file (Err"]


def test_reader_output_is_unchanged_for_ordinary_files(tmp_path: Path) -> None:
    """The hardening must not change what ordinary input gives (hashes, texts, order)."""
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.html").write_text(article_html("Varna floods", FLOOD_PARAGRAPHS))
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz:
        gz.write((GOOD_LINE + "\n").encode() * 3)
    (tmp_path / "c.jsonl.gz").write_bytes(buf.getvalue())
    docs, problems = read_all(tmp_path)
    assert problems == []
    assert [(Path(d.source.path).name, d.source.record) for d in docs] == [
        ("a.txt", None),
        ("b.html", None),
        ("c.jsonl.gz", "1"),
        ("c.jsonl.gz", "2"),
        ("c.jsonl.gz", "3"),
    ]
    assert docs[2].content_sha == docs[3].content_sha == docs[4].content_sha
