"""newsprism: how each outlet covered the same story, claim by claim, with evidence.

The public surface is small: the records (``Article``, ``Story``, ...), the stage
functions of :mod:`newsprism.pipeline`, ``open_store`` and the exceptions. Stage
packages (``newsprism.ingest``, ``newsprism.clean``, ``newsprism.language``,
``newsprism.stories``, ``newsprism.compare``, ``newsprism.report``) can be used alone.
"""

from newsprism.errors import (
    InputError,
    LimitExceeded,
    MissingExtra,
    NewsprismError,
    NotFound,
    OptionsError,
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
from newsprism.pipeline import (
    analyze,
    annotate_store,
    cluster_store,
    compare_store,
    ingest,
)
from newsprism.settings import Options, load_options
from newsprism.store import open_store

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
