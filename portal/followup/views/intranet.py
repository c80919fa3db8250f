from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal.access.models import AccessLevel
from portal.documents.models import ArchivePage, Document
from portal.followup.models import Notification, Task, Unit

URGENT_TASKS = 10
LATEST = 8
PER_PAGE = 20


@login_required
def intranet(request):
    """The staff's start page: their units' tasks by urgency, their
    notifications and the latest internal documents."""
    user = request.user
    today = timezone.localdate()
    units = Unit.objects.of_member(user)
    # What the badge counts is what is listed: the unread ones, newest first.
    unread = Notification.objects.filter(recipient=user).unread()
    return TemplateResponse(
        request,
        "followup/intranet.html",
        {
            "units": units,
            "tasks": Task.objects.of_units(units)
            .open()
            .with_bucket(today)
            .with_source_visibility(user)
            .select_related("lead_unit", "source_document")
            .by_urgency(today)[:URGENT_TASKS],
            "notifications": unread.select_related("task")[:LATEST],
            "unread": unread.count(),
            "documents": Document.objects.visible_to(user)
            .exclude(access=AccessLevel.PUBLIC)
            .order_by("-issued_on", "-pk")[:LATEST],
            "archive": ArchivePage.current(),
        },
    )


@login_required
def notifications(request):
    """Every notification of the user, newest first, the unread ones marked."""
    mine = Notification.objects.filter(recipient=request.user)
    return TemplateResponse(
        request,
        "followup/notifications.html",
        {
            "results": Paginator(mine.select_related("task"), PER_PAGE).get_page(
                request.GET.get("page")
            ),
            "unread": mine.unread().count(),
        },
    )


@login_required
@require_POST
def read_notification(request, pk):
    """Open a notification: it is read, and its task is shown."""
    mine = Notification.objects.filter(recipient=request.user, pk=pk)
    notification = get_object_or_404(mine)
    mine.mark_read()
    return redirect("followup:task", pk=notification.task_id)


@login_required
@require_POST
def mark_notifications_read(request, pk=None):
    """Mark one notification read (or all of them), and stay on the list."""
    mine = Notification.objects.filter(recipient=request.user)
    if pk is not None:
        mine = mine.filter(pk=get_object_or_404(mine, pk=pk).pk)
    mine.mark_read()
    page = request.POST.get("page")
    url = reverse("followup:notifications")
    return redirect(f"{url}?page={page}" if page and page.isdigit() else url)
