"""The GVC development half as newsprism articles: each page cleaned as ingest would.

Each article of an incident becomes a ``RawDocument`` with the page text and its
title, URL and publication date as metadata, and goes through ``clean_document``
(chrome lines out, page description), as a JSON Lines input would. Pages that give
no article are counted and left out; an article listed under two incidents is kept
once (under the first).
"""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass
from pathlib import Path

from common import BENCH, read_jsonl
from eventdata import CACHE

from newsprism.clean import clean_document
from newsprism.model import Article, Metadata, RawDocument, Source, sha256_hex

DEFAULT_DATA = BENCH / "gvc" / "dev.jsonl.gz"


@dataclass(slots=True)
class GvcSet:
    articles: list[Article]
    incident: list[str]  # gold incident of each article
    pages: int  # pages read
    dropped: int  # pages that gave no article
    duplicates: int  # pages listed under a second incident


def _records(data: Path) -> list[dict[str, object]]:
    files = sorted(data.glob("*.jsonl*")) if data.is_dir() else [data]
    return [rec for f in files for rec in read_jsonl(f)]


def load_gvc(data: Path = DEFAULT_DATA) -> GvcSet:
    """The set, cleaned; cached under ``eventdata.CACHE`` by the input file and the
    cleaning and outlet code, so tuning runs do not clean 4k pages each time."""
    import newsprism.clean
    import newsprism.sources

    code = [
        p
        for package in (newsprism.clean, newsprism.sources)  # outlets are read in cleaning
        for p in sorted(Path(package.__file__).parent.glob("*.py"))
    ]
    stamp = [str(p.stat()) for p in ([data] if data.is_file() else sorted(data.iterdir()))]
    key = sha256_hex("\n".join(stamp + [p.read_text(encoding="utf-8") for p in code]))[:16]
    path = CACHE / f"gvc-clean-{key}.pkl"
    if path.exists():
        cached: GvcSet = pickle.loads(path.read_bytes())
        return cached
    out = _clean_all(data)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def _clean_all(data: Path) -> GvcSet:
    out = GvcSet([], [], 0, 0, 0)
    seen: set[str] = set()
    for rec in _records(data):
        incident = str(rec["incident"])
        for page in rec["articles"]:  # type: ignore[attr-defined]
            out.pages += 1
            pid = str(page["id"])
            if pid in seen:
                out.duplicates += 1
                continue
            seen.add(pid)
            text = str(page.get("text") or "")
            raw = RawDocument(
                source=Source(f"gvc/{pid}", "json", pid),
                content_sha=sha256_hex(json.dumps(page, sort_keys=True)),
                text=text,
                meta=Metadata(
                    url=page.get("url") or None,
                    title=page.get("title") or None,
                    published=page.get("published") or None,
                ),
                size=len(text),
            )
            articles = clean_document(raw)
            if not articles:
                out.dropped += 1
            for article in articles:
                out.articles.append(article)
                out.incident.append(incident)
    return out
