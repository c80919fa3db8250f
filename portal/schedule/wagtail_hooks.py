from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from portal.access.admin_views import VisibleItemsViewSetMixin
from portal.access.permission_policies import AccessControlledPermissionPolicy
from portal.schedule.conflicts import conflict_warnings
from portal.schedule.models import Event

register_permission_policy(Event, AccessControlledPermissionPolicy(Event))


class WarnOfConflictsMixin:
    """Saving an event that double-books a person or a unit is allowed, with a
    warning that names the other events (those the user may see)."""

    def save_instance(self):
        instance = super().save_instance()
        if not self.expects_json_response:
            for warning in conflict_warnings(instance, self.request.user):
                messages.warning(self.request, warning)
        return instance


class EventCreateView(WarnOfConflictsMixin, CreateView):
    pass


class EventEditView(WarnOfConflictsMixin, EditView):
    pass


class EventViewSet(VisibleItemsViewSetMixin, SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Weekly work schedule")
    menu_name = "schedule"
    add_to_admin_menu = True
    menu_order = 250
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    list_display = ["title", "date", "start_time", "place", "access"]
    list_filter = ["date", "access"]
    search_backend_name = None
    search_fields = ["title", "place"]
    ordering = ["-date", "-start_time"]
    list_per_page = 50


register_snippet(EventViewSet)
