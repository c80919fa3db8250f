from django import forms
from django.utils.translation import gettext_lazy as _

from portal.alerts.models import SavedSearch
from portal.alerts.searching import canonical_query, default_name


class SaveSearchForm(forms.ModelForm):
    """The small form under a search: keep it, and choose how to hear of new items."""

    class Meta:
        model = SavedSearch
        fields = ["name", "channel", "query"]
        widgets = {
            "query": forms.HiddenInput,
            "channel": forms.RadioSelect,
        }
        labels = {"name": _("Name (optional)"), "channel": _("Tell me of new items")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False

    def clean_query(self):
        query = canonical_query(self.cleaned_data["query"])
        if not query:
            raise forms.ValidationError(
                _("Type words or choose a filter before saving a search.")
            )
        return query

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("query") and not cleaned.get("name"):
            cleaned["name"] = default_name(cleaned["query"])
        return cleaned
