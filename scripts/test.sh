#!/usr/bin/env bash
# The whole test suite, from a fresh machine: install, lint, test.
# Installs the test and bench extras, Debian's chromium (browser tests), postgresql
# (the shared-store tests) and Apertium (English glosses) when they are missing; the tests
# themselves start a throwaway PostgreSQL server. Lint is ruff and mypy --strict on
# newsprism/, in both modes.
#   bash scripts/test.sh            everything (what CI runs)
#   bash scripts/test.sh --fast     skip tests marked slow (processes, Dask, PostgreSQL,
#                                   Chromium, whole-pipeline runs, benchmark samples): the
#                                   edit loop, every language/stories/compare rule included
# Other arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
fast=()
if [ "${1:-}" = "--fast" ]; then
  fast=(-m "not slow")
  shift
fi
bash scripts/setup.sh test,bench
. .venv/bin/activate
for script in scripts/install_browser.sh scripts/install_postgres.sh scripts/install_apertium.sh; do
  [ -f "$script" ] && bash "$script"
done
ruff check newsprism tests benchmarks
ruff format --check newsprism tests benchmarks
mypy  # strict on newsprism/ ([tool.mypy] in pyproject.toml)
set +e
python -m pytest -q -p no:cacheprovider "${fast[@]}" "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "no tests were collected"; exit 1
fi
exit "$status"
