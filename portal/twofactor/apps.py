from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    name = "portal.twofactor"
    label = "twofactor"
    verbose_name = _("Second factor of sign-in")
