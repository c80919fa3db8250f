"""The portal's metrics, in Prometheus' text format.

Counters and histograms are kept by prometheus-client in a registry of the
portal's own (never the library's global one, which would also publish the
process collectors of whichever worker answers). Production runs several
gunicorn worker processes, and a scrape reaches only one of them, so when
``PROMETHEUS_MULTIPROC_DIR`` is set every process writes its values to files in
that folder and a scrape adds up all of them (prometheus-client's multiprocess
mode). The folder must exist and be emptied before gunicorn starts. No live
``Gauge`` is kept: the queue and backlog figures are read from the database at
scrape time (``QueueCollector``), so they are the same whichever process
answers and need no per-process bookkeeping.
"""

import os

from django.db.models import Count
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from portal.operations.readiness import oldest_waiting_age, waiting_tasks
from search.models import PendingIndexUpdate

REGISTRY = CollectorRegistry()

REQUESTS = Counter(
    "portal_http_requests",
    "Requests answered, by view (its URL name) and status code.",
    ["view", "method", "status"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "portal_http_request_duration_seconds",
    "Time to answer a request, by view and status code.",
    ["view", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    registry=REGISTRY,
)
SEARCH_LATENCY = Histogram(
    "portal_search_duration_seconds",
    "Time the search backend took to answer, by kind of query and outcome.",
    ["kind", "outcome"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    registry=REGISTRY,
)
PAGE_CACHE = Counter(
    "portal_page_cache_requests",
    "Anonymous page requests answered from the page cache (hit) or not (miss).",
    ["result"],
    registry=REGISTRY,
)


class QueueCollector:
    """What waits, read from the database when the metrics are scraped."""

    def collect(self):
        waiting = waiting_tasks()
        yield GaugeMetricFamily(
            "portal_tasks_waiting",
            "Tasks in the database queue that could run and no worker has taken.",
            value=waiting.count(),
        )
        yield GaugeMetricFamily(
            "portal_tasks_oldest_waiting_age_seconds",
            "How long the oldest waiting task has waited since it could run.",
            value=oldest_waiting_age(waiting),
        )
        backlog = GaugeMetricFamily(
            "portal_index_backlog",
            "Items whose search entry is not known to be current "
            "(withheld: left out of results until it is).",
            labels=["withheld"],
        )
        counts = dict.fromkeys((False, True), 0)
        for withheld, count in PendingIndexUpdate.objects.values_list(
            "withheld"
        ).annotate(count=Count("pk")):
            counts[withheld] = count
        for withheld, count in counts.items():
            backlog.add_metric([str(withheld).lower()], count)
        yield backlog


def exposition():
    """The text a scrape receives."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)
    else:
        registry.register(REGISTRY)
    registry.register(QueueCollector())
    return generate_latest(registry)


def observe_search(sender, kind, seconds, failed, **kwargs):
    SEARCH_LATENCY.labels(kind, "error" if failed else "ok").observe(seconds)
