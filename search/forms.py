from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portal.core.text import normalize
from search.query import SearchRequest

MAX_QUERY_LENGTH = 500
PER_PAGE = 10

FILTER_LABELS = {
    "type": _("Document type"),
    "issuer": _("Issuing body"),
    "year": _("Year"),
    "status": _("Effective status"),
    "subject": _("Subject area"),
    "signer": _("Signer"),
}
# Each chosen filter's name in the URL, and what it is called on the page.
CHOSEN_FILTER_LABELS = {
    "q": _("Keywords"),
    **FILTER_LABELS,
    "from": _("From"),
    "to": _("To"),
}


class SearchForm(forms.Form):
    """The query and filters of /search/, as the contract names them.

    A value that does not parse is dropped with a message, never a 500: the
    search still runs on everything else.
    """

    q = forms.CharField(label=_("Search"), required=False, strip=True)
    type = forms.CharField(required=False)
    issuer = forms.CharField(required=False)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    status = forms.CharField(required=False)
    subject = forms.CharField(required=False)
    signer = forms.CharField(required=False)
    from_date = forms.DateField(label=_("From"), required=False)
    to_date = forms.DateField(label=_("To"), required=False)
    sort = forms.ChoiceField(
        choices=[("relevance", _("Relevance")), ("newest", _("Newest"))],
        required=False,
    )
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, data, *args, labels=None, **kwargs):
        self.labels = labels or {}
        # Coded filters accept the code ("NQ") or what the reader sees ("Nghị quyết").
        self.codes_by_label = {
            facet: {
                **{code.casefold(): code for code in values},
                **{label.casefold(): code for code, label in values.items()},
            }
            for facet, values in (labels or {}).items()
        }
        data = data.copy()
        # "from" and "to" are keywords in Python; the URL keeps the short names.
        for short, field in (("from", "from_date"), ("to", "to_date")):
            if short in data:
                data[field] = data[short]
        super().__init__(data, *args, **kwargs)

    def _clean_coded(self, name):
        value = normalize(self.cleaned_data[name]).strip()
        codes = self.codes_by_label.get(name)
        if not value or codes is None:
            return value
        if value.casefold() not in codes:
            raise forms.ValidationError(
                _("Unknown value “%(value)s”."), params={"value": value}
            )
        return codes[value.casefold()]

    def clean_type(self):
        return self._clean_coded("type")

    def clean_status(self):
        return self._clean_coded("status")

    def _clean_name(self, name):
        """A name compared exactly: spacing and the Unicode form do not count."""
        return " ".join(normalize(self.cleaned_data[name]).split())

    def clean_subject(self):
        return self._clean_name("subject")

    def clean_signer(self):
        return self._clean_name("signer")

    def clean_q(self):
        return normalize(self.cleaned_data["q"])[:MAX_QUERY_LENGTH]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from_date"), cleaned.get("to_date")
        if start and end and start > end:
            self.add_error(
                "to_date",
                forms.ValidationError(
                    _("The “to” date (%(end)s) is before the “from” date (%(start)s)."),
                    params={
                        "start": date_format(start, "SHORT_DATE_FORMAT"),
                        "end": date_format(end, "SHORT_DATE_FORMAT"),
                    },
                ),
            )
        return cleaned

    def search_request(self):
        """The valid part of the input."""
        self.is_valid()
        data = {
            name: self.cleaned_data.get(name)
            for name in self.fields
            if name not in self.errors
        }
        return SearchRequest(
            text=data.get("q") or "",
            filters={
                key: data[key]
                for key in FILTER_LABELS
                if data.get(key) not in (None, "")
            },
            date_from=data.get("from_date"),
            date_to=data.get("to_date"),
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            per_page=PER_PAGE,
        )

    def chosen_filters(self, params):
        """What the reader chose, each with the address of the same search
        without it; invalid values are reported as errors instead."""
        search = self.search_request()
        values = {
            "q": search.text.strip(),
            **search.filters,
            "from": search.date_from,
            "to": search.date_to,
        }
        chosen = []
        for name, label in CHOSEN_FILTER_LABELS.items():
            value = values.get(name)
            if value in (None, ""):
                continue
            if name in ("from", "to"):
                value = date_format(value, "SHORT_DATE_FORMAT")
            chosen.append(
                {
                    "label": label,
                    "value": self.labels.get(name, {}).get(value, value),
                    "url": without(params, name),
                }
            )
        return chosen

    @staticmethod
    def clear_filters_url(params):
        """The same words, with no filter."""
        return without(params, *FILTER_LABELS, "from", "to")


def without(params, *names):
    """The query string of ``params`` without ``names``, back on the first page."""
    params = params.copy()
    for name in (*names, "page"):
        params.pop(name, None)
    return f"?{params.urlencode()}"
