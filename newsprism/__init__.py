"""newsprism: how each outlet covered the same story, claim by claim, with evidence.

The public surface is small: the records (``Article``, ``Story``, ...), the stage
functions of :mod:`newsprism.pipeline`, ``open_store`` and the exceptions. Stage
packages (``newsprism.ingest``, ``newsprism.clean``, ``newsprism.language``,
``newsprism.stories``, ``newsprism.compare``, ``newsprism.report``) can be used alone.
"""

from typing import TYPE_CHECKING, Any

from newsprism.errors import (
    InputError,
    LimitExceeded,
    MissingExtra,
    NewsprismError,
    NotFound,
    OptionsError,
    ServeError,
    StoreError,
)
from newsprism.model import (
    Annotations,
    Article,
    Entity,
    Metadata,
    RawDocument,
    ReadProblem,
    ReusePair,
    Source,
    Story,
)
from newsprism.settings import Options, load_options
from newsprism.store import open_store

if TYPE_CHECKING:
    from newsprism.pipeline import analyze, annotate_store, cluster_store, compare_store, ingest

_PIPELINE = {"analyze", "annotate_store", "cluster_store", "compare_store", "ingest"}


def __getattr__(name: str) -> Any:
    """The stage functions load on first use, so `import newsprism` stays cheap."""
    if name in _PIPELINE:
        from newsprism import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newsprism' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "Annotations",
    "Article",
    "Entity",
    "InputError",
    "LimitExceeded",
    "Metadata",
    "MissingExtra",
    "NewsprismError",
    "NotFound",
    "Options",
    "OptionsError",
    "RawDocument",
    "ReadProblem",
    "ReusePair",
    "ServeError",
    "Source",
    "StoreError",
    "Story",
    "__version__",
    "analyze",
    "annotate_store",
    "cluster_store",
    "compare_store",
    "ingest",
    "load_options",
    "open_store",
]
