"""Wagtail's page reports and redirects listing with their exports written
through the portal's safe spreadsheet cells (``portal.core.spreadsheets``);
included before the admin's own URLs, which they take the place of."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports import aging_pages, locked_pages
from wagtail.contrib.redirects import views as redirects
from wagtail.utils.urlpatterns import decorate_urlpatterns

from portal.core.spreadsheets import SpreadsheetExportMixin


class LockedPagesView(SpreadsheetExportMixin, locked_pages.LockedPagesView):
    pass


class AgingPagesView(SpreadsheetExportMixin, aging_pages.AgingPagesView):
    pass


class RedirectsIndexView(SpreadsheetExportMixin, redirects.IndexView):
    pass


urlpatterns = decorate_urlpatterns(
    [
        path("reports/locked/", LockedPagesView.as_view()),
        path("reports/locked/results/", LockedPagesView.as_view(results_only=True)),
        path("reports/aging-pages/", AgingPagesView.as_view()),
        path(
            "reports/aging-pages/results/",
            AgingPagesView.as_view(results_only=True),
        ),
        path("redirects/", RedirectsIndexView.as_view()),
        path("redirects/results/", RedirectsIndexView.as_view(results_only=True)),
    ],
    lambda view: never_cache(require_admin_access(view)),
)
