from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.core.pages import AsciiSlugMixin


class HomePage(AsciiSlugMixin, Page):
    """The portal's front page: the root of every public section."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def route(self, request, path_components):
        # Sections and the archive route on by their tree position alone: load
        # them in their specific class with its own fields deferred, in one
        # query instead of Wagtail's two.
        if not path_components:
            return super().route(request, path_components)
        slug, *remaining = path_components
        child = self.get_children().filter(slug=slug).specific(defer=True).first()
        if child is None:
            raise Http404
        return child.route(request, remaining)

    def get_context(self, request, *args, **kwargs):
        # The home page shows what the apps offer; they know their own rules.
        from portal.documents.models import Document
        from portal.news.models import ArticlePage, SectionPage

        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.visible_to(request.user).order_by(
            "-published_at"
        )
        context["featured"] = articles.select_related("hero_image")[:3]
        context["sections"] = [
            (section, section.articles_for(request.user)[:4])
            for section in SectionPage.objects.child_of(self).live().public()
        ]
        context["latest_documents"] = (
            Document.objects.visible_to(None)
            .select_related("issuer")
            .order_by("-issued_on")[:6]
        )
        return context

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home page")
