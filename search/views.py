import logging

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from search.text import normalize

logger = logging.getLogger(__name__)

PER_PAGE = 10
MAX_QUERY_LENGTH = 500


def search(request):
    query = normalize(request.GET.get("q", "")).strip()[:MAX_QUERY_LENGTH]
    context = {"query": query, "results": None, "error": None}
    if query:
        try:
            hits = Page.objects.live().public().specific().search(query)
            context["results"] = Paginator(hits, PER_PAGE).get_page(
                request.GET.get("page")
            )
        except Exception:  # the engine may be down or reject the query
            logger.exception("search failed for %r", query)
            context["error"] = _(
                "Search is temporarily unavailable. Please try again later."
            )
    return TemplateResponse(request, "search/search.html", context)
