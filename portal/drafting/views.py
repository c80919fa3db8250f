"""The drafts in the intranet: the drafting unit, the step holders, the signer
and the clerk each act on a draft's page. Rules live on ``Draft`` and in
``portal.drafting.signing``; these views only wire forms to them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from portal.core.forms import offered_forms
from portal.core.uploads import file_response
from portal.drafting import forms
from portal.drafting.dashboard import waiting_drafts
from portal.drafting.models import Draft, DraftNotification, DraftVersion
from portal.drafting.signing import (
    organisation_keys,
    release_draft,
    sign_draft,
    signer_keys,
)
from portal.followup.models import Unit

PER_PAGE = 25


def visible_draft(request, pk):
    """The draft if the user may see it; 404 otherwise, whether it exists or not."""
    return get_object_or_404(
        Draft.objects.visible_to(request.user).select_related("unit", "issuer"),
        pk=pk,
    )


@login_required
def draft_list(request):
    user = request.user
    drafts = Draft.objects.visible_to(user).select_related("unit")
    notifications = DraftNotification.objects.filter(recipient=user).unread()
    return TemplateResponse(
        request,
        "drafting/draft_list.html",
        {
            "waiting": drafts.waiting_for(user),
            "drafts": Paginator(drafts, PER_PAGE).get_page(request.GET.get("page")),
            "notifications": notifications.select_related("draft"),
            "may_draft": Unit.objects.of_member(user).exists(),
            # The office's dashboard: every waiting draft and how long it waited.
            "waiting_everywhere": user.has_perm("drafting.view_draft")
            and waiting_drafts(user),
            "now": timezone.now(),
        },
    )


@login_required
def new_draft(request):
    if not Unit.objects.of_member(request.user).exists():
        raise Http404
    form = forms.DraftForm(
        request.POST or None, request.FILES or None, user=request.user
    )
    if request.method == "POST":
        if form.is_valid() and (draft := form.start()):
            messages.success(request, _("The draft has been created."))
            return redirect("drafting:draft", pk=draft.pk)
        messages.error(request, _("Please correct the errors below."))
    return TemplateResponse(
        request,
        "drafting/draft_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def render_draft(request, draft, status=200, **sent):
    user = request.user
    versions = list(draft.versions.select_related("uploaded_by"))
    latest = versions[-1] if versions else None
    step = draft.current_step()
    signing = draft.may_sign(user)
    releasing = draft.may_release(user)
    offered = {
        "version_form": (draft.may_revise(user), forms.VersionForm),
        "steps_formset": (
            draft.may_submit(user) and draft.status == Draft.Status.DRAFTING,
            lambda: forms.StepFormSet(prefix="steps"),
        ),
        "resubmit": (
            draft.may_submit(user) and draft.status == Draft.Status.RETURNED,
            forms.CommentForm,
        ),
        "approve_form": (
            draft.may_review(user) and not signing,
            forms.CommentForm,
        ),
        "return_form": (draft.may_review(user), forms.CommentForm),
        "forward_form": (draft.may_review(user), forms.ForwardForm),
        "sign_form": (signing, lambda: forms.SignForm(keys=signer_keys(user))),
        "release_form": (
            releasing,
            lambda: forms.SignForm(keys=organisation_keys()),
        ),
    }
    DraftNotification.objects.filter(recipient=user, draft=draft).mark_read()
    return TemplateResponse(
        request,
        "drafting/draft.html",
        {
            "draft": draft,
            "versions": versions,
            "latest_is_pdf": latest is not None and latest.is_pdf,
            "steps": draft.steps.select_related("holder"),
            "current_step": step,
            "now": timezone.now(),
            "history": ModelLogEntry.objects.for_instance(draft).select_related("user"),
            **offered_forms(offered, sent),
        },
        status=status,
    )


@login_required
def draft_detail(request, pk):
    return render_draft(request, visible_draft(request, pk))


@login_required
def version_file(request, pk, number):
    version = get_object_or_404(
        DraftVersion, draft=visible_draft(request, pk), number=number
    )
    return file_response(version.file, version.filename)


def _act(request, draft, form_name, form, action, success):
    """Run ``action()`` if the form is valid; a broken rule shows on the form."""
    if form.is_valid():
        try:
            action()
        except ValidationError as error:
            forms.show_error(form, error)
        else:
            messages.success(request, success)
            return redirect("drafting:draft", pk=draft.pk)
    messages.error(request, _("Please correct the errors below."))
    return render_draft(
        request, visible_draft(request, draft.pk), 400, **{form_name: form}
    )


@login_required
@require_POST
def add_version(request, pk):
    draft = visible_draft(request, pk)
    form = forms.VersionForm(request.POST, request.FILES)
    return _act(
        request,
        draft,
        "version_form",
        form,
        lambda: draft.add_version(
            request.user, form.cleaned_data["file"], form.cleaned_data["note"]
        ),
        _("The new version has been added."),
    )


@login_required
@require_POST
def submit(request, pk):
    draft = visible_draft(request, pk)
    done = _("The draft has been submitted.")
    if draft.status == Draft.Status.RETURNED:
        form = forms.CommentForm(request.POST)
        return _act(
            request,
            draft,
            "resubmit",
            form,
            lambda: draft.submit(request.user, comment=form.cleaned_data["comment"]),
            done,
        )
    form = forms.StepFormSet(request.POST, prefix="steps")
    return _act(
        request,
        draft,
        "steps_formset",
        form,
        lambda: draft.submit(request.user, form.steps()),
        done,
    )


@login_required
@require_POST
def approve(request, pk):
    draft = visible_draft(request, pk)
    form = forms.CommentForm(request.POST)
    return _act(
        request,
        draft,
        "approve_form",
        form,
        lambda: draft.approve(request.user, form.cleaned_data["comment"]),
        _("You have approved the draft; it goes on to the next step."),
    )


@login_required
@require_POST
def return_for_revision(request, pk):
    draft = visible_draft(request, pk)
    form = forms.CommentForm(request.POST)
    return _act(
        request,
        draft,
        "return_form",
        form,
        lambda: draft.return_for_revision(request.user, form.cleaned_data["comment"]),
        _("The draft has been returned to its unit."),
    )


@login_required
@require_POST
def forward(request, pk):
    draft = visible_draft(request, pk)
    form = forms.ForwardForm(request.POST)
    return _act(
        request,
        draft,
        "forward_form",
        form,
        lambda: draft.forward(
            request.user,
            form.cleaned_data["to"],
            form.cleaned_data["comment"],
            form.cleaned_data["label"],
        ),
        _("The draft has been forwarded."),
    )


@sensitive_post_parameters("pin")
@login_required
@require_POST
def sign(request, pk):
    draft = visible_draft(request, pk)
    form = forms.SignForm(request.POST, keys=signer_keys(request.user))
    return _act(
        request,
        draft,
        "sign_form",
        form,
        lambda: sign_draft(
            draft,
            request.user,
            key=form.cleaned_data["key"],
            pin=form.cleaned_data["pin"],
        ),
        _("You have signed the draft; the clerk will number and release it."),
    )


@sensitive_post_parameters("pin")
@login_required
@require_POST
def release(request, pk):
    draft = visible_draft(request, pk)
    form = forms.SignForm(request.POST, keys=organisation_keys())
    return _act(
        request,
        draft,
        "release_form",
        form,
        lambda: release_draft(
            draft,
            request.user,
            key=form.cleaned_data["key"],
            pin=form.cleaned_data["pin"],
        ),
        _("The document has been numbered, sealed and released."),
    )
