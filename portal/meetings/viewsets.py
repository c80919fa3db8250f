"""Meetings in the admin: the office keeps their agenda, bridge points, minutes
and conclusion; the yearly counts sit beside them."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from portal.access.admin_visibility import admin_queryset
from portal.core.admin_guards import GuardedViewSetMixin
from portal.core.forms import YearForm
from portal.meetings.forms import MeetingAdminForm
from portal.meetings.models import Meeting
from portal.meetings.statistics import meeting_tables
from portal.schedule.models import Event


def admin_meetings(user):
    """Meetings whose schedule entry the user may see in the admin."""
    return Meeting.objects.filter(event__in=admin_queryset(Event, user)).select_related(
        "event", "organiser"
    )


class MeetingIndexView(generic.IndexView):
    def get_base_queryset(self):
        return admin_meetings(self.request.user)


class InvitingMixin:
    """Saving a meeting invites its schedule entry's attendees."""

    def save_instance(self):
        meeting = super().save_instance()
        meeting.sync_participants(self.request.user)
        return meeting


class MeetingCreateView(InvitingMixin, generic.CreateView):
    pass


class MeetingEditView(InvitingMixin, generic.EditView):
    pass


class MeetingViewSet(GuardedViewSetMixin, ModelViewSet):
    model = Meeting
    name = "meeting_admin"  # "meetings" names the intranet's URLs
    url_prefix = "meetings"
    icon = "group"
    menu_label = _("Meetings")
    index_view_class = MeetingIndexView
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    list_display = [
        Column("__str__", label=_("Meeting")),
        DateColumn("event__date", label=_("date"), accessor="event.date"),
        "online",
        "organiser",
    ]
    list_filter = ["online"]
    edit_handler = ObjectList(
        [
            FieldPanel("event"),
            FieldPanel("online"),
            FieldPanel("organiser"),
            InlinePanel("agenda_items", label=_("Agenda")),
            InlinePanel(
                "bridge_points",
                label=_("Bridge points"),
                panels=[
                    FieldPanel("place"),
                    FieldPanel("host_unit"),
                    FieldPanel("participant_count"),
                ],
            ),
            FieldPanel("minutes"),
            FieldPanel("conclusion"),
        ],
        base_form_class=MeetingAdminForm,
    )

    def get_queryset(self, request):
        return admin_meetings(request.user)


class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """How many meetings, online conferences and bridge points a year had."""

    template_name = "meetings/statistics.html"
    page_title = _("Meeting statistics")
    header_icon = "table"
    permission_policy = None

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_any_permission(
            request.user, ["view", "change"]
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        form = YearForm(request.GET, default=today.year)
        year = form.chosen_year()
        for error in form.error_list():
            messages.error(request, error)
        return self.render_to_response(
            self.get_context_data(
                year=year,
                tables=meeting_tables(admin_meetings(request.user), year, today),
            ),
            status=400 if form.error_list() else 200,
        )


class StatisticsViewSet(ViewSet):
    name = "meetings_statistics"
    url_prefix = "meetings/statistics"
    icon = "table"
    menu_label = _("Statistics")

    def get_urlpatterns(self):
        return [
            path(
                "",
                StatisticsView.as_view(
                    permission_policy=MeetingViewSet().permission_policy
                ),
                name="index",
            )
        ]


class MeetingsViewSetGroup(ViewSetGroup):
    items = (MeetingViewSet, StatisticsViewSet)
    menu_icon = "group"
    menu_label = _("Meetings")
    menu_name = "meetings"
