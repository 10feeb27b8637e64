"""The language stage for an article that is not in English.

The English pipeline (spaCy ``en_core_web_sm``) would parse Spanish or Arabic into
nonsense, so an article in another supported language gets rule-based annotations
instead: sentences by rule, figures and dates by the language's tables and
``dateparser``, names by capitalisation, quotes by their quotation marks and speakers
by the speech verb beside them (``rules.quotes``), and the labels an outlet gives a name
(``rules.labels``). The records are the project's own (``Sentence``, ``Clause``,
``Quantity``, ``TimeExpression``, ``Mention``, ``Quote``, ``ActorLabel``), so later
stages take them as they are; there is no parse (``Annotations.parse`` is None).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from newsprism.language.clauses import after_dateline, apart_from_dateline
from newsprism.language.rules.bodies import body_labels
from newsprism.language.rules.dates import read_dates
from newsprism.language.rules.figures import read_figures
from newsprism.language.rules.labels import read_labels
from newsprism.language.rules.names import find_names
from newsprism.language.rules.options import MultilingualOptions
from newsprism.language.rules.quotes import read_quotes
from newsprism.language.rules.sentences import split_sentences
from newsprism.language.rules.words import language_words
from newsprism.language.version import ANNOTATOR_VERSION
from newsprism.lexicon import FOREIGN_LANGUAGES
from newsprism.model import Annotations, Article, Clause, Sentence, sha256_hex

MULTILINGUAL_VERSION = "multilingual-11"  # quotes, labels, figure parts; incidentals
"""Bump when what this module reads changes, so stored foreign annotations are redone."""

_WHOLE_END = re.compile(r"[.!?؟…][\"'»”’)]*$")


def annotation_version(language: str | None) -> str:
    """The version an article's annotations carry: English and unknown languages go
    through the English pipeline, the supported others through this module."""
    if is_foreign(language):
        return f"{ANNOTATOR_VERSION}+{MULTILINGUAL_VERSION}"
    return ANNOTATOR_VERSION


def is_foreign(language: str | None) -> bool:
    """Whether an article is read by this module rather than the English pipeline."""
    return language in FOREIGN_LANGUAGES


def language_group(language: str | None) -> str:
    """The group an article is clustered in: its language when it is one this package
    reads, else one group for English and everything else (an undetected or unsupported
    language is clustered with English, as it was before languages were told apart)."""
    return language if is_foreign(language) and language else "default"


def annotate_foreign(article: Article, options: MultilingualOptions | None = None) -> Annotations:
    """Sentences, claims, figures, dates and names of one article in a supported
    language other than English."""
    options = options or MultilingualOptions()
    language = article.language or ""
    if not is_foreign(language):
        raise ValueError(f"article {article.id}: language {language!r} is not read here")
    text = article.text
    sentences = apart_from_dateline(
        text,
        _with_title_role(article, split_sentences(text)),
        article.dateline.span if article.dateline else None,
    )
    table = language_words(language, options.words_file)
    anchor = article.published_day  # none when the source gave only a month
    mentions = find_names(text, sentences, language)
    return Annotations(
        article=article.id,
        text_sha=sha256_hex(text),
        sentences=sentences,
        mentions=mentions,
        quotes=read_quotes(text, sentences, mentions, language),
        quantities=read_figures(text, sentences, table),
        times=read_dates(text, sentences, language, anchor, "published" if anchor else None),
        clauses=_claims(article, sentences),
        labels=read_labels(text, sentences, mentions, language) + body_labels(text, language),
        version=annotation_version(language),
    )


def _claims(article: Article, sentences: list[Sentence]) -> list[Clause]:
    """Every body sentence as a claim, its dateline cut off ("KORVA (Agency) - …"), as
    the English pipeline cuts it (``newsprism.language.clauses``)."""
    text = article.text
    cut = article.dateline.span if article.dateline else None
    out: list[Clause] = []
    for s in sentences:
        span = after_dateline(text, s.span, cut) if s.role == "body" else None
        if span is not None:
            out.append(Clause(span, span, "sentence", whole=_reads_whole(text[span[0] : span[1]])))
    return out


def reanchor_foreign(
    article: Article,
    annotations: Annotations,
    anchor: date,
    anchor_source: str,
    options: MultilingualOptions | None = None,
) -> Annotations:
    """A copy of ``annotations`` whose dates are read again against a borrowed anchor
    (the story's day, for an article with no publication date)."""
    del options  # the same tables; kept for the call shape of the English reanchor
    sentences = [s for s in annotations.sentences] or split_sentences(article.text)
    times = read_dates(article.text, sentences, article.language or "", anchor, anchor_source)
    return dataclasses.replace(annotations, times=times)


def _reads_whole(sentence: str) -> bool:
    first = sentence.lstrip("\"'«“‘(¿¡ ")[:1]
    starts = bool(first) and (first.isupper() or first.isdigit() or not first.isascii())
    return starts and bool(_WHOLE_END.search(sentence)) and len(sentence.split()) >= 3


def _with_title_role(article: Article, sentences: list[Sentence]) -> list[Sentence]:
    title = (article.title or "").strip()
    if not title or not article.text.lstrip().startswith(title):
        return sentences
    end = article.text.index(title) + len(title)
    return [Sentence(s.span, s.index, "title") if s.span[1] <= end else s for s in sentences]
