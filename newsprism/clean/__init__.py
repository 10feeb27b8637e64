"""Cleaning: page text in, articles out — boilerplate removed with reasons, pages that
hold several articles split, and each article described (title, byline, dateline,
date, wire credit, language).

    clean_document(raw, templates, options) -> PageArticles (document.py, read top to bottom)
    learn_templates(raws) -> TemplateIndex     lines a site repeats on every page (templates.py)

Lines are measured (``lines.py``), judged alone (``rules.py``) and in their page
(``boilerplate.py``); ``split.py`` cuts pages that hold several articles; ``describe.py``
with ``dateline.py``, ``dates.py`` and ``outlet.py`` fills title, byline, date and outlet;
``html.py`` extracts the text of HTML pages. The functions load on first use, so reading
the options (as every command does) loads neither jusText nor lxml.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from newsprism.clean.options import CleanOptions

if TYPE_CHECKING:
    from newsprism.clean.document import clean_document
    from newsprism.clean.templates import TemplateIndex, learn_templates, site_of

_WHERE = {
    "clean_document": "document",
    "TemplateIndex": "templates",
    "learn_templates": "templates",
    "site_of": "templates",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"newsprism.clean.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'newsprism.clean' has no attribute {name!r}")


__all__ = ["CleanOptions", "TemplateIndex", "clean_document", "learn_templates", "site_of"]
