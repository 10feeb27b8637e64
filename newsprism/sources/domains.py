"""Registered domains from URLs, with the public-suffix list and no network.

"news.bbc.co.uk" belongs to "bbc.co.uk" and "foo.blogspot.com" to itself: only the
public-suffix list knows where the registrable part starts, so a maintained library
reads it (tldextract, from the snapshot it ships: it is never updated over the
network at run time and writes no cache).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

# A Wayback Machine capture names the page it holds: "https://web.archive.org/web/
# 20170102030405/http://www.kcra.com/article/x". The outlet is the captured page's.
_WAYBACK = re.compile(
    r"^(?:https?://)?(?:web\.|wayback\.)?archive\.org/web/\d+[a-z_]*/+(?P<inner>.+)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _extractor() -> Any:
    """tldextract on its bundled list (imported on first use: it pulls in requests)."""
    import tldextract

    return tldextract.TLDExtract(
        cache_dir=None,
        suffix_list_urls=(),
        fallback_to_snapshot=True,
        include_psl_private_domains=True,
    )


def original_url(url: str) -> str:
    """The captured page's address for a Wayback Machine capture, else ``url`` itself."""
    m = _WAYBACK.match(url.strip())
    if m is None:
        return url
    inner = m.group("inner")
    if inner.startswith(("http:/", "https:/")) and "://" not in inner:
        inner = inner.replace(":/", "://", 1)  # "http:/example.com" as some captures write it
    return inner if "://" in inner else "http://" + inner


def host_of(url: str | None) -> str | None:
    """The lower-case host of a web address without "www.", or None when it has none;
    for a Wayback Machine capture, the host of the page it captured."""
    if not url:
        return None
    url = original_url(url)
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    return host[4:] if host.startswith("www.") and host.count(".") > 1 else host


@lru_cache(maxsize=4096)
def registered_domain(url: str | None) -> str | None:
    """ "bbc.co.uk" for "https://news.bbc.co.uk/x"; the bare host for an IP address or a
    name with no public suffix ("localhost"); None when the address has no host."""
    host = host_of(url)
    if host is None:
        return None
    parts = _extractor()(host)
    if parts.suffix and parts.domain:
        return f"{parts.domain}.{parts.suffix}"
    return host
