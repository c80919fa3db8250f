"""Views that only the request log tests need: one that fails, one that queues."""

import logging

from django.http import HttpResponse
from django.urls import include, path
from django_tasks import task

logger = logging.getLogger("portal.operations.tests")


@task()
def note_progress(text):
    logger.warning("working on %s", text)


def fail(request):
    raise RuntimeError("the archive's shelf fell over")


def queue(request):
    note_progress.enqueue("báo cáo")
    return HttpResponse(f"queued for {request.user.get_username() or 'anonymous'}")


urlpatterns = [
    path("tests/fail/", fail),
    path("tests/queue/", queue, name="queue_for_test"),
    path("", include("portal.urls")),
]
