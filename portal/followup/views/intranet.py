from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal.access.models import AccessLevel
from portal.documents.models import ArchivePage, Document
from portal.followup.models import Notification, Task, Unit

URGENT_TASKS = 10
LATEST = 8


@login_required
def intranet(request):
    """The staff's start page: their units' tasks by urgency, their
    notifications and the latest internal documents."""
    user = request.user
    today = timezone.localdate()
    units = Unit.objects.of_member(user)
    notifications = Notification.objects.filter(recipient=user).select_related("task")
    return TemplateResponse(
        request,
        "followup/intranet.html",
        {
            "units": units,
            "tasks": Task.objects.of_units(units)
            .open()
            .with_bucket(today)
            .select_related("lead_unit")
            .by_urgency(today)[:URGENT_TASKS],
            "notifications": notifications[:LATEST],
            "unread": notifications.unread().count(),
            "documents": Document.objects.visible_to(user)
            .exclude(access=AccessLevel.PUBLIC)
            .order_by("-issued_on", "-pk")[:LATEST],
            "archive": ArchivePage.current(),
        },
    )


@login_required
@require_POST
def read_notification(request, pk):
    notification = get_object_or_404(
        Notification.objects.filter(recipient=request.user), pk=pk
    )
    notification.read_at = notification.read_at or timezone.now()
    notification.save(update_fields=["read_at"])
    return redirect("followup:task", pk=notification.task_id)
