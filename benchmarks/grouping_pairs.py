"""Why a page of a bench corpus joins or leaves its story: the same-event model's view.

For each page of one ``shared/bench/pages`` corpus: its gold role, the story grouping
puts it in, its written period, and the mean log-odds of "same event" to the corpus's
gold event pages (the quantity average linkage compares with the cut). With
``--pages``, the full pair rows (``stories.signals.PAIR_FEATURES``) of the named pages
against every other page, best first: which signals decide a pair.

    python benchmarks/grouping_pairs.py trump-hush-money-verdict-2024
    python benchmarks/grouping_pairs.py morocco-earthquake-2023 --pages analkhabar-1
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_grouping import pages
from pages_gold import stem_of

from newsprism.stories.grouping import group_stories
from newsprism.stories.options import StoryOptions
from newsprism.stories.same_event import packaged_model
from newsprism.stories.signals import PAIR_FEATURES, pair_rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="a folder name under shared/bench/pages")
    ap.add_argument("--pages", nargs="*", default=[], help="page stems to show pair rows of")
    args = ap.parse_args()
    (s,) = pages([args.corpus])
    model = packaged_model()
    stems = [stem_of(a.source.path) for a in s.articles]
    stories = group_stories(s.articles, s.signals, (), StoryOptions(), model)
    story_of = {aid: k for k, st in enumerate(stories) for aid in st.articles}
    n = len(stems)
    ij = np.array([(i, j) for i in range(n) for j in range(n) if i != j], dtype=np.int64)
    z = np.zeros((n, n))
    z[ij[:, 0], ij[:, 1]] = model.log_odds(pair_rows(s.signals, ij[:, 0], ij[:, 1]))
    events = [i for i, g in enumerate(s.gold) if g == "event"]
    for i in range(n):
        others = [j for j in events if j != i]
        mean = float(z[i, others].mean()) if others else float("nan")
        role = "event" if s.gold[i] == "event" else "noise"
        print(
            f"{stems[i]:28s} {role:5s} story {story_of[s.articles[i].id]:2d}  "
            f"mean log-odds to events {mean:+.2f}  lang {s.signals.languages[i]}  "
            f"written {s.signals.written[i]}"
        )
    for stem in args.pages:
        i = stems.index(stem)
        print(f"\n{stem}: " + " ".join(f[:8] for f in PAIR_FEATURES) + "  log-odds")
        for j in sorted((j for j in range(n) if j != i), key=lambda j: -z[i, j]):
            row = pair_rows(s.signals, np.array([i]), np.array([j]))[0]
            print(f"  {stems[j]:26s} " + " ".join(f"{v:5.2f}" for v in row) + f"  {z[i, j]:+.2f}")


if __name__ == "__main__":
    main()
