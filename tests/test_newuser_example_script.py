"""``scripts/example.sh`` as a new user runs it: it says what each long step is before
it starts, and it installs nothing system-wide (no sudo, no apt) behind their back; and
the README's screenshot of its report was made from today's report templates.

The script itself is not run here (it installs into a fresh .venv, minutes of pip):
its text is read, and the shell checks its syntax.
"""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

from newsprism.report.templating import templates_digest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
LONG_STEPS = ("scripts/setup.sh", "newsprism analyze")


def commands(script: Path) -> list[str]:
    """The script's lines that do something (comments and blank lines dropped)."""
    text = re.sub(r"\\\n\s*", " ", script.read_text(encoding="utf-8"))  # join continuations
    lines = [ln.strip() for ln in text.splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("#")]


def test_example_and_setup_parse_and_never_call_sudo_or_apt() -> None:
    for name in ("example.sh", "setup.sh"):
        script = SCRIPTS / name
        subprocess.run(["bash", "-n", str(script)], check=True)
        for line in commands(script):
            if line.startswith("echo"):
                continue
            assert not re.search(r"\b(sudo|apt-get|apt|install_apertium\.sh)\b", line), line


def test_every_long_step_of_the_example_is_announced_first() -> None:
    lines = commands(SCRIPTS / "example.sh")
    for step in LONG_STEPS:
        at = next(i for i, ln in enumerate(lines) if step in ln and not ln.startswith("echo"))
        before = [ln for ln in lines[:at] if ln.startswith("echo")]
        assert before, f"nothing is said before {step}"
    said = " ".join(ln for ln in lines if ln.startswith("echo"))
    assert "glosses" in said and "install_apertium.sh" in said


def png_text(png: Path) -> dict[bytes, bytes]:
    """The tEXt chunks of a PNG file, key -> value."""
    data, at, found = png.read_bytes(), 8, {}
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"tEXt":
            key, _, value = body.partition(b"\x00")
            found[key] = value
        at += 12 + length
    return found


def test_the_readme_screenshot_was_made_from_todays_report_templates() -> None:
    stamp = png_text(ROOT / "docs" / "report.png").get(b"newsprism-templates")
    assert stamp is not None, "docs/report.png has no stamp: run scripts/screenshot.py"
    assert stamp.decode() == templates_digest(), (
        "the report's templates changed since docs/report.png was made: "
        "bash scripts/example.sh && python scripts/screenshot.py"
    )
