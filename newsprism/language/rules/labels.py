"""The words an outlet puts around a name, read by rule in the languages without a parser.

Three places tie a description to a name without any parse: a title before it, opened
by an article ("l'ancien président Anders Brandt", "der frühere Präsident Anders
Brandt") or written bare ("Milizenchef Oren Volkov"); an apposition set off by
a comma on either side ("Anders Brandt, expresidente de Velmora,", "El jefe de la
milicia, Oren Volkov"); and a predicate ("Brandt ist der erste ...
Ex-US-Präsident"). A phrase counts only when it holds a role noun of the language
(``lexicon.LABEL_TITLE_WORDS``) and no word that opens a clause or an adverbial, so
"la police a arrêté Anders Brandt" gives no label. A phrase opened by a determiner fused
with a preposition ("du magnat") is the complement of a larger phrase, not a title of
the name after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from newsprism.language.rules.words import Token, tokens
from newsprism.lexicon import (
    HONORIFICS,
    LABEL_BREAK_WORDS,
    LABEL_COMPLEMENT_DETERMINERS,
    LABEL_COPULAS,
    LABEL_DETERMINERS,
    LABEL_OF_WORDS,
    LABEL_TITLE_ENDINGS,
    LABEL_TITLE_WORDS,
)
from newsprism.model import ActorLabel, LabelKind, Mention, Sentence

MAX_LABEL_WORDS = 8  # a longer run is a clause, not a description
_JOINING = frozenset({"'", "’"})  # "l'ancien": the apostrophe joins, it does not end


def is_title_word(folded: str, language: str) -> bool:
    """A role noun of the language, or a compound or prefixed form ending in one."""
    words = LABEL_TITLE_WORDS.get(language, frozenset())
    for ending in LABEL_TITLE_ENDINGS:
        stem = folded[: len(folded) - len(ending)] if ending else folded
        if ending and not folded.endswith(ending):
            continue
        if any(stem == w or (stem.endswith(w) and len(stem) > len(w) + 1) for w in words):
            return True
    return False


def leading_titles(words: Sequence[str], language: str) -> int:
    """How many of a capitalised run's first words are titles ("Milizenchef Oren
        Volkov" starts with one); the rest is the name. A run of titles alone
    ("Ex-US-Präsident") is no name at all."""
    n = 0
    while n < len(words) and is_title_word(words[n], language):
        n += 1
    return n


def read_labels(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], language: str
) -> list[ActorLabel]:
    """Labels of the named mentions, in text order, one per phrase."""
    if language not in LABEL_DETERMINERS:
        return []
    out: dict[tuple[int, int], ActorLabel] = {}
    starts = frozenset(m.span[0] for m in mentions)
    dets = LABEL_DETERMINERS.get(language, frozenset())
    nouns: set[str] = set()
    for sent in sentences:
        toks = tokens(text[sent.span[0] : sent.span[1]], sent.span[0])
        nouns.update(b.text for a, b in pairwise(toks) if a.folded in dets)
    ends = [m.span for m in mentions]
    for sent in sentences:
        toks = tokens(text[sent.span[0] : sent.span[1]], sent.span[0])
        named = frozenset(t.span[0] for t in toks if any(s <= t.span[0] < e for s, e in ends))
        inside = [
            m
            for m in mentions
            if sent.span[0] <= m.span[0]
            and m.span[1] <= sent.span[1]
            and _actor(m, nouns, language)
        ]
        for m in inside:
            first = next((i for i, t in enumerate(toks) if t.span[0] >= m.span[0]), None)
            last = max((i for i, t in enumerate(toks) if t.span[1] <= m.span[1]), default=None)
            if first is None or last is None or last < first:
                continue
            found: list[tuple[list[Token], LabelKind]] = [
                (_before(toks, first, text, language, named), "title"),
                (_after(toks, last, text, language, starts), "apposition"),
                (_predicate(toks, last, text, language), "predicate"),
            ]
            for phrase, kind in found:
                if not phrase:
                    continue
                if _plural_title(phrase, language):
                    continue  # "les deux autres candidats Brandt et Lind": a list's head
                if _gap(text, phrase[-1], toks[first]) == "," and kind == "title":
                    kind = "apposition"
                span = (phrase[0].span[0], phrase[-1].span[1])
                out.setdefault(span, ActorLabel(span, text[span[0] : span[1]], m.span, kind))
    for lab in _descriptions(text, sentences, list(out.values()), ends, language):
        out.setdefault(lab.span, lab)
    return sorted(out.values(), key=lambda lab: lab.span)


def _descriptions(
    text: str,
    sentences: Sequence[Sentence],
    labels: Sequence[ActorLabel],
    names: Sequence[tuple[int, int]],
    language: str,
) -> list[ActorLabel]:
    """A title the article has given one actor, used again alone ("el expresidente de
    Velmora Anders Brandt" ... "la inocencia del expresidente"): that actor's label.
    The title word must be the one written before (not a shorter one: "el presidente" is
    not "el expresidente"), given earlier in the article, and to one actor only."""
    holders: dict[str, set[str]] = {}
    actor_of: dict[str, tuple[int, int]] = {}
    first: dict[str, int] = {}  # where the article first gave the title
    for lab in labels:
        holder = text[lab.actor[0] : lab.actor[1]].split()[-1]
        for tok in tokens(lab.text):
            if is_title_word(tok.folded, language):
                holders.setdefault(tok.folded, set()).add(holder)
                actor_of[tok.folded] = lab.actor
                first[tok.folded] = min(first.get(tok.folded, lab.span[0]), lab.span[0])
    dets = LABEL_DETERMINERS.get(language, frozenset())
    of = LABEL_OF_WORDS.get(language, frozenset()) | LABEL_COMPLEMENT_DETERMINERS.get(
        language, frozenset()
    )
    taken = [lab.span for lab in labels]
    out: list[ActorLabel] = []
    for sent in sentences:
        toks = tokens(text[sent.span[0] : sent.span[1]], sent.span[0])
        for i, tok in enumerate(toks[:-1]):
            if tok.folded not in dets:
                continue
            k = next(
                (
                    j
                    for j in range(i + 1, min(i + 4, len(toks)))
                    if len(holders.get(toks[j].folded, ())) == 1
                ),
                None,
            )
            if k is None or any(
                not _joined(text, toks[j - 1], toks[j]) for j in range(i + 1, k + 1)
            ):
                continue
            if any(t.folded in of or t.folded in dets for t in toks[i + 1 : k]):
                continue  # "la inocencia del expresidente": the innocence is no title
            if first[toks[k].folded] > tok.span[0]:
                continue  # the title is given later: "el ex mandatario" is someone before
            end = k
            if (
                end + 2 < len(toks)
                and toks[end + 1].folded in of
                and toks[end + 2].text[:1].isupper()
            ):
                end += 2  # "l'ex-président des Etats-Unis"
                while (
                    end + 1 < len(toks)
                    and toks[end + 1].text[:1].isupper()
                    and _joined(text, toks[end], toks[end + 1])
                ):
                    end += 1
            phrase = toks[i + 1 : end + 1]
            if not _valid(phrase, language) or not _titled_early(phrase, language):
                continue
            span = (phrase[0].span[0], phrase[-1].span[1])
            head = (span[0], toks[k].span[1])  # the complement may hold a name: "des Etats-Unis"
            if any(s < span[1] and span[0] < e for s, e in taken) or any(
                s < head[1] and head[0] < e for s, e in names
            ):
                continue  # a title before a name, or a name itself
            nxt = toks[end + 1] if end + 1 < len(toks) else None
            if nxt is not None and _joined(text, phrase[-1], nxt) and nxt.text[:1].isupper():
                continue  # runs on into a name the reader did not take for one
            taken.append(span)
            actor = actor_of[toks[k].folded]
            out.append(ActorLabel(span, text[span[0] : span[1]], actor, "description"))
    return out


def _actor(m: Mention, nouns: set[str], language: str) -> bool:
    """German writes every noun capitalised, so a one-word run there ("Passagierliste")
    is taken for a name only when the article never writes it after an article ("auf
    der Passagierliste"), as it writes a noun and seldom a name."""
    return language != "de" or " " in m.text or m.text not in nouns


def _gap(text: str, a: Token, b: Token) -> str:
    return text[a.span[1] : b.span[0]].strip()


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = _gap(text, a, b)
    return not gap or gap in _JOINING


def _before(
    toks: Sequence[Token], first: int, text: str, language: str, named: frozenset[int]
) -> list[Token]:
    """The title or apposition written before the name at ``first``."""
    end = first - 1
    if end < 0:
        return []
    comma = _gap(text, toks[end], toks[first]) == ","
    if not comma and _gap(text, toks[end], toks[first]) not in ("", *_JOINING):
        return []
    start = end
    while (
        start > 0 and end - start < MAX_LABEL_WORDS and _joined(text, toks[start - 1], toks[start])
    ):
        start -= 1
    window = list(toks[start : end + 1])
    dets = LABEL_DETERMINERS.get(language, frozenset())
    fused = LABEL_COMPLEMENT_DETERMINERS.get(language, frozenset())
    of = LABEL_OF_WORDS.get(language, frozenset())
    for k in range(len(window) - 1, -1, -1):
        word = window[k].folded
        if word not in dets:
            continue
        phrase = window[k + 1 :]
        if comma:  # an apposition: the nearest phrase that is one, complement or not
            if _valid(phrase, language) and _titled_early(phrase, language):
                return phrase
            continue
        complement = word in fused or (k > 0 and window[k - 1].folded in of)
        if language == "de" and word in ("der", "des") and k > 0:
            complement = complement or window[k - 1].text[:1].isupper()  # a genitive
        if complement:
            continue
        ok = _valid(phrase, language) and _ends_titled(phrase, language, named)
        return phrase if ok and _titled_early(phrase, language) else []
    # no article: the title words written right before the name ("Korva-Chef X")
    k = len(window)
    while k > 0 and is_title_word(window[k - 1].folded, language):
        k -= 1
    phrase = window[k:]
    return phrase if _valid(phrase, language) else []


def _titled_early(phrase: Sequence[Token], language: str) -> bool:
    """The role noun comes first, after at most two modifiers ("ancien président"):
    "la mediación del presidente", "le sort du président" are no president."""
    first = next((i for i, t in enumerate(phrase[:3]) if is_title_word(t.folded, language)), None)
    if first is None:
        return False
    joins = (
        LABEL_OF_WORDS.get(language, frozenset())
        | LABEL_DETERMINERS.get(language, frozenset())
        | LABEL_COMPLEMENT_DETERMINERS.get(language, frozenset())
    )
    return not any(t.folded in joins for t in phrase[:first])


def _ends_titled(phrase: Sequence[Token], language: str, named: frozenset[int]) -> bool:
    """What follows the last role noun of a title written before a name: at most one
    modifier ("l'ex-président américain"), or a complement that is itself a whole name
    ("expresidente de Velmora Anders Brandt"). A complement ending in a common
    word is the name's own phrase: in "el líder del Grupo Korva", the name is the
    group's, not the leader's; "los fiscales acusan a Brandt" is a clause."""
    of = LABEL_OF_WORDS.get(language, frozenset()) | LABEL_COMPLEMENT_DETERMINERS.get(
        language, frozenset()
    )
    of |= LABEL_DETERMINERS.get(language, frozenset())  # "die Chefs der Söldner X"
    last = max((i for i, t in enumerate(phrase) if is_title_word(t.folded, language)), default=-1)
    if last < 0:
        return False
    rest = phrase[last + 1 :]
    if not any(t.folded in of for t in rest):
        return len(rest) <= 1
    return rest[-1].span[0] in named


def _after(
    toks: Sequence[Token],
    last: int,
    text: str,
    language: str,
    starts: frozenset[int],
) -> list[Token]:
    """The apposition after the name at ``last``: ", expresidente de Velmora,"."""
    if last + 1 >= len(toks) or _gap(text, toks[last], toks[last + 1]) != ",":
        return []
    phrase = [toks[last + 1]]
    while len(phrase) < MAX_LABEL_WORDS + 1 and last + 1 + len(phrase) < len(toks):
        nxt = toks[last + 1 + len(phrase)]
        if not _joined(text, phrase[-1], nxt):
            break
        phrase.append(nxt)
    if phrase and phrase[0].folded in LABEL_DETERMINERS.get(language, frozenset()):
        phrase = phrase[1:]
    breaks = LABEL_BREAK_WORDS.get(language, frozenset())
    cut = next((i for i, t in enumerate(phrase) if t.folded in breaks or _digits(t)), len(phrase))
    phrase = phrase[:cut]  # "un ayatollah de 63 ans": the age is no part of the label
    ends = LABEL_OF_WORDS.get(language, frozenset()) | LABEL_DETERMINERS.get(language, frozenset())
    while phrase and phrase[-1].folded in ends:
        phrase = phrase[:-1]
    # a name inside is a complement's ("de Velmora", "de la République") or the
    # holder of the title before it ("X, hijo del presidente Anders Brandt")
    for i, t in enumerate(phrase[1:], 1):
        before = phrase[i - 1]
        if t.span[0] in starts and before.folded not in ends and not before.text[:1].isupper():
            return []
    if not any(is_title_word(t.folded, language) for t in phrase[:2]):
        return []  # "Rossaviatsia, le nom du chef ...": a name, not a chief
    of = LABEL_OF_WORDS.get(language, frozenset()) | LABEL_COMPLEMENT_DETERMINERS.get(
        language, frozenset()
    )
    last_title = max(i for i, t in enumerate(phrase) if is_title_word(t.folded, language))
    rest = phrase[last_title + 1 :]
    if len(rest) > 1 and rest[0].folded not in of:
        return []  # "Después, el expresidente pidió calma": a clause, not an apposition
    return phrase if _valid(phrase, language) else []


def _predicate(toks: Sequence[Token], last: int, text: str, language: str) -> list[Token]:
    """ "Brandt ist damit der erste ... Ex-Präsident": up to the role noun."""
    i = last + 1
    if i >= len(toks) or toks[i].folded not in LABEL_COPULAS.get(language, frozenset()):
        return []
    if not _joined(text, toks[last], toks[i]):
        return []
    dets = LABEL_DETERMINERS.get(language, frozenset())
    j = i + 1
    while j < len(toks) and j <= i + 3 and toks[j].folded not in dets:
        j += 1
    if j >= len(toks) or toks[j].folded not in dets:
        return []
    phrase: list[Token] = []
    for t in toks[j + 1 : j + 1 + MAX_LABEL_WORDS]:
        if phrase and not _joined(text, phrase[-1], t):
            break
        phrase.append(t)
        if is_title_word(t.folded, language):
            return phrase if _valid(phrase, language) else []
    return []


_PLURAL_S = frozenset({"fr", "es", "pt", "it"})  # where a noun's final "s" is its plural


def _plural_title(phrase: Sequence[Token], language: str) -> bool:
    """The phrase's last role noun is a plural: one person is never "candidats"."""
    if language not in _PLURAL_S:
        return False
    words = LABEL_TITLE_WORDS.get(language, frozenset())
    last = next((t for t in reversed(phrase) if is_title_word(t.folded, language)), None)
    if last is None or last.folded in words or not last.folded.endswith("s"):
        return False
    return is_title_word(last.folded[:-1], language)


def _digits(tok: Token) -> bool:
    return any(c.isdigit() for c in tok.text)


def _valid(phrase: Sequence[Token], language: str) -> bool:
    if not phrase or len(phrase) > MAX_LABEL_WORDS:
        return False
    breaks = LABEL_BREAK_WORDS.get(language, frozenset())
    of = LABEL_OF_WORDS.get(language, frozenset())
    if any(t.folded in breaks or _digits(t) for t in phrase):
        return False
    if phrase[-1].folded in of or phrase[-1].folded in LABEL_DETERMINERS.get(language, ()):
        return False
    if all(t.folded in HONORIFICS for t in phrase):
        return False
    return any(is_title_word(t.folded, language) for t in phrase)
