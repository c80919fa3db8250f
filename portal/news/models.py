from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.access.models import AccessControlled
from portal.access.permission_policies import AccessControlledPagePermissionTester
from portal.core.cache import get_or_compute, keep_for_query
from portal.core.models import FoldedSearchText
from portal.core.pages import AsciiSlugMixin, ViewRestrictionShortcutMixin
from portal.news.blocks import ArticleBodyBlock

ARTICLES_PER_PAGE = 10


class ArticleQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Published articles the user may read."""
        return self.live().filter(self.model.visible_to_q(user))


class SectionPage(AsciiSlugMixin, ViewRestrictionShortcutMixin, Page):
    """Chuyên mục: a section of the news with its paginated articles."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage"]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def articles_for(self, user):
        return (
            ArticlePage.objects.child_of(self)
            .visible_to(user)
            .order_by("-published_at")
            .select_related("hero_image")
        )

    def route(self, request, path_components):
        # Fetch the article in its specific form, with its image, in one query
        # (Wagtail's default takes two), and hand it its section.
        if not path_components:
            return super().route(request, path_components)
        slug, *remaining = path_components
        article = (
            ArticlePage.objects.child_of(self)
            .select_related("hero_image")
            .defer("search_text", "search_title")
            .filter(slug=slug)
            .first()
        )
        if article is None:
            raise Http404
        article.section = self
        return article.route(request, remaining)

    def serve(self, request, *args, **kwargs):
        return keep_for_query(super().serve(request, *args, **kwargs), "page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = Paginator(
            self.articles_for(request.user), ARTICLES_PER_PAGE
        ).get_page(request.GET.get("page"))
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        related_name="tagged_items",
        on_delete=models.CASCADE,
    )

    class Meta:
        verbose_name = _("article tag")
        verbose_name_plural = _("article tags")


class ArticlePage(
    AsciiSlugMixin,
    ViewRestrictionShortcutMixin,
    AccessControlled,
    FoldedSearchText,
    Page,
):
    """A news article (bài viết), in the shape of the office's news pages."""

    lead = models.TextField(_("lead"), help_text=_("Sapo: the opening paragraph"))
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(
        _("caption of the main image"), max_length=255, blank=True
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    author = models.CharField(_("author"), max_length=255, blank=True)
    published_at = models.DateTimeField(
        _("publication date and time"), default=timezone.now
    )
    tags = ClusterTaggableManager(
        through=ArticleTag, blank=True, verbose_name=_("tags")
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Shown under “Featured” on the home page"),
    )

    objects = PageManager.from_queryset(ArticleQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        FieldPanel("author"),
        FieldPanel("published_at"),
        FieldPanel("tags"),
        FieldPanel("featured"),
    ]
    # Who may read it is set with the page's Sharing button (see wagtail_hooks).
    search_fields = Page.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("published_at"),
    ]
    search_db_fields = {"date": "published_at"}
    accepts_comments = True
    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def save(self, *args, **kwargs):
        self.fill_search_text([self.title], [self.lead, self.author, self.body_text()])
        super().save(*args, **kwargs)

    def body_text(self):
        """The body's words, for search and snippets."""
        return " ".join(
            " ".join(block.block.get_searchable_content(block.value))
            for block in self.body
        )

    @cached_property
    def section(self):
        return SectionPage.objects.parent_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        siblings = self.siblings_for(request.user)
        context["newer_articles"] = self.newer_articles(siblings)
        context["older_articles"] = self.older_articles(siblings)
        context["tag_names"] = self.tag_names(
            preview=getattr(request, "is_preview", False)
        )
        return context

    def tag_names(self, preview=False):
        """The tags' names; the published ones are kept until the next publication."""
        if preview:  # an editor's unsaved tags
            return [tag.name for tag in self.tags.all()]
        return get_or_compute(
            f"article-tags:{self.pk}",
            lambda: list(self.tags.order_by("name").values_list("name", flat=True)),
        )

    def serve(self, request, *args, **kwargs):
        if not self.is_visible_to(request.user, request):
            from portal.access.views import deny

            return deny(request)
        return super().serve(request, *args, **kwargs)

    def permissions_for_user(self, user):
        # No right in the admin on an article the user may not see.
        return AccessControlledPagePermissionTester(user, self)

    def get_sitemap_urls(self, request=None):
        # Only what anonymous readers may see is announced to search engines.
        if not self.is_visible_to(None):
            return []
        return super().get_sitemap_urls(request)

    def siblings_for(self, user):
        return (
            ArticlePage.objects.sibling_of(self, inclusive=False)
            .visible_to(user)
            # what the lists show, without building page objects
            .values("title", "slug", "published_at")
        )

    def newer_articles(self, siblings, count=5):
        """Các bài mới đăng: newer articles of the same section."""
        newer = siblings.filter(published_at__gt=self.published_at)
        return list(newer.order_by("published_at")[:count])[::-1]

    def older_articles(self, siblings, count=10):
        """Các bài đã đăng: older articles of the same section."""
        older = siblings.filter(published_at__lt=self.published_at)
        return older.order_by("-published_at")[:count]
