"""Signing PDFs (PAdES baseline B-B) and verifying the signatures they carry.

B-B: the signing time is the one the signer's clock put in the signature; no
time-stamping authority vouches for it, and no revocation data is embedded.
"""

import io
import logging

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import (
    AxisAlignment,
    InnerScaling,
    Margins,
    SimpleBoxLayoutRule,
)
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.stamp import StaticStampStyle

from . import checking, placement
from .keys import SigningError, open_signer
from .reports import SignatureReport

logger = logging.getLogger(__name__)

ROLES = ("personal", "organisation")
# Later revisions that leave a signed document as it was signed: more signatures
# and their appearances, validation data.
UNCHANGED = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES,
             ModificationLevel.FORM_FILLING}  # fmt: skip
KEY_USAGE = KeyUsageConstraints(
    key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False
)

__all__ = ["SignatureReport", "SigningError", "sign_pdf", "verify_pdf"]


def sign_pdf(pdf, *, key, pin, role, reason, image=None):
    """The PDF with one more signature, appended as an incremental update.

    ``role`` "personal": the key's owner signs, their signature image placed
    between their position and name; "organisation": the organisation's key
    signs, its seal over the left third of the signer's image. ``image`` (PNG)
    overrides the key's own. ``pin`` opens the key and is forgotten.
    """
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    if role != key.role:
        raise SigningError(
            _("This key belongs to a signer, not to the organisation.")
            if key.owner_id
            else _("This is the organisation's key, not a signer's.")
        )
    if image is None and key.image:
        with key.image.open("rb") as file:
            image = file.read()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError):
        raise SigningError(_("This file is not a PDF that can be signed.")) from None
    field_name = _next_field_name(writer, role)
    if role == "personal":
        owner = key.owner
        names = [f"{owner.last_name} {owner.first_name}", owner.get_full_name()]
        page, box = placement.personal_box(pdf, names, image)
    else:
        page, box = placement.seal_box(pdf, image, _last_signature_rect(writer))
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    output = io.BytesIO()
    with open_signer(key, pin) as signer:
        pdf_signer = signers.PdfSigner(
            meta,
            signer,
            stamp_style=_image_style(image),
            new_field_spec=fields.SigFieldSpec(
                field_name, on_page=page, box=box if image else None
            ),
        )
        try:
            pdf_signer.sign_pdf(writer, output=output)
        except (PyHankoSigningError, PdfError, RuntimeError):
            logger.warning("Signing with key %s failed", key.pk, exc_info=False)
            raise SigningError(
                _("The key could not sign: check that it holds key %(label)s.")
                % {"label": key.key_label or key.name}
            ) from None
    return output.getvalue()


def _image_style(image):
    if not image:
        return None
    with Image.open(io.BytesIO(image)) as picture:
        picture.load()
        return StaticStampStyle(
            background=PdfImage(picture.convert("RGBA")),
            border_width=0,
            background_opacity=1.0,
            background_layout=SimpleBoxLayoutRule(
                x_align=AxisAlignment.ALIGN_MID,
                y_align=AxisAlignment.ALIGN_MID,
                margins=Margins.uniform(0),
                inner_content_scaling=InnerScaling.STRETCH_TO_FIT,
            ),
        )


def _signature_fields(reader):
    return list(fields.enumerate_sig_fields(reader, filled_status=None))


def _next_field_name(writer, role):
    taken = {name for name, *_rest in _signature_fields(writer.prev)}
    number = 1
    while f"{role}-{number}" in taken:
        number += 1
    return f"{role}-{number}"


def _last_signature_rect(writer):
    """(page index, rect) of the last signer's signature image in the file."""
    found = None
    for name, _value, field_ref in _signature_fields(writer.prev):
        if not name.startswith("personal-"):
            continue
        widget = field_ref.get_object()
        rect = widget.get("/Rect")
        page = widget.get("/P")
        if rect is None or page is None:
            continue
        x1, y1, x2, y2 = (float(value) for value in rect)
        if x2 - x1 <= 0:
            continue
        index = _page_index(writer.prev, page)
        if index is not None:
            found = (index, (x1, y1, x2, y2))
    return found


def _page_index(reader, page_ref):
    target = page_ref.get_object()
    for index in range(reader.root["/Pages"]["/Count"]):
        page, *_rest = reader.find_page_for_modification(index)
        if page.get_object() is target:
            return index
    return None


def verify_pdf(pdf):
    """One report per signature in the PDF, oldest first; none if unsigned.

    In this process: for files the portal has just made. Files that come in
    are verified in a bounded child process (``verification.verify_stored``).
    """
    return checking.check(pdf, checking.load_roots(settings.SIGNING_TRUST_ANCHORS))
