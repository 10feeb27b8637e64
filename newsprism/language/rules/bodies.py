"""Government bodies named by their portfolio, in every language.

A ministry is an actor the outlets name in their own language: "the Interior Ministry",
"le ministère de l'Intérieur", "el Ministerio marroquí del Interior", "وزارة الداخلية".
No name resolution joins these (they are translations, not spellings), so each is read
as a label with the portfolio as its key (``lexicon.PORTFOLIOS``): framing shows every
outlet's words for the one ministry in one row. The body noun and its portfolio must
stand in one phrase, at most ``BODY_REACH`` words apart with no punctuation between.
"""

from __future__ import annotations

from newsprism.language.rules.words import Token, tokens, variants
from newsprism.lexicon import BODY_REACH, BODY_WORDS, PORTFOLIOS
from newsprism.model import ActorLabel

_JOINING = frozenset({"", "'", "’"})


def body_labels(text: str, language: str | None) -> list[ActorLabel]:
    """Each phrase naming a ministry by its portfolio, with ``key`` "ministry:<portfolio>"."""
    lang = language or "en"
    bodies = BODY_WORDS.get(lang)
    if not bodies:
        return []
    portfolio_of = {w: p for p, words in PORTFOLIOS.items() for w in words.get(lang, ())}
    toks = tokens(text)
    out: list[ActorLabel] = []
    taken = -1
    for i, tok in enumerate(toks):
        if i <= taken:
            continue
        forms = variants(tok.folded)
        compound = _compound(tok.folded, bodies, portfolio_of) if lang == "de" else None
        if compound:
            out.append(_label(text, tok, tok, compound))
            continue
        if not any(f in bodies for f in forms):
            continue
        found = _portfolio(toks, i, text, portfolio_of)
        if found is not None:
            j, portfolio = found
            first, last = (toks[j], tok) if j < i else (tok, toks[j])
            out.append(_label(text, first, last, portfolio))
            taken = max(i, j)
    return out


def _label(text: str, first: Token, last: Token, portfolio: str) -> ActorLabel:
    span = (first.span[0], last.span[1])
    return ActorLabel(span, text[span[0] : span[1]], span, "body", f"ministry:{portfolio}")


def _compound(folded: str, bodies: frozenset[str], portfolio_of: dict[str, str]) -> str | None:
    """ "Innenministerium": the portfolio written onto the body noun."""
    for body in bodies:
        if folded.endswith(body) and len(folded) > len(body):
            prefix = folded[: -len(body)].rstrip("-")
            return portfolio_of.get(prefix) or portfolio_of.get(prefix.rstrip("s"))
    return None


def _portfolio(
    toks: list[Token], i: int, text: str, portfolio_of: dict[str, str]
) -> tuple[int, str] | None:
    """The portfolio word after the body noun (or just before it: "Interior Ministry")."""
    for j in range(i + 1, min(len(toks), i + 1 + BODY_REACH)):
        if text[toks[j - 1].span[1] : toks[j].span[0]].strip() not in _JOINING:
            break
        hit = next((portfolio_of[f] for f in variants(toks[j].folded) if f in portfolio_of), None)
        if hit:
            return j, hit
    if i > 0 and text[toks[i - 1].span[1] : toks[i].span[0]].strip() in _JOINING:
        hit = next(
            (portfolio_of[f] for f in variants(toks[i - 1].folded) if f in portfolio_of), None
        )
        if hit:
            return i - 1, hit
    return None
