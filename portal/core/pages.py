from wagtail.models import PageViewRestriction

from portal.core.cache import any_view_restrictions


class ViewRestrictionShortcutMixin:
    """Skip Wagtail's two restriction queries per page view on a site where
    no page has a view restriction (the usual case: access is per item)."""

    def get_view_restrictions(self):
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
