"""Where the signature images go, as Nghị định 30/2020/NĐ-CP, Phụ lục I lays out
the signatures of an electronic document:

- the signer's digital signature (chữ ký số của người có thẩm quyền) shows the
  image of their handwritten signature, blue, PNG on a transparent background,
  placed centred between the signer's position (chức vụ) and their name;
- the organisation's digital signature (chữ ký số của cơ quan, tổ chức) shows the
  image of the organisation's seal, red, at the seal's real size, PNG on a
  transparent background, covering about the left third of the signer's
  signature image.

The signer's block is found on the last page by the signer's name; a page that
does not print it gets the image in the right-hand column below the last line.
"""

import io
import unicodedata
from dataclasses import dataclass

from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError

MM = 72 / 25.4
SEAL_DIAMETER = 36 * MM  # when the seal's image does not say its real size
SIGNATURE_HEIGHT = 25 * MM  # when no gap between position and name is found
MARGIN = 20 * MM


@dataclass(frozen=True)
class Line:
    text: str
    x: float  # left end
    y: float  # baseline
    size: float  # font size, in points

    @property
    def width(self):
        # An estimate: glyph widths are not read back from the font.
        return len(self.text) * self.size * 0.55

    @property
    def centre(self):
        return self.x + self.width / 2


def _fold(text):
    return unicodedata.normalize("NFC", text).casefold().strip()


def page_lines(page):
    lines = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = abs(font_size * tm[3] * cm[3]) or font_size
        lines.append(Line(text.strip(), x, y, size))

    page.extract_text(visitor_text=visit)
    return lines


def _aspect(image):
    with Image.open(io.BytesIO(image)) as picture:
        return picture.width / picture.height


def personal_box(pdf, signer_names, image):
    """(page index, box) of the signer's signature image; ``signer_names`` are
    the spellings of the name to look for ("Nguyễn Văn An", "An Nguyễn Văn")."""
    reader = PdfReader(io.BytesIO(pdf))
    index = len(reader.pages) - 1
    page = reader.pages[index]
    width = float(page.mediabox.width)
    try:
        lines = page_lines(page)
    except (PyPdfError, ValueError, KeyError):
        lines = []
    aspect = _aspect(image) if image else 2.4
    names = [_fold(name) for name in signer_names if name.strip()]
    named = [line for line in lines if any(name in _fold(line.text) for name in names)]
    if named:
        name_line = min(named, key=lambda line: line.y)  # the block is low
        above = [
            line
            for line in lines
            if line.y > name_line.y + name_line.size
            and abs(line.centre - name_line.centre) < width / 4
        ]
        if above:
            title = min(above, key=lambda line: line.y)
            bottom = name_line.y + name_line.size * 1.2
            top = title.y - title.size * 0.3
        else:
            bottom = name_line.y + name_line.size * 1.2
            top = bottom + SIGNATURE_HEIGHT
        centre = name_line.centre
    else:
        # The right-hand column, below the last line of text.
        centre = (width / 2 + width - MARGIN) / 2
        lowest = min((line.y for line in lines), default=MARGIN + SIGNATURE_HEIGHT)
        top = max(lowest - 5 * MM, MARGIN + SIGNATURE_HEIGHT)
        bottom = top - SIGNATURE_HEIGHT
    height = top - bottom
    box_width = min(height * aspect, width / 2 - MARGIN / 2)
    height = box_width / aspect
    middle = (top + bottom) / 2
    return index, _rounded(
        centre - box_width / 2,
        middle - height / 2,
        centre + box_width / 2,
        middle + height / 2,
    )


def seal_box(pdf, image, signature_rect=None):
    """(page index, box) of the organisation's seal: over the left third of the
    signer's signature image if there is one, else where the signer's would go."""
    diameter = seal_diameter(image)
    if signature_rect is None:
        index, signature_rect = personal_box(pdf, [], None)
    else:
        index, signature_rect = signature_rect
    x1, y1, x2, y2 = signature_rect
    right = x1 + (x2 - x1) / 3
    middle = (y1 + y2) / 2
    return index, _rounded(
        right - diameter, middle - diameter / 2, right, middle + diameter / 2
    )


def seal_diameter(image):
    """The seal's real size, from the resolution its PNG records, if any."""
    if not image:
        return SEAL_DIAMETER
    with Image.open(io.BytesIO(image)) as picture:
        dpi = picture.info.get("dpi")
        if dpi and dpi[0] > 1:
            return picture.width / float(dpi[0]) * 72
    return SEAL_DIAMETER


def _rounded(*box):
    return tuple(round(value) for value in box)
