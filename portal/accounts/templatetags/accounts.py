from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("accounts/single_sign_on.html")
def single_sign_on_link(next_url=""):
    """A link to sign in through the provider, on the sign-in pages that have one."""
    return {"enabled": settings.ACCOUNTS_SINGLE_SIGN_ON, "next": next_url}
