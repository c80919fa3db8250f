"""How the registers take part in the portal's search (see ``search.registry``)
and who finds them there: their readers only, through a principal of their own
(``portal.access.principals.register_principal``)."""

from operator import attrgetter, methodcaller

from django.urls import reverse

from portal.access.principals import register_principal
from portal.correspondence.models import IncomingDocument, OutgoingDocument
from portal.correspondence.models.choices import PARTY_TYPE_CHOICES
from portal.correspondence.permission_policies import reader_principal, reads_register
from portal.documents.types import DocumentType
from search import registry


def incoming_fields(entry):
    return {
        "kind": "incoming",
        "principals": [reader_principal(IncomingDocument)],
        "live": True,
        "type": entry.document_type,
        "issuer": entry.sender.name,
        "year": entry.year,
        "date": entry.received_on.isoformat(),
        "symbol_key": entry.symbol_key,
        "suggest": f"{entry.symbol} {entry.title}",
        "paths": [],
    }


def outgoing_fields(entry):
    released = entry.released_on
    return {
        "kind": "outgoing",
        "principals": [reader_principal(OutgoingDocument)],
        "live": True,
        "type": entry.document_type,
        "issuer": entry.issuer.name,
        "year": released.year if released else None,
        "date": released.isoformat() if released else None,
        "symbol_key": entry.symbol_key,
        "suggest": f"{entry.symbol} {entry.title}",
        "paths": [],
    }


def inspect_urls(name):
    return lambda entries: [
        reverse(f"{name}:inspect", args=[entry.pk]) for entry in entries
    ]


def register_search():
    for model, fields, name, issuer, date, types in [
        (
            IncomingDocument,
            incoming_fields,
            "incoming",
            "sender",
            "received_on",
            DocumentType.choices,
        ),
        (
            OutgoingDocument,
            outgoing_fields,
            "outgoing",
            "issuer",
            "released_on",
            PARTY_TYPE_CHOICES,
        ),
    ]:
        register_principal(
            reader_principal(model),
            lambda user, model=model: reads_register(user, model),
        )
        registry.register(
            model,
            kind=name,
            index_fields=fields,
            urls=inspect_urls(name),
            date=attrgetter(date),
            snippet_from=lambda entry: [entry.notes, entry.scan_text()],
            symbol=attrgetter("symbol"),
            type_label=methodcaller("get_document_type_display"),
            issuer=attrgetter(f"{issuer}.name"),
            facet_labels={"type": dict(types)},
            queryset=lambda model, issuer=issuer: model.objects.select_related(issuer),
        )
