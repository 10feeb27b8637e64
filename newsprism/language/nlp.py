"""The spaCy pipeline, loaded once per process with only what the language layer reads.

This is the only spaCy pipeline newsprism runs: the parse it makes (lemmas,
dependency heads, sentence and entity boundaries) is read by the language layer and
kept for the comparison, which reads the same parse instead of parsing again.
An entity ruler placed before the statistical recogniser marks the alias table's
names ("Kata'ib Hezbollah", "Daesh") with their table label, since the small model
splits or mislabels them.
"""

from __future__ import annotations

import logging
import threading

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsprism.clean.dateline import locate_dateline
from newsprism.language.aliases import load_aliases
from newsprism.language.options import LanguageOptions

log = logging.getLogger(__name__)

_EXCLUDE: tuple[str, ...] = ()
_RULER_LABELS = frozenset({"GROUP", "ORG"})
_lock = threading.Lock()
_cache: dict[tuple[str, str | None], Language] = {}


def load_nlp(options: LanguageOptions | None = None) -> Language:
    """The pipeline for these options, built on first use and shared afterwards."""
    options = options or LanguageOptions()
    key = (options.model, options.alias_file)
    with _lock:
        nlp = _cache.get(key)
        if nlp is None:
            nlp = _build(options)
            _cache[key] = nlp
    return nlp


def load_bare_nlp(options: LanguageOptions | None = None) -> Language:
    """The same statistical components without the alias ruler, for benchmarking."""
    options = options or LanguageOptions()
    nlp = spacy.load(options.model, exclude=list(_EXCLUDE))
    nlp.add_pipe("newsprism_line_breaks", before="parser")
    return nlp


@Language.component("newsprism_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs have no full stop.

    So does a dateline or date stamp ("date 2024-05-07 KORVA (Agency) —", found as
    cleaning finds it): the lead after it is a sentence of its own, and what a report
    shows of it (a quotation's sentence, a timeline entry) never starts with it."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    dateline = locate_dateline(doc.text.split("\n\n"))
    if dateline is not None and dateline.span is not None:
        end = dateline.span[1]
        after = next((t for t in doc if t.idx >= end and not t.is_space), None)
        if after is not None and after.i > 0:
            after.is_sent_start = True
    return doc


def _build(options: LanguageOptions) -> Language:
    log.info("loading spaCy model %s", options.model)
    nlp = spacy.load(options.model, exclude=list(_EXCLUDE))
    nlp.add_pipe("newsprism_line_breaks", before="parser")
    table = load_aliases(options.alias_file)
    ruler = nlp.add_pipe(
        "entity_ruler", name="alias_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"}
    )
    patterns = []
    for phrase, label in table.phrases():
        if len(phrase.replace(".", "")) <= 2 or label not in _RULER_LABELS:
            continue  # two-letter aliases ("IS", "US") and places are left to the model
        patterns.append({"label": label, "pattern": phrase})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp
