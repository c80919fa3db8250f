from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.annual.figures import year_figures
from portal.core.forms import YearForm
from portal.documents.statistics import export


@login_required
def year_in_figures(request):
    """The figures of a year for the annual review: on screen, printed or
    exported, each covering only what the reader may see."""
    today = timezone.localdate()
    form = YearForm(request.GET, default=today.year)
    year = form.chosen_year()
    tables = year_figures(request.user, year, today)
    if form.is_valid() and request.GET.get("format") in ("csv", "xlsx"):
        return export(
            tables,
            year,
            request.GET["format"],
            filename="so-lieu-nam",
            count_label=_("Count"),
        )
    for error in form.error_list():
        messages.error(request, error)
    return TemplateResponse(
        request,
        "annual/year_in_figures.html",
        {"year": year, "tables": tables, "today": today},
        status=400 if form.errors else 200,
    )
