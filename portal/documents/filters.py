from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.collation import vietnamese
from portal.core.forms import MAX_YEAR, MIN_YEAR
from portal.documents.models import IssuingBody, SubjectArea
from portal.documents.types import DocumentType, EffectiveStatus


class ArchiveFilterForm(forms.Form):
    """The archive's filters: type, issuing body, subject area, signer, year and
    effective status.

    The signers offered are those of the documents the reader may see, so a
    restricted document's signer is never named to someone who cannot open it."""

    type = forms.ChoiceField(
        label=_("Document type"),
        choices=[("", _("All types")), *DocumentType.choices],
        required=False,
    )
    issuer = forms.ModelChoiceField(
        label=_("Issuing body"),
        queryset=IssuingBody.objects.all(),
        empty_label=_("All issuing bodies"),
        required=False,
    )
    subject = forms.ModelChoiceField(
        label=_("Subject area"),
        queryset=SubjectArea.objects.all(),
        empty_label=_("All subject areas"),
        required=False,
    )
    signer = forms.ChoiceField(label=_("Signer"), required=False)
    year = forms.IntegerField(
        label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR, required=False
    )
    status = forms.ChoiceField(
        label=_("Effective status"),
        choices=[("", _("Any status")), *EffectiveStatus.choices],
        required=False,
    )

    def __init__(self, data, documents):
        super().__init__(data)
        signers = (
            documents.exclude(signer="")
            .order_by(vietnamese("signer"))
            .values_list("signer", flat=True)
            .distinct()
        )
        self.fields["signer"].choices = [
            ("", _("All signers")),
            *((name, name) for name in signers),
        ]

    def filter(self, documents):
        if not self.is_valid():
            return documents.none() if self.is_bound else documents
        data = self.cleaned_data
        if data["type"]:
            documents = documents.filter(document_type=data["type"])
        if data["issuer"]:
            documents = documents.filter(issuer=data["issuer"])
        if data["subject"]:
            documents = documents.filter(subject_areas=data["subject"])
        if data["signer"]:
            documents = documents.filter(signer=data["signer"])
        if data["year"]:
            documents = documents.filter(issued_year=data["year"])
        if data["status"]:
            documents = documents.filter(status=data["status"])
        return documents.select_related("issuer")
