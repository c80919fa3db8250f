from django import template

from portal.alerts.forms import SaveSearchForm
from portal.alerts.searching import unread_count

register = template.Library()


@register.inclusion_tag("alerts/includes/save_search_form.html", takes_context=True)
def save_search_form(context):
    """The "Save this search" form for the search being shown."""
    request = context["request"]
    return {
        "form": SaveSearchForm(initial={"query": request.GET.urlencode()}),
        "request": request,
    }


@register.inclusion_tag("alerts/includes/unread_alerts.html", takes_context=True)
def unread_alerts(context):
    """A link to the new items the user's intranet alerts brought, if any."""
    user = context["request"].user
    return {"unread": unread_count(user)}
