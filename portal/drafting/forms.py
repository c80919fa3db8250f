from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.drafting.models import Draft, DraftVersion
from portal.followup.models import Unit


class PersonChoiceField(forms.ModelChoiceField):
    """An active account, named "Nguyễn Văn An — Ban Tổ chức"."""

    def __init__(self, **kwargs):
        people = get_user_model().objects.filter(is_active=True)
        super().__init__(queryset=people.order_by("last_name", "first_name"), **kwargs)

    def label_from_instance(self, user):
        return f"{user.get_full_name() or user.get_username()} ({user.get_username()})"


def checked_version_file(file):
    """The file if a version may hold it, judged by its content."""
    DraftVersion._meta.get_field("file").run_validators(file)
    return file


class VersionFileField(forms.FileField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("File (DOCX or PDF)"),
            help_text=_(
                "Judged by its content. The signer signs a PDF: the version "
                "sent to the signer must be a PDF."
            ),
            **kwargs,
        )


class DraftForm(forms.ModelForm):
    """A unit's new draft, with its first version."""

    file = VersionFileField()
    note = forms.CharField(label=_("Note on this version"), required=False)

    class Meta:
        model = Draft
        fields = [
            "unit",
            "document_type",
            "title",
            "issuer",
            "term",
            "recipients",
            "access",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "recipients": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["unit"].queryset = Unit.objects.of_member(user)

    def clean_file(self):
        return checked_version_file(self.cleaned_data["file"])

    def start(self):
        fields = {name: self.cleaned_data[name] for name in self._meta.fields}
        try:
            return Draft.objects.start(
                user=self.user,
                file=self.cleaned_data["file"],
                note=self.cleaned_data["note"],
                **fields,
            )
        except ValidationError as error:
            self.add_error(None, error)
            return None


class VersionForm(forms.Form):
    file = VersionFileField()
    note = forms.CharField(label=_("Note on this version"), required=False)

    def clean_file(self):
        return checked_version_file(self.cleaned_data["file"])


class StepForm(forms.Form):
    holder = PersonChoiceField(label=_("Person in charge"), required=False)
    label = forms.CharField(label=_("Their position"), required=False, max_length=255)


class BaseStepFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not self.steps():
            raise ValidationError(
                _("Choose at least the signer: the last step is the signature.")
            )

    def add_error(self, field, error):
        self._non_form_errors.extend(ValidationError(error).messages)

    def steps(self):
        """(holder, label) of the filled rows, in order."""
        return [
            (form.cleaned_data["holder"], form.cleaned_data["label"])
            for form in self.forms
            if form.cleaned_data.get("holder")
        ]


StepFormSet = forms.formset_factory(StepForm, formset=BaseStepFormSet, extra=4)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Your comments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ForwardForm(CommentForm):
    to = PersonChoiceField(label=_("Forward to"))
    label = forms.CharField(label=_("Their position"), required=False, max_length=255)


class PinField(forms.CharField):
    """A PIN or passphrase: typed each time, never shown again, never kept."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("PIN or passphrase of the key"),
            strip=False,
            widget=forms.PasswordInput(
                render_value=False, attrs={"autocomplete": "off"}
            ),
            **kwargs,
        )


class SignForm(forms.Form):
    """Choose a key and type its PIN; the PIN goes to the signature and nowhere else."""

    key = forms.ModelChoiceField(label=_("Key"), queryset=None, empty_label=None)
    pin = PinField()

    def __init__(self, *args, keys, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].queryset = keys


def show_error(form, error):
    """A rule broken by an action, shown on the form that asked for it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            known = field in getattr(form, "fields", {})
            form.add_error(field if known else None, errors)
    else:
        form.add_error(None, error)
