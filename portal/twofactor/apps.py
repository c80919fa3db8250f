from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    name = "portal.twofactor"
    label = "twofactor"
    verbose_name = _("Second factor of sign-in")

    def ready(self):
        from portal.access.roles import ROLE_BY_KEY

        # A mistyped role stops the start, not every signed-in request.
        unknown = set(settings.TWOFACTOR_ROLES) - set(ROLE_BY_KEY)
        if unknown:
            raise ImproperlyConfigured(
                f"TWOFACTOR_ROLES names unknown roles: {', '.join(sorted(unknown))}; "
                f"the roles are {', '.join(ROLE_BY_KEY)}."
            )
