"""Pages of the follow-up: task list, a task with its reports, and the actions
on it. Rules live on the models; these views only wire forms to them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from portal.core.forms import offered_forms
from portal.core.uploads import file_response
from portal.documents.models import Document
from portal.followup.drafting import draft_tasks
from portal.followup.forms import (
    CloseTaskForm,
    ExtensionDecisionForm,
    ExtensionRequestForm,
    ProgressReportForm,
    TaskFilterForm,
    TaskForm,
    draft_task_formset,
)
from portal.followup.models import (
    Bucket,
    ExtensionRequest,
    ProgressReport,
    Task,
    Unit,
)

PER_PAGE = 25


def visible_task(request, pk):
    """The task if the user may see it; 404 otherwise, whether it exists or not."""
    return get_object_or_404(
        Task.objects.visible_to(request.user).select_related(
            "lead_unit", "source_document"
        ),
        pk=pk,
    )


@login_required
def task_list(request):
    today = timezone.localdate()
    tasks = (
        Task.objects.visible_to(request.user)
        .with_bucket(today)
        .with_source_visibility(request.user)
        .select_related("lead_unit", "source_document")
        .by_urgency(today)
    )
    filters = TaskFilterForm(request.GET)
    tasks = filters.filter(tasks)
    for error in filters.error_list():
        messages.error(request, error)
    return TemplateResponse(
        request,
        "followup/task_list.html",
        {
            "tasks": Paginator(tasks, PER_PAGE).get_page(request.GET.get("page")),
            "buckets": Bucket.choices,
            "bucket": filters.cleaned_data.get("bucket"),
        },
    )


def render_task(request, task, status=200, **forms):
    user = request.user
    reporting_unit = task.reporting_unit_for(user)
    pending = task.extension_requests.filter(
        decision=ExtensionRequest.Decision.PENDING
    ).first()
    open_task = not task.is_completed
    manager = task.may_be_managed_by(user)
    context = {
        "task": task,
        "coordinating_units": task.coordinating_units.all(),
        "source_visible": task.source_document
        and task.source_document.is_visible_to(user),
        "reports": task.reports.select_related("unit", "reported_by"),
        "extensions": task.extension_requests.select_related(
            "requested_by", "decided_by"
        ),
        "history": ModelLogEntry.objects.for_instance(task).select_related("user"),
        "pending_extension": pending,
        # The office decides whether a task outlives its replaced source.
        "superseded_by": open_task and task.superseded_by,
        "superseding_visible": task.superseded_by
        and task.superseded_by.is_visible_to(user),
        "may_carry_over": manager and open_task and task.superseded_by,
    }
    offered = {
        "report_form": (open_task and reporting_unit, ProgressReportForm),
        "extension_form": (
            open_task and not pending and reporting_unit == task.lead_unit,
            ExtensionRequestForm,
        ),
        "decision_form": (manager and pending, ExtensionDecisionForm),
        "close_form": (manager and open_task, CloseTaskForm),
    }
    context.update(offered_forms(offered, forms))
    return TemplateResponse(request, "followup/task.html", context, status=status)


@login_required
def task_detail(request, pk):
    return render_task(request, visible_task(request, pk))


def _invalid(request, task, **form):
    messages.error(request, _("Please correct the errors below."))
    return render_task(request, task, status=400, **form)


@login_required
@require_POST
def report_progress(request, pk):
    task = visible_task(request, pk)
    unit = task.reporting_unit_for(request.user)
    if unit is None:
        raise Http404
    report = ProgressReport(task=task, unit=unit, reported_by=request.user)
    form = ProgressReportForm(request.POST, request.FILES, instance=report)
    if not form.is_valid():
        return _invalid(request, task, report_form=form)
    form.instance.submit()
    messages.success(request, _("Your progress report has been recorded."))
    return redirect("followup:task", pk=task.pk)


@login_required
@require_POST
def request_extension(request, pk):
    task = visible_task(request, pk)
    if task.reporting_unit_for(request.user) != task.lead_unit:
        raise Http404
    extension = ExtensionRequest(task=task, requested_by=request.user)
    form = ExtensionRequestForm(request.POST, instance=extension)
    if not form.is_valid():
        return _invalid(request, task, extension_form=form)
    form.instance.submit()
    messages.success(request, _("Your extension request has been sent to the office."))
    return redirect("followup:task", pk=task.pk)


@login_required
@permission_required("followup.change_task", raise_exception=True)
@require_POST
def decide_extension(request, pk):
    extension = get_object_or_404(
        ExtensionRequest.objects.select_related("task"),
        pk=pk,
        decision=ExtensionRequest.Decision.PENDING,
    )
    form = ExtensionDecisionForm(request.POST)
    if not (form.is_valid() and form.decide(extension, request.user)):
        return _invalid(request, extension.task, decision_form=form)
    messages.success(request, _("The decision has been recorded."))
    return redirect("followup:task", pk=extension.task.pk)


@login_required
@permission_required("followup.change_task", raise_exception=True)
@require_POST
def close_task(request, pk):
    task = visible_task(request, pk)
    if task.is_completed:
        raise Http404
    form = CloseTaskForm(request.POST, instance=task)
    if not form.is_valid():
        return _invalid(request, visible_task(request, pk), close_form=form)
    task.close(
        form.cleaned_data["completed_on"], form.cleaned_data["evaluation"], request.user
    )
    messages.success(request, _("The task has been closed."))
    return redirect("followup:task", pk=task.pk)


@login_required
@permission_required("followup.change_task", raise_exception=True)
@require_POST
def carry_over(request, pk):
    task = visible_task(request, pk)
    if task.is_completed or task.superseded_by is None:
        raise Http404
    task.carry_over(request.user)
    messages.success(
        request,
        _("The task is now followed up under the document that replaced its source."),
    )
    return redirect("followup:task", pk=task.pk)


@login_required
@permission_required("followup.add_task", raise_exception=True)
def assign_tasks(request, document_pk):
    """Assign one task after another from a document of the archive."""
    document = get_object_or_404(
        Document.objects.visible_to(request.user), pk=document_pk
    )
    form = TaskForm(request.POST or None, source_document=document)
    if request.method == "POST":
        if form.is_valid() and form.assign(request.user):
            messages.success(request, _("The task has been assigned."))
            return redirect("followup:assign", document_pk=document.pk)
        messages.error(request, _("Please correct the errors below."))
    return TemplateResponse(
        request,
        "followup/task_form.html",
        {
            "document": document,
            "form": form,
            "assigned": document.followup_tasks.select_related("lead_unit"),
        },
        status=400 if form.errors else 200,
    )


@login_required
@permission_required("followup.add_task", raise_exception=True)
def draft_tasks_from_document(request, document_pk):
    """The tasks a notice assigns, read from its text for the clerk to confirm;
    nothing is created before the clerk confirms."""
    document = get_object_or_404(
        Document.objects.visible_to(request.user), pk=document_pk
    )
    if request.method == "POST":
        formset = draft_task_formset(request.POST, source_document=document)
        if formset.is_valid() and (tasks := formset.assign(request.user)):
            messages.success(
                request,
                ngettext(
                    "%(count)d task has been assigned.",
                    "%(count)d tasks have been assigned.",
                    len(tasks),
                )
                % {"count": len(tasks)},
            )
            return redirect("followup:assign", document_pk=document.pk)
        messages.error(request, _("Please correct the errors below."))
    else:
        drafts = draft_tasks(
            "\n".join([document.body, document.attachment_text()]),
            Unit.objects.all(),
            issued=document.issued_on,
        )
        formset = draft_task_formset(drafts=drafts, source_document=document)
    return TemplateResponse(
        request,
        "followup/draft_tasks.html",
        {"document": document, "formset": formset},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def report_attachment(request, pk):
    report = get_object_or_404(
        ProgressReport.objects.exclude(attachment=""),
        pk=pk,
        task__in=Task.objects.visible_to(request.user),
    )
    return file_response(report.attachment, report.attachment_name)
