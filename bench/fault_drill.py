"""The fault drill: the production layout on loopback, under load, with faults.

    .venv/bin/python -m bench.fault_drill [--scale 1] [--state DIR]

Starts PostgreSQL, Redis and a two-node Elasticsearch cluster with the service
scripts, two application servers and the task worker with the command lines of
their systemd units and nginx with the site file (bench.cluster, deploy/), and
loads the demo. Then readers, searchers, staff reporting progress, clerks
registering incoming documents and commenters work through nginx while, one
after the other with a steady spell between, an engine node is stopped and started
again, an application server is killed (SIGKILL) and started again, and the
worker is stopped for a minute. A document is edited while the node is down and
an article withdrawn while the worker is stopped.

Prints requests per second, p95 latency and errors by kind for each phase, then
checks that every acknowledged write is stored (comments, registrations with
gap-free numbers, progress reports), that the index agrees with the database
(count per model; the edited document found by its new words) and that the
withdrawn article is not served. Exits 1 if a check fails.
"""

import argparse
import json
import os
import random
import re
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import requests

from bench import cluster
from bench.table import print_table

PASSWORD = "Demo@2026"  # the demo accounts' (README)
SEARCHES = ["nghị quyết", "thu do", "ke hoach", "báo cáo", "15-NQ/TW", "chỉ thị"]
READERS, SEARCHERS = 6, 2
THINK = 0.2  # seconds between one simulated reader's requests
WRITER_THINK = 2  # and between a writer's (clerk, staff, commenter)


@dataclass
class Drill:
    base: str
    started: float = field(default_factory=time.monotonic)
    phase: str = "baseline"
    records: list = field(default_factory=list)  # (phase, kind, outcome, seconds)
    acknowledged: dict = field(default_factory=lambda: defaultdict(list))
    events: list = field(default_factory=list)
    withdrawn_at: float | None = None
    withdrawn_served: int = 0
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def now(self):
        return time.monotonic() - self.started

    def enter(self, phase):
        with self.lock:
            self.phase = phase
            self.events.append((round(self.now(), 1), phase))
        print(f"[{self.now():6.1f} s] {phase}", flush=True)

    def request(self, session, kind, method, path, **kwargs):
        """One request through nginx, recorded under the phase it started in."""
        phase, began = self.phase, time.monotonic()
        try:
            response = session.request(
                method, self.base + path, timeout=30, allow_redirects=False, **kwargs
            )
            outcome = response.status_code
        except requests.Timeout:
            response, outcome = None, "timeout"
        except requests.ConnectionError:
            response, outcome = None, "connection"
        with self.lock:
            self.records.append((phase, kind, outcome, time.monotonic() - began))
        return response


def csrf_token(response):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    return match.group(1) if match else ""


def sign_in(drill, username):
    session = requests.Session()
    form = drill.request(session, "sign-in", "GET", "/login/")
    answer = drill.request(
        session,
        "sign-in",
        "POST",
        "/login/",
        data={
            "username": username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": csrf_token(form),
        },
    )
    if answer is None or answer.status_code != 302:
        raise RuntimeError(f"{username} could not sign in")
    return session


def until_stopped(drill, work, think=THINK):
    while not drill.stop.is_set():
        try:
            work()
        except Exception as error:  # a failed step is recorded, the user goes on
            print(f"  {work.__name__}: {error!r}", flush=True)
        time.sleep(think * random.uniform(0.5, 1.5))


def reader(drill, paths, withdrawn):
    session = requests.Session()

    def read():
        path = withdrawn if random.random() < 0.2 else random.choice(paths)
        began = drill.now()
        response = drill.request(session, "read", "GET", path)
        if (
            path == withdrawn
            and drill.withdrawn_at is not None
            and began > drill.withdrawn_at
            and response is not None
            and response.status_code == 200
        ):
            with drill.lock:
                drill.withdrawn_served += 1

    until_stopped(drill, read)


def searcher(drill):
    session = requests.Session()

    def search():
        drill.request(
            session,
            "search",
            "GET",
            "/search/",
            params={"q": random.choice(SEARCHES), "format": "json"},
        )

    until_stopped(drill, search)


def staff(drill, task_ids):
    session = sign_in(drill, "canbo")

    def report():
        task = random.choice(task_ids)
        page = drill.request(session, "progress", "GET", f"/noi-bo/nhiem-vu/{task}/")
        if page is None or page.status_code != 200:
            return
        text = f"Báo cáo tiến độ diễn tập {secrets.token_hex(6)}"
        answer = drill.request(
            session,
            "progress",
            "POST",
            f"/noi-bo/nhiem-vu/{task}/bao-cao/",
            data={
                "text": text,
                "percent": random.randint(10, 90),
                "csrfmiddlewaretoken": csrf_token(page),
            },
        )
        if answer is not None and answer.status_code == 302:
            drill.acknowledged["progress"].append(text)

    until_stopped(drill, report, WRITER_THINK)


def scan_pdf():
    """A one-page PDF with a line of text, as a registered scan."""
    import io

    from matplotlib.figure import Figure

    figure = Figure(figsize=(8.27, 11.69))
    figure.text(0.1, 0.9, "CONG VAN - dien tap")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    return buffer.getvalue()


def clerk(drill, sender_id):
    session = sign_in(drill, "vanthu")
    path = "/admin/correspondence/incoming/new/"
    scan = scan_pdf()

    def register():
        form = drill.request(session, "register", "GET", path)
        if form is None or form.status_code != 200:
            return
        serial = secrets.randbelow(10**6)
        title = f"Công văn diễn tập số {serial}"
        answer = drill.request(
            session,
            "register",
            "POST",
            path,
            data={
                "received_on": time.strftime("%Y-%m-%d"),
                "document_type": "CV",
                "sender": sender_id,
                "symbol": f"{serial}-CV/DT",
                "dated": time.strftime("%Y-%m-%d"),
                "title": title,
                "urgency": "normal",
                "confidentiality": "none",
                "recipient": "Phòng Hành chính",
                "handling_deadline": "",
                "notes": "",
                "csrfmiddlewaretoken": csrf_token(form),
            },
            files={"file": (f"{serial}.pdf", scan, "application/pdf")},
        )
        if answer is not None and answer.status_code == 302:
            drill.acknowledged["registration"].append(title)

    until_stopped(drill, register, WRITER_THINK)


def commenter(drill, article_id):
    session = requests.Session()

    def comment():
        # Each comment from another reader's address, believed from nginx.
        headers = {
            "X-Forwarded-For": f"198.18.{random.randint(0, 255)}.{random.randint(1, 254)}"
        }
        drill.request(
            session, "comment", "GET", "/binh-luan/ma-bao-mat.png", headers=headers
        )
        subject = f"Góp ý diễn tập {secrets.token_hex(6)}"
        answer = drill.request(
            session,
            "comment",
            "POST",
            f"/binh-luan/{article_id}/",
            headers=headers,
            data={
                "name": "Nguyễn Văn An",
                "subject": subject,
                "body": "Xin cảm ơn ban biên tập.",
                "captcha": "ABCDE",
            },
        )
        if answer is not None and answer.status_code == 302:
            drill.acknowledged["comment"].append(subject)

    until_stopped(drill, comment, WRITER_THINK)


def watch_readiness(drill, seen):
    """What /readyz/ says during each phase, if the portal has it."""
    session = requests.Session()
    while not drill.stop.is_set():
        try:
            answer = session.get(drill.base + "/readyz/", timeout=5)
            if answer.status_code == 404:
                return
            status = answer.json().get("status", "?")
        except (requests.RequestException, ValueError):
            status = "no answer"
        with drill.lock:
            seen[drill.phase][status] += 1
        time.sleep(2)


def find_words(drill, words):
    answer = requests.get(
        drill.base + "/search/", params={"q": words, "format": "json"}, timeout=30
    )
    return answer.status_code == 200 and bool(answer.json()["results"])


# How long each part lasts, in seconds (times --scale); restarts take what they take.
BASELINE, ENGINE_DOWN, STEADY, SERVER_DOWN, WORKER_DOWN = 30, 35, 20, 15, 60


def faults(drill, layout, fixtures, timings, scale):
    """The faults one after the other, each after a steady spell; a step that
    fails is reported and the drill goes on to the next."""

    def pause(seconds):
        drill.stop.wait(seconds * scale)

    steps = [
        (engine_node_fault, (drill, layout, fixtures, timings, pause)),
        (app_server_fault, (drill, layout, pause)),
        (worker_fault, (drill, layout, fixtures, pause)),
    ]
    pause(BASELINE)
    for step, step_args in steps:
        try:
            step(*step_args)
        except Exception as error:
            timings.setdefault("fault_errors", []).append(repr(error))
            print(f"  {step.__name__} failed: {error!r}", flush=True)
        pause(STEADY)


def engine_node_fault(drill, layout, fixtures, timings, pause):
    drill.enter("engine node down")
    cluster.service("elasticsearch", "stop-node", layout["engine_state"], 2)
    words = timings["words"] = f"dientap{secrets.randbelow(10**6)}"
    fixtures["edit"](words)
    pause(ENGINE_DOWN)
    drill.enter("engine node restarting")
    cluster.service("elasticsearch", "start-node", layout["engine_state"], 2)
    back = drill.now()
    drill.enter("engine node back")
    # Consistent again: every shard has its two copies, and the document edited
    # while the node was away is found by its new words.
    deadline = time.monotonic() + 180
    engine = layout["engine"].options(request_timeout=30)
    while time.monotonic() < deadline:
        green = engine.cluster.health(timeout="1s")["status"] == "green"
        if green and find_words(drill, words):
            timings["consistent_after"] = round(drill.now() - back, 1)
            return
        time.sleep(1)


def app_server_fault(drill, layout, pause):
    drill.enter("app server killed")
    layout["apps"][0].kill()
    pause(SERVER_DOWN)
    drill.enter("app server restarting")
    layout["apps"][0].start()
    cluster.wait_until_up(layout["app_urls"][0] + "/healthz/")
    drill.enter("app server back")


def worker_fault(drill, layout, fixtures, pause):
    drill.enter("worker stopped")
    layout["worker"].stop()
    pause(5)
    fixtures["withdraw"]()
    drill.withdrawn_at = drill.now()
    pause(WORKER_DOWN - 5)
    layout["worker"].start()
    drill.enter("worker back")


def percentile(values, share):
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(drill, readiness):
    segments = [(0.0, "baseline"), *drill.events]
    ends = [start for start, _name in segments[1:]] + [drill.now()]
    by_phase = defaultdict(list)
    for phase, _kind, outcome, seconds in drill.records:
        by_phase[phase].append((outcome, seconds))
    rows = []
    for (start, name), end in zip(segments, ends, strict=True):
        records = by_phase[name]
        errors = Counter(
            str(outcome)
            for outcome, _seconds in records
            if not isinstance(outcome, int) or outcome >= 500
        )
        states = readiness.get(name)
        rows.append(
            [
                name,
                f"{start:.0f}",
                f"{end - start:.0f}",
                len(records),
                f"{len(records) / max(end - start, 1):.1f}",
                f"{percentile([s for _o, s in records], 0.95) * 1000:.0f}",
                ", ".join(f"{k}: {v}" for k, v in sorted(errors.items())) or "none",
                ", ".join(f"{k} {v}" for k, v in sorted(states.items()))
                if states
                else "–",
            ]
        )
    print_table(
        [
            "phase",
            "from s",
            "length s",
            "requests",
            "rps",
            "p95 ms",
            "errors (≥500, no answer)",
            "/readyz/",
        ],
        rows,
    )
    kinds = defaultdict(list)
    for _phase, kind, outcome, seconds in drill.records:
        kinds[kind].append((outcome, seconds))
    print_table(
        ["kind", "requests", "p95 ms", "median ms", "answers"],
        [
            [
                kind,
                len(values),
                f"{percentile([s for _o, s in values], 0.95) * 1000:.0f}",
                f"{statistics.median([s for _o, s in values]) * 1000:.0f}",
                ", ".join(
                    f"{k}: {v}"
                    for k, v in sorted(Counter(str(o) for o, _ in values).items())
                ),
            ]
            for kind, values in sorted(kinds.items())
        ],
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=float, default=1, help="multiply every spell (0.3: a trial)"
    )
    parser.add_argument(
        "--state", help="folder for the services (default: a new temporary one)"
    )
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    state = Path(args.state or tempfile.mkdtemp(prefix="portal-drill-"))
    state.mkdir(parents=True, exist_ok=True)
    state.chmod(0o755)
    layout = {"engine_state": state / "elasticsearch", "apps": [], "app_urls": []}
    stops = []
    try:
        run(args, state, layout, stops)
    finally:
        for stop in reversed(stops):
            try:
                stop()
            except Exception as error:
                print(f"could not stop a service: {error!r}", file=sys.stderr)
        if not args.state:
            shutil.rmtree(state, ignore_errors=True)


def run(args, state, layout, stops):
    print("Starting PostgreSQL, Redis and a two-node engine …", flush=True)
    engine_urls = {}
    engine_thread = threading.Thread(
        target=lambda: engine_urls.update(
            urls=cluster.service(
                "elasticsearch", "start-cluster", layout["engine_state"], 2
            )
        )
    )
    engine_thread.start()
    stops.append(
        lambda: cluster.service("elasticsearch", "stop", layout["engine_state"])
    )
    database = cluster.service("postgres", "start", state / "postgres")
    stops.append(lambda: cluster.service("postgres", "stop", state / "postgres"))
    redis_url = cluster.service("redis", "start", state / "redis")
    stops.append(lambda: cluster.service("redis", "stop", state / "redis"))
    engine_thread.join()
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.drill_settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database,
        "REDIS_URL": redis_url,
        "ELASTICSEARCH_URL": engine_urls["urls"],
        "ELASTICSEARCH_INDEX_PREFIX": "drill_",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TRUSTED_PROXIES": "127.0.0.1",
        "MEDIA_ROOT": str(state / "media"),
        "PRIVATE_MEDIA_ROOT": str(state / "private-media"),
        "STATIC_ROOT": str(state / "static"),
        "TWOFACTOR_REQUIRED": "false",
        "WEB_CONCURRENCY": "2",
        "EMAIL_URL": "dummy://",
        "LOG_LEVEL": "ERROR",
    }
    os.environ.update(env)
    print("Loading the demo …", flush=True)
    cluster.manage("migrate", "--noinput", "-v0", env=env)
    cluster.manage("load_demo", env=env, stdout=open(state / "demo.log", "w"))

    import django

    django.setup()
    fixtures = prepare()

    ports = [cluster.free_port(), cluster.free_port()]
    layout["app_urls"] = [f"http://127.0.0.1:{port}" for port in ports]
    for port in ports:
        app = cluster.app_server(port, env, log=state / f"web-{port}.log").start()
        layout["apps"].append(app)
        stops.append(app.stop)
    worker = cluster.worker(env, log=state / "worker.log").start()
    layout["worker"] = worker
    stops.append(worker.stop)
    for url, app in zip(layout["app_urls"], layout["apps"], strict=True):
        cluster.wait_until_up(url + "/healthz/", process=app)
    nginx = cluster.Nginx(state / "nginx", ports, static_root=state / "static").start()
    stops.append(nginx.stop)
    from wagtail.search.backends import get_search_backend

    layout["engine"] = get_search_backend().es

    drill = Drill(base=nginx.url)
    readiness = defaultdict(Counter)
    timings = {}
    users = [
        *(
            threading.Thread(
                target=reader, args=(drill, fixtures["paths"], fixtures["withdrawn"])
            )
            for _ in range(READERS)
        ),
        *(threading.Thread(target=searcher, args=(drill,)) for _ in range(SEARCHERS)),
        threading.Thread(target=staff, args=(drill, fixtures["tasks"])),
        threading.Thread(target=clerk, args=(drill, fixtures["sender"])),
        threading.Thread(target=commenter, args=(drill, fixtures["article"])),
        threading.Thread(target=watch_readiness, args=(drill, readiness)),
    ]
    print(f"Load through {nginx.url} until the last fault is over …", flush=True)
    for user in users:
        user.start()
    faults(drill, layout, fixtures, timings, args.scale)
    drill.stop.set()
    for user in users:
        user.join()

    report(drill, readiness)
    failures = check(drill, fixtures, timings, layout)
    print(json.dumps({"timings": timings, "events": drill.events}, default=str))
    if failures:
        print("FAILED: " + "; ".join(failures))
        sys.exit(1)
    print("All checks passed.")


def prepare():
    """What the simulated users work on, chosen in the demo's content."""
    from django.contrib.auth import get_user_model

    from portal.correspondence.models import IncomingDocument
    from portal.documents.models import Document, IssuingBody
    from portal.followup.models import Task
    from portal.news.models import ArticlePage, SectionPage

    staff_user = get_user_model().objects.get(username="canbo")
    tasks = [
        task.pk
        for task in Task.objects.open()
        if task.reporting_unit_for(staff_user) is not None
    ]
    articles = list(ArticlePage.objects.live().public().filter(access="public")[:12])
    withdrawn, commented = articles[0], articles[1]
    documents = list(Document.objects.filter(live=True, access="public")[:10])
    paths = ["/", *(s.url for s in SectionPage.objects.live())]
    paths += [a.url for a in articles[2:]] + [d.get_absolute_url() for d in documents]
    edited = documents[0]
    year = time.localtime().tm_year

    def edit(words):
        edited.title = f"{edited.title} {words}"
        edited.save_revision().publish()

    def withdraw():
        withdrawn.specific.unpublish()

    return {
        "tasks": tasks,
        "paths": paths,
        "withdrawn": withdrawn.url,
        "withdrawn_id": withdrawn.pk,
        "article": commented.pk,
        "sender": IssuingBody.objects.first().pk,
        "edit": edit,
        "withdraw": withdraw,
        "edited_symbol": edited.symbol,
        "numbers_before": IncomingDocument.objects.filter(year=year).count(),
        "year": year,
    }


def check(drill, fixtures, timings, layout):
    """The checks after the load; returns what failed."""
    from django_tasks_db.models import DBTaskResult
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from portal.comments.models import Comment
    from portal.correspondence.models import IncomingDocument
    from portal.followup.models import ProgressReport
    from search.registry import searchable_models

    failures = []
    deadline = time.monotonic() + 120
    while DBTaskResult.objects.ready().exists() and time.monotonic() < deadline:
        time.sleep(1)
    backend = get_search_backend()
    backend.refresh_indexes()

    stored = {
        "comment": set(Comment.objects.values_list("subject", flat=True)),
        "registration": set(IncomingDocument.objects.values_list("title", flat=True)),
        "progress": set(ProgressReport.objects.values_list("text", flat=True)),
    }
    rows = []
    for kind, acknowledged in sorted(drill.acknowledged.items()):
        missing = [item for item in acknowledged if item not in stored[kind]]
        rows.append([kind, len(acknowledged), len(missing)])
        if missing:
            failures.append(f"{len(missing)} acknowledged {kind}(s) missing")
    numbers = sorted(
        IncomingDocument.objects.filter(year=fixtures["year"]).values_list(
            "number", flat=True
        )
    )
    gap_free = numbers == list(range(1, len(numbers) + 1))
    rows.append(
        ["incoming numbers 1…N without gap", len(numbers), 0 if gap_free else "gap"]
    )
    if not gap_free:
        failures.append("the incoming register's numbers have a gap")

    for model in searchable_models():
        label = f"{model._meta.app_label}.{model.__name__}"
        indexed = backend.es.count(
            index=backend.get_index_for_model(model).name,
            query={"term": {"_django_content_type": label}},
        )["count"]
        # A page is indexed once, under its own type and each type above it.
        in_database = (
            model.objects.count()
            if issubclass(model, Page)
            else model.get_indexed_objects().count()
        )
        rows.append([f"index / database: {label}", indexed, in_database - indexed])
        if indexed != in_database:
            failures.append(
                f"{label}: {indexed} indexed, {in_database} in the database"
            )

    for error in timings.get("fault_errors", []):
        failures.append(f"a fault step failed: {error}")
    found = find_words(drill, timings.get("words", "?"))
    rows.append(
        ["edited document found by its new words", int(found), 0 if found else 1]
    )
    if not found:
        failures.append("the edited document is not found by its new words")
    if timings.get("consistent_after", 999) > 60:
        failures.append("search was not consistent within 60 s of the engine's return")

    served = [
        requests.get(
            base + fixtures["withdrawn"], headers={"Host": "127.0.0.1"}, timeout=30
        ).status_code
        for base in [drill.base, *layout["app_urls"]]
    ]
    rows.append(
        [
            "withdrawn article served (load, afterwards)",
            drill.withdrawn_served,
            served.count(200),
        ]
    )
    if drill.withdrawn_served or 200 in served:
        failures.append("the withdrawn article was served")
    server_errors = sum(
        1
        for phase, _k, outcome, _s in drill.records
        if outcome == 500 and phase not in ("app server killed",)
    )
    rows.append(["500 outside the killed server's phase", server_errors, server_errors])
    if server_errors:
        failures.append(f"{server_errors} answers 500")
    print_table(["check", "count", "missing / wrong"], rows)
    return failures


if __name__ == "__main__":
    main()
