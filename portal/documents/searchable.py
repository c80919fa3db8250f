"""How documents take part in the portal's search (see ``search.registry``)."""

from operator import attrgetter, methodcaller

from portal.documents.models import ArchivePage, Document
from portal.documents.types import DocumentType, EffectiveStatus
from search import registry


def index_fields(document):
    """The fields every kind of content shares in the portal's search."""
    return {
        "kind": "document",
        "principals": document.principals(),
        "live": document.live,
        "type": document.document_type,
        "issuer": document.issuer.name,
        "year": document.issued_year,
        "status": document.status,
        "subject": [area.name for area in document.subject_areas.all()],
        "signer": document.signer,
        "date": document.issued_on.isoformat(),
        "symbol_key": document.symbol_key,
        "suggest": f"{document.symbol} {document.title}",
        "paths": document.guarding_paths(),
    }


def document_urls(documents):
    archive = ArchivePage.current()  # once for a page of hits
    return [archive.document_url(document) if archive else "" for document in documents]


def register_search():
    registry.register(
        Document,
        kind="document",
        index_fields=index_fields,
        urls=document_urls,
        date=attrgetter("issued_on"),
        snippet_from=lambda document: [document.body, document.attachment_text()],
        symbol=attrgetter("symbol"),
        type_label=methodcaller("get_document_type_display"),
        issuer=attrgetter("issuer.name"),
        facet_labels={
            "type": dict(DocumentType.choices),
            "status": dict(EffectiveStatus.choices),
        },
        queryset=lambda model: model.objects.select_related("issuer").prefetch_related(
            "attachments"
        ),
    )
