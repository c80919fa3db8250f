from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from portal.news.models import ArticlePage, SectionPage

FEED_LENGTH = 20


class ArticlesFeed(Feed):
    """RSS of the newest public articles, of one section or of all news.

    Feeds are read anonymously, so they only ever carry public articles."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, section=None):
        if section is None:
            return None
        return get_object_or_404(SectionPage.objects.live().public(), slug=section)

    def title(self, section):
        site = _("Party Committee Office Portal")
        return f"{section.title} — {site}" if section else site

    def link(self, section):
        return section.url if section else "/"

    def description(self, section):
        return _("Newest articles")

    def items(self, section):
        articles = ArticlePage.objects.visible_to(None)
        if section:
            articles = articles.child_of(section)
        return articles.order_by("-published_at")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        return article.url

    def item_pubdate(self, article):
        return article.published_at

    def item_author_name(self, article):
        return article.author or None
