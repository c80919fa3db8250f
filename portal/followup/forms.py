from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.forms import QueryStringForm
from portal.followup.models import Bucket, ExtensionRequest, ProgressReport, Task, Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TaskForm(forms.ModelForm):
    """A clerk assigns a task from a document of the archive."""

    class Meta:
        model = Task
        fields = [
            "content",
            "lead_unit",
            "coordinating_units",
            "assigned_on",
            "deadline",
            "recurrence",
            "priority",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 3}),
            "coordinating_units": forms.CheckboxSelectMultiple,
            "assigned_on": DATE,
            "deadline": DATE,
        }

    def __init__(self, *args, source_document, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.source_document = source_document

    def assign(self, user):
        """Assign the task through its rules; a broken rule becomes a form error."""
        try:
            return Task.objects.assign(
                **{name: self.cleaned_data[name] for name in self._meta.fields},
                source_document=self.instance.source_document,
                assigned_by=user,
            )
        except ValidationError as error:
            self.add_error(None, error)
            return None


class DraftTaskFormSet(forms.BaseFormSet):
    """The tasks proposed from a notice: the clerk corrects them, skips some and
    assigns the rest at once, or none if any breaks a rule."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Skip this task")

    def assign(self, user):
        chosen = [form for form in self.forms if not self._should_delete_form(form)]
        with transaction.atomic():
            tasks = [form.assign(user) for form in chosen]
            if not all(tasks):
                transaction.set_rollback(True)
                return []
        return tasks


DRAFT_TASK_FORMSET = forms.formset_factory(
    TaskForm, formset=DraftTaskFormSet, extra=0, can_delete=True
)


def draft_task_formset(data=None, *, drafts=(), source_document):
    initial = [
        {
            "content": draft.content,
            "lead_unit": draft.lead_unit,
            "coordinating_units": draft.coordinating_units,
            "deadline": draft.deadline,
            "recurrence": draft.recurrence or "",
        }
        for draft in drafts
    ]
    return DRAFT_TASK_FORMSET(
        data,
        initial=initial,
        prefix="draft",
        form_kwargs={"source_document": source_document},
    )


class ProgressReportForm(forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["text", "percent", "attachment"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            # the browser refuses what the model's validator would
            "percent": forms.NumberInput(attrs={"min": 0, "max": 100}),
        }


class ExtensionRequestForm(forms.ModelForm):
    class Meta:
        model = ExtensionRequest
        fields = ["proposed_deadline", "reason"]
        widgets = {
            "proposed_deadline": DATE,
            "reason": forms.Textarea(attrs={"rows": 2}),
        }


class ExtensionDecisionForm(forms.Form):
    granted = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Grant")), ("", _("Refuse"))],
        coerce=bool,
        empty_value=False,
        widget=forms.RadioSelect,
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def decide(self, extension, user):
        try:
            extension.decide(
                self.cleaned_data["granted"], self.cleaned_data["reason"], user
            )
        except ValidationError as error:
            self.add_error("reason", error.message_dict["decision_reason"])
            return False
        return True


class CloseTaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["completed_on", "evaluation"]
        widgets = {
            "completed_on": DATE,
            "evaluation": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["completed_on"].required = True
        self.fields["completed_on"].initial = timezone.localdate
        self.fields["evaluation"].required = True


class PeriodForm(forms.Form):
    """Tasks assigned between two dates (both optional)."""

    start = forms.DateField(label=_("Assigned from"), required=False, widget=DATE)
    end = forms.DateField(label=_("to"), required=False, widget=DATE)

    def filter(self, tasks):
        if not self.is_valid():
            return tasks
        if self.cleaned_data["start"]:
            tasks = tasks.filter(assigned_on__gte=self.cleaned_data["start"])
        if self.cleaned_data["end"]:
            tasks = tasks.filter(assigned_on__lte=self.cleaned_data["end"])
        return tasks


class TaskFilterForm(QueryStringForm):
    """The task list's filters: a status and a unit (the dashboard links by unit)."""

    UNKNOWN = {"invalid_choice": _("Unknown value “%(value)s”.")}

    bucket = forms.ChoiceField(
        choices=[("", ""), *Bucket.choices], required=False, error_messages=UNKNOWN
    )
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.all(), required=False, error_messages=UNKNOWN
    )

    def filter(self, tasks):
        """The tasks the valid filters select; a wrong value is left out."""
        self.is_valid()
        if bucket := self.cleaned_data.get("bucket"):
            tasks = tasks.filter(current_bucket=bucket)
        if unit := self.cleaned_data.get("unit"):
            tasks = tasks.of_units([unit])
        return tasks
