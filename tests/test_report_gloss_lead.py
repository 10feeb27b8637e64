"""A page's date line ("date 2023-09 ...") is no part of the sentence glossed: the
gloss read "It dates 2023-09 The seism ..." (real Apertium; text written here)."""

from __future__ import annotations

import shutil

import pytest

from newsprism.language.rules.reader import annotate_foreign
from newsprism.model import Article, Source
from newsprism.report.gloss import story_glosses


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")
def test_the_date_line_opening_a_sentence_is_not_glossed() -> None:
    text = (
        "date 2023-09 Le séisme a fait 632 morts dans la région de Tarsk.\n\n"
        "Les secours sont arrivés."
    )
    art = Article("a", Source("a.txt", "text"), "a", 0, text, title=None, language="fr")
    glosses = story_glosses([art], {"a": annotate_foreign(art)})["glosses"]
    first = next(g for g in glosses if g.sentence[0] == 0)
    assert "632" in first.text and "2023" not in first.text and "dates" not in first.text
