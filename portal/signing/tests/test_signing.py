"""Signing an outgoing document: the signer's signature, then the
organisation's, each an incremental update that leaves the other valid."""

import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from portal.signing.keys import SigningError
from portal.signing.services import sign_pdf, verify_pdf

from .conftest import OFFICE, PASSPHRASE, SIGNER, TOKEN_PIN, require

MM = 72 / 25.4


def signed_twice(letter, signer_key, office_key):
    personal = sign_pdf(
        letter, key=signer_key, pin=PASSPHRASE, role="personal", reason="Ký ban hành"
    )
    return personal, sign_pdf(
        personal, key=office_key, pin=TOKEN_PIN, role="organisation", reason="Phát hành"
    )


def test_the_signer_then_the_organisation_sign_and_both_signatures_hold(
    letter, signer_key, office_key, trusted
):
    personal, both = signed_twice(letter, signer_key, office_key)

    # Incremental updates: every earlier revision is kept byte for byte.
    assert personal.startswith(letter) and both.startswith(personal)
    reports = verify_pdf(both)
    assert [(r.role, r.signer, r.organisation) for r in reports] == [
        ("personal", SIGNER, OFFICE),
        ("organisation", OFFICE, OFFICE),
    ]
    assert all(r.intact and r.trusted for r in reports)
    assert all(r.signed_at is not None for r in reports)


def word_boxes(pdf, tmp_path):
    """Words and their boxes as poppler reads them (top-left origin)."""
    require("pdftotext")
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True
    ).stdout
    return [
        (word, *map(float, box))
        for *box, word in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<',
            html,
        )
    ]


def signature_rects(pdf):
    page = PdfReader(io.BytesIO(pdf)).pages[-1]
    return {
        annot.get_object()["/T"]: [float(v) for v in annot.get_object()["/Rect"]]
        for annot in page["/Annots"]
    }


def test_the_signature_image_sits_between_position_and_name_and_the_seal_covers_its_left_third(
    letter, signer_key, office_key, tmp_path
):
    _personal, both = signed_twice(letter, signer_key, office_key)
    height = float(PdfReader(io.BytesIO(letter)).pages[0].mediabox.height)
    words = word_boxes(letter, tmp_path)
    position = next(w for w in words if w[0] == "PHÒNG")  # CHÁNH VĂN PHÒNG
    name_words = [w for w in words if w[0] in ("Nguyễn", "Văn", "An") and w[2] > 300]
    name_left = min(w[1] for w in name_words)
    name_right = max(w[3] for w in name_words)
    name_top = height - min(w[2] for w in name_words)  # in PDF coordinates
    position_bottom = height - position[4]

    rects = signature_rects(both)
    x1, y1, x2, y2 = rects["personal-1"]
    assert name_top <= y1 < y2 <= position_bottom
    assert abs((x1 + x2) / 2 - (name_left + name_right) / 2) < 15
    sx1, sy1, sx2, sy2 = rects["organisation-1"]
    assert sx2 == pytest.approx(x1 + (x2 - x1) / 3, abs=1)
    assert sx2 - sx1 == pytest.approx(36 * MM, abs=1)  # a seal's size, not the box's
    assert sy1 < (y1 + y2) / 2 < sy2


def test_a_wrong_passphrase_or_pin_is_refused_in_vietnamese(
    letter, signer_key, office_key
):
    with pytest.raises(SigningError) as wrong_passphrase:
        sign_pdf(letter, key=signer_key, pin="sai", role="personal", reason="Ký")
    with pytest.raises(SigningError) as wrong_pin:
        sign_pdf(letter, key=office_key, pin="0000", role="organisation", reason="Ký")

    assert "Cụm mật khẩu" in wrong_passphrase.value.messages[0]
    assert "Mã PIN" in wrong_pin.value.messages[0]


def test_a_signers_key_cannot_apply_the_organisations_signature(letter, signer_key):
    with pytest.raises(SigningError) as refused:
        sign_pdf(
            letter, key=signer_key, pin=PASSPHRASE, role="organisation", reason="Ký"
        )

    assert "người ký" in refused.value.messages[0]
