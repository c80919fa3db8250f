"""Mounted at /api/: the API's version 1, its OpenAPI schema, and the page
where a user sees and renews their key."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from portal.api import views

router = SimpleRouter()
router.register("documents", views.DocumentViewSet, basename="document")
router.register("articles", views.ArticleViewSet, basename="article")

schema = SpectacularAPIView.as_view(
    # the API alone, with its full paths (not Wagtail's admin API)
    patterns=[path("api/v1/", include(router.urls))]
)

urlpatterns = [
    path(
        "v1/", include(([*router.urls, path("schema/", schema, name="schema")], "api"))
    ),
    path("khoa/", views.token, name="api_token"),
]
