"""Text of attachments (PDF, DOCX), so that search finds words inside them."""

import logging
from pathlib import PurePath

logger = logging.getLogger(__name__)


def extract_text(file):
    """The text of a PDF or DOCX file; empty for other kinds or unreadable files."""
    suffix = PurePath(file.name).suffix.lower()
    try:
        file.open("rb")
        file.seek(0)
        if suffix == ".pdf":
            from pypdf import PdfReader

            return "\n".join(
                page.extract_text() or "" for page in PdfReader(file).pages
            )
        if suffix == ".docx":
            from docx import Document as DocxDocument

            return "\n".join(p.text for p in DocxDocument(file).paragraphs)
    except Exception:  # a damaged upload must not stop the document being saved
        logger.warning("could not extract text from %s", file.name, exc_info=True)
    return ""
