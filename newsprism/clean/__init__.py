"""Cleaning: page text in, articles out — boilerplate removed with reasons, pages that
hold several articles split, and each article described (title, byline, dateline,
date, wire credit, language)."""

from newsprism.clean.document import clean_document
from newsprism.clean.options import CleanOptions
from newsprism.clean.templates import TemplateIndex, learn_templates, site_of

__all__ = ["CleanOptions", "TemplateIndex", "clean_document", "learn_templates", "site_of"]
