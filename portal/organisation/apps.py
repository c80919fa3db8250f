from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "portal.organisation"
    label = "organisation"
    verbose_name = _("About the office")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from portal.core.cache import invalidate_anonymous_pages
        from portal.followup.models import Unit

        # The organisation chart is drawn from the units: a cached copy must go
        # when one is renamed, moved, added or removed.
        for signal in (post_save, post_delete):
            signal.connect(invalidate_anonymous_pages, sender=Unit)
