from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from portal.correspondence.kept_scans import KeptScans
from portal.correspondence.models import (
    IncomingDocument,
    OutgoingDocument,
    ReportReceipt,
)
from portal.followup.models import Unit


class IncomingDocumentForm(WagtailAdminModelForm):
    """The clerk's form: a likely duplicate must be acknowledged before saving."""

    acknowledge_duplicate = forms.BooleanField(
        label=_("Register it anyway: I have checked it is a different document"),
        required=False,
        widget=forms.HiddenInput,
    )
    # The scan chosen before a duplicate warning, kept on the server so the
    # clerk does not choose it again: a signed reference to a temporary copy.
    kept_scan = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        error_messages = {
            "sender": {
                "invalid_choice": _(
                    "Unknown sender: choose a body from the list, or add it to the issuing bodies first."
                ),
                "required": _("Choose the body that sent the document."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            # A new entry needs its scan; imported registers may have none.
            self.fields["file"].required = True
            self.fields["file"].error_messages["required"] = _(
                "Attach the scanned document."
            )
        self.kept_scans = KeptScans(IncomingDocument._meta.get_field("file").storage)
        if self.is_bound and not self.files.get("file"):
            if scan := self.kept_scans.take(self.data.get("kept_scan", "")):
                self.files = self.files.copy()
                self.files["file"] = scan

    def _keep_scan(self, scan):
        """Keep the chosen scan through the duplicate warning."""
        self.data = self.data.copy()
        self.data["kept_scan"] = self.kept_scans.keep(scan)
        return _("%(name)s is kept: choose a file only to replace it.") % {
            "name": scan.name
        }

    def discard_kept_scan(self):
        """Called once the entry is saved with its own copy of the scan."""
        self.kept_scans.discard(self.data.get("kept_scan", ""))

    def clean(self):
        cleaned_data = super().clean()
        sender, symbol, dated = (
            cleaned_data.get(name) for name in ("sender", "symbol", "dated")
        )
        if not (sender and symbol and dated):
            return cleaned_data
        duplicates = IncomingDocument.likely_duplicates(
            sender, symbol, dated, exclude_pk=self.instance.pk
        )
        if duplicates and not cleaned_data.get("acknowledge_duplicate"):
            self.fields["acknowledge_duplicate"].widget = forms.CheckboxInput()
            kept = []
            if scan := cleaned_data.get("file"):
                kept.append(self._keep_scan(scan))
            duplicate = ValidationError(
                _(
                    "This may be a duplicate: %(sender)s's %(symbol)s of %(date)s is already registered as arrival number %(numbers)s. Check it, then tick the box below to register it anyway."
                )
                % {
                    "sender": sender,
                    "symbol": symbol,
                    "date": date_format(dated, "SHORT_DATE_FORMAT"),
                    "numbers": ", ".join(
                        f"{entry.number}/{entry.year}" for entry in duplicates
                    ),
                },
                code="duplicate",
            )
            raise ValidationError([duplicate, *kept])
        return cleaned_data


class OutgoingDocumentForm(WagtailAdminModelForm):
    """A released entry's number depends on its type, issuer and term, so they
    are shown but can no longer be changed."""

    NUMBERED_BY = ["document_type", "issuer", "term"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.status == OutgoingDocument.Status.RELEASED:
            for name in self.NUMBERED_BY:
                self.fields[name].disabled = True


class RoutingForm(forms.Form):
    """A leader's instruction: who handles the document, with whom, and by when."""

    instruction = forms.CharField(
        label=_("Leader's instruction"), widget=forms.Textarea(attrs={"rows": 3})
    )
    lead_unit = forms.ModelChoiceField(
        label=_("Lead unit"), queryset=Unit.objects.all()
    )
    coordinating_units = forms.ModelMultipleChoiceField(
        label=_("Coordinating units"),
        queryset=Unit.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    deadline = forms.DateField(label=_("Handling deadline"), widget=AdminDateInput)


class ReplyForm(forms.Form):
    symbol = forms.CharField(
        label=_("Reply document"),
        help_text=_("The number and symbol of the released reply, e.g. 05-CV/VPTU"),
    )


class ReportedTasksForm(forms.Form):
    tasks = forms.ModelMultipleChoiceField(
        label=_("Tasks this document reports on"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one task.")},
    )

    def __init__(self, *args, incoming, user, **kwargs):
        super().__init__(*args, **kwargs)
        proposed = ReportReceipt.proposed_tasks(incoming, user)
        self.fields["tasks"].queryset = proposed
        self.fields["tasks"].label_from_instance = lambda task: (
            f"{task.source_document.symbol} — {task.lead_unit}: {task}"
        )
        self.fields["tasks"].initial = list(proposed)
