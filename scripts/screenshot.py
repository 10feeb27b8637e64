"""Screenshot a report page for the README: ``python scripts/screenshot.py [REPORT] [PNG]``.

Run ``bash scripts/example.sh`` first; this opens its report in Debian's headless
Chromium (the one the browser tests use) and saves the top of the page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    report = Path(sys.argv[1] if len(sys.argv) > 1 else "out/example/report.html").resolve()
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/report.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1500})
        page.goto(report.as_uri())
        page.screenshot(path=str(out))
        browser.close()


if __name__ == "__main__":
    main()
