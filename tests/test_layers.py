"""Only the language layer reads the parse: every other stage reads its records.

A module outside ``newsprism/language/`` that walks spaCy tokens (their dependency,
part of speech, tag, lemma, head, children, subtree ...) holds a reading of the text
that has no record, no benchmark and no reader for other languages. The modules that
still do are listed in ``STILL_READ_THE_PARSE``; the list may only shrink: a module
that stops reading the parse must leave it, and no module may join it. A record field
that happens to share a token attribute's name (``head``, ``children``) should be
named for what it holds instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

import newsprism

PACKAGE = Path(newsprism.__file__).parent

# The attributes of spaCy tokens, spans and docs that carry the parse.
PARSE_ATTRIBUTES = frozenset(
    {
        "dep_",
        "pos_",
        "tag_",
        "lemma_",
        "morph",
        "ent_type_",
        "head",
        "children",
        "subtree",
        "lefts",
        "rights",
        "left_edge",
        "right_edge",
        "ancestors",
        "noun_chunks",
        "char_span",
    }
)

# Modules outside language/ that still read the parse (to be moved, never added to).
STILL_READ_THE_PARSE = frozenset(
    {
        "compare/claims.py",
        "compare/facts.py",
        "compare/framing.py",
        "compare/numbers.py",
        "compare/people.py",
    }
)


# Modules outside language/ that import spaCy: those above, and the story context that
# holds the kept parses for them.
STILL_IMPORT_SPACY = STILL_READ_THE_PARSE | {"compare/context.py"}


def imports_spacy(source: str) -> bool:
    """Whether ``source`` imports spaCy (or any of its modules), at any depth."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import) and any(
            a.name.split(".")[0] == "spacy" for a in node.names
        ):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "spacy":
            return True
    return False


def parse_reads(source: str) -> dict[str, int]:
    """How often each parse attribute is read in ``source``."""
    counts: dict[str, int] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in PARSE_ATTRIBUTES:
            counts[node.attr] = counts.get(node.attr, 0) + 1
    return counts


def _outside_language() -> dict[str, str]:
    """The source of every module outside ``language/``, by path in the package."""
    out: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if not name.startswith("language/"):
            out[name] = path.read_text(encoding="utf-8")
    return out


def modules_reading_the_parse() -> dict[str, dict[str, int]]:
    """Every module outside ``language/`` that reads the parse, by path in the package."""
    reads = {name: parse_reads(source) for name, source in _outside_language().items()}
    return {name: counts for name, counts in reads.items() if counts}


def test_the_attribute_counter_sees_token_reads_and_nothing_else() -> None:
    source = (
        "def f(tok, doc, row):\n"
        "    if tok.dep_ == 'nsubj' and tok.head.lemma_ == 'say':\n"
        "        return [w.i for w in tok.subtree]\n"
        "    return row.text, doc.text, row.header\n"
    )
    assert parse_reads(source) == {"dep_": 1, "head": 1, "lemma_": 1, "subtree": 1}


def test_no_module_outside_the_language_layer_reads_the_parse() -> None:
    found = modules_reading_the_parse()
    joined = sorted(set(found) - STILL_READ_THE_PARSE)
    assert not joined, f"read the parse outside language/ (make a record there): {joined}"


def test_the_list_of_modules_still_reading_the_parse_only_shrinks() -> None:
    found = modules_reading_the_parse()
    left = sorted(STILL_READ_THE_PARSE - set(found))
    assert not left, f"no longer read the parse: remove them from STILL_READ_THE_PARSE: {left}"


def test_the_import_finder_sees_spacy_at_any_depth() -> None:
    assert imports_spacy("def f():\n    from spacy.tokens import Doc\n")
    assert imports_spacy("import spacy.util as u\n")
    assert not imports_spacy("from newsprism.language import spacy_reader\n")


def test_only_the_modules_allowed_import_spacy_outside_the_language_layer() -> None:
    found = {name for name, source in _outside_language().items() if imports_spacy(source)}
    assert not sorted(found - STILL_IMPORT_SPACY), "import spaCy outside language/"
    left = sorted(STILL_IMPORT_SPACY - found)
    assert not left, f"no longer import spaCy: remove them from STILL_IMPORT_SPACY: {left}"
