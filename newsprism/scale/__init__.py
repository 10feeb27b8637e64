"""Scale-out: the same pipeline stages on a Dask cluster, over a shared PostgreSQL store.

``executor.py`` runs the local run's stages partitioned over a cluster, ``tasks.py`` is
what one task does (calling the same partition functions as ``pipeline.py``),
``inputs.py`` shards the input plan of ``ingest/plan.py``, ``windows.py`` bounds
grouping work by time. Needs the ``scale`` extra (``pip install 'newsprism[scale]'``);
importing without it raises ``MissingExtra`` with that hint.
"""

from newsprism.scale.executor import run_distributed
from newsprism.scale.inputs import InputFile, InputPlan, plan_inputs, shard_files

__all__ = ["InputFile", "InputPlan", "plan_inputs", "run_distributed", "shard_files"]
