from django.conf import settings
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from portal.core.views import health
from portal.documents.feeds import DocumentsFeed
from portal.documents.sitemaps import DocumentSitemap
from portal.news.feeds import ArticlesFeed
from portal.operations import views as operations_views
from search import views as search_views

SITEMAPS = {"trang": PageSitemap, "van-ban": DocumentSitemap}

urlpatterns = [
    # Wagtail admin reports and views, kept to what each user may see
    path("admin/", include("portal.access.admin_urls")),
    # the page reports and redirects, exported safely like every other spreadsheet
    path("admin/", include("portal.core.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # login/, logout/, password_reset/ and the rest, with the portal's templates
    path("", include("django.contrib.auth.urls")),
    # the single sign-on's redirect and callback, when it is configured
    path("oidc/", include("portal.accounts.urls")),
    # Exempt so that pages carry no CSRF token and can be cached for everyone;
    # a forged request could only switch a visitor's language.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("xac-thuc/", include("portal.twofactor.urls")),
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    # An index of the pages' sitemap and the archive's (paged: it outgrows one file).
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("healthz/", health, name="health"),
    path("readyz/", operations_views.ready, name="ready"),
    path("metrics", operations_views.metrics, name="metrics"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("binh-luan/", include("portal.comments.urls")),
    path("anh/", include("portal.images.urls")),
    path("hoi-dap/", include("portal.questions.urls")),
    path("noi-bo/cuoc-hop/", include("portal.meetings.urls")),
    path("noi-bo/danh-ba/", include("portal.directory.urls")),
    path("noi-bo/so-lieu-nam/", include("portal.annual.urls")),
    path("noi-bo/du-thao/", include("portal.drafting.urls")),
    path("noi-bo/", include("portal.followup.urls")),
    path("api/", include("portal.api.urls")),
    path("tim-kiem-da-luu/", include("portal.alerts.urls")),
    path("lich-cong-tac/", include("portal.schedule.urls")),
    path("feeds/", ArticlesFeed(), name="feed"),
    # before the sections' feeds: "van-ban" is the archive, not a section
    path("feeds/van-ban/", DocumentsFeed(), name="documents_feed"),
    path(
        "feeds/van-ban/<slug:document_type>/",
        DocumentsFeed(),
        name="documents_type_feed",
    ),
    path("feeds/<slug:section>/", ArticlesFeed(), name="section_feed"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
