"""Reading every supported input format into RawDocuments, with exact metadata."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.ingest import read_paths
from newsprism.model import RawDocument, ReadProblem
from tests.conftest import SEEDS
from tests.helpers_input import FLOOD_PARAGRAPHS, article_html, write_warc

SITE = "https://ostrel.example"


def read_all(*paths: Path) -> tuple[list[RawDocument], list[ReadProblem]]:
    docs: list[RawDocument] = []
    problems: list[ReadProblem] = []
    for item in read_paths(paths):
        (docs if isinstance(item, RawDocument) else problems).append(item)
    return docs, problems


def test_seeds_folder_reads_five_text_documents_without_problems() -> None:
    docs, problems = read_all(SEEDS)
    assert problems == []
    assert [Path(d.source.path).name[:3] for d in docs] == ["000", "001", "002", "003", "004"]
    for doc in docs:
        raw = Path(doc.source.path).read_bytes()
        assert doc.source.format == "text"
        assert doc.source.record is None
        assert doc.encoding == "utf-8"
        assert doc.size == len(raw)
        assert doc.content_sha == hashlib.sha256(raw).hexdigest()
        assert doc.html is None
        assert doc.text == raw.decode("utf-8")
    assert docs[2].text.startswith("Iraq Condemns US Strikes, Signals Push to End Troop Presence\n")
    assert "“This path pushes the Iraqi government" in docs[2].text  # curly quotes kept


JSONL_RECORDS = [
    {
        "text": "\n\n".join(FLOOD_PARAGRAPHS),
        "url": "https://ostrel.example/flood",
        "source": {"id": "od", "name": "Ostrel Daily"},
        "pubDate": "Tue, 05 Mar 2024 09:30:00 +0100",
        "title": "Varna floods Ostrel",
        "author": ["Lena Vork", "Ivo Stan"],
        "language": "en",
        "section": "Regional",
    },
    {
        "content": "<p>" + "</p><p>".join(FLOOD_PARAGRAPHS[:2]) + "</p>",
        "link": "https://valley.example/ostrel",
        "site_name": "Valley Post",
        "published_at": "2024-03-05",
    },
    {"body": "Plain body text without any markup at all.", "date": "2024-03-06"},
]


def test_jsonl_records_map_fields_and_keep_unknown_ones(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in JSONL_RECORDS) + "\n")
    docs, problems = read_all(path)
    assert problems == []
    assert [(d.source.format, d.source.record) for d in docs] == [
        ("json", "1"),
        ("json", "2"),
        ("json", "3"),
    ]
    first, second, third = docs
    assert first.text == "\n\n".join(FLOOD_PARAGRAPHS) and first.html is None
    assert (first.meta.url, first.meta.outlet, first.meta.published) == (
        "https://ostrel.example/flood",
        "Ostrel Daily",
        "Tue, 05 Mar 2024 09:30:00 +0100",
    )
    assert (first.meta.title, first.meta.byline, first.meta.language) == (
        "Varna floods Ostrel",
        "Lena Vork, Ivo Stan",
        "en",
    )
    assert first.meta.extra == {"section": "Regional"}
    assert second.html is not None and second.text is None  # "content" holding HTML
    assert (second.meta.url, second.meta.outlet, second.meta.published) == (
        "https://valley.example/ostrel",
        "Valley Post",
        "2024-03-05",
    )
    assert third.text == "Plain body text without any markup at all."
    assert third.meta.published == "2024-03-06"


def test_jsonl_gz_gives_the_same_records_and_hashes_as_plain(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps(r) for r in JSONL_RECORDS) + "\n"
    (tmp_path / "a.jsonl").write_text(lines)
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    plain, problems_a = read_all(tmp_path / "a.jsonl")
    packed, problems_b = read_all(tmp_path / "b.jsonl.gz")
    assert problems_a == problems_b == []
    assert [d.content_sha for d in plain] == [d.content_sha for d in packed]
    assert [d.source.record for d in packed] == ["1", "2", "3"]
    assert packed[0].meta.outlet == "Ostrel Daily"


def test_json_file_with_one_object_or_a_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps(JSONL_RECORDS[0]))
    (tmp_path / "many.json").write_text(json.dumps(JSONL_RECORDS[1:]))
    docs, problems = read_all(tmp_path)
    assert problems == []
    assert [(Path(d.source.path).name, d.source.record) for d in docs] == [
        ("many.json", "1"),
        ("many.json", "2"),
        ("one.json", None),
    ]
    assert docs[2].meta.outlet == "Ostrel Daily"


def test_warc_html_responses_become_documents_with_crawl_date_not_published(
    tmp_path: Path,
) -> None:
    page_a = article_html("Varna floods Ostrel", FLOOD_PARAGRAPHS).encode("utf-8")
    page_b = article_html("Bakers count the cost", FLOOD_PARAGRAPHS[2:], charset=None)
    bytes_b = page_b.encode("cp1252")
    path = tmp_path / "crawl.warc.gz"
    ids = write_warc(
        path,
        [
            (f"{SITE}/flood", "text/html; charset=utf-8", page_a, "2024-03-07T10:00:00Z"),
            (f"{SITE}/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00", "2024-03-07T10:00:01Z"),
            (f"{SITE}/bakers", "text/html; charset=ISO-8859-1", bytes_b, "2024-03-07T10:00:02Z"),
        ],
    )  # fmt: skip
    docs, problems = read_all(path)
    assert [d.source.record for d in docs] == [ids[0], ids[2]]
    assert all(d.source.format == "warc" for d in docs)
    assert [d.meta.url for d in docs] == [
        "https://ostrel.example/flood",
        "https://ostrel.example/bakers",
    ]
    assert [d.meta.extra["crawl_date"] for d in docs] == [
        "2024-03-07T10:00:00Z",
        "2024-03-07T10:00:02Z",
    ]
    assert all(d.meta.published is None for d in docs)
    assert docs[0].html == page_a.decode("utf-8") and docs[0].encoding == "utf-8"
    assert docs[1].encoding == "cp1252" and "“We have never seen the water" in docs[1].html
    assert docs[0].content_sha == hashlib.sha256(page_a).hexdigest()
    assert [(p.reason, p.severity) for p in problems] == [
        ("skipped 1 responses that are not HTML pages (image/png: 1)", "warning")
    ]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Post</title><link>https://valley.example/</link>
<language>en-gb</language><description>News from the valley</description>
<item><title>Ostrel evacuates as the Varna rises</title>
<link>https://valley.example/ostrel-evacuates</link>
<guid>https://valley.example/?p=101</guid>
<pubDate>Tue, 05 Mar 2024 11:00:00 +0000</pubDate><dc:creator>Ivo Stan</dc:creator>
<description>Short teaser.</description>
<content:encoded><![CDATA[{body}]]></content:encoded></item>
<item><title>Teaser only</title><link>https://valley.example/teaser</link>
<guid>https://valley.example/?p=102</guid>
<description>Read more on our site.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ostrel Daily</title>
<id>urn:ostrel-daily</id><updated>2024-03-05T12:00:00Z</updated>
<entry><title>Army reinforces embankments</title><id>urn:ostrel-daily:2001</id>
<link rel="alternate" href="https://ostrel.example/army"/>
<published>2024-03-05T12:00:00Z</published><updated>2024-03-05T13:00:00Z</updated>
<author><name>Lena Vork</name></author>
<content type="html">{body}</content></entry></feed>"""


def test_rss_feed_uses_full_content_and_reports_teasers(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in FLOOD_PARAGRAPHS)
    path = tmp_path / "valley.rss"
    path.write_text(RSS.replace("{body}", body), encoding="utf-8")
    docs, problems = read_all(path)
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.source.format, doc.source.record) == ("feed", "https://valley.example/?p=101")
    assert doc.html is not None and FLOOD_PARAGRAPHS[0] in doc.html
    assert (doc.meta.url, doc.meta.outlet, doc.meta.title, doc.meta.byline) == (
        "https://valley.example/ostrel-evacuates",
        "Valley Post",
        "Ostrel evacuates as the Varna rises",
        "Ivo Stan",
    )
    assert (doc.meta.published, doc.meta.language) == ("Tue, 05 Mar 2024 11:00:00 +0000", "en-gb")
    assert [(p.record, p.reason, p.severity) for p in problems] == [
        (
            "https://valley.example/?p=102",
            "entry has no full content, only a 22-character summary "
            "(under ingest.min_feed_summary_chars = 400)",
            "warning",
        )
    ]


def test_atom_feed_entry_and_xml_extension(tmp_path: Path) -> None:
    escaped = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in FLOOD_PARAGRAPHS)
    (tmp_path / "daily.xml").write_text(ATOM.replace("{body}", escaped), encoding="utf-8")
    docs, problems = read_all(tmp_path / "daily.xml")
    assert problems == []
    (doc,) = docs
    assert (doc.source.format, doc.source.record) == ("feed", "urn:ostrel-daily:2001")
    assert (doc.meta.url, doc.meta.outlet, doc.meta.byline, doc.meta.published) == (
        "https://ostrel.example/army",
        "Ostrel Daily",
        "Lena Vork",
        "2024-03-05T12:00:00Z",
    )
    assert "<p>Floodwater from the Varna river" in (doc.html or "")


def test_encodings_line_endings_and_nfc(tmp_path: Path) -> None:
    quote = "The governor said “the worst is over” – but added: ‘stay alert’.\n"
    (tmp_path / "a_cp1252.txt").write_bytes(quote.encode("cp1252"))
    (tmp_path / "b_bom.txt").write_bytes(b"\xef\xbb\xbf" + quote.encode("utf-8"))
    (tmp_path / "c_crlf.txt").write_bytes(b"Line one\r\nLine two\rLine three\r\n")
    (tmp_path / "d_nfd.txt").write_text("Cafe\u0301 de\u0301ja\u0300 vu\n", encoding="utf-8")
    docs, problems = read_all(tmp_path)
    assert problems == []
    assert [(d.encoding, d.text) for d in docs] == [
        ("cp1252", quote),
        ("utf-8-sig", quote),
        ("utf-8", "Line one\nLine two\nLine three\n"),
        ("utf-8", "Café déjà vu\n"),
    ]
    assert docs[0].content_sha == hashlib.sha256(quote.encode("cp1252")).hexdigest()


def test_html_meta_charset_is_honoured_only_when_bytes_are_not_utf8(tmp_path: Path) -> None:
    page = article_html("Bakers count the cost", FLOOD_PARAGRAPHS, charset="windows-1252")
    (tmp_path / "cp.html").write_bytes(page.encode("cp1252"))
    mislabelled = article_html("Bakers count the cost", FLOOD_PARAGRAPHS, charset="iso-8859-1")
    (tmp_path / "lie.htm").write_bytes(mislabelled.encode("utf-8"))
    docs, problems = read_all(tmp_path)
    assert problems == []
    assert [(Path(d.source.path).name, d.source.format, d.encoding) for d in docs] == [
        ("cp.html", "html", "cp1252"),
        ("lie.htm", "html", "utf-8"),
    ]
    assert all("“We have never seen the water rise this fast,”" in (d.html or "") for d in docs)


def test_sidecar_and_manifest_override_metadata_and_are_not_articles(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "flood.html").write_text(article_html("Varna", FLOOD_PARAGRAPHS))
    (tmp_path / "pages" / "bakers.txt").write_text("\n\n".join(FLOOD_PARAGRAPHS[2:]))
    (tmp_path / "manifest.csv").write_text(
        "path,url,outlet,published,title,desk\n"
        "pages/flood.html,https://ostrel.example/flood,Ostrel Daily,2024-03-05,Varna floods,metro\n"
        "pages/bakers.txt,https://ostrel.example/bakers,Ostrel Daily,2024-03-06,,\n"
    )
    (tmp_path / "pages" / "bakers.meta.json").write_text(
        json.dumps({"outlet": "Valley Post", "author": "Ivo Stan", "paywall": True})
    )
    docs, problems = read_all(tmp_path)
    assert problems == []
    assert [Path(d.source.path).name for d in docs] == ["bakers.txt", "flood.html"]
    bakers, flood = docs
    assert (bakers.meta.url, bakers.meta.outlet, bakers.meta.published, bakers.meta.byline) == (
        "https://ostrel.example/bakers",
        "Valley Post",  # the sidecar beats the manifest
        "2024-03-06",
        "Ivo Stan",
    )
    assert bakers.meta.extra == {"paywall": True}
    assert (flood.meta.url, flood.meta.title, flood.meta.extra) == (
        "https://ostrel.example/flood",
        "Varna floods",
        {"desk": "metro"},
    )
    # a single file given directly still picks up the manifest beside it
    (single,), problems = read_all(tmp_path / "pages" / "flood.html")
    assert problems == []
    assert single.meta.url == "https://ostrel.example/flood"


def test_same_content_twice_has_the_same_sha_and_order_is_sorted(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("\n\n".join(FLOOD_PARAGRAPHS))
    shutil.copy(tmp_path / "a.txt", tmp_path / "b" / "c" / "copy.txt")
    (tmp_path / "b" / "z.txt").write_text(FLOOD_PARAGRAPHS[0])
    docs, _ = read_all(tmp_path)
    names = [Path(d.source.path).relative_to(tmp_path).as_posix() for d in docs]
    assert names == ["a.txt", "b/c/copy.txt", "b/z.txt"]
    assert docs[0].content_sha == docs[1].content_sha != docs[2].content_sha


def test_missing_path_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        list(read_paths([tmp_path / "nope"]))
