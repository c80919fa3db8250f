"""A saved search as the search page reads it: the same form, the same backend."""

import dataclasses

from django.http import QueryDict
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend

from portal.alerts.models import SentItem
from search.forms import SearchForm
from search.registry import facet_labels, searchable_models


def search_form(query):
    models = searchable_models()
    return SearchForm(QueryDict(query), labels=facet_labels(models))


def canonical_query(query):
    """The valid words and filters of a search page's query string, and nothing
    else (no page, no sort), written the way the search page reads them."""
    request = search_form(query).search_request()
    params = QueryDict(mutable=True)
    if request.text.strip():
        params["q"] = request.text.strip()
    for name, value in request.filters.items():
        params[name] = str(value)
    if request.date_from:
        params["from"] = request.date_from.isoformat()
    if request.date_to:
        params["to"] = request.date_to.isoformat()
    return params.urlencode()


def describe(query):
    """What a saved search asks, as readers name it: "Từ khóa: thủ đô; Năm: 2024"."""
    form = search_form(query)
    return "; ".join(
        f"{chosen['label']}: {chosen['value']}"
        for chosen in form.chosen_filters(QueryDict(query))
    ) or _("everything")


def default_name(query):
    request = search_form(query).search_request()
    return request.text.strip()[:200] or describe(query)[:200]


def run_search(query, user, page, per_page, sort="newest", date_from=None):
    """One page of the saved search's results, as ``user`` may see them now."""
    models = searchable_models()
    request = search_form(query).search_request()
    if date_from and (request.date_from is None or request.date_from < date_from):
        request = dataclasses.replace(request, date_from=date_from)
    request = dataclasses.replace(request, sort=sort, page=page, per_page=per_page)
    return get_search_backend().portal_search(request, user, models)


def still_visible(sent_items, user):
    """``(sent item, hit)`` for the items ``user`` may still see, in order: the
    search backend presents them, checking each against the database."""
    sent_items = list(sent_items)
    hits = get_search_backend().present([item.key for item in sent_items], [], user)
    by_key = {(hit.item._meta.label, str(hit.item.pk)): hit for hit in hits}
    return [(item, by_key[item.key]) for item in sent_items if item.key in by_key]


def unread_count(user, limit=100):
    """How many unread alert items the user may still see (up to ``limit``)."""
    return len(still_visible(SentItem.objects.unread_by(user)[:limit], user))
