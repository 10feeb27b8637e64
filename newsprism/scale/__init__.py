"""Scale-out: the same pipeline stages on a Dask cluster, over a shared PostgreSQL store.

Needs the ``scale`` extra (``pip install 'newsprism[scale]'``); importing without it
raises ``MissingExtra`` with that hint.
"""

from newsprism.scale.executor import run_distributed
from newsprism.scale.inputs import InputFile, InputPlan, plan_inputs, shard_files

__all__ = ["InputFile", "InputPlan", "plan_inputs", "run_distributed", "shard_files"]
