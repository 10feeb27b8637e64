"""Registered domains from URLs, with the public-suffix list and no network.

"news.bbc.co.uk" belongs to "bbc.co.uk" and "foo.blogspot.com" to itself: only the
public-suffix list knows where the registrable part starts, so a maintained library
reads it (tldextract, from the snapshot it ships: it is never updated over the
network at run time and writes no cache).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit


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


def host_of(url: str | None) -> str | None:
    """The lower-case host of a web address without "www.", or None when it has none."""
    if not url:
        return None
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
