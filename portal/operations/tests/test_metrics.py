"""/metrics: Prometheus' text, for the configured addresses or the token only."""

import ipaddress
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

from portal.documents.factories import DocumentFactory
from portal.operations.metrics import REGISTRY
from search.models import PendingIndexUpdate

pytestmark = pytest.mark.django_db

TOKEN = "s3cret-token-for-the-scraper"


@pytest.fixture
def scraping(settings):
    settings.METRICS_ALLOWED_ADDRESSES = [ipaddress.ip_network("10.0.0.0/24")]
    settings.METRICS_TOKEN = TOKEN
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("127.0.0.1/32")]
    return settings


def samples(response):
    """{(name, frozenset(labels)): value} of every sample in the answer."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def scrape(client):
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    return samples(response)


def test_metrics_are_refused_to_other_addresses_and_wrong_tokens(client, scraping):
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="10.0.1.5").status_code == 404
    wrong = client.get("/metrics", HTTP_AUTHORIZATION="Bearer not-the-token")
    assert wrong.status_code == 404
    basic = client.get("/metrics", HTTP_AUTHORIZATION=f"Basic {TOKEN}")
    assert basic.status_code == 404


def test_metrics_answer_an_allowed_address_behind_a_trusted_proxy(client, scraping):
    response = client.get("/metrics", HTTP_X_FORWARDED_FOR="10.0.0.7")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    assert b"portal_http_requests_total" in response.content


def test_metrics_answer_the_bearer_of_the_token_from_anywhere(client, scraping):
    response = client.get(
        "/metrics",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )

    assert response.status_code == 200


def test_no_address_and_no_token_configured_means_nobody(client, settings):
    settings.METRICS_ALLOWED_ADDRESSES = []
    settings.METRICS_TOKEN = ""

    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


def counted(name, **labels):
    return REGISTRY.get_sample_value(name, labels) or 0


def test_requests_are_counted_by_view_name_and_status_never_by_path(
    client, scraping, home_page
):
    ready = dict(view="ready", method="GET", status="200")
    missing = dict(view="wagtail_serve", method="GET", status="404")
    before = (
        counted("portal_http_requests_total", **ready),
        counted("portal_http_requests_total", **missing),
        counted(
            "portal_http_request_duration_seconds_count", view="ready", status="200"
        ),
    )

    client.get("/readyz/")
    client.get("/readyz/")
    client.get("/trang-khong-co-that/")

    assert counted("portal_http_requests_total", **ready) == before[0] + 2
    assert counted("portal_http_requests_total", **missing) == before[1] + 1
    assert (
        counted(
            "portal_http_request_duration_seconds_count", view="ready", status="200"
        )
        == before[2] + 2
    )
    text = scrape(client)
    assert not any("trang-khong-co-that" in str(key) for key in text)


def test_unknown_methods_are_counted_together_so_series_stay_bounded(client):
    other = dict(view="ready", method="other", status="200")
    before = counted("portal_http_requests_total", **other)

    for method in ("ZZ0", "ZZ1", "PROPFIND"):
        client.generic(method, "/readyz/")

    assert counted("portal_http_requests_total", **other) == before + 3
    methods = {
        sample.labels["method"]
        for family in REGISTRY.collect()
        for sample in family.samples
        if "method" in sample.labels
    }
    assert not methods & {"ZZ0", "ZZ1", "PROPFIND"}
    assert methods <= {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"} | {
        "other"
    }


def test_page_cache_hits_and_misses_are_counted(client, home_page):
    hits = counted("portal_page_cache_requests_total", result="hit")
    misses = counted("portal_page_cache_requests_total", result="miss")
    served = dict(view="wagtail_serve", method="GET", status="200")
    pages = counted("portal_http_requests_total", **served)

    for _ in range(3):
        assert client.get(home_page.url).status_code == 200
    client.get("/readyz/")  # a probe is no page: neither hit nor miss

    assert counted("portal_page_cache_requests_total", result="miss") == misses + 1
    assert counted("portal_page_cache_requests_total", result="hit") == hits + 2
    # a hit never reaches the resolver, and still counts under its view's name
    assert counted("portal_http_requests_total", **served) == pages + 3


def test_search_latency_is_measured_per_kind(client, settings, home_page):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database"}
    }
    before = {
        kind: counted("portal_search_duration_seconds_count", kind=kind, outcome="ok")
        for kind in ("search", "suggest")
    }

    client.get("/search/", {"q": "nghị quyết"})
    client.get("/search/suggest/", {"q": "nghị"})

    for kind in ("search", "suggest"):
        assert (
            counted("portal_search_duration_seconds_count", kind=kind, outcome="ok")
            == before[kind] + 1
        )


def test_queue_depth_oldest_age_and_index_backlog_are_read_from_the_database(
    client, scraping
):
    for minutes in (3, 1):
        waiting = DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="portal.comments.tasks.notify_moderators",
            backend_name="default",
            run_after=timezone.now(),
        )
        DBTaskResult.objects.filter(pk=waiting.pk).update(
            enqueued_at=timezone.now() - timedelta(minutes=minutes),
            run_after=timezone.now() - timedelta(minutes=minutes),
        )
    documents = DocumentFactory.create_batch(3)
    PendingIndexUpdate.objects.all().delete()
    PendingIndexUpdate.remember(type(documents[0]), [documents[0].pk], withhold=True)
    PendingIndexUpdate.remember(type(documents[0]), [documents[1].pk, documents[2].pk])

    found = scrape(client)

    assert found[("portal_tasks_waiting", frozenset())] == 2
    assert 170 <= found[("portal_tasks_oldest_waiting_age_seconds", frozenset())] <= 300
    assert found[("portal_index_backlog", frozenset({("withheld", "true")}))] == 1
    assert found[("portal_index_backlog", frozenset({("withheld", "false")}))] == 2


COUNT_IN_A_WORKER = """
import django
django.setup()
from portal.operations import metrics
metrics.REQUESTS.labels("ready", "GET", "200").inc({count})
"""


def test_several_worker_processes_are_added_up_in_multiprocess_mode(
    client, scraping, tmp_path, monkeypatch
):
    environment = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", COUNT_IN_A_WORKER.format(count=count)],
            env=environment,
            cwd=Path(__file__).resolve().parents[3],
        )
        for count in (3, 4)
    ]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0]
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))

    found = scrape(client)

    # the two workers' counts, from their files, and the queue read at scrape time
    ready = frozenset({("view", "ready"), ("method", "GET"), ("status", "200")})
    assert found[("portal_http_requests_total", ready)] == 7
    assert ("portal_tasks_waiting", frozenset()) in found
