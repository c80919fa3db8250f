from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "portal.followup"
    label = "followup"
    verbose_name = _("Follow-up of conclusions")

    def ready(self):
        from portal.access.people import register_person_describer
        from portal.followup.people import describe_units

        register_person_describer(describe_units)

        from portal.followup.signal_handlers import register_signal_handlers

        register_signal_handlers()
