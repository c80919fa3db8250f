from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm

from portal.access.admin_visibility import admin_queryset
from portal.followup.forms import TaskForm
from portal.meetings.models import (
    Attendance,
    ConclusionTask,
    Meeting,
    MeetingDocument,
    Response,
)
from portal.schedule.models import Event


class AttendanceForm(forms.ModelForm):
    """A participant says whether they will attend (and why not)."""

    response = forms.TypedChoiceField(
        label=Attendance._meta.get_field("response").verbose_name,
        choices=[(r.value, r.label) for r in (Response.CONFIRMED, Response.DECLINED)],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Attendance
        fields = ["response", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}

    def respond(self):
        """Record the answer by the model's rule; a broken rule becomes a form error."""
        try:
            self.instance.respond(
                self.cleaned_data["response"], self.cleaned_data["reason"]
            )
        except ValidationError as error:
            self.add_error(None, error)
            return False
        return True


class MeetingDocumentForm(forms.ModelForm):
    class Meta:
        model = MeetingDocument
        fields = ["title", "file", "access"]


class ConclusionTaskForm(TaskForm):
    """A clerk assigns a follow-up task from the meeting's conclusion."""

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, source_document=None, **kwargs)
        self.meeting = meeting

    def assign(self, user):
        try:
            return ConclusionTask.assign(
                self.meeting, assigned_by=user, **self.cleaned_data
            )
        except ValidationError as error:
            self.add_error(None, error)
            return None


class MeetingAdminForm(WagtailAdminModelForm):
    """The meeting's edit form: the schedule entries offered are those the user
    may see in the admin and that no other meeting holds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        events = admin_queryset(Event, self.for_user).filter(
            Q(meeting__isnull=True) | Q(meeting=self.instance.pk)
        )
        self.fields["event"].queryset = events.order_by("-date", "-start_time")

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets["bridge_points"]
        formset.is_valid()  # cleans its forms, so that deletions can be read
        bridge_points = [
            form
            for form in formset.forms
            if (form.instance.pk or form.has_changed())
            and not form.cleaned_data.get("DELETE")
        ]
        try:
            Meeting.check_bridge_points(cleaned_data.get("online"), bridge_points)
        except ValidationError as error:
            self.add_error("online", error)
        return cleaned_data
