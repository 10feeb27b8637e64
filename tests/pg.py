"""A live PostgreSQL server on loopback for tests: real server, real SQL, no stand-ins.

Use it from a test module with ``pg_server = pg.pg_server`` and ``pg_url = pg.pg_url``
(module attributes are how pytest finds fixtures without a conftest).

``pg_server`` (session) starts a throwaway cluster with scripts/start_postgres.sh in
a temporary directory and stops it at the end; set NEWSPRISM_TEST_PG_URL to use a
server you run yourself (a CI service container) instead. ``pg_url`` (per test)
creates a fresh, empty database on that server, so tests never see each other's rows.

Where PostgreSQL cannot be installed the tests are skipped with the reason, except
under CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "start_postgres.sh"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of the server's maintenance database (``postgres``)."""
    given = os.environ.get("NEWSPRISM_TEST_PG_URL")
    if given:
        yield given
        return
    workdir = tempfile.mkdtemp(prefix="newsprism-pg-")
    done = subprocess.run(
        ["bash", str(SCRIPT), workdir, "postgres"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode != 0:
        shutil.rmtree(workdir, ignore_errors=True)
        _unavailable(f"{SCRIPT.name} exited {done.returncode}: {done.stderr.strip()[-500:]}")
    try:
        yield done.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(SCRIPT), "--stop", workdir], capture_output=True, check=False)
        shutil.rmtree(workdir, ignore_errors=True)


def create_database(server_url: str) -> str:
    """A new empty database on the server; returns its URL."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base = server_url.rsplit("/", 1)[0]
    return f"{base}/{name}"


def drop_database(server_url: str, url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    url = create_database(pg_server)
    try:
        yield url
    finally:
        drop_database(pg_server, url)
