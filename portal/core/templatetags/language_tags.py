from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def languages_in_themselves():
    """(code, name) of each language as its readers name it ("English",
    "Tiếng Việt"): settings.LANGUAGES untranslated, where Django's
    get_available_languages would translate "English" into "Tiếng Anh"."""
    return settings.LANGUAGES
