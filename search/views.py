import logging

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend

from search.forms import FILTER_LABELS, SearchForm
from search.query import SearchResults
from search.registry import facet_labels, searchable_models
from search.signals import timed_query

logger = logging.getLogger(__name__)

SUGGEST_MIN_LENGTH = 2


def labelled(facets, labels):
    """Facet counts keyed by what readers see ("Nghị quyết"), not by codes."""
    return {
        name: {
            labels.get(name, {}).get(key, key): count for key, count in counts.items()
        }
        for name, counts in facets.items()
    }


FACET_SHOWN = 8  # the rest of a long facet list waits behind "Xem thêm"


def facet_groups(request, facets):
    """Each facet's buckets with the link that applies it."""
    groups = []
    for name, counts in facets.items():
        buckets = []
        for label, count in counts.items():
            params = request.GET.copy()
            params.pop("page", None)
            params[name] = label
            selected = request.GET.get(name) == label
            buckets.append(
                {
                    "label": label,
                    "count": count,
                    "url": f"?{params.urlencode()}",
                    "selected": selected,
                }
            )
        if buckets:
            more = buckets[FACET_SHOWN:]
            groups.append(
                {
                    "heading": FILTER_LABELS.get(name, name),
                    "buckets": buckets[:FACET_SHOWN],
                    "more": more,
                    "more_selected": any(bucket["selected"] for bucket in more),
                }
            )
    return groups


def page_url(request, number):
    params = request.GET.copy()
    params["page"] = number
    return f"?{params.urlencode()}"


def search(request):
    models = searchable_models()
    labels = facet_labels(models)
    form = SearchForm(request.GET, labels=labels)
    search_request = form.search_request()
    results, error = None, None
    try:
        if search_request.is_empty:  # nothing asked: nothing to count or list
            results = SearchResults(request=search_request, count=0, hits=[], facets={})
        else:
            with timed_query("search"):
                results = get_search_backend().portal_search(
                    search_request, request.user, models
                )
            results.facets = labelled(results.facets, labels)
    except Exception:  # the engine may be down; the page must still answer
        logger.exception("search failed for %r", search_request.text)
        error = _("Search is temporarily unavailable. Please try again later.")

    if request.GET.get("format") == "json":
        if error:
            return JsonResponse(
                {"query": search_request.text, "error": error}, status=503
            )
        return JsonResponse(
            {
                "query": search_request.text,
                "count": results.count,
                "page": search_request.page,
                "results": [hit.as_json() for hit in results.hits],
                "facets": results.facets,
            },
            json_dumps_params={"ensure_ascii": False},
        )
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "form": form,
            "query": search_request.text,
            "search_request": search_request,
            "results": results,
            "facet_groups": facet_groups(request, results.facets) if results else [],
            "previous_url": page_url(request, search_request.page - 1),
            "next_url": page_url(request, search_request.page + 1),
            "last_url": page_url(request, results.num_pages) if results else "",
            "chosen_filters": form.chosen_filters(request.GET),
            "clear_filters_url": form.clear_filters_url(request.GET),
            "error": error,
        },
    )


def suggest(request):
    text = SearchForm({"q": request.GET.get("q", "")}).search_request().text
    hits = []
    if len(text.strip()) >= SUGGEST_MIN_LENGTH:
        try:
            with timed_query("suggest"):
                hits = get_search_backend().portal_suggest(
                    text, request.user, searchable_models()
                )
        except Exception:
            logger.exception("suggest failed for %r", text)
    return JsonResponse(
        {
            "query": text,
            "results": [
                {"title": hit.title, "symbol": hit.symbol, "url": hit.url}
                for hit in hits
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
