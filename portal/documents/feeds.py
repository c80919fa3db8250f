from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.core.text import fold
from portal.documents.models import ArchivePage, Document
from portal.documents.types import DocumentType

FEED_LENGTH = 20


def type_slug(document_type):
    """A type's code as it reads in a feed's address: "QĐi" -> "qdi"."""
    return slugify(fold(DocumentType(document_type).value))


class DocumentsFeed(Feed):
    """RSS of the newest published documents, of one type or of all types.

    Feeds are read anonymously and shared, so they only ever carry what an
    anonymous reader may open: public documents, never internal or restricted."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, document_type=None):
        if document_type is None:
            return None
        for member in DocumentType:
            if type_slug(member) == document_type:
                return member
        raise Http404

    def title(self, document_type):
        site = _("Party Committee Office Portal")
        name = document_type.label if document_type else _("Documents")
        return f"{name} — {site}"

    def link(self, document_type):
        archive = ArchivePage.current()
        return archive.url if archive else "/"

    def description(self, document_type):
        return _("Newly published documents")

    def items(self, document_type):
        documents = Document.objects.visible_to(None).select_related("issuer")
        if document_type:
            documents = documents.filter(document_type=document_type)
        return documents.order_by(
            F("first_published_at").desc(nulls_last=True), "-issued_on", "-pk"
        )[:FEED_LENGTH]

    def item_title(self, document):
        return f"{document.get_document_type_display()} {document.symbol}"

    def item_description(self, document):
        return document.title

    def item_link(self, document):
        return document.get_absolute_url()

    def item_pubdate(self, document):
        return document.first_published_at or timezone.make_aware(
            datetime.combine(document.issued_on, time.min)
        )

    def item_author_name(self, document):
        return document.issuer.name

    def item_categories(self, document):
        return [document.get_document_type_display()]
