from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# The years a register, an archive or a count can be about.
MIN_YEAR = 1930
MAX_YEAR = 2100


class QueryStringForm(forms.Form):
    """Filters read from a query string: a wrong value is reported, not fatal."""

    def error_list(self):
        """Every error, for the messages shown above the page."""
        return [error for errors in self.errors.values() for error in errors]


class YearForm(QueryStringForm):
    """The ``year`` of a query string (a register's printout, a year's counts).

    A year that does not parse or lies outside MIN_YEAR..MAX_YEAR is refused
    with a message; the view then shows its default year instead.
    """

    year = forms.IntegerField(
        label=_("Year"),
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        required=False,
        error_messages={
            key: format_lazy(
                _("Choose a year from {min} to {max}."), min=MIN_YEAR, max=MAX_YEAR
            )
            for key in ("invalid", "min_value", "max_value")
        },
    )

    def __init__(self, data, default):
        super().__init__(data)
        self.default = default

    def chosen_year(self):
        if self.is_valid() and self.cleaned_data["year"] is not None:
            return self.cleaned_data["year"]
        return self.default


def offered_forms(offered, sent):
    """The forms a page shows: ``offered`` maps each name to (whether it is
    offered, how to make it); one sent back with errors (``sent``) is shown
    even if it is no longer offered."""
    return {
        name: sent[name] if name in sent else make()
        for name, (allowed, make) in offered.items()
        if name in sent or allowed
    }
