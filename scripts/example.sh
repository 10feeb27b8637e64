#!/usr/bin/env bash
# The main job on the bundled example corpus: files in examples/corpus -> reports in out/example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
rm -f out/example.db
newsprism analyze examples/corpus --db out/example.db --out out/example "$@"
echo "open out/example/report.html in a browser, or run: .venv/bin/newsprism serve --db out/example.db"
