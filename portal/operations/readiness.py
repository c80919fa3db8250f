"""Whether this server can take traffic: each dependency checked and named.

A check answers ``ok``, ``degraded`` (the server still serves pages, with less:
no search, or background work running late) or ``failing`` (it should be taken
out of rotation). The engine is only ever *degraded*: pages, the archive's
listings and every form still work without it, and a load balancer that pulled
every server when the cluster is away would turn a missing search box into a
site that is down.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Case, F, Min, When
from django.db.models.functions import Greatest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.search.backends import get_search_backend

OK, DEGRADED, FAILING = "ok", "degraded", "failing"
SEVERITY = {OK: 0, DEGRADED: 1, FAILING: 2}


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"state": OK, "vendor": connection.vendor}


def check_cache():
    """Every configured cache takes a write and gives it back."""
    key, value = "portal:readiness", uuid.uuid4().hex
    broken = []
    for alias in settings.CACHES:
        cache = caches[alias]
        try:
            cache.set(key, value, 30)
            if cache.get(key) != value:
                broken.append(alias)
        except Exception:
            broken.append(alias)
    if broken:
        return {"state": FAILING, "failing": broken}
    return {"state": OK}


def check_search():
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is None:  # the database backend: as ready as the database
        return {"state": OK, "backend": "database"}
    timeout = settings.READINESS_ENGINE_TIMEOUT
    try:
        health = client.options(request_timeout=timeout, max_retries=0).cluster.health()
    except Exception as error:
        return {
            "state": DEGRADED,
            "backend": "elasticsearch",
            "error": type(error).__name__,
        }
    status = health["status"]
    return {
        "state": DEGRADED if status == "red" else OK,
        "backend": "elasticsearch",
        "cluster_status": status,
        "nodes": health["number_of_nodes"],
    }


def waiting_tasks():
    """Tasks in the database queue whose time has come and that no worker took."""
    now = timezone.now()
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY).exclude(
        run_after__gt=now, run_after__lt=get_date_max()
    )


def oldest_waiting_age(queryset):
    """Seconds the oldest waiting task has waited since it could run, or 0."""
    since = queryset.annotate(
        ready_since=Case(
            When(run_after=get_date_max(), then=F("enqueued_at")),
            default=Greatest("enqueued_at", "run_after"),
        )
    ).aggregate(oldest=Min("ready_since"))["oldest"]
    if since is None:
        return 0.0
    return max(0.0, (timezone.now() - since).total_seconds())


def check_tasks():
    queryset = waiting_tasks()
    age = oldest_waiting_age(queryset)
    limit = settings.READINESS_TASK_AGE_LIMIT
    return {
        "state": DEGRADED if age > limit else OK,
        "waiting": queryset.count(),
        "oldest_age_seconds": round(age, 1),
        "age_limit_seconds": limit,
    }


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "search": check_search,
    "tasks": check_tasks,
}


def readiness():
    """``(status, checks)``: the worst state, and each check's answer."""
    results = {}
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            result = check()
        except Exception as error:
            result = {"state": FAILING, "error": type(error).__name__}
        result["seconds"] = round(time.monotonic() - started, 4)
        results[name] = result
    status = max((r["state"] for r in results.values()), key=SEVERITY.__getitem__)
    return status, results
