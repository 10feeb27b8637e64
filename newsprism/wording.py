"""How counts read in every table and line a user sees: "1 article", "3 articles".

One home for the plural rule, shared by the HTML templates (the ``counted`` filter),
the Markdown report and the CLI, so no page prints "1 outlets" while another gets it
right.
"""

from __future__ import annotations


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one ("1 story", "0 stories")."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"
