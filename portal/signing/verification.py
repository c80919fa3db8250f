"""Verifying the signed PDFs that enter the portal, and remembering what was
found under the file's name in private storage (see ``tasks.verify_later``).

A file from outside may be built to exhaust whoever reads it, so its
signatures are checked in a child process under limits (``portal.core.children``),
as the archive reads attachments' text."""

import json
import logging
import sys

from django.conf import settings
from django.core.files.storage import storages

from portal.core.cache import invalidate_anonymous_pages
from portal.core.children import Bounds, TimedOut, run_bounded

from .checking import anchor_paths
from .models import FileVerification
from .reports import SignatureReport

logger = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
MAX_BYTES = 100 * 1024 * 1024
BOUNDS = Bounds(memory_bytes=1024 * 1024 * 1024, cpu_seconds=60, wall_seconds=90)


def verify_stored(file_name):
    storage = storages["private"]
    if not storage.exists(file_name):
        return None
    with storage.open(file_name, "rb") as file:
        if file.read(len(PDF_MAGIC)) != PDF_MAGIC:
            return None  # only PDFs carry PAdES signatures
        file.seek(0)
        data = file.read(MAX_BYTES + 1)
    reports = _check_in_child(file_name, data) if len(data) <= MAX_BYTES else None
    verification, _created = FileVerification.objects.update_or_create(
        file_name=file_name,
        defaults={
            "signatures": [report.to_json() for report in reports or []],
            "unverifiable": reports is None,
        },
    )
    if reports or reports is None:  # pages showing the file now say more
        invalidate_anonymous_pages()
    return verification


def _check_in_child(file_name, data):
    """The reports, or None if the file could not be checked within the limits."""
    anchors = anchor_paths(settings.SIGNING_TRUST_ANCHORS)
    try:
        child = run_bounded(
            [
                sys.executable,
                "-m",
                "portal.signing.verification_worker",
                json.dumps(anchors),
            ],  # fmt: skip
            BOUNDS,
            input=data,
            env={"PYTHONPATH": str(settings.BASE_DIR)},
            cwd=settings.BASE_DIR,
        )
    except TimedOut:
        logger.warning("Verifying the signatures of %s timed out", file_name)
        return None
    if child.returncode != 0:
        logger.warning(
            "Could not verify the signatures of %s: %s",
            file_name,
            child.stderr.decode("utf-8", "replace")[-500:],
        )
        return None
    return [SignatureReport.from_json(data) for data in json.loads(child.stdout)]


def verifications_of(files):
    """The stored verifications of these files by file name, in one query."""
    names = [file.name for file in files if file]
    return {
        verification.file_name: verification
        for verification in FileVerification.objects.filter(file_name__in=names)
    }


def shown_for(file, verifications=None):
    """What ``signing/verification.html`` shows for a stored file: its reports,
    and whether it could not be verified. Nothing until the worker has run.

    A page listing several files passes their ``verifications_of`` once, so
    that each file costs no query of its own.
    """
    if verifications is None:
        verifications = verifications_of([file])
    verification = verifications.get(file.name) if file else None
    return {
        "reports": verification.reports() if verification else [],
        "unverifiable": verification is not None and verification.unverifiable,
    }
