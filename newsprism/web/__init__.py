"""The local web app over a newsprism store (read-only, loopback by default)."""

from newsprism.web.app import create_app, listen, run_app, serve

__all__ = ["create_app", "listen", "run_app", "serve"]
