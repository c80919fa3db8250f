"""The read-only JSON API: documents and articles, as the caller may see them.

Callers authenticate with their token (``Authorization: Token <key>``) or their
session; anonymous callers see public items only. What anyone sees comes from
``visible_to`` alone, the rule every other surface follows.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import authentication, pagination, permissions, renderers, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import NotFound

from portal.api.filters import ArticleFilterSet, DocumentFilterSet
from portal.api.serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    DocumentDetailSerializer,
    DocumentSerializer,
)
from portal.documents.models import ArchivePage, Document
from portal.news.models import ArticlePage


class Pagination(pagination.PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    authentication_classes = [
        authentication.TokenAuthentication,
        authentication.SessionAuthentication,
    ]
    permission_classes = [permissions.AllowAny]
    renderer_classes = [renderers.JSONRenderer]
    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend]
    detail_serializer_class = None

    def get_serializer_class(self):
        if self.action == "retrieve":
            return self.detail_serializer_class
        return self.serializer_class

    def get_object(self):
        try:
            return super().get_object()
        except Http404:  # the same answer whether the item is hidden or absent
            raise NotFound from None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # What a signed-in caller sees is theirs: no shared cache keeps it.
        response["Cache-Control"] = "private"
        response["Vary"] = "Authorization, Cookie"
        return response


class DocumentViewSet(ReadOnlyViewSet):
    """Published documents of the archive, newest first."""

    serializer_class = DocumentSerializer
    detail_serializer_class = DocumentDetailSerializer
    filterset_class = DocumentFilterSet

    def get_queryset(self):
        queryset = (
            Document.objects.visible_to(self.request.user)
            .select_related("issuer")
            .defer("search_text", "search_title")
            .order_by("-issued_on", "-number", "-pk")
        )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("subject_areas", "attachments")
        return queryset

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "archive": ArchivePage.current()}


class ArticleViewSet(ReadOnlyViewSet):
    """Published news articles, newest first."""

    serializer_class = ArticleSerializer
    detail_serializer_class = ArticleDetailSerializer
    filterset_class = ArticleFilterSet

    def get_queryset(self):
        return (
            ArticlePage.objects.visible_to(self.request.user)
            .defer("search_text", "search_title")
            .order_by("-published_at", "-pk")
        )


@login_required
def token(request):
    """The user's API key: shown to them alone, renewed on request."""
    if request.method == "POST":
        Token.objects.filter(user=request.user).delete()
        Token.objects.create(user=request.user)
        messages.success(
            request, _("A new API key was issued; the old one no longer works.")
        )
        return redirect("api_token")
    return TemplateResponse(
        request,
        "api/token.html",
        {"token": Token.objects.filter(user=request.user).first()},
    )
