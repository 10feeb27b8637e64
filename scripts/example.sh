#!/usr/bin/env bash
# The main job on the bundled example corpus: files in examples/corpus -> reports in out/example.
# Says what it is doing at each step; installs nothing system-wide (no sudo): Apertium,
# which adds English glosses of Spanish, Portuguese and French, is optional.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "[1/2] installing newsprism into .venv (pip; a few minutes the first time, seconds after)"
bash scripts/setup.sh
. .venv/bin/activate
if ! command -v apertium >/dev/null 2>&1; then
  echo "      Apertium is not installed: English glosses of es/pt/fr text are off" \
       "(bash scripts/install_apertium.sh turns them on; it uses sudo apt-get)"
fi
echo "[2/2] analyzing examples/corpus into out/example (loading the language models, then" \
     "one progress bar per stage)"
rm -f out/example.db
newsprism analyze examples/corpus --db out/example.db --out out/example "$@"
echo "open out/example/report.html in a browser, or run: .venv/bin/newsprism serve --db out/example.db"
