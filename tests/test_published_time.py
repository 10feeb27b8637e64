"""Publication times: the full timestamp HTML metadata states, one kind of datetime."""

from __future__ import annotations

from datetime import datetime

from newsprism.clean import clean_document
from newsprism.model import Metadata, RawDocument, Source, sha256_hex
from tests.conftest import EXAMPLES

BODY = " ".join(
    [
        "The harbour board of Castrel said on Tuesday that night shifts at the grain",
        "terminal would resume after a two-week pause, once new lighting is installed.",
        "Workers had refused night work since a crane operator was hurt in the dark.",
        "A union official said members would vote on the board's safety plan on Friday.",
    ]
)


def _html(meta: str) -> str:
    return (
        f"<html><head><title>Night shifts resume</title>{meta}</head><body><article>"
        f"<h1>Night shifts resume at Castrel grain terminal</h1><p>{BODY}</p>"
        f"<p>{BODY}</p></article></body></html>"
    )


def _clean(raw: RawDocument) -> datetime | None:
    (article,) = clean_document(raw)
    return article.published


def test_html_published_time_keeps_the_time_the_metadata_states() -> None:
    html = _html('<meta property="article:published_time" content="2026-04-02T07:15:00+02:00">')
    raw = RawDocument(Source("p.html", "html"), sha256_hex(html), html=html)
    (article,) = clean_document(raw)
    assert article.published == datetime(2026, 4, 2, 7, 15)
    assert article.published_text == "2026-04-02T07:15:00+02:00"


def test_example_ledger_page_time_is_read_from_its_metadata() -> None:
    path = EXAMPLES / "continental-ledger_velmora-port-strike.html"
    html = path.read_text(encoding="utf-8")
    raw = RawDocument(Source(str(path), "html"), sha256_hex(html), html=html)
    assert _clean(raw) == datetime(2026, 3, 12, 18, 40)


def test_dates_with_an_offset_become_wall_clock_times_like_every_other() -> None:
    """A store mixing aware and naive datetimes cannot sort or compare them."""
    raw = RawDocument(
        Source("a.jsonl", "json", "1"),
        sha256_hex("x"),
        text=BODY,
        meta=Metadata(published="2026-04-02T07:15:00+02:00"),
    )
    published = _clean(raw)
    assert published == datetime(2026, 4, 2, 7, 15) and published.tzinfo is None
