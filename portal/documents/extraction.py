"""Text of attachments (PDF, DOCX, ODT), so that search finds words inside them.

Uploaded files come from outside bodies and may be built to exhaust whoever
reads them (a few hundred kilobytes of DOCX that inflate to 100 MB of XML, a
PDF whose pages all draw one enormous content stream). So the text is read in
a child process (``extraction_worker.py``) under limits on input and expanded
size, pages, output, CPU time, memory and wall-clock time, and from the
background worker, never from the request that saved the file.
"""

import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.children import Bounds, TimedOut, run_bounded
from portal.core.uploads import detect_kind

logger = logging.getLogger(__name__)

WORKER = Path(__file__).with_name("extraction_worker.py")
EXIT_OVER_LIMITS = 3
DEFAULT_LIMITS = {
    "max_input_bytes": 50 * 1024 * 1024,
    # inflated size of a DOCX/ODT, or of a PDF's page content streams
    "max_expanded_bytes": 50 * 1024 * 1024,
    "max_pages": 2000,
    "max_output_chars": 5_000_000,
    "cpu_seconds": 60,
    "wall_seconds": 90,
    "memory_bytes": 1024 * 1024 * 1024,
}


class TextStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for its text to be extracted")
    EXTRACTED = "extracted", _("Text extracted: search finds words inside it")
    OVER_LIMITS = (
        "over_limits",
        _(
            "Its text could not be extracted: the file exceeds the processing limits "
            "(size, pages, time or memory). The file is kept, but search does not "
            "find words inside it."
        ),
    )
    UNREADABLE = (
        "unreadable",
        _(
            "Its text could not be extracted: the file is damaged or holds no text. "
            "The file is kept, but search does not find words inside it."
        ),
    )


@dataclass(frozen=True)
class Extraction:
    status: str
    text: str = ""


def limits():
    return {**DEFAULT_LIMITS, **getattr(settings, "DOCUMENTS_EXTRACTION_LIMITS", {})}


def extract_text(file):
    """The text of a PDF, DOCX or ODT file, read in a bounded child process."""
    bounds = limits()
    kind = detect_kind(file)
    if kind is None or kind.name not in ("pdf", "docx", "odt"):
        return Extraction(TextStatus.UNREADABLE)
    file.seek(0)
    data = file.read(bounds["max_input_bytes"] + 1)
    if len(data) > bounds["max_input_bytes"]:
        return Extraction(TextStatus.OVER_LIMITS)
    try:
        child = run_bounded(
            [sys.executable, "-I", str(WORKER), kind.name, json.dumps(bounds)],
            Bounds(
                memory_bytes=bounds["memory_bytes"],
                cpu_seconds=bounds["cpu_seconds"],
                wall_seconds=bounds["wall_seconds"],
            ),
            input=data,
        )
    except TimedOut:
        logger.warning("text extraction of %s timed out", file.name)
        return Extraction(TextStatus.OVER_LIMITS)
    if child.returncode == 0:
        return Extraction(TextStatus.EXTRACTED, child.stdout.decode("utf-8"))
    stderr = child.stderr.decode("utf-8", "replace")[-500:]
    logger.warning("could not extract text from %s: %s", file.name, stderr)
    # killed by a signal (the CPU limit) or refused by the worker
    if (
        child.returncode < 0
        or child.returncode == EXIT_OVER_LIMITS
        or "MemoryError" in stderr
    ):
        return Extraction(TextStatus.OVER_LIMITS)
    return Extraction(TextStatus.UNREADABLE)
