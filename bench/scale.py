"""Benchmark: the archive at 10,000, 100,000 and 1,000,000 documents.

    .venv/bin/python bench/scale.py --sizes 10000 100000 1000000 \
        --backends database elasticsearch \
        --elasticsearch-url http://127.0.0.1:9200 \
        --postgres-url postgres://portal@127.0.0.1:5432/portal \
        --results /tmp/scale.jsonl [--rounds 60] [--reimport 100000]
    .venv/bin/python bench/scale.py --results /tmp/scale.jsonl --report \
        [--plot docs/benchmarks-growth.png]

For each size and backend: the corpus is written to a file one row at a time
(``bench.corpus``; nothing is held in memory), imported by ``import_documents``
into a fresh database (the embedded default: SQLite; the engine: PostgreSQL and
Elasticsearch), then part of it imported again (updates in place), then every
query kind is sent through the search view as an anonymous reader and as a
staff member of several groups, each kind ``--rounds`` times after one warm-up
round. Beside the view's time it records the engine's own ``took``, and the
time of a trivial view (``/healthz/``) in the same process as the reference
for the machine's load. Each measurement is appended to ``--results`` as soon
as it is taken, so that an interrupted run keeps what it reached;
``--report`` prints the tables (and draws the plot) from that file.
"""

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import write_jsonl  # noqa: E402
from bench.environment import portal_env, portal_output  # noqa: E402
from bench.table import percentile, print_table  # noqa: E402

STAFF_GROUPS = ["Cán bộ", "Biên tập viên", "Văn thư", "Người duyệt"]

QUERY_CHILD = """
import json, sys, time
import django
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
sys.path.insert(0, {root!r})
from bench.archive_search import QUERY_MIX, search_params

took = []
try:
    from elasticsearch import Elasticsearch
except ImportError:
    pass
else:
    engine_search = Elasticsearch.search

    def search(self, *args, **kwargs):
        answer = engine_search(self, *args, **kwargs)
        took.append(answer["took"])
        return answer

    Elasticsearch.search = search

staff, _ = get_user_model().objects.get_or_create(
    username="bench-staff", defaults={{"is_staff": True}}
)
staff.groups.set(Group.objects.filter(name__in={groups!r}))
readers = {{"anonymous": Client(), "staff": Client()}}
readers["staff"].force_login(staff)
limit, rounds = {time_limit}, {rounds}
results = []
for reader, client in readers.items():
    hit_limit = set()
    for rnd in range(-1, rounds):  # round -1 warms up, unrecorded
        trivial_started = time.perf_counter()
        client.get("/healthz/")
        trivial = (time.perf_counter() - trivial_started) * 1000
        if rnd >= 0:
            results.append({{"reader": reader, "kind": "trivial view", "ms": trivial}})
        for kind, queries in QUERY_MIX.items():
            if kind in hit_limit:
                continue
            query = queries[max(rnd, 0) % len(queries)]
            deadline = time.monotonic() + limit
            if connection.vendor == "sqlite":
                connection.ensure_connection()
                connection.connection.set_progress_handler(
                    lambda: int(time.monotonic() > deadline), 10000)
            del took[:]
            started = time.perf_counter()
            response = client.get("/search/", search_params(query))
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200 or elapsed > limit * 1000:
                hit_limit.add(kind)
            # A kind over the limit is asked no more, but its one asking is kept.
            if rnd >= 0 or kind in hit_limit:
                results.append({{
                    "reader": reader, "kind": kind, "ms": elapsed,
                    "took": sum(took) if took else None,
                    "count": response.json()["count"] if response.status_code == 200 else None,
                    "hit_limit": kind in hit_limit,
                }})
    # The engine keeps an answer until the index changes, so the rounds above
    # mostly read its request cache: each query once more, asked the first time.
    if took:
        from wagtail.search.backends import get_search_backend
        engine = get_search_backend().es
        for kind, queries in QUERY_MIX.items():
            for query in queries:
                engine.indices.clear_cache(request=True)
                del took[:]
                started = time.perf_counter()
                response = client.get("/search/", search_params(query))
                results.append({{
                    "reader": reader, "kind": f"{{kind}}, first asking",
                    "ms": (time.perf_counter() - started) * 1000,
                    "took": sum(took) if took else None,
                    "count": response.json()["count"] if response.status_code == 200 else None,
                }})
print(json.dumps(results))
"""


def run(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def run_measured(env, *args, progress=None):
    """The last line a command prints, its seconds (start-up included) and the
    process's peak resident memory in MB; ``progress()`` is called every 30 s
    while it runs."""
    started = time.monotonic()
    stop = threading.Event()
    if progress:
        threading.Thread(
            target=lambda: [
                progress(time.monotonic() - started)
                for _ in iter(lambda: stop.wait(30), True)
            ],
            daemon=True,
        ).start()
    with open(os.devnull, "w") as devnull:
        process = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=devnull,
            text=True,
        )
        output = process.stdout.read()
        _pid, status, usage = os.wait4(process.pid, 0)
    stop.set()
    seconds = time.monotonic() - started
    if status:
        raise RuntimeError(f"manage.py {args[0]} failed: {output[-2000:]}")
    return output.strip().splitlines()[-1], seconds, usage.ru_maxrss / 1024


def fresh_postgres(admin_url, name):
    """A new empty PostgreSQL database beside the one ``admin_url`` names."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(admin_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def database_size(env, backend, database_url):
    if backend == "database":
        path = Path(urlsplit(database_url).path)
        return sum(
            p.stat().st_size for p in path.parent.glob(path.name + "*") if p.exists()
        )
    code = (
        "import django; django.setup();"
        "from wagtail.search.backends import get_search_backend;"
        "from portal.documents.models import Document;"
        "b = get_search_backend(); b.refresh_indexes();"
        "name = b.get_index_for_model(Document).name;"
        "s = b.es.indices.stats(index=name, metric='store');"
        "print(s['_all']['primaries']['store']['size_in_bytes'])"
    )
    return int(portal_output(env, code))


def load_average():
    return os.getloadavg()[0]


def reference_rate(source, rows=2000):
    """Rows per second at which this process folds the corpus's texts into
    search words right now: the machine's available speed, measured beside
    each import so that rates taken under different loads can be compared."""
    from portal.core.text import word_text

    with open(source, encoding="utf-8") as lines:
        texts = [json.loads(line)["body"] for line in itertools.islice(lines, rows)]
    started = time.perf_counter()
    for text in texts:
        word_text(text)
    return len(texts) / (time.perf_counter() - started)


def stored_documents(database_url):
    """How many documents a PostgreSQL database holds (during an import)."""
    import psycopg

    try:
        with psycopg.connect(database_url) as connection:
            return connection.execute(
                "SELECT count(*) FROM documents_document"
            ).fetchone()[0]
    except psycopg.Error:
        return None


def measure(args, size, backend, folder, record):
    source = folder / f"archive-{size}.jsonl"
    if not source.exists():
        write_jsonl(source, size)
    if backend == "database":
        database_url = f"sqlite:///{folder}/bench-{size}.sqlite3"
        for old in folder.glob(f"bench-{size}.sqlite3*"):
            old.unlink()
        env = portal_env(database_url, f"bench_{size}_")
    else:
        database_url = fresh_postgres(args.postgres_url, f"bench_{size}")
        env = portal_env(database_url, f"bench_{size}_", args.elasticsearch_url)
    run(env, "migrate", "--noinput")
    if backend == "elasticsearch":
        run(env, "update_index")  # fresh indexes with the portal's mapping
    common = {"size": size, "backend": backend}

    def progress(elapsed):
        if backend == "elasticsearch":
            record(
                what="import progress",
                **common,
                seconds=elapsed,
                stored=stored_documents(database_url),
                load=load_average(),
            )

    load, reference = load_average(), reference_rate(source)
    summary, seconds, peak = run_measured(
        env, "import_documents", str(source), progress=progress
    )
    record(
        what="import",
        **common,
        seconds=seconds,
        rate=size / seconds,
        peak_mb=peak,
        summary=summary,
        load=load,
        reference=reference,
    )
    again = min(size, args.reimport)
    part = folder / f"archive-{size}-first-{again}.jsonl"
    with open(source, "rb") as whole, open(part, "wb") as out:
        for _ in range(again):
            out.write(whole.readline())
    load, reference = load_average(), reference_rate(source)
    summary, seconds, peak = run_measured(env, "import_documents", str(part))
    part.unlink()
    record(
        what="reimport",
        **common,
        rows=again,
        seconds=seconds,
        rate=again / seconds,
        peak_mb=peak,
        summary=summary,
        load=load,
        reference=reference,
    )
    record(what="index size", **common, bytes=database_size(env, backend, database_url))

    measure_queries(args, env, common, record)
    if backend == "elasticsearch" and not args.keep:
        code = (
            "import django; django.setup();"
            "from wagtail.search.backends import get_search_backend;"
            "b = get_search_backend();"
            f"b.es.indices.delete(index='bench_{size}_*')"
        )
        portal_output(env, code, check=False)


def measure_queries(args, env, common, record):
    load = load_average()
    code = QUERY_CHILD.format(
        root=str(ROOT),
        groups=STAFF_GROUPS,
        time_limit=args.time_limit,
        rounds=args.rounds,
    )
    output = portal_output(env, code)
    record(
        what="queries",
        **common,
        load=load,
        timings=json.loads(output),
    )


def measure_existing(args, record):
    (size,), (backend,) = args.sizes, args.backends
    engine = args.elasticsearch_url if backend == "elasticsearch" else None
    env = portal_env(args.existing, f"bench_{size}_", engine)
    common = {"size": int(args.label or size), "backend": backend}
    if backend == "elasticsearch":
        # A stopped import leaves the index without refreshes: restore them.
        code = (
            "import django; django.setup();"
            "from wagtail.search.backends import get_search_backend;"
            "b = get_search_backend();"
            f"b.es.indices.put_settings(index='bench_{size}_*',"
            " settings={'index': {'refresh_interval': None}});"
            f"b.es.indices.refresh(index='bench_{size}_*')"
        )
        portal_output(env, code)
    record(
        what="index size",
        **common,
        bytes=database_size(env, backend, args.existing),
    )
    measure_queries(args, env, common, record)


def report(path, plot=None):
    records = [json.loads(line) for line in open(path, encoding="utf-8")]
    rates, queries, sizes, progress = [], [], {}, {}
    for r in records:
        key = (r["size"], r["backend"])
        if r["what"] in ("import", "reimport"):
            rows = r.get("rows", r["size"])
            rates.append(
                (
                    r["size"],
                    r["backend"],
                    r["what"],
                    rows,
                    f"{r['seconds']:.0f}",
                    f"{r['rate']:.0f}",
                    f"{r['peak_mb']:.0f}",
                    f"{r['load']:.1f}",
                    f"{r.get('reference', 0):.0f}",
                )
            )
        elif r["what"] == "import progress" and r["stored"]:
            progress[key] = r
        elif r["what"] == "index size":
            sizes[key] = r["bytes"]
        elif r["what"] == "queries":
            grouped = {}
            for t in r["timings"]:
                grouped.setdefault((t["reader"], t["kind"]), []).append(t)
            for (reader, kind), timings in grouped.items():
                ms = [t["ms"] for t in timings]
                took = [t["took"] for t in timings if t.get("took") is not None]
                queries.append(
                    (
                        r["size"],
                        r["backend"],
                        reader,
                        kind,
                        len(ms),
                        percentile(ms, 0.5),
                        percentile(ms, 0.95),
                        percentile(ms, 0.99),
                        f"{percentile(took, 0.5):.0f}" if took else "",
                        f"{percentile(took, 0.95):.0f}" if took else "",
                        "yes" if any(t.get("hit_limit") for t in timings) else "",
                        f"{r['load']:.1f}",
                    )
                )
    print_table(
        (
            "documents",
            "backend",
            "run",
            "rows",
            "s",
            "docs/s",
            "peak MB",
            "load",
            "reference rows/s",
        ),
        rates,
    )
    for (size, backend), last in sorted(progress.items()):
        print(
            f"# {backend} {size}: {last['stored']} documents stored after "
            f"{last['seconds']:.0f} s ({last['stored'] / last['seconds']:.0f}/s), "
            f"load {last['load']:.1f}"
        )
    print()
    print_table(
        (
            "documents",
            "backend",
            "reader",
            "queries",
            "n",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "took p50",
            "took p95",
            "hit limit",
            "load",
        ),
        queries,
    )
    print()
    growth, over_limit = {}, set()
    for row in queries:
        size, backend, reader, kind = row[:4]
        if kind != "trivial view":
            worst = growth.setdefault((size, backend), 0.0)
            growth[(size, backend)] = max(worst, row[6])
        if row[10]:
            over_limit.add((size, backend))
    print_table(
        ("documents", "backend", "worst p95 ms", "hit limit", "index MB"),
        [
            (
                size,
                backend,
                p95,
                "yes" if (size, backend) in over_limit else "",
                f"{sizes.get((size, backend), 0) / 1e6:.0f}",
            )
            for (size, backend), p95 in sorted(growth.items())
        ],
    )
    if plot:
        draw(growth, sizes, over_limit, plot)


def draw(growth, sizes, over_limit, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (latency, space) = plt.subplots(1, 2, figsize=(10, 4))
    for backend in sorted({backend for _size, backend in growth}):
        points = sorted((s, p) for (s, b), p in growth.items() if b == backend)
        latency.plot(*zip(*points, strict=True), marker="o", label=backend)
        for size, p95 in points:
            if (size, backend) in over_limit:
                # The time limit stopped a search: the true p95 is higher.
                latency.annotate(
                    "≥ (time limit)",
                    (size, p95),
                    xytext=(-75, 6),
                    textcoords="offset points",
                    fontsize=8,
                )
        stored = sorted((s, n / 1e6) for (s, b), n in sizes.items() if b == backend)
        if stored:
            space.plot(*zip(*stored, strict=True), marker="o", label=backend)
    for axes, title in (
        (latency, "worst p95 of the query kinds (ms)"),
        (space, "index size (MB)"),
    ):
        axes.set_xscale("log")
        axes.set_yscale("log")
        axes.set_xlabel("documents")
        axes.set_title(title)
        axes.grid(True, which="both", alpha=0.3)
        axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=100)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--backends", nargs="+", default=["database", "elasticsearch"])
    parser.add_argument(
        "--elasticsearch-url", default=os.environ.get("ELASTICSEARCH_URL", "")
    )
    parser.add_argument("--postgres-url", help="a database to create others beside")
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--reimport", type=int, default=100_000)
    parser.add_argument("--time-limit", type=float, default=5.0)
    parser.add_argument("--workdir", default="/tmp/bench-scale")
    parser.add_argument("--results", required=True)
    parser.add_argument("--keep", action="store_true", help="keep the indexes")
    parser.add_argument("--report", action="store_true")
    parser.add_argument(
        "--existing",
        metavar="DATABASE_URL",
        help="only measure the queries (and size) of an archive already loaded "
        "(one --sizes, one --backends): e.g. one whose import was stopped",
    )
    parser.add_argument("--label", help="the size to record, with --existing")
    parser.add_argument("--plot")
    args = parser.parse_args()
    if args.report:
        report(args.results, args.plot)
        return

    def record(**fields):
        with open(args.results, "a", encoding="utf-8") as out:
            out.write(json.dumps({**fields, "at": time.time()}) + "\n")
        print(json.dumps(fields)[:300], file=sys.stderr, flush=True)

    if args.existing:
        measure_existing(args, record)
        report(args.results, args.plot)
        return

    folder = Path(args.workdir)
    folder.mkdir(parents=True, exist_ok=True)

    try:
        for size in args.sizes:
            for backend in args.backends:
                if backend == "elasticsearch" and not (
                    args.elasticsearch_url and args.postgres_url
                ):
                    sys.exit("the engine needs --elasticsearch-url and --postgres-url")
                measure(args, size, backend, folder, record)
            (folder / f"archive-{size}.jsonl").unlink(missing_ok=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    report(args.results, args.plot)


if __name__ == "__main__":
    main()
