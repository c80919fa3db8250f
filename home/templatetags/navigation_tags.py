from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The site's top-level pages marked "show in menus", in tree order."""
    request = context["request"]
    site = Site.find_for_request(request)
    pages = site.root_page.get_children().live().public().in_menu() if site else []
    current = context.get("page")
    current_path = current.path if current else ""
    return {"items": [(page, current_path.startswith(page.path)) for page in pages]}
