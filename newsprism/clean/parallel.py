"""Clean many pages on several cores, in order, each page's failure kept to itself.

HTML extraction is the costly part of ingest and each page is independent, so a local
run cleans pages in a small process pool (``CleanOptions.workers``). The templates
are sent to each worker once. A Dask worker already is one of many processes (and may
not start children): the cluster path cleans with one.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from newsprism.clean.document import PageArticles, clean_document
from newsprism.clean.options import CleanOptions
from newsprism.clean.templates import TemplateIndex
from newsprism.model import RawDocument

PARALLEL_FROM = 24  # fewer pages than this are cleaned in this process: a pool costs ~0.2 s
CHUNK = 8  # pages per task sent to a worker

_templates: TemplateIndex | None = None
_options: CleanOptions | None = None


def _init(templates: TemplateIndex | None, options: CleanOptions) -> None:
    global _templates, _options
    _templates, _options = templates, options


def _clean(raw: RawDocument) -> PageArticles | str:
    """The page's articles, or the error message (an exception may not pickle)."""
    try:
        return clean_document(raw, _templates, _options)
    except Exception as exc:  # one bad page must not stop the folder
        return f"{type(exc).__name__}: {exc}"


def clean_pages(
    raws: Sequence[RawDocument],
    templates: TemplateIndex | None,
    options: CleanOptions,
    workers: int = 1,
) -> Iterator[tuple[RawDocument, PageArticles | str]]:
    """``(page, articles or error message)`` for every page, in the order given."""
    if workers <= 1 or len(raws) < PARALLEL_FROM or multiprocessing.current_process().daemon:
        _init(templates, options)
        for raw in raws:
            yield raw, _clean(raw)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init, initargs=(templates, options)
    ) as pool:
        yield from zip(raws, pool.map(_clean, raws, chunksize=CHUNK), strict=True)
