from django import template

from portal.signing.verification import shown_for

register = template.Library()


@register.inclusion_tag("signing/verification.html")
def signature_verification(file, verifications=None):
    """What verifying the file's signatures found, for whoever sees the file;
    ``verifications`` are those a page read for all its files at once."""
    return shown_for(file, verifications)
