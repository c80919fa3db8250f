"""The meetings on the intranet: a meeting's page, answering the invitation,
its documents and the tasks of its conclusion. Rules live on the models."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.forms import offered_forms
from portal.core.uploads import file_response
from portal.followup.models import Task
from portal.meetings.forms import (
    AttendanceForm,
    ConclusionTaskForm,
    MeetingDocumentForm,
)
from portal.meetings.models import Meeting, MeetingDocument

PER_PAGE = 25


def visible_meeting(request, pk):
    """The meeting if the user may see it; 404 otherwise, whether it exists or not."""
    return get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related("event", "organiser"),
        pk=pk,
    )


@login_required
def meeting_list(request):
    meetings = (
        Meeting.objects.visible_to(request.user)
        .select_related("event")
        .order_by("-event__date", "-event__start_time", "-pk")
    )
    return TemplateResponse(
        request,
        "meetings/meeting_list.html",
        {"meetings": Paginator(meetings, PER_PAGE).get_page(request.GET.get("page"))},
    )


def render_meeting(request, meeting, status=200, **forms):
    user = request.user
    attendance = meeting.attendances.filter(user=user).first()
    manager = meeting.may_be_managed_by(user)
    links = meeting.conclusion_tasks.select_related("task__lead_unit")
    visible_tasks = set(
        Task.objects.visible_to(user)
        .filter(pk__in=links.values("task_id"))
        .values_list("pk", flat=True)
    )
    context = {
        "meeting": meeting,
        "event": meeting.event,
        "agenda": meeting.agenda_items.all(),
        "bridge_points": meeting.bridge_points.select_related("host_unit"),
        "documents": MeetingDocument.objects.visible_to(user).filter(meeting=meeting),
        "attendance": attendance,
        "attendances": (
            meeting.attendances.select_related("user") if manager else None
        ),
        # Tasks follow the follow-up's rule: each unit sees its own.
        "tasks": [link.task for link in links if link.task_id in visible_tasks],
        "other_units_tasks": len(links) - len(visible_tasks),
        "manager": manager,
    }
    offered = {
        "attendance_form": (
            attendance is not None,
            lambda: AttendanceForm(instance=attendance),
        ),
        "document_form": (manager, MeetingDocumentForm),
        "task_form": (
            user.has_perm("followup.add_task"),
            lambda: ConclusionTaskForm(meeting=meeting),
        ),
    }
    context.update(offered_forms(offered, forms))
    return TemplateResponse(request, "meetings/meeting.html", context, status=status)


@login_required
def meeting_detail(request, pk):
    return render_meeting(request, visible_meeting(request, pk))


def _invalid(request, meeting, **form):
    messages.error(request, _("Please correct the errors below."))
    return render_meeting(request, meeting, status=400, **form)


@login_required
@require_POST
def respond(request, pk):
    meeting = visible_meeting(request, pk)
    attendance = meeting.attendances.filter(user=request.user).first()
    if attendance is None:
        raise Http404
    form = AttendanceForm(request.POST, instance=attendance)
    if not (form.is_valid() and form.respond()):
        return _invalid(request, meeting, attendance_form=form)
    messages.success(request, _("Your answer has been sent to the organiser."))
    return redirect("meetings:meeting", pk=meeting.pk)


@login_required
@require_POST
def add_document(request, pk):
    meeting = visible_meeting(request, pk)
    if not meeting.may_be_managed_by(request.user):
        raise Http404
    document = MeetingDocument(meeting=meeting, uploaded_by=request.user)
    form = MeetingDocumentForm(request.POST, request.FILES, instance=document)
    if not form.is_valid():
        return _invalid(request, meeting, document_form=form)
    meeting.add_document(form.instance, by_user=request.user)
    messages.success(request, _("The document has been added to the meeting."))
    return redirect("meetings:meeting", pk=meeting.pk)


@login_required
def document_file(request, pk):
    document = get_object_or_404(
        MeetingDocument.objects.visible_to(request.user).filter(
            meeting__in=Meeting.objects.visible_to(request.user)
        ),
        pk=pk,
    )
    return file_response(document.file, document.filename, as_attachment=False)


@login_required
@permission_required("followup.add_task", raise_exception=True)
@require_POST
def assign_task(request, pk):
    meeting = visible_meeting(request, pk)
    form = ConclusionTaskForm(request.POST, meeting=meeting)
    if not (form.is_valid() and form.assign(request.user)):
        return _invalid(request, meeting, task_form=form)
    messages.success(request, _("The task has been assigned to the units."))
    return redirect("meetings:meeting", pk=meeting.pk)
