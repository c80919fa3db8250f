"""Benchmark: import rate and search latency of the archive on both backends.

    .venv/bin/python bench/archive_search.py --sizes 10000 100000 \
        [--elasticsearch-url http://127.0.0.1:9200] [--queries 200] [--time-limit 5]

For each size and backend it generates the same synthetic archive, imports it
with `import_documents` into a fresh SQLite database (and the engine, when a URL
is given), then runs a mix of queries through the search view as an anonymous
reader (so the access filter and facets are always on) and prints a table.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import write_jsonl  # noqa: E402
from bench.environment import portal_env, portal_output  # noqa: E402
from bench.table import percentile, print_table  # noqa: E402

QUERY_MIX = {
    "words": [
        "công tác cán bộ",
        "chuyển đổi số",
        "kiểm tra giám sát",
        "phát triển Thủ đô",
    ],
    "no diacritics": [
        "cong tac can bo",
        "chuyen doi so",
        "kiem tra giam sat",
        "phat trien thu do",
    ],
    "symbol": ["01-TB/TU", "5/KL-TW", "nq 2 tw", "03bcvptu"],
    "phrase": ['"cải cách hành chính"', '"bảo vệ môi trường"', '"đội ngũ cán bộ"'],
    "facets + filters": [
        ("dân vận", {"type": "KL", "year": "2020"}),
        ("giao thông", {"status": "expired"}),
        ("văn thư", {"from": "2018-01-01", "to": "2019-12-31"}),
    ],
}


def search_params(query):
    """The parameters of ``/search/`` asking for one query of ``QUERY_MIX``
    (its text, or its text and filters) as JSON."""
    text, filters = query if isinstance(query, tuple) else (query, {})
    return {"q": text, "format": "json", **filters}


def run_manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if args[0] != "import_documents" else None,
    )


def import_archive(env, source):
    started = time.monotonic()
    output = subprocess.run(
        [sys.executable, "manage.py", "import_documents", str(source)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return time.monotonic() - started, output.strip().splitlines()[-1]


def measure_queries(env, rounds, time_limit):
    """Time the search view in a child process that has this backend's settings."""
    code = f"""
import json, time, sys
import django
django.setup()
from django.test import Client
from django.db import connection
sys.path.insert(0, {str(ROOT)!r})
from bench.archive_search import QUERY_MIX, search_params
client = Client()
limit = {time_limit}
timings = {{}}
hit_limit = {{}}
for rnd in range({rounds}):
    for kind, queries in QUERY_MIX.items():
        if hit_limit.get(kind):
            continue
        query = queries[rnd % len(queries)]
        deadline = time.monotonic() + limit
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            connection.connection.set_progress_handler(
                lambda: int(time.monotonic() > deadline), 10000)
        started = time.monotonic()
        response = client.get("/search/", search_params(query))
        elapsed = time.monotonic() - started
        if response.status_code != 200 or elapsed > limit:
            hit_limit[kind] = True
        timings.setdefault(kind, []).append(elapsed * 1000)
print(json.dumps({{"timings": timings, "hit_limit": hit_limit}}))
"""
    return json.loads(portal_output(env, code))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument(
        "--elasticsearch-url", default=os.environ.get("ELASTICSEARCH_URL", "")
    )
    parser.add_argument("--rounds", type=int, default=40, help="query rounds per size")
    parser.add_argument(
        "--time-limit", type=float, default=5.0, help="seconds per query"
    )
    args = parser.parse_args()

    backends = ["database"] + (["elasticsearch"] if args.elasticsearch_url else [])
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            source = Path(folder) / f"archive-{size}.jsonl"
            write_jsonl(source, size)
            for backend in backends:
                env = portal_env(
                    f"sqlite:///{folder}/bench-{backend}-{size}.sqlite3",
                    f"bench_{size}_",
                    args.elasticsearch_url if backend == "elasticsearch" else None,
                )
                run_manage(env, "migrate", "--noinput")
                if backend == "elasticsearch":
                    run_manage(env, "update_index")  # fresh indexes with the mapping
                seconds, summary = import_archive(env, source)
                measured = measure_queries(env, args.rounds, args.time_limit)
                for kind, timings in measured["timings"].items():
                    rows.append(
                        (
                            size,
                            backend,
                            f"{size / seconds:.0f}",
                            kind,
                            len(timings),
                            percentile(timings, 0.5),
                            percentile(timings, 0.95),
                            percentile(timings, 0.99),
                            "yes" if measured["hit_limit"].get(kind) else "no",
                        )
                    )
                print(f"# {backend} {size}: {summary}", file=sys.stderr)

    header = (
        "documents",
        "backend",
        "import docs/s",
        "queries",
        "n",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "hit limit",
    )
    print_table(header, rows)


if __name__ == "__main__":
    main()
