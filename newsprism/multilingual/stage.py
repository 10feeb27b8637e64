"""The store-facing side of the multilingual pieces: what the pipeline's stages call.

Kept apart from ``pipeline`` so the hooks there stay one line each: the language
stage sends articles in a supported language other than English here instead of to
spaCy, and the story stage hands its stories here to join articles across languages.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.model import Article, Story, sha256_hex
from newsprism.multilingual.annotate import language_group
from newsprism.multilingual.evidence import Join, join_across_languages, lead_text
from newsprism.multilingual.options import MultilingualOptions

if TYPE_CHECKING:
    from newsprism.settings import Options
    from newsprism.stories.evidence import EventEvidence

log = logging.getLogger(__name__)

LEAD_MODEL = "usem3-lead"  # the store's vector cache key for lead vectors


def lead_vectors(store: Any, articles: Sequence[Article]) -> np.ndarray:
    """Unit-length multilingual vectors of each article's lead, cached in the store by
    text hash (the encoder is loaded only when one is missing)."""
    from newsprism.multilingual.encoder import encode

    if not articles:
        return np.zeros((0, 512), dtype=np.float32)
    leads = [lead_text(a) for a in articles]
    shas = [sha256_hex(t) for t in leads]
    cached = store.get_vectors(LEAD_MODEL)
    missing = [i for i, a in enumerate(articles) if cached.get(a.id, ("", None))[0] != shas[i]]
    if missing:
        fresh = encode([leads[i] for i in missing])
        store.put_vectors(LEAD_MODEL, [(articles[i].id, shas[i], fresh[k])
                                       for k, i in enumerate(missing)])  # fmt: skip
        cached = store.get_vectors(LEAD_MODEL)
    return np.vstack([cached[a.id][1] for a in articles]).astype(np.float32)


def join_store_languages(
    store: Any,
    stories: Sequence[Story],
    articles: Sequence[Article],
    options: MultilingualOptions | None = None,
) -> tuple[list[Story], list[Join]]:
    """``join_across_languages`` over stored articles; nothing to do (and no encoder
    loaded) when every article is in one language."""
    if len({language_group(a.language) for a in articles}) < 2:
        return list(stories), []
    annotations = store.get_annotations([a.id for a in articles])
    vectors = lead_vectors(store, articles)
    return join_across_languages(stories, articles, annotations, vectors, options)


def cluster_by_language(
    articles: Sequence[Article],
    vectors: np.ndarray,
    existing: Sequence[Story],
    entities_by_article: Mapping[str, set[str]] | None,
    options: Options,
    evidence: Mapping[str, EventEvidence] | None = None,
) -> list[Story]:
    """The story clustering run within each language apart; stories that span
    languages come only from ``join_across_languages`` afterwards.

    Across languages the clustering's word weights see only shared names ("Kharzan",
    a minister's name) and its English word vectors nothing at all, so pages in
    French, German and Arabic would be glued together on names alone. Within one
    language it is the tool's tested clustering; a corpus in one language takes exactly
    the path it took before. An existing story that spans languages is given to each
    language's run with its articles in that language and put back together by id.
    """
    from newsprism.stories import cluster_stories

    if not options.multilingual.cluster_within_language:
        return cluster_stories(
            articles, vectors, existing, entities_by_article, options.stories, evidence=evidence
        )
    groups: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        groups.setdefault(language_group(a.language), []).append(i)
    if len(groups) < 2:
        return cluster_stories(
            articles, vectors, existing, entities_by_article, options.stories, evidence=evidence
        )
    merged: dict[str, Story] = {}
    order: list[str] = [s.id for s in existing]
    for language in sorted(groups):
        idx = groups[language]
        own = [articles[i] for i in idx]
        ids = {a.id for a in own}
        seeds = [
            dataclasses.replace(s, articles=[x for x in s.articles if x in ids])
            for s in existing
            if any(x in ids for x in s.articles)
        ]
        found = cluster_stories(
            own, vectors[idx], seeds, entities_by_article, options.stories, evidence=evidence
        )
        for story in found:
            held = merged.get(story.id)
            if held is None:
                merged[story.id] = story
                if story.id not in order:
                    order.append(story.id)
                continue
            held.articles += [x for x in story.articles if x not in held.articles]
            held.start = min((d for d in (held.start, story.start) if d), default=None)
            held.end = max((d for d in (held.end, story.end) if d), default=None)
    for story in existing:  # stories none of whose articles were passed stay as they are
        merged.setdefault(story.id, story)
    log.info("clustered %d articles in %d languages apart", len(articles), len(groups))
    return [merged[sid] for sid in order if sid in merged]
