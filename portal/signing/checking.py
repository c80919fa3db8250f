"""Checking the signatures of a PDF, without Django: run in the portal for the
files it signs, and in a bounded child process for files that come in
(``verification_worker``)."""

import io
import logging
from pathlib import Path

from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext

from .reports import SignatureReport

logger = logging.getLogger(__name__)

ROLES = ("personal", "organisation")
# Later revisions that leave a signed document as it was signed: more signatures
# and their appearances, filled form fields, validation data.
UNCHANGED = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES,
             ModificationLevel.FORM_FILLING}  # fmt: skip
KEY_USAGE = KeyUsageConstraints(
    key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False
)
CERTIFICATE_SUFFIXES = (".pem", ".crt", ".cer", ".der")


def anchor_paths(entries):
    """The certificate files named by the trust anchor setting (files or folders)."""
    paths = []
    for entry in entries:
        path = Path(entry)
        if path.is_dir():
            paths += sorted(
                str(child)
                for child in path.iterdir()
                if child.suffix.lower() in CERTIFICATE_SUFFIXES
            )
        elif path.exists():
            paths.append(str(path))
        else:
            logger.warning("Trust anchor %s does not exist", path)
    return paths


def load_roots(entries):
    return list(load_certs_from_pemder(anchor_paths(entries)))


def check(pdf, roots):
    """One report per signature in the PDF, oldest first; none if unsigned."""
    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError):
        return []
    return [
        _report(
            signature,
            ValidationContext(
                trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
            ),
        )
        for signature in signatures
    ]


def _report(signature, context):
    role = next(
        (role for role in ROLES if signature.field_name.startswith(f"{role}-")), ""
    )
    try:
        subject = signature.signer_cert.subject.native
    except (ValueError, KeyError, TypeError, AttributeError):
        return SignatureReport("", "", None, intact=False, trusted=False, role=role)
    try:
        status = validate_pdf_signature(
            signature, signer_validation_context=context, key_usage_settings=KEY_USAGE
        )
    except (PdfError, ValueError, KeyError, TypeError, SigningError):
        logger.warning("Signature %s could not be validated", signature.field_name)
        intact = trusted = False
        signed_at = signature.self_reported_timestamp
    else:
        intact = (
            status.intact
            and status.valid
            and status.modification_level in UNCHANGED
            and status.docmdp_ok is not False
        )
        trusted = status.trusted
        signed_at = status.signer_reported_dt
    return SignatureReport(
        signer=subject.get("common_name", ""),
        organisation=subject.get("organization_name", ""),
        signed_at=signed_at,
        intact=bool(intact),
        trusted=bool(trusted),
        role=role,
    )
