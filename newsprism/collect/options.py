"""Limits and manners for collecting pages from the web (``fetch``, ``watch``).

Every default is on the polite side: one request at a time per host, a second apart,
robots.txt always obeyed (it is not an option), a user agent that names newsprism.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1 << 20


@dataclass(slots=True)
class CollectOptions:
    contact: str | None = None  # an address or URL added to the user agent, for site owners
    host_delay_s: float = 1.0  # at least this long between two requests to one host
    host_concurrency: int = 1  # requests in flight to one host at once
    max_concurrency: int = 8  # requests in flight in all
    timeout_s: float = 30.0  # one request, from connecting to its last byte
    max_page_mb: float = 5.0  # a larger answer is dropped, with a problem
    max_redirects: int = 5  # redirects followed for one request
    cross_host_redirects: bool = True  # follow a redirect to another host (each is logged)
    private_redirects: bool = True  # ...also when it leads to a private or loopback address
    retries: int = 3  # more tries after a 429, a 5xx or a broken connection
    backoff_s: float = 2.0  # wait before the first retry; doubles each time
    max_retry_after_s: float = 600.0  # a site asking to wait longer is left for the next run
    max_crawl_delay_s: float = 60.0  # a robots.txt Crawl-delay is honoured up to this
    max_sitemap_urls: int = 5000  # article links taken from one sitemap (and its children)
    max_feed_entries: int = 1000  # article links taken from one feed, first as it lists them
    batch: int = 50  # pages fetched before they are stored and cleaned

    @property
    def max_page_bytes(self) -> int:
        return int(self.max_page_mb * MB)
