#!/usr/bin/env bash
# Create .venv and install newsprism into it. Usage: scripts/setup.sh [EXTRAS]
# Idempotent: a second run only checks that everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# shellcheck disable=SC1091
. .venv/bin/activate
spec="."
[ -n "$extras" ] && spec=".[$extras]"
python -m pip install --quiet --disable-pip-version-check -e "$spec"
# Nothing system-wide here: Apertium (optional English glosses) is scripts/install_apertium.sh,
# which test.sh runs and example.sh suggests.
