from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "portal.meetings"
    label = "meetings"
    verbose_name = _("Meetings and conferences")

    def ready(self):
        from portal.meetings.signal_handlers import register_signal_handlers

        register_signal_handlers()

        from portal.access.admin_visibility import register_admin_scope
        from portal.meetings.models import Meeting
        from portal.meetings.viewsets import admin_meetings

        register_admin_scope(Meeting, admin_meetings)
