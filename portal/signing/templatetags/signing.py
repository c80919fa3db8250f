from django import template

from portal.signing.verification import shown_for

register = template.Library()


@register.inclusion_tag("signing/verification.html")
def signature_verification(file):
    """What verifying the file's signatures found, for whoever sees the file."""
    return shown_for(file)
