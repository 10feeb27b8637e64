"""Throughput of the per-article stages on a Dask LocalCluster, 1 vs 2 workers.

Input: N invented articles (newsprism.scale.synthetic: templated stories about
fictional events, ~700 bytes of text each, 4 outlets per event, JSON lines) written
to S gzipped JSONL shards. For each worker count, a fresh PostgreSQL database on a
throwaway loopback server (scripts/start_postgres.sh) receives: read + store raw,
clean, annotate (when newsprism.language provides it) and embed. Prints articles/s
per stage, end to end, and each worker's peak resident memory.

    python benchmarks/bench_scale_dask.py --articles 10000 --shards 20 --workers 1 2
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from distributed import Client, LocalCluster

from newsprism.pipeline import IngestSummary
from newsprism.scale import executor, tasks
from newsprism.scale.synthetic import write_synthetic_corpus
from newsprism.settings import Options
from newsprism.store import open_store

REPO = Path(__file__).resolve().parents[1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    py = sys.version.split()[0]
    return f"{platform.node()} {cpu}, {os.cpu_count()} cores, {mem:.0f} GB, Python {py}"


def has_annotate() -> bool:
    import newsprism.language as lang

    return hasattr(lang, "annotate") and hasattr(lang, "ANNOTATOR_VERSION")


def run_once(server: str, corpus: Path, workers: int) -> dict[str, float]:
    db_name = f"bench_{workers}w_{int(time.time())}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {db_name}")
    db = server.rsplit("/", 1)[0] + "/" + db_name
    options = Options()
    times: dict[str, float] = {}
    quiet = executor._no_progress
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
        open_store(db) as store,
    ):
        t0 = time.perf_counter()
        sites = executor.ingest_files(client, db, [corpus], options, IngestSummary(), quiet)
        times["read"] = time.perf_counter() - t0
        t = time.perf_counter()
        executor.clean_pages(client, db, store, options, sites, quiet)
        times["clean"] = time.perf_counter() - t
        ids = store.article_ids()
        chunks = [ids[i : i + executor.ARTICLE_CHUNK] for i in range(0, len(ids), 200)]
        if has_annotate():
            t = time.perf_counter()
            executor._run(
                client, "annotate", tasks.annotate_chunk, chunks, db, options, progress=quiet
            )
            times["annotate"] = time.perf_counter() - t
        t = time.perf_counter()
        executor._run(client, "embed", tasks.embed_chunk, chunks, db, options, progress=quiet)
        times["embed"] = time.perf_counter() - t
        times["total"] = time.perf_counter() - t0
        times["articles"] = len(ids)
        rss = client.run(peak_rss_mb)
        times["worker_peak_mb"] = max(rss.values())
        size = store.conn.execute("SELECT pg_database_size(current_database()) AS n").fetchone()
        times["db_bytes"] = float(size["n"])
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--shards", type=int, default=20)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()

    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    print("machine:", machine())
    work = Path(tempfile.mkdtemp(prefix="newsprism-bench-"))
    pgdir = Path(tempfile.mkdtemp(prefix="newsprism-bench-pg-"))
    script = REPO / "scripts" / "start_postgres.sh"
    try:
        corpus = work / "corpus"
        write_synthetic_corpus(corpus, args.articles, args.shards)
        size = sum(p.stat().st_size for p in corpus.iterdir()) / 2**10
        print(
            f"input: {args.articles} synthetic articles in {args.shards} JSONL.gz shards, "
            f"{size:.0f} KB compressed (templated text compresses well)"
        )
        server = subprocess.run(
            ["bash", str(script), str(pgdir), "postgres"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        print(
            "stages: read+store raw, clean, "
            + ("annotate, " if has_annotate() else "(annotate not available yet), ")
            + "embed (wordllama)"
        )
        header = (
            f"{'workers':>7} {'articles':>8} "
            + " ".join(f"{s + ' a/s':>13}" for s in ("read", "clean", "annotate", "embed", "total"))
            + f" {'peak MB/worker':>15}"
        )
        print(header)
        for n in args.workers:
            r = run_once(server, corpus, n)
            cells = [
                f"{r['articles'] / r[s]:13.1f}" if s in r else f"{'-':>13}"
                for s in ("read", "clean", "annotate", "embed", "total")
            ]
            print(
                f"{n:>7} {int(r['articles']):>8} "
                + " ".join(cells)
                + f" {r['worker_peak_mb']:15.0f}"
            )
    finally:
        subprocess.run(["bash", str(script), "--stop", str(pgdir)], capture_output=True)
        shutil.rmtree(pgdir, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
