from django import template
from wagtail.models import Site

from portal.core.cache import get_or_compute

register = template.Library()


@register.simple_tag(takes_context=True)
def office_information(context):
    """The site's office information (footer, default description), kept with
    the cached pages until someone saves it (home.apps)."""
    from home.models import OfficeInformation

    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return OfficeInformation()
    return get_or_compute(
        f"office-information:{site.pk}", lambda: OfficeInformation.for_site(site)
    )
