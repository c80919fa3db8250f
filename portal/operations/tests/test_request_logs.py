"""One JSON line per request, its id carried into the tasks it queues."""

import io
import json
import logging
import re

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from portal.access.factories import UserFactory
from portal.operations.context import current_request_id
from portal.operations.logging import JsonFormatter

pytestmark = pytest.mark.django_db

GENERATED = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def log_stream():
    """What production's JSON handler would write, for the loggers involved."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    loggers = [
        logging.getLogger(name)
        for name in (
            "portal.requests",
            "django.request",
            "django_tasks",
            "portal.operations.tests",
        )
    ]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.fixture
def test_urls(settings):
    settings.ROOT_URLCONF = "portal.operations.tests.urls"


def test_each_request_is_one_json_line_with_its_id_user_view_status_and_time(
    client, log_stream, test_urls
):
    user = UserFactory()
    client.force_login(user)

    response = client.get("/tests/queue/", HTTP_X_REQUEST_ID="lb-7f3a9c2e11")

    assert response["X-Request-ID"] == "lb-7f3a9c2e11"
    [line] = [entry for entry in log_stream() if entry["logger"] == "portal.requests"]
    assert line["request_id"] == "lb-7f3a9c2e11"
    assert line["user_id"] == user.pk
    assert line["view"] == "queue_for_test"
    assert line["status"] == 200
    assert line["method"] == "GET"
    assert 0 < line["duration_ms"] < 60_000
    assert line["time"].endswith("+00:00")


def test_django_s_line_about_a_missing_page_carries_the_request_id(
    client, log_stream, home_page
):
    client.get("/khong-co-trang-nay/", HTTP_X_REQUEST_ID="lb-missing-0404")

    [warning] = [entry for entry in log_stream() if entry["logger"] == "django.request"]
    assert warning["message"] == "Not Found: /khong-co-trang-nay/"
    assert warning["request_id"] == "lb-missing-0404"
    assert warning["status_code"] == 404


def test_an_anonymous_request_is_logged_without_a_user(client, log_stream):
    client.get("/readyz/")

    [line] = [entry for entry in log_stream() if entry["logger"] == "portal.requests"]
    assert line["user_id"] is None
    assert line["view"] == "ready"


@pytest.mark.parametrize(
    "offered",
    ["", "short", "x" * 65, "has spaces in it", "id\nforged line", "<script>alert"],
)
def test_an_incoming_request_id_that_does_not_look_sane_is_replaced(
    client, log_stream, offered
):
    response = client.get("/readyz/", HTTP_X_REQUEST_ID=offered)

    assert GENERATED.fullmatch(response["X-Request-ID"])
    [line] = [entry for entry in log_stream() if entry["logger"] == "portal.requests"]
    assert line["request_id"] == response["X-Request-ID"]


def test_two_requests_without_an_id_get_different_ones(client):
    first = client.get("/readyz/")["X-Request-ID"]
    second = client.get("/readyz/")["X-Request-ID"]

    assert first != second


def test_an_error_carries_its_traceback_and_request_id_in_the_same_stream(
    client, log_stream, test_urls
):
    client.raise_request_exception = False

    response = client.get("/tests/fail/", HTTP_X_REQUEST_ID="lb-failing-0001")

    assert response.status_code == 500
    lines = log_stream()
    [error] = [entry for entry in lines if entry["logger"] == "django.request"]
    assert error["level"] == "ERROR"
    assert error["request_id"] == "lb-failing-0001"
    assert "Traceback" in error["traceback"]
    assert "RuntimeError: the archive's shelf fell over" in error["traceback"]
    [request_line] = [entry for entry in lines if entry["logger"] == "portal.requests"]
    assert (request_line["status"], request_line["request_id"]) == (
        500,
        "lb-failing-0001",
    )


def test_a_queued_task_runs_in_the_worker_under_the_id_of_its_request(
    client, log_stream, settings, test_urls
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    client.get("/tests/queue/", HTTP_X_REQUEST_ID="lb-queued-0042")
    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs["request_id"] == "lb-queued-0042"
    assert queued.task_result.args == ["báo cáo"]  # the task's own arguments intact

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="worker-1",
    )
    claimed = DBTaskResult.objects.get(pk=queued.pk)
    claimed.claim(worker.worker_id)  # as the worker's loop does
    worker.run_task(claimed)

    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    worker_lines = [
        entry
        for entry in log_stream()
        if entry["logger"] in ("django_tasks", "portal.operations.tests")
    ]
    assert [entry["message"] for entry in worker_lines] == [
        f"Task id={queued.pk} path={queued.task_path} state=RUNNING",
        "working on báo cáo",
        f"Task id={queued.pk} path={queued.task_path} state=SUCCESSFUL",
    ]
    assert {entry["request_id"] for entry in worker_lines} == {"lb-queued-0042"}
    assert current_request_id() is None  # unbound once the task is done


def test_a_task_queued_outside_a_request_has_no_request_id(settings):
    from portal.operations.tests.urls import note_progress

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    note_progress.enqueue("ngoài yêu cầu")

    assert "request_id" not in DBTaskResult.objects.get().args_kwargs


def test_production_writes_json_lines_with_requests_and_worker_at_info(monkeypatch):
    import importlib

    monkeypatch.setenv("SECRET_KEY", "p" * 60)
    production = importlib.import_module("portal.settings.production")

    logging_settings = production.LOGGING
    handler = logging_settings["handlers"]["console"]
    assert logging_settings["formatters"][handler["formatter"]]["()"] == (
        "portal.operations.logging.JsonFormatter"
    )
    assert logging_settings["root"]["handlers"] == ["console"]
    for name in ("portal.requests", "django_tasks", "django_tasks_db"):
        assert logging_settings["loggers"][name]["level"] == "INFO"
