from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.core.pages import AsciiSlugMixin


class ArchivePage(AsciiSlugMixin, RoutablePageMixin, Page):
    """The archive of issued documents: a browsable list and each document's page."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("document archive page")

    @classmethod
    def current(cls):
        return cls.objects.live().first()

    def document_url(self, document):
        return self.url + self.reverse_subpage(
            "document", kwargs={"pk": document.pk, "slug": document.slug}
        )

    def attachment_url(self, attachment):
        return self.url + self.reverse_subpage(
            "attachment", kwargs={"pk": attachment.pk}
        )

    # The views import the models, so they are imported where they are used.
    @path("")
    def index_route(self, request):
        from portal.documents import views

        return views.archive(request, self)

    @path("thong-ke/", name="statistics")
    def statistics_route(self, request):
        from portal.documents import views

        return views.statistics(request, self)

    @path("<int:pk>-<slug:slug>/", name="document")
    def document_route(self, request, pk, slug):
        from portal.documents import views

        return views.document_detail(request, self, pk)

    @path("<int:pk>-<slug:slug>/in/", name="document_print")
    def document_print_route(self, request, pk, slug):
        from portal.documents import views

        return views.document_detail(request, self, pk, printable=True)

    @path("tep/<int:pk>/", name="attachment")
    def attachment_route(self, request, pk):
        from portal.documents import views

        return views.attachment_download(request, pk)
