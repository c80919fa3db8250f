"""Admin URLs that take the place of Wagtail's own (included before the admin's
URLs): the same reports and views, without the items the user may not see."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from portal.access.admin_views import (
    VisibleLogEntriesView,
    VisibleWorkflowTasksView,
    VisibleWorkflowView,
    editing_session_ping,
)

urlpatterns = decorate_urlpatterns(
    [
        path("reports/site-history/", VisibleLogEntriesView.as_view()),
        path(
            "reports/site-history/results/",
            VisibleLogEntriesView.as_view(results_only=True),
        ),
        path("reports/workflow/", VisibleWorkflowView.as_view()),
        path(
            "reports/workflow/results/", VisibleWorkflowView.as_view(results_only=True)
        ),
        path(
            "editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/"
            "<int:session_id>/",
            editing_session_ping,
        ),
        path("reports/workflow_tasks/", VisibleWorkflowTasksView.as_view()),
        path(
            "reports/workflow_tasks/results/",
            VisibleWorkflowTasksView.as_view(results_only=True),
        ),
    ],
    lambda view: never_cache(require_admin_access(view)),
)
