"""What may be uploaded, decided by a file's content and never by its name, and
how a stored upload is sent back.

Every file field and every importer checks uploads with ``FileKindValidator``;
every view that serves an upload answers with ``file_response``. A file whose
name says ".pdf" but which holds HTML or SVG is refused, and even a stored file
that slipped through earlier is never shown inline as anything but a PDF or an
image, in a sandbox where no script runs.
"""

import zipfile
from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

HEAD_BYTES = 8192
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class FileKind:
    name: str
    mime: str
    label: str
    inline: bool  # browsers show it themselves, without running anything in it


KINDS = {
    kind.name: kind
    for kind in (
        FileKind("pdf", "application/pdf", "PDF", inline=True),
        FileKind(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "DOCX",
            inline=False,
        ),
        FileKind("odt", ODT_MIMETYPE.decode(), "ODT", inline=False),
        FileKind("jpeg", "image/jpeg", "JPEG", inline=True),
        FileKind("png", "image/png", "PNG", inline=True),
        FileKind("tiff", "image/tiff", "TIFF", inline=True),
        FileKind("gif", "image/gif", "GIF", inline=True),
        FileKind("webp", "image/webp", "WebP", inline=True),
    )
}
# What each kind of upload may be.
DOCUMENT_KINDS = ("pdf", "docx", "odt")
SCAN_KINDS = ("pdf", "jpeg", "png", "tiff")
REPORT_KINDS = (*DOCUMENT_KINDS, "jpeg", "png", "tiff")
IMAGE_KINDS = ("jpeg", "png", "gif", "webp")

_MAGIC_KINDS = {
    kind.mime: kind for kind in KINDS.values() if kind.name not in ("docx", "odt")
}


def detect_kind(file):
    """The allowed kind the file's content is, or None.

    Magic numbers tell PDFs and images apart; a DOCX or ODT is a zip archive
    and is recognised by what it holds (``word/document.xml``; the ODF
    ``mimetype`` member), not by its first bytes alone.
    """
    try:
        file.open("rb")  # a FieldFile may be closed; an upload reopens harmlessly
    except (AttributeError, ValueError):
        pass
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(file)
        file.seek(0)
        return kind
    guessed = filetype.guess_mime(head)
    return _MAGIC_KINDS.get(guessed)


def _zip_kind(file):
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return KINDS["docx"]
            if "mimetype" in names and "content.xml" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= len(ODT_MIMETYPE) + 2:
                    if archive.read(info).strip() == ODT_MIMETYPE:
                        return KINDS["odt"]
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, ValueError):
        pass
    return None


@deconstructible
class FileKindValidator:
    """Accept only files whose content is one of the named kinds."""

    message = _(
        "This file is not an accepted type (judged by its content, not its name). "
        "Accepted: %(accepted)s."
    )
    code = "file_kind"

    def __init__(self, kinds):
        self.kinds = tuple(kinds)

    def __call__(self, file):
        kind = detect_kind(file)
        if kind is None or kind.name not in self.kinds:
            raise ValidationError(
                self.message,
                code=self.code,
                params={"accepted": ", ".join(KINDS[k].label for k in self.kinds)},
            )

    def __eq__(self, other):
        return isinstance(other, FileKindValidator) and self.kinds == other.kinds


def protect(response):
    """Whatever a served file holds, the browser runs nothing from it: no script,
    no form, no plugin (a sandboxed, opaque origin), and no guessing of its type."""
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def file_response(file, filename, *, as_attachment=True, private=True):
    """A stored upload, typed by its content.

    PDFs and images may be shown in the browser when ``as_attachment`` is
    False; anything else is always a download.
    """
    kind = detect_kind(file)
    inline = not as_attachment and kind is not None and kind.inline
    response = FileResponse(
        file.open("rb"),
        as_attachment=not inline,
        filename=filename,
        content_type=kind.mime if kind else "application/octet-stream",
    )
    if private:
        # Nobody in between (proxies, shared caches) may keep a copy.
        response["Cache-Control"] = "private, no-store"
    return protect(response)
