from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.core.forms import MAX_YEAR, MIN_YEAR, QueryStringForm
from portal.schedule.models import week_start


class WeekForm(QueryStringForm):
    """The week of a query string (``tuan``: any day of it, YYYY-MM-DD).

    A value that is not a date is refused with a message, and the view shows
    the current week instead."""

    tuan = forms.DateField(
        label=_("Week"),
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Choose a week by a date such as 2026-11-30.")},
    )

    def clean_tuan(self):
        day = self.cleaned_data["tuan"]
        if day and not MIN_YEAR <= day.year <= MAX_YEAR:
            raise forms.ValidationError(
                format_lazy(
                    _("Choose a year from {min} to {max}."), min=MIN_YEAR, max=MAX_YEAR
                )
            )
        return day

    def __init__(self, data, today):
        super().__init__(data)
        self.today = today

    def monday(self):
        day = self.cleaned_data["tuan"] if self.is_valid() else None
        return week_start(day or self.today)
