from django import template

from portal.alerts.forms import SaveSearchForm

register = template.Library()


@register.inclusion_tag("alerts/includes/save_search_form.html", takes_context=True)
def save_search_form(context):
    """The "Save this search" form for the search being shown."""
    request = context["request"]
    return {
        "form": SaveSearchForm(initial={"query": request.GET.urlencode()}),
        "request": request,
    }
