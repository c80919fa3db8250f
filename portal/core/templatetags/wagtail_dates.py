"""Wagtail's admin tags, with moments written as dates instead of elapsed time.

Registered in TEMPLATES as the "wagtailadmin_tags" library, so Wagtail's own
templates load it: everything is Wagtail's but timesince_last_update, which
writes "3 days ago" in the status side panel.
"""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin.templatetags import wagtailadmin_tags

register = template.Library()
register.tags.update(wagtailadmin_tags.register.tags)
register.filters.update(wagtailadmin_tags.register.filters)


@register.simple_tag
def timesince_last_update(
    last_update, show_time_prefix=False, user_display_name="", use_shorthand=True
):
    """The time of an update made today (09:15), the date and time of an earlier
    one (09:15 28/11/2026), followed by who made it."""
    moment = (
        timezone.localtime(last_update)
        if timezone.is_aware(last_update)
        else last_update
    )
    today = moment.date() == timezone.localdate()
    time = date_format(moment, "TIME_FORMAT" if today else "DATETIME_FORMAT")
    if user_display_name:
        message = (
            _("at %(time)s by %(user_display_name)s")
            if show_time_prefix
            else _("%(time)s by %(user_display_name)s")
        )
        return message % {"time": time, "user_display_name": user_display_name}
    return _("at %(time)s") % {"time": time} if show_time_prefix else time
