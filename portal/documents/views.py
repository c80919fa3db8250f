"""Views behind the archive page; access rules live on the models."""

from datetime import date

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from portal.access.views import deny
from portal.core.cache import keep_for_query
from portal.core.forms import YearForm
from portal.core.uploads import file_response
from portal.documents.filters import ArchiveFilterForm
from portal.documents.models import Attachment, Document
from portal.documents.statistics import export, statistics_tables
from portal.signing.verification import verifications_of

PER_PAGE = 20


def archive(request, page):
    visible = Document.objects.visible_to(request.user)
    form = ArchiveFilterForm(request.GET or None, visible)
    # Each listed document shows its issuing body.
    documents = form.filter(visible).select_related("issuer")
    results = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
    response = TemplateResponse(
        request,
        "documents/archive_page.html",
        {"page": page, "form": form, "results": results},
    )
    return keep_for_query(response, "page", *form.fields)


def statistics(request, page):
    """How many documents of each type, and from each body, were issued in a year
    (counting only what the reader may see)."""
    visible = Document.objects.visible_to(request.user)
    years = visible.years()
    form = YearForm(request.GET, default=years[0] if years else date.today().year)
    year = form.chosen_year()
    tables = statistics_tables(visible.filter(issued_year=year))
    if form.is_valid() and request.GET.get("format") in ("csv", "xlsx"):
        response = export(tables, year, request.GET["format"])
    else:
        for error in form.error_list():
            messages.error(request, error)
        response = TemplateResponse(
            request,
            "documents/statistics.html",
            {"page": page, "year": year, "years": years, "tables": tables},
            status=400 if form.errors else 200,
        )
    return keep_for_query(response, "year", "format")


def document_detail(request, page, pk, printable=False):
    document = get_object_or_404(
        Document.objects.live()
        .select_related("issuer__superior")
        .prefetch_related("subject_areas", "attachments"),
        pk=pk,
    )
    if not document.is_visible_to(request.user):
        return deny(request)
    template = (
        "documents/document_print.html" if printable else "documents/document.html"
    )
    return TemplateResponse(
        request,
        template,
        {
            "page": page,
            "document": document,
            "relations": document.relation_diagram_for(request.user),
            "verifications": verifications_of(
                attachment.file for attachment in document.attachments.all()
            ),
        },
    )


def attachment_download(request, pk):
    attachment = get_object_or_404(
        Attachment.objects.select_related("document"), pk=pk, document__live=True
    )
    if not attachment.document.is_visible_to(request.user):
        return deny(request)
    return file_response(
        attachment.file,
        attachment.filename,
        private=attachment.document.access != "public",
    )
