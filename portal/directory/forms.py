from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.text import normalize

MAX_QUERY_LENGTH = 100


class DirectorySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find a name, position, unit, phone or e-mail"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
    )

    def query(self):
        """The words to look for; a query that is too long is reported, not run."""
        if not self.is_valid():
            return ""
        return " ".join(normalize(self.cleaned_data["q"]).split())
