"""What every part of one story's comparison reads: its articles, their annotations and
parses, the outlets in column order, the embedder and its cut-offs.

Built once per story so each step takes one argument instead of seven, and so the
outlet an article is shown under is decided in one place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from spacy.tokens import Doc

from newsprism.compare.evidence import cite, outlet_name
from newsprism.compare.options import CompareOptions
from newsprism.compare.records import Cite
from newsprism.embedders import Cuts, Embedder, get_embedder
from newsprism.language.parses import load_parses
from newsprism.model import Annotations, Article, Entity, Span, Story


class MemoEmbedder:
    """An embedder that embeds each distinct text once per story.

    The comparison scores the same sentences several times (alignment, figure slots,
    timeline, digest); each text is embedded on first use and read back after, and
    the texts of one call go to the model in one batch."""

    def __init__(self, embed: Embedder) -> None:
        self.embed = embed
        self.cache: dict[str, np.ndarray] = {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if missing:
            for text, vec in zip(missing, self.embed(missing), strict=True):
                self.cache[text] = vec
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([self.cache[t] for t in texts]).astype(np.float32, copy=False)


@dataclass(slots=True)
class StoryContext:
    story: Story
    articles: dict[str, Article]  # in the story's order
    annotations: dict[str, Annotations]
    docs: dict[str, Doc]  # the language stage's kept parses
    entities: Mapping[str, Entity]
    outlet_of: dict[str, str]  # article id -> outlet shown
    outlets: list[str]  # column order of every per-outlet table
    embed: Embedder
    cuts: Cuts
    options: CompareOptions
    # Earlier versions of the story's articles (an outlet updated its page): only their
    # figures are read, so a toll an outlet revised shows as a figure that changed.
    earlier: dict[str, Article] = field(default_factory=dict)
    earlier_annotations: dict[str, Annotations] = field(default_factory=dict)
    earlier_docs: dict[str, Doc] = field(default_factory=dict)
    # the first day any of its pages states to the day: where its background begins
    first_day: date | None = None

    def doc(self, article_id: str) -> Doc | None:
        return self.docs.get(article_id) or self.earlier_docs.get(article_id)

    def article(self, article_id: str) -> Article:
        return self.articles.get(article_id) or self.earlier[article_id]

    def cite(self, article: str, span: Span, sentence: Span | None = None) -> Cite:
        source = self.articles if article in self.articles else self.earlier
        return cite(source, article, span, sentence)

    def text(self, article: str, span: Span) -> str:
        return self.article(article).text[span[0] : span[1]]


def story_context(
    story: Story,
    articles: Sequence[Article],
    annotations: Mapping[str, Annotations],
    entities: Mapping[str, Entity],
    options: CompareOptions,
    earlier: Sequence[Article] = (),
) -> StoryContext:
    # The story's own order, not the store's: a local and a distributed run read the same
    # articles back in different orders and must still write the same findings.
    rank = {a: i for i, a in enumerate(story.articles)}
    arts = sorted((a for a in articles if a.id in rank), key=lambda a: rank[a.id]) or sorted(
        articles, key=lambda a: a.id
    )
    by_id = {a.id: a for a in arts}
    anns = {k: annotations[k] for k in by_id if k in annotations}
    old = {
        a.id: a
        for a in sorted(earlier, key=lambda a: a.id)
        if a.id not in by_id and a.id in annotations
    }
    old_anns = {k: annotations[k] for k in old}
    outlet_of = {a.id: outlet_name(a) for a in arts}
    outlet_of.update({a.id: outlet_name(a) for a in old.values()})
    return StoryContext(
        story=story,
        articles=by_id,
        annotations=anns,
        docs=load_parses({k: v.parse for k, v in anns.items()}),
        entities=entities,
        outlet_of=outlet_of,
        outlets=sorted({outlet_name(a) for a in arts}),
        embed=MemoEmbedder(get_embedder(options.embedder)),
        cuts=options.cuts(),
        options=options,
        earlier=old,
        earlier_annotations=old_anns,
        earlier_docs=load_parses({k: v.parse for k, v in old_anns.items()}),
        first_day=min((d for a in arts if (d := a.published_day) is not None), default=None),
    )
