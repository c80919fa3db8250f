"""Verifying the signed PDFs that enter the portal, and remembering what was
found under the file's name in private storage (see ``tasks.verify_later``)."""

from django.core.files.storage import storages

from portal.core.cache import invalidate_anonymous_pages

from .models import FileVerification
from .services import verify_pdf

PDF_MAGIC = b"%PDF-"
MAX_BYTES = 100 * 1024 * 1024


def verify_stored(file_name):
    storage = storages["private"]
    if not storage.exists(file_name):
        return None
    with storage.open(file_name, "rb") as file:
        if file.read(len(PDF_MAGIC)) != PDF_MAGIC:
            return None  # only PDFs carry PAdES signatures
        file.seek(0)
        data = file.read(MAX_BYTES + 1)
    reports = verify_pdf(data) if len(data) <= MAX_BYTES else []
    verification, _created = FileVerification.objects.update_or_create(
        file_name=file_name,
        defaults={"signatures": [report.to_json() for report in reports]},
    )
    if reports:  # pages showing the file show its signatures from now on
        invalidate_anonymous_pages()
    return verification


def reports_for(file):
    """The reports recorded for a stored file: none if unsigned or not verified yet."""
    if not file:
        return []
    verification = FileVerification.objects.filter(file_name=file.name).first()
    return verification.reports() if verification else []
