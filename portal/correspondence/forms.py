from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from portal.correspondence.models import IncomingDocument
from portal.followup.models import Unit


class IncomingDocumentForm(WagtailAdminModelForm):
    """The clerk's form: a likely duplicate must be acknowledged before saving."""

    acknowledge_duplicate = forms.BooleanField(
        label=_("Register it anyway: I have checked it is a different document"),
        required=False,
        widget=forms.HiddenInput,
    )

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
            raise ValidationError(
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
        return cleaned_data


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
