from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from django.db.models.signals import post_save

        from home.models import OfficeInformation

        post_save.connect(retire_cached_pages, sender=OfficeInformation)


def retire_cached_pages(created, **kwargs):
    """Every page's footer shows the office information. Its row is created
    empty on first reading, which changes nothing that a page shows."""
    from portal.core.cache import invalidate_anonymous_pages

    if not created:
        invalidate_anonymous_pages()
