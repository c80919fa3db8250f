from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.access import restrictions
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
        # Chosen by editors; the newest until they have chosen any.
        chosen = articles.filter(featured=True)
        context["featured"] = (chosen if chosen.exists() else articles).select_related(
            "hero_image"
        )[:3]
        context["sections"] = [
            (section, section.articles_for(request.user)[:4])
            for section in SectionPage.objects.child_of(self)
            .live()
            .filter(restrictions.passes_q(request.user))
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


@register_setting(icon="site")
class OfficeInformation(BaseSiteSetting):
    """Who runs the portal, as the footer of every public page says it (and as
    Vietnamese law asks of an official portal: who is chiefly responsible)."""

    office_name = models.CharField(_("office name"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    responsible = models.CharField(
        _("chiefly responsible"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Nguyễn Văn A, Chief of Office"),
    )
    description = models.TextField(
        _("site description"),
        blank=True,
        help_text=_(
            "What search engines and shared links show for pages without a "
            "description of their own."
        ),
    )

    panels = [
        FieldPanel("office_name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("responsible"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = _("office information")
        verbose_name_plural = _("office information")
