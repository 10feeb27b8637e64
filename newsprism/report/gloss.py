"""English glosses of Spanish, Portuguese and French sentences, by Apertium, offline.

Debian's Apertium translates Spanish to English (``spa-eng``), and Portuguese and
French to Spanish (``pt-es``, ``fr-es``), so those two go through Spanish. The English
is rough (rule-based, word order kept) but tells a reader who has no Spanish what a
sentence says. A gloss is always machine translation and is marked so wherever it is
shown; it is never evidence: figures, dates and names are read from the original.
Nothing offline translates German, Indonesian or Arabic here, so they get no gloss.

Apertium is optional (``scripts/install_apertium.sh``): without it, ``gloss`` returns
None and reports say glosses are unavailable.
"""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.lexicon import FOREIGN_LANGUAGES
from newsprism.model import Annotations, Article, Span

log = logging.getLogger(__name__)

PIPELINES: dict[str, tuple[str, ...]] = {
    "es": ("spa-eng",),
    "pt": ("pt-es", "spa-eng"),
    "fr": ("fr-es", "spa-eng"),
}
"""Apertium modes per source language, applied in turn."""

MODE_DIRS = (Path("/usr/share/apertium/modes"), Path("/usr/local/share/apertium/modes"))
MACHINE_TRANSLATION = "machine translation (Apertium), not the outlet's words"


@dataclass(frozen=True, slots=True)
class Gloss:
    """An English rendering of one sentence: machine translation, never evidence."""

    text: str
    language: str  # of the original
    method: str  # "apertium:pt-es+spa-eng"
    note: str = MACHINE_TRANSLATION


@functools.cache
def _installed_modes() -> frozenset[str]:
    if shutil.which("apertium") is None:
        return frozenset()
    return frozenset(p.stem for d in MODE_DIRS if d.is_dir() for p in d.glob("*.mode"))


def gloss_status(language: str | None) -> str | None:
    """None when sentences in ``language`` can be glossed, else why not, in words."""
    if language not in PIPELINES:
        return f"no offline translation for {language or 'this language'}"
    modes = _installed_modes()
    if not modes:
        return "glosses unavailable: Apertium is not installed (scripts/install_apertium.sh)"
    missing = [m for m in PIPELINES[language] if m not in modes]
    if missing:
        return f"glosses unavailable: Apertium mode {', '.join(missing)} is not installed"
    return None


def gloss(
    sentences: Sequence[str], language: str | None, *, timeout_s: float = 60.0
) -> list[Gloss] | None:
    """One English gloss per sentence, in order; None when glossing is unavailable or
    Apertium fails (the failure is logged, never raised: a gloss is an extra)."""
    if gloss_status(language) is not None or language is None:
        return None
    if not sentences:
        return []
    lines = [" ".join(s.split()) or "." for s in sentences]
    text = "\n".join(lines) + "\n"
    modes = PIPELINES[language]
    for mode in modes:
        try:
            done = subprocess.run(
                ["apertium", "-u", "-f", "txt", mode],
                input=text,
                capture_output=True,
                text=True,
                timeout=timeout_s,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("Apertium %s failed: %s", mode, exc)
            return None
        text = done.stdout
    out = text.rstrip("\n").split("\n")
    if len(out) != len(lines):
        log.warning("Apertium returned %d lines for %d sentences", len(out), len(lines))
        return None
    method = "apertium:" + "+".join(modes)
    return [Gloss(t.strip(), language, method) for t in out]


def story_glosses(
    articles: Sequence[Article], annotations: Mapping[str, Annotations]
) -> dict[str, Any]:
    """The ``glosses`` and ``gloss_note`` of a story's comparison: every sentence of its
    Spanish, Portuguese and French articles glossed (one Apertium run per language),
    or, when that cannot be done, a note that says why. Nothing for other stories."""
    from newsprism.compare.claims import lead_to_cut  # a page's date line is not glossed
    from newsprism.compare.records import Gloss as GlossRecord

    by_language: dict[str, list[tuple[str, Span, str]]] = {}
    untranslatable: set[str] = set()
    for article in articles:
        language = article.language
        if language is None or language == "en" or language not in FOREIGN_LANGUAGES:
            continue
        if language not in PIPELINES:
            untranslatable.add(language)
            continue
        ann = annotations.get(article.id)
        spans = [s.span for s in ann.sentences] if ann is not None else []
        rows = by_language.setdefault(language, [])
        for span in spans:
            text = article.text[span[0] : span[1]]
            rows.append((article.id, span, text[lead_to_cut(text) :] or text))
    records: list[GlossRecord] = []
    notes: list[str] = []
    for language, rows in sorted(by_language.items()):
        status = gloss_status(language)
        found = gloss([text for _, _, text in rows], language) if status is None else None
        if found is None:
            notes.append(status or f"glosses unavailable: Apertium failed on {language}")
            continue
        records.extend(
            GlossRecord(art, span, g.text, language, g.method, MACHINE_TRANSLATION)
            for (art, span, _), g in zip(rows, found, strict=True)
        )
    if untranslatable:
        names = ", ".join(FOREIGN_LANGUAGES[c] for c in sorted(untranslatable))
        notes.append(f"no offline translation for {names}: shown in the original only")
    return {"glosses": records, "gloss_note": "; ".join(dict.fromkeys(notes)) or None}
