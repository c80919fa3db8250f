"""Vietnamese text recognition with OCRmyPDF and Tesseract, in a bounded child.

OCRmyPDF (Debian's ``ocrmypdf``) reads a PDF or an image (JPEG, PNG, TIFF)
and writes a PDF with a text layer under each page's image, and the text
beside it; Tesseract's ``vie`` model does the reading. It runs as a child
process of the background worker, in a directory of its own, under the limits
of ``OCR_LIMITS`` (see ``portal.core.children``): a scan may be built to
exhaust whoever reads it, as any upload may.
"""

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.children import Bounds, TimedOut, run_bounded

logger = logging.getLogger(__name__)

DEFAULT_LIMITS = {
    # as the archive's text extraction accepts
    "max_input_bytes": 50 * 1024 * 1024,
    "max_output_bytes": 200 * 1024 * 1024,
    "max_output_chars": 5_000_000,
    "cpu_seconds": 600,
    "wall_seconds": 900,
    # a page Tesseract has not read in this time is left without text
    "page_seconds": 120,
    "memory_bytes": 2 * 1024 * 1024 * 1024,
}
LANGUAGE = "vie"
# Images that do not say their resolution are taken as scanned at this one.
IMAGE_DPI = 300
# OCRmyPDF's exit statuses (ocrmypdf.ExitCode)
INPUT_FILE, ENCRYPTED_PDF = 2, 8


class Failure(models.TextChoices):
    TOO_LARGE = "too_large", _("The file is larger than the upload limit.")
    OVER_LIMITS = (
        "over_limits",
        _("Recognition exceeded the processing limits (time or memory)."),
    )
    UNREADABLE = (
        "unreadable",
        _("The file is damaged or is not a PDF or image that can be read."),
    )
    ENCRYPTED = "encrypted", _("The PDF is protected by a password.")
    ERROR = "error", _("The recognition program stopped with an error.")
    MISSING = "missing", _("The file is missing from storage.")


class RecognitionFailed(Exception):
    def __init__(self, failure, detail=""):
        super().__init__(failure, detail)
        self.failure = failure
        self.detail = detail


@dataclass(frozen=True)
class Recognised:
    text: str
    pdf: bytes


def limits():
    return {**DEFAULT_LIMITS, **getattr(settings, "OCR_LIMITS", {})}


def recognise(data):
    """The searchable PDF and the text of a scan given as bytes."""
    bounds = limits()
    if len(data) > bounds["max_input_bytes"]:
        raise RecognitionFailed(Failure.TOO_LARGE)
    with tempfile.TemporaryDirectory(prefix="ocr-") as folder:
        work = Path(folder)
        (work / "scan").write_bytes(data)
        command = [
            "ocrmypdf",
            "--language",
            LANGUAGE,
            "--output-type",
            "pdf",
            "--jobs",
            "1",
            "--image-dpi",
            str(IMAGE_DPI),
            "--tesseract-timeout",
            str(bounds["page_seconds"]),
            "--sidecar",
            "text.txt",
            "--quiet",
            "scan",
            "searchable.pdf",
        ]
        environment = {
            "PATH": "/usr/bin:/bin",
            "HOME": folder,
            "TMPDIR": folder,
            "LANG": "C.UTF-8",
            # one core for Tesseract: the machine serves pages too
            "OMP_THREAD_LIMIT": "1",
        }
        try:
            child = run_bounded(
                command,
                Bounds(
                    memory_bytes=bounds["memory_bytes"],
                    cpu_seconds=bounds["cpu_seconds"],
                    wall_seconds=bounds["wall_seconds"],
                    file_bytes=bounds["max_output_bytes"],
                ),
                env=environment,
                cwd=folder,
            )
        except TimedOut:
            raise RecognitionFailed(Failure.OVER_LIMITS, "timed out") from None
        except FileNotFoundError:
            raise RecognitionFailed(
                Failure.ERROR, "ocrmypdf is not installed"
            ) from None
        detail = child.stderr.decode("utf-8", "replace")[-500:]
        if child.returncode != 0:
            logger.warning("recognition failed (%s): %s", child.returncode, detail)
            raise RecognitionFailed(failure_of(child.returncode, detail), detail)
        text = (work / "text.txt").read_text("utf-8", "replace")
        return Recognised(
            text=text[: bounds["max_output_chars"]],
            pdf=(work / "searchable.pdf").read_bytes(),
        )


def failure_of(returncode, detail):
    if returncode < 0 or "MemoryError" in detail:  # killed at a limit
        return Failure.OVER_LIMITS
    if returncode == INPUT_FILE:
        return Failure.UNREADABLE
    if returncode == ENCRYPTED_PDF:
        return Failure.ENCRYPTED
    return Failure.ERROR
