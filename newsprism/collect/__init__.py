"""Collect coverage from the web: pages, feeds and sitemaps, politely (``fetch``, ``watch``).

``client`` is the polite HTTP client (robots.txt, pacing per host, retries, limits),
``discover`` finds article links in feed lists, feeds and sitemaps, ``run`` stores
what was fetched through the same path as files and polls feeds for ``watch``.
Nothing is imported here so that reading options never loads an HTTP client.
"""
