"""The archive in the sitemap: every document an anonymous reader may open."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap

from portal.documents.models import ArchivePage, Document


class DocumentSitemap(Sitemap):
    """Public documents, 50,000 to a sitemap page (the protocol's limit), at
    the address of the Wagtail site that holds the archive."""

    def __init__(self):
        self.archive = ArchivePage.objects.live().public().first()
        if self.archive is not None:
            _site_id, self.root_url, self.archive_path = self.archive.get_url_parts()

    def items(self):
        if self.archive is None:
            return Document.objects.none()
        return (
            Document.objects.visible_to(None)
            .only("pk", "symbol", "updated_at")
            .order_by("pk")
        )

    def location(self, document):
        return self.archive_path + self.archive.reverse_subpage(
            "document", kwargs={"pk": document.pk, "slug": document.slug}
        )

    def lastmod(self, document):
        return document.updated_at

    def get_protocol(self, protocol=None):
        if self.archive is None:
            return super().get_protocol(protocol)
        return urlsplit(self.root_url).scheme

    def get_domain(self, site=None):
        if self.archive is None:
            return super().get_domain(site)
        return urlsplit(self.root_url).netloc
