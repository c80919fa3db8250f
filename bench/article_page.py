"""Benchmark: article-page throughput against a trivial view, cached and not.

    .venv/bin/python bench/article_page.py [--workers 2] [--seconds 15] [--connections 8]

Loads the demo content into a fresh SQLite database, then serves it with
gunicorn under the production settings, twice: with the anonymous page cache
and with it turned off (PAGE_CACHE_SECONDS=0). In each run wrk measures the
trivial view (/healthz/, which passes through the same middleware) and an
article page with its comments and comment form, and the table gives each
rate as a share of the trivial view's rate in the same run. A third run sends the session cookie of
a reader with an account, for whom the page is always built (the cache serves
anonymous readers only).
"""

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.table import print_table  # noqa: E402

VENV_BIN = Path(sys.executable).parent


def manage(env, *args, settings="portal.settings.dev"):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": settings},
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer at {url}")


def wrk(url, seconds, connections, cookie=None):
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", *headers, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if "Non-2xx" in output:
        raise RuntimeError(f"{url} answered errors:\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"\s+(50|99)%\s+([\d.]+\w+)", output))
    return rate, latency.get("50", "?"), latency.get("99", "?")


def serve_and_measure(env, mode, article, args, cookie=None):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "portal.wsgi",
            f"--workers={args.workers}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env={
            **env,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            # Signed in, the cache is on but never answers: what readers with
            # an account get.
            "PAGE_CACHE_SECONDS": "0" if mode == "uncached" else "600",
        },
        # A line per request in the production log: kept out of the table.
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(base + "/healthz/")
        rows = []
        for name, path in (("trivial view", "/healthz/"), ("article page", article)):
            wrk(base + path, 2, args.connections, cookie)  # warm up: renditions, caches
            rows.append(
                (mode, name, *wrk(base + path, args.seconds, args.connections, cookie))
            )
        trivial_rate = rows[0][2]
        return [
            (*row[:3], f"{100 * row[2] / trivial_rate:.1f} %", *row[3:]) for row in rows
        ]
    finally:
        server.terminate()
        server.wait()


def reader_session(env):
    """The session cookie of a reader with an account and no role."""
    key = (
        manage(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from importlib import import_module;"
            "from django.conf import settings;"
            "from django.contrib import auth;"
            "user, _ = auth.get_user_model().objects.get_or_create(username='bench-reader');"
            "store = import_module(settings.SESSION_ENGINE).SessionStore();"
            "store[auth.SESSION_KEY] = str(user.pk);"
            "from django.utils.module_loading import import_string;"
            "store[auth.BACKEND_SESSION_KEY] = next(b for b in"
            " settings.AUTHENTICATION_BACKENDS if hasattr(import_string(b), 'get_user'));"
            "store[auth.HASH_SESSION_KEY] = user.get_session_auth_hash();"
            "store.create();"
            "print(settings.SESSION_COOKIE_NAME + '=' + store.session_key)",
            settings="portal.settings.production",
        )
        .strip()
        .splitlines()[-1]
    )
    return key


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: scripts/apt-require.sh wrk")

    with tempfile.TemporaryDirectory() as folder:
        env = {
            **{k: v for k, v in os.environ.items() if k != "ELASTICSEARCH_URL"},
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
            "PRIVATE_MEDIA_ROOT": f"{folder}/private",
            "STATIC_ROOT": f"{folder}/static",
            "PAGE_CACHE_DIR": f"{folder}/page-cache",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DEBUG": "0",
        }
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput", settings="portal.settings.production")
        article = (
            manage(
                env,
                "shell",
                "--no-imports",
                "-c",
                "from portal.comments.models import Comment;"
                "print(Comment.objects.approved().first().page.url)",
            )
            .strip()
            .splitlines()[-1]
        )
        rows = []
        for mode in ("cached", "uncached"):
            rows += serve_and_measure(env, mode, article, args)
        rows += serve_and_measure(
            env, "signed in", article, args, cookie=reader_session(env)
        )

    print(
        f"# gunicorn {args.workers} workers, wrk 1 thread {args.connections} "
        f"connections {args.seconds} s; article {article}"
    )
    print_table(("cache", "view", "req/s", "share of trivial", "p50", "p99"), rows)


if __name__ == "__main__":
    main()
