#!/bin/sh
# Install Debian's Apertium and the language pairs newsprism glosses with (Spanish,
# Portuguese and French to English), only when one is missing. Idempotent and silent
# when they are there. Glosses are optional: without Apertium everything else works
# and reports say glosses are unavailable, so a failed install is a warning, not an error.
set -eu
PAIRS="apertium-eng-spa apertium-es-pt apertium-fr-es"
missing=""
command -v apertium >/dev/null 2>&1 || missing="apertium"
for pkg in $PAIRS; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $pkg"
done
if [ -z "$missing" ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
echo "installing Apertium for English glosses: ${SUDO:+sudo }apt-get install$missing" >&2
if ! { $SUDO apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        apertium $PAIRS >/dev/null; }; then
    echo "warning: Apertium could not be installed; reports will say glosses are unavailable" >&2
fi
exit 0
