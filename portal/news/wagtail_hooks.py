from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from portal.access.admin_views import VisiblePagesViewSet
from portal.access.views import SharingView
from portal.news.models import ArticlePage


@hooks.register("register_admin_urls")
def article_sharing_url():
    return [
        path(
            "news/articles/<int:pk>/sharing/",
            SharingView.as_view(model=ArticlePage),
            name="news_article_sharing",
        )
    ]


@hooks.register("register_page_header_buttons")
def article_sharing_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, ArticlePage):
        yield Button(
            _("Sharing"),
            reverse("news_article_sharing", args=[page.pk]),
            icon_name="lock",
            priority=40,
        )


@hooks.register("register_admin_viewset")
def article_viewset():
    return VisiblePagesViewSet(model=ArticlePage)
