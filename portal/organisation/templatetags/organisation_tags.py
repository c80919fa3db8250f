from django import template

from portal.core.cache import get_or_compute
from portal.organisation.models import AboutPage

register = template.Library()


def _links():
    about = AboutPage.current()
    if about is None:
        return []
    links = [(about.title, about.get_url(), "")]
    links += [(page.title, page.get_url(), "") for page in about.sections()]
    english = about.english_page()
    if english:
        links.append(("English", english.get_url(), "en"))
    return links


@register.inclusion_tag("organisation/includes/footer_links.html")
def organisation_links():
    """The section's public pages for the footer on every page, kept until the
    next publication so that a page view costs no query."""
    return {"links": get_or_compute("organisation-links", _links)}
