"""One page, one address: the canonical form of a URL that keys an article.

A feed links "…/story?utm_source=rss&utm_medium=feed", the sitemap "…/story", a share
button "…/story?fbclid=…#comments": one page, and its versions must line up under one
key. courlan (installed with trafilatura, kept up by its author) normalises the address
(scheme and host lower case, the default port dropped, the path's escapes made uniform)
and knows the tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ``mc_*`` …); the
query that is left is sorted so its order does not matter, and the fragment, which
never selects another page from a server, is dropped.

Its tracker pattern also takes ``cid``, ``eid`` and ``uid``, names some publishing
systems give the page's own id ("article.php?cid=1042"): two stories merged into one
article would hide one of them, which is worse than a duplicate, so those stay.
Anything that is not an http(s) address (a file path, a record label) is its own key.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

PAGE_ID_PARAMETERS = frozenset({"cid", "eid", "uid"})  # caught by courlan's pattern, kept


def is_tracking_parameter(name: str) -> bool:
    """Whether a query parameter only says where a reader came from."""
    from courlan.clean import TRACKERS_RE

    folded = name.lower()
    return folded not in PAGE_ID_PARAMETERS and bool(TRACKERS_RE.search(folded))


@lru_cache(maxsize=65536)
def canonical_url(url: str) -> str:
    """The address that identifies the page ``url`` shows; ``url`` itself when it is no
    http(s) address."""
    from courlan import normalize_url

    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return url
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_parameter(k)
    )
    base = urlsplit(normalize_url(urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))))
    path = base.path or ("/" if query else "")
    return urlunsplit((base.scheme, base.netloc, path, urlencode(query), ""))
