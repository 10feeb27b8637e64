"""The local web app over a newsprism store (read-only, loopback by default).

``app.py`` holds the routes and renders the report's own views and templates;
``catalog.py`` caches the story list and outlet pages; ``story_parts.py`` is what a
big story page loads on demand; ``backend.py`` is the only per-backend code (query
time limits, noticing changes); ``security.py`` and ``errors.py`` keep responses inert
and tracebacks out. The app is typed against the ``Store`` protocol.
"""

from newsprism.web.app import create_app, listen, run_app, serve

__all__ = ["create_app", "listen", "run_app", "serve"]
