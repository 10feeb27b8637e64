"""Line classification in the context of the page: body or boilerplate, with a reason.

Evidence is combined in layers, each more contextual than the last:

1. context-free rules (captions, counters, interface strings, date lines, wire lines);
2. site templates (lines recurring on many pages of the site);
3. jusText's paragraph model applied to lines (length and stopword density, then its
   context revision) together with sentence shape decides what is prose — jusText
   alone drops a sentence listing country names, so a well-formed sentence is prose
   unless jusText finds it almost free of function words. jusText's neighbour-based
   revision is kept for audit only: it needs a paragraph over 200 characters nearby
   and marks a whole short wire story "bad" otherwise;
4. per article (``settle_segment``): the title and byline, lines the page repeats,
   author bios, teasers that repeat the body, and short lines by their position
   before, inside or after the body block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from justext.core import classify_paragraphs, revise_paragraph_classification
from rapidfuzz import fuzz

from newsprism.clean.chrome import cut_off
from newsprism.clean.lines import PageLine
from newsprism.clean.options import CleanOptions
from newsprism.clean.rules import apply_rules, bio_name
from newsprism.clean.templates import TemplateIndex

KEEP_REASONS = frozenset({None})


@dataclass(slots=True)
class Labelled:
    """A page line and what has been decided about it so far (reason None = body)."""

    line: PageLine
    reason: str | None = None
    prose: bool = False
    wire: tuple[str, ...] = ()
    justext_class: str = ""  # context-free: good / neargood / short / bad
    justext_revised: str = ""  # after jusText's neighbour-based revision
    heading: bool = False  # kept as an in-body subheading

    @property
    def kept(self) -> bool:
        return self.reason is None


class _LineParagraph:
    """The slice of jusText's Paragraph interface its classifier reads, for one line."""

    dom_path = "body.p"
    xpath = "/html/body/p"
    is_heading = False
    chars_count_in_links = 0

    def __init__(self, text: str) -> None:
        self.text = text
        self.words_count = len(text.split())
        self.class_type = ""
        self.cf_class = ""
        self.heading = False

    def __len__(self) -> int:
        return len(self.text)

    def stopwords_count(self, stopwords: Any) -> int:
        return sum(w.lower() in stopwords for w in self.text.split())

    def stopwords_density(self, stopwords: Any) -> float:
        return self.stopwords_count(stopwords) / self.words_count if self.words_count else 0.0

    def links_density(self) -> float:
        return 0.0


def justext_classes(lines: list[PageLine], stopwords: frozenset[str]) -> list[tuple[str, str]]:
    """jusText's (context-free, revised) class for each line taken as a paragraph."""
    paragraphs = [_LineParagraph(line.text) for line in lines]
    if not paragraphs:
        return []
    classify_paragraphs(paragraphs, stopwords)
    revise_paragraph_classification(paragraphs)
    return [(p.cf_class, p.class_type) for p in paragraphs]


def is_prose(item: Labelled) -> bool:
    """Body-text shape: a sentence, unless jusText sees almost no function words in it."""
    line = item.line
    if item.reason is not None:
        return False
    if line.sentence_like:
        return not (item.justext_class == "bad" and line.stopword_density < 0.1)
    return item.justext_class == "good" and line.n_words >= 30


def label_page(
    lines: list[PageLine],
    *,
    stopwords: frozenset[str],
    site: str | None = None,
    templates: TemplateIndex | None = None,
    options: CleanOptions | None = None,
) -> list[Labelled]:
    """Layers 1–3 for every line of the page."""
    options = options or CleanOptions()
    out: list[Labelled] = []
    for line, (cf, revised) in zip(lines, justext_classes(lines, stopwords), strict=True):
        rule = apply_rules(line, day_first=options.day_first)
        item = Labelled(
            line, rule.reason, wire=rule.wire, justext_class=cf, justext_revised=revised
        )
        item.prose = is_prose(item)
        if (
            item.reason is None
            and templates is not None
            and site is not None
            and templates.is_template(site, line.text, prose=item.prose)
        ):
            item.reason = "site-template"
            item.prose = False
        out.append(item)
    return out


def headline_like(line: PageLine, *, min_words: int = 3, max_words: int = 25) -> bool:
    """Could be a headline or subheading: a short run of words without closing punctuation."""
    text = line.text.rstrip("\"'”’»")
    return (
        min_words <= line.n_words <= max_words
        and not (line.ends_sentence and text.endswith((".", ";", ":")))
        and (line.text[:1].isupper() or line.text[:1].isdigit() or line.text[:1] in "\"“‘'")
    )


def _link_like(line: PageLine) -> bool:
    return any(
        tok.islower() and "-" in tok and not tok.startswith("-") for tok in line.text.split()
    ) or any(s in line.text for s in ("http", "www.", ".com", "@", "#"))


def settle_segment(
    seg: list[Labelled],
    *,
    title: int | None,
    byline: int | None,
    byline_name: str | None,
    options: CleanOptions,
) -> None:
    """Layer 4: decide every still-open line of one article, in place."""
    if title is not None:
        seg[title].reason = "title"
        title_key = seg[title].line.key
        for i, item in enumerate(seg):
            if i != title and item.reason is None and same_text(item.line.key, title_key):
                item.reason = "repeated-title"
                item.prose = False
    if byline is not None:
        seg[byline].reason = "byline"
    _mark_author_bios(seg, byline_name)
    _mark_repeats(seg)
    _mark_teasers(seg, options)
    _mark_excerpts(seg)
    _mark_by_position(seg)


def same_text(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) > 20 and fuzz.ratio(a, b) >= 95)


def _mark_author_bios(seg: list[Labelled], byline_name: str | None) -> None:
    """ "X is a Y-based journalist covering …" about the byline, or next to an author label."""
    last_prose = max((i for i, s in enumerate(seg) if s.prose), default=-1)
    for i, item in enumerate(seg):
        name = bio_name(item.line) if item.reason is None else None
        if not name:
            continue
        after_label = i > 0 and (seg[i - 1].reason or "").startswith("author-bio")
        about_byline = bool(byline_name) and name.casefold() == (byline_name or "").casefold()
        if after_label or about_byline or i == last_prose:
            item.reason = "author-bio:sentence"
            item.prose = False


def _mark_repeats(seg: list[Labelled]) -> None:
    """The page repeats a paragraph: keep its first occurrence in the body."""
    first: dict[str, Labelled] = {}
    for item in seg:
        key = item.line.key
        if key in first:
            earlier = first[key]
            if item.reason is None:
                item.reason = (
                    "repeated-in-page" if earlier.reason in KEEP_REASONS else earlier.reason
                )
                item.prose = False
        else:
            first[key] = item


def _mark_teasers(seg: list[Labelled], options: CleanOptions) -> None:
    """A short standfirst that the body repeats nearly word for word is a preview, not text."""
    prose = [s for s in seg if s.prose and s.reason is None]
    # previews sit at the top and repeat the lead: bounded work even on very long pages
    for i, item in enumerate(prose[:4]):
        text = item.line.text
        for later in prose[i + 1 : i + 12]:
            if len(later.line.text) > len(text) and (
                fuzz.partial_ratio(text, later.line.text) >= options.teaser_similarity
            ):
                item.reason = "teaser-duplicate"
                item.prose = False
                break


MAX_EXCERPT_WORDS = 80  # a preview of another article is a sentence or two
MIN_EXCERPT_WORDS = 12  # ... of some length: "So frustrating …" is a writer's pause


def _heading_or_question(line: PageLine) -> bool:
    return headline_like(line, min_words=2) or line.text.rstrip(_CLOSERS_AND_SPACE).endswith(
        ("?", "؟")
    )


_CLOSERS_AND_SPACE = "\"'”’» "


def _mark_excerpts(seg: list[Labelled]) -> None:
    """A headline (or a question) followed by a paragraph cut off by an ellipsis, after
    the article's last prose line, is the preview of another article ("Can the city
    rebuild? / The mayor admitted that ..."): both lines are chrome, not the article's
    text. Inside the body the same shape is a writer's cliffhanger, and a long paragraph
    the page truncated keeps its lines; a cut-off sentence is no claim either way
    (``newsprism.clean.chrome``)."""
    prose_at = [i for i, s in enumerate(seg) if s.prose and s.reason is None]
    for i in range(1, len(seg)):
        item, before = seg[i], seg[i - 1]
        if item.reason is not None or before.reason is not None:
            continue
        line = item.line
        if not MIN_EXCERPT_WORDS <= line.n_words <= MAX_EXCERPT_WORDS or not cut_off(line.text):
            continue
        trailing = not any(j > i for j in prose_at)
        if trailing and _heading_or_question(before.line) and not cut_off(before.line.text):
            for marked in (before, item):
                marked.reason = "teaser:excerpt"
                marked.prose = False


def _mark_by_position(seg: list[Labelled]) -> None:
    """Short non-prose lines: before or after the body they are furniture; inside, a
    subheading survives only between prose lines and away from other removed lines."""
    prose_at = [i for i, s in enumerate(seg) if s.prose and s.reason is None]
    if not prose_at:
        for item in seg:
            if item.reason is None:
                item.reason = "no-body:not-prose"
        return
    first, last = prose_at[0], prose_at[-1]
    for i, item in enumerate(seg):
        if item.reason is not None or item.prose:
            continue
        if i < first:
            item.reason = "before-body:not-prose"
        elif i > last:
            item.reason = "after-body:not-prose"
        else:
            neighbours = (seg[i - 1], seg[i + 1])
            furniture = any(n.reason is not None for n in neighbours)
            if headline_like(item.line, min_words=2, max_words=15) and not (
                furniture or _link_like(item.line)
            ):
                item.heading = True
            else:
                item.reason = "in-body:furniture" if furniture else "in-body:not-prose"
