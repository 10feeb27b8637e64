#!/usr/bin/env bash
# Install Debian's PostgreSQL server binaries for the shared-store tests (idempotent).
# The tests start their own throwaway server on loopback; nothing is started here.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "install_postgres: not root; PostgreSQL tests will be skipped unless CI=true" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq postgresql >/dev/null
