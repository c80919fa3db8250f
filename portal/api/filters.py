"""The API's filters, read from the query string.

A value that does not parse answers 400 with the field's message (in
Vietnamese, as the portal speaks it), never a server error.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.forms import MAX_YEAR, MIN_YEAR
from portal.core.symbols import looks_like_symbol, symbol_key
from portal.core.text import words
from portal.documents.models import Document, IssuingBody
from portal.documents.types import DocumentType, EffectiveStatus
from portal.news.models import ArticlePage

MAX_QUERY_LENGTH = 500
MAX_WORDS = 32


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField  # not a decimal: "1e400" is no year


def year_filter(field_name):
    return YearFilter(
        label=_("Year"),
        field_name=field_name,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
    )


def date_filter(field_name, lookup_expr, label):
    return django_filters.DateFilter(
        label=label, field_name=field_name, lookup_expr=lookup_expr
    )


class DateRangeForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The “to” date is before the “from” date."))
        return cleaned


def matching_words(queryset, text):
    """Items whose folded words hold every word of ``text``, compared as the
    database search compares them; a symbol in any spelling matches the symbol."""
    if queryset.model is Document and looks_like_symbol(text):
        return queryset.filter(symbol_key=symbol_key(text))
    for word in words(text)[:MAX_WORDS]:
        queryset = queryset.filter(search_text__contains=f" {word} ")
    return queryset


class PortalFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Keywords"), method="filter_q", max_length=MAX_QUERY_LENGTH
    )

    def filter_q(self, queryset, name, value):
        return matching_words(queryset, value)


class DocumentFilterSet(PortalFilterSet):
    type = django_filters.ChoiceFilter(
        label=_("Document type"),
        field_name="document_type",
        choices=DocumentType.choices,
    )
    issuer = django_filters.ModelChoiceFilter(
        label=_("Issuing body"), queryset=IssuingBody.objects.all()
    )
    status = django_filters.ChoiceFilter(
        label=_("Effective status"), choices=EffectiveStatus.choices
    )
    year = year_filter("issued_year")
    date_from = date_filter("issued_on", "gte", _("From"))
    date_to = date_filter("issued_on", "lte", _("To"))

    class Meta:
        model = Document
        fields = []
        form = DateRangeForm


class ArticleFilterSet(PortalFilterSet):
    year = year_filter("published_at__year")
    date_from = date_filter("published_at__date", "gte", _("From"))
    date_to = date_filter("published_at__date", "lte", _("To"))

    class Meta:
        model = ArticlePage
        fields = []
        form = DateRangeForm
