from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.followup.models import ExtensionRequest, ProgressReport, Task

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
                **self.cleaned_data,
                source_document=self.instance.source_document,
                assigned_by=user,
            )
        except ValidationError as error:
            self.add_error(None, error)
            return None


class ProgressReportForm(forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["text", "percent", "attachment"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


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
