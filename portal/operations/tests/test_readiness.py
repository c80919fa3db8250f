"""/healthz/ says the process answers; /readyz/ says whether it should get traffic,
and, to those who may read the metrics, why."""

import ipaddress
import socket
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

TOKEN = "token-of-the-monitoring"


@pytest.fixture
def monitoring(settings):
    settings.METRICS_ALLOWED_ADDRESSES = [ipaddress.ip_network("10.0.0.0/24")]
    settings.METRICS_TOKEN = TOKEN
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("127.0.0.1/32")]
    return settings


def readyz(client, **headers):
    """/readyz/ as the monitoring asks for it: with the token."""
    return client.get("/readyz/", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", **headers)


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def engine_at(settings, url):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": "portal_test_readiness_",
            "TIMEOUT": 2,
        }
    }


def test_healthz_answers_without_checking_any_dependency(client, settings):
    engine_at(settings, f"http://127.0.0.1:{closed_port()}")

    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.content == b"ok"


def test_readyz_names_every_check_and_is_ok_when_all_are(client, monitoring):
    response = readyz(client)

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "search", "tasks"}
    assert {check["state"] for check in body["checks"].values()} == {"ok"}
    assert body["checks"]["search"]["backend"] == "elasticsearch"
    assert body["checks"]["tasks"]["waiting"] == 0
    assert "no-cache" in response["Cache-Control"]


def test_engine_down_reports_search_degraded_and_keeps_serving_pages(
    client, monitoring, home_page
):
    engine_at(monitoring, f"http://127.0.0.1:{closed_port()}")

    response = readyz(client)

    # degraded, not failing: the load balancer keeps the server in rotation
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["state"] == "degraded"
    assert body["checks"]["database"]["state"] == "ok"
    page = client.get(home_page.url)
    assert page.status_code == 200
    assert home_page.title in page.content.decode()


def test_a_task_waiting_too_long_degrades_readiness(client, monitoring):
    monitoring.READINESS_TASK_AGE_LIMIT = 60
    late = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="portal.comments.tasks.notify_moderators",
        backend_name="default",
        run_after=timezone.now() - timedelta(minutes=5),
    )
    DBTaskResult.objects.filter(pk=late.pk).update(
        enqueued_at=timezone.now() - timedelta(minutes=6)
    )
    fresh = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="portal.comments.tasks.notify_moderators",
        backend_name="default",
        run_after=timezone.now() + timedelta(hours=1),  # not due yet: not waiting
    )
    assert fresh.status == "READY"

    body = readyz(client).json()

    tasks = body["checks"]["tasks"]
    assert tasks["state"] == "degraded"
    assert tasks["waiting"] == 1
    assert 290 <= tasks["oldest_age_seconds"] <= 400
    assert body["status"] == "degraded"


def test_a_broken_cache_fails_readiness_with_503(client, monitoring):
    monitoring.CACHES = {
        **monitoring.CACHES,
        "broken": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}",
        },
    }

    response = readyz(client)

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert body["checks"]["cache"] == {
        "state": "failing",
        "failing": ["broken"],
        "seconds": body["checks"]["cache"]["seconds"],
    }


def test_anyone_else_is_told_the_status_and_nothing_about_the_infrastructure(
    client, monitoring
):
    monitoring.CACHES = {
        **monitoring.CACHES,
        "broken": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}",
        },
    }
    outside = {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}

    anonymous = client.get("/readyz/", **outside)
    wrong_token = client.get(
        "/readyz/", HTTP_AUTHORIZATION="Bearer not-the-token", **outside
    )
    allowed_address = client.get("/readyz/", HTTP_X_FORWARDED_FOR="10.0.0.7")

    for response in (anonymous, wrong_token):
        assert response.status_code == 503
        assert response.json() == {"status": "failing"}
    assert allowed_address.status_code == 503
    assert allowed_address.json()["checks"]["cache"]["failing"] == ["broken"]


def test_with_nobody_allowed_every_caller_gets_the_status_alone(client, settings):
    settings.METRICS_ALLOWED_ADDRESSES = []
    settings.METRICS_TOKEN = ""

    response = client.get("/readyz/", HTTP_AUTHORIZATION="Bearer ")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
