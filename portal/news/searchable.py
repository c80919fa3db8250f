"""How articles take part in the portal's search (see ``search.registry``)."""

from django.utils import timezone

from portal.access.restrictions import path_prefixes
from portal.news.models import ArticlePage
from search import registry


def published_on(article):
    return timezone.localdate(article.published_at)


def index_fields(article):
    """The fields every kind of content shares in the portal's search."""
    return {
        "kind": "article",
        "principals": article.principals(),
        "paths": path_prefixes(article),
        "live": article.live,
        "date": published_on(article).isoformat(),
        "suggest": article.title,
    }


def register_search():
    registry.register(
        ArticlePage,
        kind="article",
        index_fields=index_fields,
        urls=lambda articles: [article.url for article in articles],
        date=published_on,
        snippet_from=lambda article: [article.lead, article.body_text()],
    )
