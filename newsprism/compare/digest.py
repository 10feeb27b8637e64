"""A short neutral digest: the most corroborated facts first, each with its source.

Extractive only: every digest line is a sentence some outlet printed, cited by span.
Loaded labels inside it are shown replaced by the wording most outlets use for the
same actor (``neutral_text``), with each replacement recorded; ``text`` stays the
verbatim source sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from newsprism.compare.evidence import evidence
from newsprism.compare.facts import Fact
from newsprism.model import Article, Span


def build_digest(
    facts: Sequence[Fact],
    articles: Mapping[str, Article],
    neutral_of: Mapping[tuple[str, Span], str],
    size: int,
) -> list[dict[str, Any]]:
    chosen = [f for f in facts if f.independent >= 2][:size]
    if len(chosen) < size:
        chosen += [f for f in facts if f.independent < 2][: size - len(chosen)]
    out = []
    for fact in chosen:
        rec = fact.record
        art_id, span = rec["article"], (rec["span"][0], rec["span"][1])
        item = evidence(articles, art_id, span)
        replacements = []
        neutral = item["text"]
        for (lab_art, lab_span), name in sorted(neutral_of.items(), key=lambda kv: -kv[0][1][0]):
            if lab_art != art_id or not (span[0] <= lab_span[0] and lab_span[1] <= span[1]):
                continue
            original = articles[art_id].text[lab_span[0] : lab_span[1]]
            if original.lower().rstrip("s") == name.lower().rstrip("s"):
                continue
            rel = (lab_span[0] - span[0], lab_span[1] - span[0])
            neutral = neutral[: rel[0]] + name + neutral[rel[1] :]
            replacements.append(
                {"article": art_id, "span": list(lab_span), "text": original, "replacement": name}
            )
        item.update(
            support=max(1, rec["independent_support"]),
            outlets=rec["outlets"],
            fact=rec["id"],
            neutral_text=neutral,
            replacements=sorted(replacements, key=lambda r: r["span"][0]),
        )
        out.append(item)
    return out
