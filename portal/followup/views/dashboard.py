from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.utils import timezone

from portal.core.spreadsheets import FORMATS, spreadsheet_response
from portal.followup.dashboard import dashboard_tables, spreadsheet_rows, stacked_bars
from portal.followup.forms import PeriodForm
from portal.followup.models import Bucket, Task


@login_required
def dashboard(request):
    """Counts and rates of the tasks the user may see, in a chosen period."""
    today = timezone.localdate()
    form = PeriodForm(request.GET or None)
    tables = dashboard_tables(form.filter(Task.objects.visible_to(request.user)), today)
    file_format = request.GET.get("format")
    if file_format in FORMATS:
        return spreadsheet_response(
            spreadsheet_rows(tables),
            f"theo-doi-nhiem-vu-{today.isoformat()}",
            file_format,
            today.isoformat(),
        )
    return TemplateResponse(
        request,
        "followup/dashboard.html",
        {
            "form": form,
            "tables": tables,
            "buckets": Bucket,
            "chart": stacked_bars(tables["units"]),
            "query": request.GET.urlencode(),
        },
    )
