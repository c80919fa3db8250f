"""Small files of every kind the portal accepts or refuses, built in the test."""

import io
import zipfile
import zlib

from docx import Document as DocxDocument
from PIL import Image

SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script>'
    b"</svg>"
)
HTML_WITH_SCRIPT = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
ODT_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
    "<office:text><text:p>{}</text:p></office:text></office:body>"
    "</office:document-content>"
)


def pdf_with_text(text):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


def docx_with_text(text):
    document = DocxDocument()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_with_text(text):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", ODT_CONTENT.format(text), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def image(kind):
    """A tiny image in one of Pillow's formats ("PNG", "JPEG", "TIFF")."""
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, kind)
    return buffer.getvalue()


def zip_of(**members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bomb(expanded_bytes=100 * 1024 * 1024):
    """A real DOCX whose document.xml inflates to ``expanded_bytes`` of
    paragraphs: a few hundred kilobytes on disk."""
    normal = zipfile.ZipFile(io.BytesIO(docx_with_text("mở đầu")))
    buffer = io.BytesIO()
    paragraph = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 1000
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in normal.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info, normal.read(info))
        with archive.open("word/document.xml", "w", force_zip64=True) as xml:
            xml.write(
                b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
                b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                b"<w:body>"
            )
            for _ in range(expanded_bytes // len(paragraph)):
                xml.write(paragraph)
            xml.write(b"</w:body></w:document>")
    return buffer.getvalue()


def pdf_sharing_one_content_stream(pages=20, stream_bytes=5 * 1024 * 1024):
    """A PDF whose pages all draw one compressed content stream of
    ``stream_bytes`` of text operators: kilobytes on disk, each page costly."""
    operators = b"BT /F1 1 Tf 1 1 Td (x) Tj ET\n"
    stream = zlib.compress(operators * (stream_bytes // len(operators)), 9)
    kids = " ".join(f"{5 + n} 0 R" for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream",
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    ] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()
