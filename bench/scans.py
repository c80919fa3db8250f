"""Scanned pages made from known text: rendered with a DejaVu font at a given
resolution, turned slightly, with specks of noise, as a flatbed scanner gives
them. Used by the recognition benchmark and by the tests, which need a scan
whose words exist only in its image."""

import io
import random

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"  # fonts-dejavu-core
A4_INCHES = (8.27, 11.69)


def render_scan(lines, *, dpi=300, skew=0.6, noise=0.004, seed=1, pages=1):
    """A grey image of ``lines`` in 12-point type on an A4 page (as short as
    the text needs when ``pages`` is None), turned by ``skew`` degrees, with
    the share ``noise`` of its pixels flipped."""
    chance = random.Random(seed)
    points = dpi / 72
    width = int(A4_INCHES[0] * dpi)
    height = int(min(A4_INCHES[1], 1.2 + len(lines) * 18 / 72) * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, int(12 * points))
    top = int(0.6 * dpi)
    for number, line in enumerate(lines):
        draw.text(
            (int(0.8 * dpi), top + int(number * 18 * points)), line, font=font, fill=0
        )
    page = page.rotate(skew, resample=Image.BICUBIC, fillcolor=255)
    pixels = page.load()
    for _ in range(int(width * height * noise)):
        x, y = chance.randrange(width), chance.randrange(height)
        pixels[x, y] = 255 - pixels[x, y]
    return page


def scan_bytes(lines, kind="PDF", dpi=300, **options):
    """The scan as an image-only PDF or an image file of the given kind."""
    buffer = io.BytesIO()
    render_scan(lines, dpi=dpi, **options).save(
        buffer, kind, resolution=dpi, dpi=(dpi, dpi)
    )
    return buffer.getvalue()
