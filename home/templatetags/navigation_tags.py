from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from portal.core.cache import get_or_compute

register = template.Library()


def menu_items(site):
    pages = site.root_page.get_children().live().public().in_menu()
    return [(page.title, page.get_url(), page.path) for page in pages]


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The site's top-level pages marked "show in menus", in tree order.

    The same for every reader, so kept until something is published."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return {"items": []}
    items = get_or_compute(f"main-nav:{site.pk}", lambda: menu_items(site))
    current = context.get("page")
    current_path = current.path if current else ""
    items = [(title, url, current_path.startswith(path)) for title, url, path in items]
    request = context["request"]
    if request.user.is_authenticated:
        # Signed-in staff also have the intranet (menus are not cached for them).
        intranet = reverse("followup:intranet")
        items.append((_("Intranet"), intranet, request.path.startswith(intranet)))
    return {"items": items}
