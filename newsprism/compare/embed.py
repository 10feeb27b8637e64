"""Sentence vectors for alignment: the shared loader, so compare and stories hold one
copy of each model per process."""

from newsprism.embedders import Embedder, get_embedder

__all__ = ["Embedder", "get_embedder"]
