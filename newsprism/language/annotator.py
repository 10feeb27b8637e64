"""The annotation stage: one pass of spaCy per article, then our readers on its output.

The parse itself is kept with the annotations (``Annotations.parse``), so the
comparison reads the same grammar without parsing the article again; what the
comparison needs of it is read here into records (``dates``, ``events``, ``roles``).

Spans index ``Article.text``. A title that is not part of the text is read as a
separate document: quotes found there are kept in ``Annotations.quotes`` with
``in_title=True`` and a span into ``Article.title`` (a quote with ``in_title=True``
indexes the text when the title is also the text's first line). Title mentions help
find speakers but are not stored, since their spans would not index the text.
Photo captions are not in the text either (cleaning moves them to ``Article.removed``);
a quote in one is kept with ``where="caption"``, the caption's ``line_no`` and a span
into that removed line, so it is marked as a caption quote rather than lost.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from newsprism.language.aliases import load_aliases
from newsprism.language.clauses import apart_from_dateline, claim_clauses
from newsprism.language.dated_events import time_readings
from newsprism.language.labels import actor_labels
from newsprism.language.mentions import extract_mentions
from newsprism.language.nlp import load_nlp
from newsprism.language.options import LanguageOptions
from newsprism.language.parses import dump_parse
from newsprism.language.quantities import extract_quantities
from newsprism.language.quotes import extract_quotes
from newsprism.language.roles import person_roles
from newsprism.language.rules.bodies import body_labels
from newsprism.language.times import Anchor, extract_times
from newsprism.language.version import ANNOTATOR_VERSION
from newsprism.model import Annotations, Article, Quote, RemovedLine, Sentence, sha256_hex

log = logging.getLogger(__name__)


def annotate(
    articles: Sequence[Article], options: LanguageOptions | None = None
) -> Iterator[Annotations]:
    """Annotations for each article, in the order given."""
    options = options or LanguageOptions()
    nlp = load_nlp(options)
    titles = [_separate_title(a) for a in articles]
    captions = [_quoted_captions(a) for a in articles]
    texts: list[str] = []
    for article, title, lines in zip(articles, titles, captions, strict=True):
        texts.append(article.text)
        if title:
            texts.append(title)
        texts.extend(line.text for line in lines)
    docs = nlp.pipe(texts, batch_size=options.batch_size, n_process=options.n_process)
    for article, title, lines in zip(articles, titles, captions, strict=True):
        doc = next(docs)
        title_doc = next(docs) if title else None
        ann = annotate_doc(article, doc, title_doc, options)
        for line in lines:
            ann.quotes.extend(_caption_quotes(next(docs), line, options))
        yield ann


def publication_anchor(article: Article) -> Anchor:
    day = article.published_day  # none when the source gave only a month
    return Anchor(None, None) if day is None else Anchor(day, "published")


def annotate_doc(
    article: Article, doc: Doc, title_doc: Doc | None, options: LanguageOptions
) -> Annotations:
    """Everything read from one parsed article (and its parsed title, when separate)."""
    table = load_aliases(options.alias_file)
    mentions = extract_mentions(doc, table)
    times = extract_times(doc, publication_anchor(article))
    quotes = extract_quotes(doc, mentions, options.max_quote_chars)
    quantities = extract_quantities(doc, mentions, times)
    sentences = apart_from_dateline(
        article.text, sentence_spans(doc), article.dateline.span if article.dateline else None
    )
    title_end = _title_prefix_end(article)
    if title_end:
        for q in quotes:
            if q.span[1] <= title_end:
                q.in_title = True
        sentences = [
            Sentence(s.span, s.index, "title") if s.span[1] <= title_end else s for s in sentences
        ]
    if title_doc is not None:
        title_mentions = extract_mentions(title_doc, table)
        for q in extract_quotes(title_doc, title_mentions, options.max_quote_chars):
            q.in_title = True
            q.where = "title"
            quotes.append(q)
    dates, events = time_readings(doc, article, sentences, times)
    return Annotations(
        article=article.id,
        text_sha=sha256_hex(article.text),
        sentences=sentences,
        mentions=mentions,
        quotes=quotes,
        quantities=quantities,
        times=times,
        clauses=claim_clauses(doc, sentences, article),
        # the English parse of a Turkish or Russian page reads no description of anyone
        labels=(actor_labels(doc, mentions) + body_labels(article.text, "en"))
        if article.language in (None, "en")
        else [],
        dates=dates,
        events=events,
        roles=person_roles(doc, mentions),
        version=ANNOTATOR_VERSION,
        parse=dump_parse(doc),
    )


def sentence_spans(doc: Doc) -> list[Sentence]:
    """spaCy's sentences, trimmed of surrounding whitespace; empty ones dropped."""
    out: list[Sentence] = []
    text = doc.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Sentence((start, end), len(out)))
    return out


_QUOTE_MARKS = ('"', "“", "”", "‘", "’")


def _quoted_captions(article: Article) -> list[RemovedLine]:
    """Caption lines that hold a quotation, once each (pages repeat their captions)."""
    seen: set[str] = set()
    out: list[RemovedLine] = []
    for line in article.removed:
        if (
            line.reason.startswith("photo-caption")
            and any(m in line.text for m in _QUOTE_MARKS)
            and line.text not in seen
        ):
            seen.add(line.text)
            out.append(line)
    return out


def _caption_quotes(doc: Doc, line: RemovedLine, options: LanguageOptions) -> list[Quote]:
    table = load_aliases(options.alias_file)
    quotes = extract_quotes(doc, extract_mentions(doc, table), options.max_quote_chars)
    for q in quotes:
        q.where, q.line_no = "caption", line.line_no
    return quotes


def _separate_title(article: Article) -> str | None:
    """The title when it must be read on its own (it is not the text's first line)."""
    if not article.title or _title_prefix_end(article):
        return None
    return article.title


def _title_prefix_end(article: Article) -> int:
    title = (article.title or "").strip()
    if title and article.text.lstrip().startswith(title):
        return article.text.index(title) + len(title)
    return 0
