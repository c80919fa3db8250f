"""Runs in a child process started by ``extraction.extract_text``: reads a file
on standard input and writes its text on standard output, within limits.

A script, not a module of the project: it imports nothing of Django or the
portal, so the child starts fast and holds nothing worth stealing. The parent
passes the limits as JSON in the first argument. Exit status: 0 with the text,
EXIT_OVER_LIMITS when the file is too big to read safely, EXIT_UNREADABLE when
it is damaged or of a kind without text.
"""

import io
import json
import resource
import sys
import zipfile
from xml.etree import ElementTree

EXIT_OVER_LIMITS = 3
EXIT_UNREADABLE = 4
ODT_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class OverLimits(Exception):
    pass


class Text:
    """The text collected so far, cut at the output limit."""

    def __init__(self, max_chars):
        self.parts = []
        self.left = max_chars

    def add(self, text):
        if self.left <= 0 or not text:
            return
        self.parts.append(text[: self.left])
        self.left -= len(text)

    @property
    def full(self):
        return self.left <= 0

    def __str__(self):
        return "\n".join(self.parts)


def check_zip(archive, limits):
    """Refuse an archive that would expand past the limit, before reading it:
    zipfile never inflates a member past its declared size."""
    expanded = sum(info.file_size for info in archive.infolist())
    if expanded > limits["max_expanded_bytes"]:
        raise OverLimits(f"expands to {expanded} bytes")


def docx_text(data, limits, text):
    from docx import Document

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_zip(archive, limits)
    for paragraph in Document(io.BytesIO(data)).paragraphs:
        text.add(paragraph.text)
        if text.full:
            break


def odt_text(data, limits, text):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_zip(archive, limits)
        with archive.open("content.xml") as content:
            for _event, element in ElementTree.iterparse(content):
                if element.tag in (f"{ODT_TEXT}p", f"{ODT_TEXT}h"):
                    text.add("".join(element.itertext()))
                    element.clear()
                    if text.full:
                        break


def pdf_text(data, limits, text):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = reader.pages
    if len(pages) > limits["max_pages"]:
        raise OverLimits(f"{len(pages)} pages")
    # Pages may share one content stream: count what each page would draw.
    expanded = 0
    for page in pages:
        contents = page.get_contents()
        expanded += len(contents.get_data()) if contents is not None else 0
        if expanded > limits["max_expanded_bytes"]:
            raise OverLimits(f"content streams expand past {expanded} bytes")
    for page in pages:
        text.add(page.extract_text() or "")
        if text.full:
            break


READERS = {"pdf": pdf_text, "docx": docx_text, "odt": odt_text}


def main():
    kind = sys.argv[1]
    # the parent has set the limits on memory, CPU time and writing files
    limits = json.loads(sys.argv[2])
    data = sys.stdin.buffer.read()
    text = Text(limits["max_output_chars"])
    try:
        READERS[kind](data, limits, text)
    except (OverLimits, MemoryError, RecursionError) as error:
        sys.stderr.write(f"over limits: {error!r}\n")
        return EXIT_OVER_LIMITS
    except Exception as error:  # a damaged file of any kind
        # Parsers in C (lxml) report a failed allocation as a syntax error: a
        # reader that came near the memory limit is taken to have hit it.
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        if peak > limits["memory_bytes"] / 2:
            sys.stderr.write(f"over limits: {error!r} at {peak} bytes\n")
            return EXIT_OVER_LIMITS
        sys.stderr.write(f"unreadable: {error!r}\n")
        return EXIT_UNREADABLE
    sys.stdout.buffer.write(str(text).encode("utf-8", "replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
