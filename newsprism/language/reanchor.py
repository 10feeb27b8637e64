"""Resolving an undated article's relative dates with a date borrowed from its story."""

from __future__ import annotations

import dataclasses
from datetime import date

from newsprism.language.dated_events import time_readings
from newsprism.language.nlp import load_nlp
from newsprism.language.options import LanguageOptions
from newsprism.language.parses import load_parse
from newsprism.language.times import Anchor, extract_times
from newsprism.model import Annotations, Article


def reanchor_times(
    article: Article,
    annotations: Annotations,
    anchor: date,
    anchor_source: str,
    options: LanguageOptions | None = None,
) -> Annotations:
    """A copy of ``annotations`` whose times are resolved against ``anchor``.

    Tense decides between the last and next weekday, so the parse is read again (the
    kept one; only annotations stored without a parse are parsed anew). The caller
    records on the article that its dates were borrowed (``anchor_source``).
    """
    if annotations.parse is not None:
        doc = load_parse(annotations.parse)
    else:
        doc = load_nlp(options)(article.text)
    times = extract_times(doc, Anchor(anchor, anchor_source))
    dates, events = time_readings(doc, article, annotations.sentences, times)
    return dataclasses.replace(annotations, times=times, dates=dates, events=events)
