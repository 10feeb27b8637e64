"""Who published a page: the outlet behind a web address, from a shipped table.

A story table whose columns are file names is unusable, and a wrong outlet is worse
than "unknown": so an outlet is named only from evidence (the input's metadata, the
page's URL, the page's own publisher metadata or copyright line), and an address not
in the table is shown by its registered domain, never guessed into a name.
"""

from __future__ import annotations

from newsprism.sources.domains import host_of, registered_domain
from newsprism.sources.outlets import OutletEntry, OutletTable, load_outlets

__all__ = ["OutletEntry", "OutletTable", "host_of", "load_outlets", "registered_domain"]
