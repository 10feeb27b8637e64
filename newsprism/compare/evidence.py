"""Citations: an article id, its outlet, a span, and the exact words at that span.

Every cited text in a comparison is sliced from the article here, never copied from
an upstream record, so ``text == Article.text[start:end]`` holds by construction.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsprism.compare.records import Cite
from newsprism.model import Article, Span


def outlet_name(article: Article) -> str:
    """The outlet when known, else what the article can be shown as."""
    return article.outlet or article.display_outlet


def cite(
    articles: Mapping[str, Article], article_id: str, span: Span, sentence: Span | None = None
) -> Cite:
    article = articles[article_id]
    start, end = int(span[0]), int(span[1])
    return Cite(
        article_id,
        outlet_name(article),
        (start, end),
        article.text[start:end],
        (int(sentence[0]), int(sentence[1])) if sentence else None,
    )
