"""Screenshot a report page for the README: ``python scripts/screenshot.py [PAGE] [PNG]``.

Run ``bash scripts/example.sh`` first; this opens its widest-covered story's page (or
the page given) in Debian's headless Chromium, the one the browser tests use, and
saves the top of it.
"""

from __future__ import annotations

import json
import struct
import sys
import zlib
from pathlib import Path

from playwright.sync_api import sync_playwright

from newsprism.report.templating import templates_digest

STAMP_KEY = b"newsprism-templates"  # the PNG text chunk holding templates_digest()

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _first_story_page(out: Path = Path("out/example")) -> Path:
    """The index lists the widest-covered story first; its page sits under stories/."""
    index = json.loads((out / "report.json").read_text(encoding="utf-8"))["index"]
    pages = sorted((out / "stories").glob("*/report.json"))
    first = index[0]["id"]
    for page in pages:
        if json.loads(page.read_text(encoding="utf-8"))["id"] == first:
            return (page.parent / "report.html").resolve()
    return (out / "report.html").resolve()


def main() -> None:
    report = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else _first_story_page()
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/report.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1500})
        page.goto(report.as_uri())
        page.screenshot(path=str(out))
        browser.close()
    stamp(out, templates_digest())


def stamp(png: Path, value: str) -> None:
    """Write ``value`` into the PNG as a tEXt chunk right after its header, so the
    picture says which templates drew it (``tests/test_newuser_example_script.py``)."""
    data = png.read_bytes()
    at = 8 + 8 + 13 + 4  # signature, then IHDR: length, type, 13 bytes, CRC
    body = STAMP_KEY + b"\x00" + value.encode("ascii")
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + body) & 0xFFFFFFFF)
    png.write_bytes(data[:at] + chunk + data[at:])


if __name__ == "__main__":
    main()
