"""The ``newsprism`` command: a thin layer that turns library calls into terminal output.

Only this module prints. Every library exception becomes one line naming what went
wrong and an exit code: 0 all went well, 1 some input failed (the rest is stored),
2 nearly all input failed or the command could not run.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsprism.errors import NewsprismError
from newsprism.model import to_dict
from newsprism.settings import Options, load_options, options_as_toml
from newsprism.store import DEFAULT_DB, Store, open_store
from newsprism.terminal import printable, printable_text
from newsprism.wording import counted, date_source, outlet_source, shown_time

if TYPE_CHECKING:
    from newsprism.export.writers import Format  # click.Choice below admits only these

console = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_OK, EXIT_SOME_FAILED, EXIT_FAILED = 0, 1, 2


# --------------------------------------------------------------------------- helpers


# Libraries that log what newsprism itself reports as a problem (a page with no
# article, an unparseable page): quiet unless --verbose.
NOISY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


def _fail(message: str) -> NoReturn:
    _say_error(message)
    sys.exit(EXIT_FAILED)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except NewsprismError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        err.print("interrupted: what was committed is kept; rerun to finish")
        sys.exit(130)


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[str, int, int | None], None]]:
    """A progress callback for the library: one bar per stage, hidden with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield lambda stage, done, total: None
        return
    bars = Progress(
        TextColumn("{task.description:>9}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int | None) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=total)
        bars.update(tasks[stage], completed=done, total=total)

    with bars:
        yield update


STDIN_DIR = Path(tempfile.gettempdir()) / "newsprism-stdin"


def _with_stdin(paths: tuple[str, ...]) -> tuple[str, ...]:
    """``-`` among the paths: standard input, kept as a file named by what it holds
    (``stdin.jsonl``, ``stdin.html``, ``stdin.xml``, ``stdin.warc``, ``stdin.txt``) so
    the readers pick their format as for any file. The same folder every time: input
    read twice is the same article, not a new one."""
    if "-" not in paths:
        return paths
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:200].lower()
    if head.startswith(b"warc/"):
        suffix = ".warc"
    elif head.startswith((b"{", b"[")):
        suffix = ".jsonl" if head.startswith(b"{") and data.strip().count(b"\n") else ".json"
    elif head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        suffix = ".xml"
    elif head.startswith(b"<"):
        suffix = ".html"
    else:
        suffix = ".txt"
    STDIN_DIR.mkdir(exist_ok=True)
    for old in STDIN_DIR.glob("stdin.*"):
        old.unlink()
    target = STDIN_DIR / f"stdin{suffix}"
    target.write_bytes(data)
    return tuple(str(target) if p == "-" else p for p in paths)


def _options(path: str | None) -> Options:
    """The options, read before anything else is opened; a bad file is one error line."""
    try:
        return load_options(path)
    except NewsprismError as exc:
        _fail(str(exc))


def _store(db: str, read_only: bool = False) -> Store:
    return open_store(db, read_only=read_only)


db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, help="SQLite file or postgresql:// URL."
)
options_option = click.option(
    "--options", "options_file", type=click.Path(dir_okay=False), help="TOML options file."
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bars.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


def _print_json(data: Any) -> None:
    click.echo(json.dumps(to_dict(data), ensure_ascii=False, indent=2))


def _problems_exit(problems: list[Any], files_read: int) -> int:
    errors = [p for p in problems if p.severity == "error"]
    for p in problems:
        colour = "red" if p.severity == "error" else "yellow"
        err.print(Text.assemble((f"{p.severity}: ", colour), printable(p)))
    if not errors:
        return EXIT_OK
    failed_files = len({p.path for p in errors})
    if failed_files and failed_files >= 0.9 * max(1, failed_files + files_read):
        return EXIT_FAILED
    return EXIT_SOME_FAILED


# --------------------------------------------------------------------------- commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsprism")
@click.option("--verbose", "-v", is_flag=True, help="Log what each stage does.")
def cli(verbose: bool) -> None:
    """Compare how news outlets covered the same story, claim by claim, with evidence."""
    _configure_logging(verbose)


class _Lines(logging.Formatter):
    """Log records in the CLI's one message format: "warning: ...", "info: ..."."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage()}"


def _configure_logging(verbose: bool) -> None:
    # The CLI owns logging: configured before any model library is imported, so one
    # that calls logging.basicConfig on import (wordllama does) cannot turn it up.
    handler = logging.StreamHandler()
    handler.setFormatter(_Lines())
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, handlers=[handler], force=True
    )
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.CRITICAL)
    # Dask sets up its own loggers from its config when imported: keep them as quiet.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "info" if verbose else "warning")


def _verbose_here(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        _configure_logging(True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@db_option
@options_option
@quiet_option
def ingest(paths: tuple[str, ...], db: str, options_file: str | None, quiet: bool) -> None:
    """Read files or folders (txt, html, json/jsonl, warc, rss/atom) into the store."""
    from newsprism.pipeline import ingest as run_ingest

    options = _options(options_file)
    paths = _with_stdin(paths)
    with _errors(), _store(db) as store, _progress(quiet) as progress:
        summary = run_ingest(paths, store, options, progress)
    table = Table(title="ingest", show_header=True)
    for col in ("files", "new documents", "known documents", "articles in store", "problems"):
        table.add_column(col, justify="right")
    table.add_row(
        str(summary.files_read),
        str(summary.documents_new),
        str(summary.documents_known),
        str(summary.articles),
        str(len(summary.problems)),
    )
    console.print(table)
    code = _problems_exit(summary.problems, summary.files_read)
    sys.exit(_no_article_exit(summary, paths) or code)


def _no_article_exit(summary: Any, paths: tuple[str, ...]) -> int:
    """Exit 1 with the reason when the store holds no article at all (an empty folder,
    pages that are all menus): a table of zeros would look like success."""
    if summary.articles:
        return 0
    if not summary.files_read:
        where = ", ".join(paths)
        _say_error(f"no article: no file to read in {where} (.txt, .html, .json, .jsonl, "
                   ".warc, .xml feeds, gzipped or not)")  # fmt: skip
    else:
        empty = len({p.path for p in summary.problems if "no article" in p.reason})
        files = counted(summary.files_read, "file")
        _say_error(
            f"no article: {files} read, {counted(empty, 'page')} without an article "
            "(`newsprism problems` lists why)"
        )
    return EXIT_SOME_FAILED


def _say_error(message: str) -> None:
    err.print(Text.assemble(("error:", "bold red"), " ", printable(message)))


@cli.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--feeds",
    "feed_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A feed list (.opml, or .txt with one feed URL a line); repeatable.",
)
@click.option("--sitemap", "sitemaps", multiple=True, help="A sitemap URL; repeatable.")
@db_option
@options_option
@quiet_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def fetch(
    urls: tuple[str, ...],
    feed_files: tuple[str, ...],
    sitemaps: tuple[str, ...],
    db: str,
    options_file: str | None,
    quiet: bool,
    as_json: bool,
) -> None:
    """Collect articles from the web: pages, the articles of feeds, or a sitemap's.

    Obeys robots.txt, paces requests per host, sends conditional requests, retries on
    429/5xx as the site asks; see `newsprism options` ([collect]) for the limits.
    """
    from newsprism.collect.run import collect, feeds_of

    if not (urls or feed_files or sitemaps):
        _fail("nothing to fetch: give URLs, --feeds FILE or --sitemap URL")
    options = _options(options_file)
    with _errors(), _store(db) as store, _progress(quiet) as progress:
        feeds = feeds_of(feed_files)
        summary = collect(
            store,
            urls=urls,
            feeds=feeds,
            sitemaps=sitemaps,
            options=options,
            progress=progress,
        )
    if as_json:
        _print_json(
            {
                "links": summary.leads,
                "fetched": summary.fetched,
                "unchanged": summary.unchanged,
                "new_documents": summary.documents_new,
                "articles": summary.articles,
                "problems": summary.problems,
            }
        )
    else:
        _print_collected("fetch", summary)
    sys.exit(_problems_exit(summary.problems, summary.fetched + summary.unchanged))


def _print_collected(title: str, summary: Any) -> None:
    table = Table(title=title, show_header=True)
    for col in ("links", "fetched", "unchanged", "new documents", "articles in store", "problems"):
        table.add_column(col, justify="right")
    table.add_row(
        str(summary.leads),
        str(summary.fetched),
        str(summary.unchanged),
        str(summary.documents_new),
        str(summary.articles),
        str(len(summary.problems)),
    )
    console.print(table)


@cli.command()
@click.option(
    "--feeds",
    "feed_files",
    multiple=True,
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A feed list (.opml or .txt); repeatable.",
)
@click.option("--every", default="15m", show_default=True, help="Time between polls: 15m, 1h.")
@click.option("--polls", type=click.IntRange(min=1), help="Stop after N polls (default: never).")
@click.option(
    "--out",
    "out_dir",
    default="newsprism-report",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Where the reports are rewritten after a poll that found something new.",
)
@db_option
@options_option
def watch(
    feed_files: tuple[str, ...],
    every: str,
    polls: int | None,
    out_dir: str,
    db: str,
    options_file: str | None,
) -> None:
    """Poll feeds, store what is new or changed, and update stories and reports.

    Stops after --polls N, or on Ctrl-C (what was stored is kept).
    """
    from newsprism.collect.run import feeds_of, parse_every
    from newsprism.collect.run import watch as run_watch

    try:
        every_s = parse_every(every)
    except ValueError as exc:
        _fail(str(exc))
    options = _options(options_file)

    def report(poll: Any) -> None:
        c = poll.collected
        console.print(
            f"poll {poll.poll} at {poll.at:%H:%M:%S}: {counted(c.leads, 'link')}, "
            f"{c.fetched} fetched, {c.unchanged} unchanged, {c.documents_new} new, "
            f"{counted(len(c.problems), 'problem')}"
            + (
                f"; {counted(poll.stories_compared, 'story', 'stories')} compared"
                if poll.stages_run
                else ""
            )
        )
        for p in c.problems:
            colour = "red" if p.severity == "error" else "yellow"
            err.print(Text.assemble((f"{p.severity}: ", colour), printable(p)))
        if poll.report_files:
            _print_written(poll.report_files)

    with _errors(), _store(db) as store:
        feeds = feeds_of(feed_files)
        console.print(f"watching {counted(len(feeds), 'feed')} every {every} (Ctrl-C to stop)")
        run_watch(
            store,
            feeds,
            every_s=every_s,
            polls=polls,
            out_dir=Path(out_dir),
            options=options,
            on_poll=report,
        )


@cli.command()
@db_option
@options_option
@quiet_option
@click.option("--all", "everything", is_flag=True, help="Re-clean every stored page.")
def clean(db: str, options_file: str | None, quiet: bool, everything: bool) -> None:
    """Clean stored pages again from the kept raw input, without reading any file."""
    from newsprism.pipeline import clean_store

    options = _options(options_file)
    with _errors(), _store(db) as store, _progress(quiet) as progress:
        n = clean_store(store, options, None, progress, everything=everything)
        total = store.count_articles()
    console.print(
        f"cleaned into {counted(n, 'article')}; {counted(total, 'current article')} in the store"
    )


@cli.command()
@db_option
@json_option
@click.option("--limit", default=200, show_default=True, help="At most N rows; 0 for all.")
@click.option("--text", "with_text", is_flag=True, help="With --json: include each clean text.")
@click.option("--language", default=None, help="Only articles in this language (ISO code: es).")
def articles(db: str, as_json: bool, limit: int, with_text: bool, language: str | None) -> None:
    """List the stored articles."""
    with _errors(), _store(db, read_only=True) as store:
        rows = [a for a in store.articles() if language is None or a.language == language]
    total = len(rows)
    if 0 < limit < total:
        rows = rows[:limit]
        # on stderr, so `--json` stays a plain list a script can read
        err.print(f"showing {limit} of {counted(total, 'article')}; --limit 0 lists them all")
    if as_json:
        _print_json(
            [
                {
                    "id": a.id,
                    "outlet": a.display_outlet,
                    "title": a.title,
                    "published": a.published,
                    "source": a.source.label,
                    "words": len(a.text.split()),
                    "wire": a.wire,
                    "language": a.language,
                    **({"text": a.text} if with_text else {}),
                }
                for a in rows
            ]
        )
        return
    table = Table(show_header=True)
    for col in ("id", "published", "outlet", "words", "title"):
        table.add_column(col)
    # last, and only when some article has one: the other columns keep their places and width
    with_language = any(a.language for a in rows)
    if with_language:
        table.add_column("lang", no_wrap=True)
    for a in rows:
        table.add_row(
            a.id[:10],
            a.published.strftime("%Y-%m-%d %H:%M") if a.published else "-",
            printable_text(a.display_outlet),
            str(len(a.text.split())),
            printable_text(a.title or "-"),
            *([printable_text(a.language or "-")] if with_language else []),
        )
    console.print(table)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--out",
    "out_dir",
    default="newsprism-export",
    show_default=True,
    type=click.Path(file_okay=False),
)
@click.option("--stories", is_flag=True, help="Also every story's comparison (stories.FORMAT).")
@click.option("--annotations", is_flag=True, help="Add each article's annotations.")
@db_option
def export(fmt: Format, out_dir: str, stories: bool, annotations: bool, db: str) -> None:
    """Write the clean articles (text, metadata, removed lines with reasons) to files.

    The JSONL is ingestable again: `newsprism ingest DIR/articles.jsonl` restores the
    same articles (same ids) in another store.
    """
    from newsprism.export import export_store

    with _errors(), _store(db, read_only=True) as store:
        summary = export_store(
            store,
            Path(out_dir),
            fmt,
            stories=stories,
            annotations=annotations,
        )
    for path in summary.files:
        console.print(printable_text(f"wrote {path}"))
    exported = counted(summary.articles, "article")
    if stories:  # without --stories no story was exported: do not count them
        exported += ", " + counted(summary.stories, "story", "stories")
    console.print(exported)


@cli.command()
@click.argument("article_id")
@db_option
@json_option
@click.option("--annotations", is_flag=True, help="Mark entities, quotes, numbers, dates.")
def show(article_id: str, db: str, as_json: bool, annotations: bool) -> None:
    """Show one article: metadata, clean text, and the removed lines with reasons."""
    with _errors(), _store(db, read_only=True) as store:
        art = store.get_article(article_id)
        ann = store.get_annotations([art.id]).get(art.id) if annotations else None
    if as_json:
        _print_json({"article": art, "annotations": ann})
        return
    meta = Table.grid(padding=(0, 2))
    for name, value in (
        ("id", art.id),
        ("source", art.source.label),
        ("title", art.title),
        ("outlet", f"{art.display_outlet} ({outlet_source(art.outlet_source)})"),
        ("byline", art.byline),
        ("dateline", art.dateline.text if art.dateline else None),
        (
            "published",
            f"{shown_time(art.published)} ({date_source(art.published_source) or 'not stated'})"
            if art.published
            else None,
        ),
        ("updated", f"{art.updated} ({art.updated_text})" if art.updated else None),
        ("wire", ", ".join(art.wire) or None),
        ("url", art.url),
        ("language", art.language),
        ("version", str(art.version)),
    ):
        meta.add_row(
            Text(name, style="bold"),
            printable_text(value or "unknown", style="" if value else "dim"),
        )
    console.print(meta)
    console.rule("text")
    if ann is not None:
        from newsprism.terminal import marked_text

        console.print(marked_text(art.text, ann))
    else:
        console.print(printable_text(art.text, keep_newlines=True))
    console.rule(f"removed lines ({len(art.removed)})")
    for r in art.removed:
        console.print(
            Text.assemble(
                (f"{r.line_no:>4} ", "dim"), (f"[{r.reason}] ", "yellow"), printable(r.text)
            )
        )


@cli.command()
@db_option
@options_option
@quiet_option
def annotate(db: str, options_file: str | None, quiet: bool) -> None:
    """Find entities, quotes, quantities and dates in articles not yet annotated."""
    from newsprism.pipeline import annotate_store

    options = _options(options_file)
    with _errors(), _store(db) as store, _progress(quiet) as progress:
        n = annotate_store(store, options, progress)
        entities = len(store.entities())
    console.print(
        f"annotated {counted(n, 'article')}; "
        f"{counted(entities, 'entity', 'entities')} across the store"
    )


@cli.command()
@db_option
@options_option
@quiet_option
def cluster(db: str, options_file: str | None, quiet: bool) -> None:
    """Group articles into stories, find wire copy, link storylines."""
    from newsprism.pipeline import cluster_store

    options = _options(options_file)
    with _errors(), _store(db) as store, _progress(quiet) as progress:
        n_stories, n_reuse = cluster_store(store, options, progress)
    console.print(f"{counted(n_stories, 'story', 'stories')}; {counted(n_reuse, 'reuse pair')}")


@cli.command()
@db_option
@options_option
@quiet_option
def compare_all(db: str, options_file: str | None, quiet: bool) -> None:
    """Compare coverage inside every story whose articles changed."""
    from newsprism.pipeline import compare_store

    options = _options(options_file)
    with _errors(), _store(db) as store, _progress(quiet) as progress:
        n = compare_store(store, options, progress)
    console.print(f"compared {counted(n, 'story', 'stories')}")


@cli.command()
@click.argument("story_id")
@db_option
def compare(story_id: str, db: str) -> None:
    """Print the comparison of one story as JSON (see schema/story.schema.json)."""
    with _errors(), _store(db, read_only=True) as store:
        story = store.get_story(story_id)
        report = store.get_report(story.id)
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))


@cli.command()
@db_option
@json_option
def stories(db: str, as_json: bool) -> None:
    """List stories: span, outlets, articles, conflicts, title."""
    from newsprism.pipeline import story_table

    with _errors(), _store(db, read_only=True) as store:
        rows = story_table(store)
    if as_json:
        _print_json(rows)
        return
    table = Table(show_header=True)
    for col in ("story", "span", "articles", "outlets", "contradictions", "title"):
        table.add_column(col)
    for r in rows:
        span = f"{(r['start'] or '?')[:10]} – {(r['end'] or '?')[:10]}"
        table.add_row(
            r["id"][:10],
            span,
            str(r["articles"]),
            printable_text(", ".join(r["outlets"])),
            str(r["conflicts"]),
            printable_text(r["title"]),
        )
    console.print(table)


@cli.command()
@click.argument("story_id")
@db_option
@json_option
def story(story_id: str, db: str, as_json: bool) -> None:
    """One story: its articles, reuse pairs and related stories."""
    with _errors(), _store(db, read_only=True) as store:
        s = store.get_story(story_id)
        arts = store.get_articles(s.articles)
        pairs = [p for p in store.reuse_pairs(s.articles) if p.kind != "independent"]
        related = [store.get_story(r) for r in s.related]
    if as_json:
        _print_json(
            {
                "story": s,
                "articles": [
                    {
                        "id": a.id,
                        "outlet": a.display_outlet,
                        "title": a.title,
                        "published": a.published,
                    }
                    for a in arts
                ],
                "reuse": pairs,
                "related": [{"id": r.id, "title": r.title} for r in related],
            }
        )
        return
    console.print(printable_text(s.title, style="bold"))
    console.print(printable_text(f"{s.id}  {s.start or '?'} – {s.end or '?'}"))
    table = Table(show_header=True, title="articles")
    for col in ("id", "published", "outlet", "title"):
        table.add_column(col)
    for a in arts:
        table.add_row(
            a.id[:10],
            str(a.published or "-"),
            printable_text(a.display_outlet),
            printable_text(a.title or "-"),
        )
    console.print(table)
    outlet = {a.id: a.display_outlet for a in arts}
    for p in pairs:
        console.print(
            printable_text(
                f"reuse: {outlet.get(p.a, p.a[:10])} ~ {outlet.get(p.b, p.b[:10])}: {p.kind} "
                f"({p.score:.2f}); origin: {p.origin or 'cannot be told'}"
            )
        )
        for s_ in p.shared:
            for e in s_.edits:
                console.print(printable_text(f"    {e}"))
    for r in related:
        console.print(printable_text(f"related: {r.id[:10]} {r.title}"))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option(
    "--out",
    "out_dir",
    default="newsprism-report",
    show_default=True,
    type=click.Path(file_okay=False),
)
@db_option
@options_option
@quiet_option
@click.option("--workers", type=int, help="Run on a local Dask cluster with N workers.")
@click.option("--scheduler", help="Run on an existing Dask scheduler (tcp://host:8786).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def analyze(
    paths: tuple[str, ...],
    out_dir: str,
    db: str,
    options_file: str | None,
    quiet: bool,
    workers: int | None,
    scheduler: str | None,
    as_json: bool,
) -> None:
    """Files to reports in one go: ingest, annotate, cluster, compare, write JSON/HTML/MD."""
    options = _options(options_file)
    paths = _with_stdin(paths)
    with _errors():
        if workers or scheduler:
            from newsprism.scale import run_distributed

            with _progress(quiet) as progress:
                summary = run_distributed(
                    paths,
                    db,
                    options,
                    workers=workers,
                    scheduler=scheduler,
                    progress=progress,
                    out_dir=Path(out_dir),
                    dashboard=lambda link: err.print(f"Dask dashboard: {link}"),
                )
        else:
            from newsprism.pipeline import analyze as run_analyze

            with _store(db) as store, _progress(quiet) as progress:
                summary = run_analyze(paths, store, out_dir, options, progress)
    counts = {
        "articles": summary.ingest.articles,
        "stories": summary.stories,
        "outlets": summary.outlets,
        "unknown_outlets": summary.unknown_outlets,
        "conflicts": summary.conflicts,
        "reuse_pairs": summary.reuse_pairs,
        "problems": len(summary.ingest.problems),
    }
    if as_json:
        _print_json({**counts, "files": [str(f) for f in summary.report_files]})
    else:
        table = Table(title="analyze", show_header=True)
        shown = [k for k in counts if k != "unknown_outlets"]
        for col in shown:  # one word for a user: a "conflict" is a contradiction
            table.add_column(col.replace("_", " ").replace("conflicts", "contradictions"),
                             justify="right")  # fmt: skip
        table.add_row(*(str(counts[k]) for k in shown))
        console.print(table)
    if summary.seconds and logging.getLogger().isEnabledFor(logging.INFO):  # -v
        stages = ", ".join(f"{k} {v:.1f} s" for k, v in summary.seconds.items())
        err.print(f"time per stage: {stages}; total {sum(summary.seconds.values()):.1f} s")
    if summary.unknown_outlets:
        err.print(_unknown_outlets_hint(summary.unknown_outlets))
    if not as_json:
        _print_written(summary.report_files)
    code = _problems_exit(summary.ingest.problems, summary.ingest.files_read)
    sys.exit(_no_article_exit(summary.ingest, paths) or code)


def _unknown_outlets_hint(n: int) -> str:
    sources = "1 source has" if n == 1 else f"{n} sources have"
    return (
        f'note: {sources} no known outlet (shown as "unknown outlet (FILE)", counted as '
        "one outlet); name them in a manifest.csv (path,url,outlet,published,title) "
        "or a FILE.meta.json sidecar beside each file"
    )


def _print_written(files: list[Path]) -> None:
    index, pages = files[:3], files[3:]
    for f in index:
        console.print(printable_text(f"wrote {f}"))
    if pages:
        console.print(
            printable_text(f"wrote {len(pages)} story pages under {pages[0].parent.parent}")
        )


@cli.command()
@click.option("--out", "out_dir", default="newsprism-report", show_default=True)
@db_option
def report(out_dir: str, db: str) -> None:
    """Write report.json, report.html and report.md from what the store holds."""
    from newsprism.report import write_reports

    with _errors(), _store(db, read_only=True) as store:
        files = write_reports(store, Path(out_dir))
    from newsprism.pipeline import report_paths

    _print_written(report_paths(files))


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Browse stories, articles and outlets in a local web app (read-only)."""
    from newsprism.web import create_app, listen, run_app

    is_server = db.startswith(("postgresql://", "postgres://"))
    if not is_server and not Path(db).exists():
        _fail(f"{db}: no such database (run `newsprism analyze` or `newsprism ingest` first)")
    # Never echo a password: a server URL is shown without its user part.
    shown = db
    if is_server:
        shown = f"{db.split('://', 1)[0]}://{db.rsplit('@', 1)[-1].split('://')[-1]}"
    with _errors():  # the store opens and the port is taken before anything says "serving"
        app = create_app(db)
        sock = listen(host, port)
    console.print(printable_text(f"serving {shown} on http://{host}:{port}/  (Ctrl-C to stop)"))
    with _errors():
        run_app(app, sock)


@cli.command()
@db_option
@json_option
def problems(db: str, as_json: bool) -> None:
    """List the files and records that could not be read, with reasons."""
    with _errors(), _store(db, read_only=True) as store:
        rows = store.problems()
    if as_json:
        _print_json(rows)
        return
    for p in rows:
        console.print(
            Text.assemble(
                (f"{p.severity}: ", "red" if p.severity == "error" else "yellow"), printable(p)
            )
        )
    if not rows:
        console.print("no problems recorded")


@cli.command()
@click.argument("damaged", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", required=True, help="The new SQLite file to rebuild into.")
@options_option
def recover(damaged: str, db: str, options_file: str | None) -> None:
    """Rebuild a damaged store into a new one from the raw input it still holds."""
    from newsprism.pipeline import clean_store
    from newsprism.store.sqlite import SQLiteStore, salvage_raw

    options = _options(options_file)
    if Path(db).exists():
        _fail(f"{db}: already exists; name a new file for the recovered store")
    with _errors(), SQLiteStore(db) as store:
        copied, unreadable = salvage_raw(Path(damaged), store)
        cleaned = clean_store(store, options, None, everything=True)
    console.print(
        printable_text(
            f"recovered {copied} raw documents into {db} ({unreadable} could not be read); "
            f"{cleaned} articles cleaned"
        )
    )
    console.print("annotate, cluster, compare-all and report rebuild the rest")
    sys.exit(EXIT_SOME_FAILED if unreadable else EXIT_OK)


@cli.command("options")
@options_option
def show_options(options_file: str | None) -> None:
    """Print the effective options (defaults, overridden by --options) as TOML."""
    click.echo(options_as_toml(_options(options_file)))


# `-v` after the subcommand too (`newsprism analyze ... -v`), as after the program name.
for _command in cli.commands.values():
    _command.params.append(
        click.Option(
            ["--verbose", "-v"],
            is_flag=True,
            expose_value=False,
            is_eager=True,
            callback=_verbose_here,
            help="Log what each stage does.",
        )
    )


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
