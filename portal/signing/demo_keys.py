"""A certificate authority, keys, signature images and sample letters made on
the spot, for the tests and the demo. Nothing here is fit for real signing: the
keys are generated in memory and the authority trusts itself.

    authority = Authority.create("CA thử nghiệm")
    signer = authority.issue("Nguyễn Văn An", organisation="Văn phòng Thành ủy")
    p12 = signer.pkcs12("passphrase")
    conf = softhsm_token(tmp_dir, label="token", pin="1234", identity=signer)
"""

import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PIL import Image, ImageDraw

SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BOLD_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"


def _name(common_name, organisation=""):
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(attributes)


def _new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class Identity:
    certificate: x509.Certificate
    private_key: rsa.RSAPrivateKey
    chain: list[x509.Certificate] = field(default_factory=list)

    def certificate_pem(self):
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def pkcs12(self, passphrase):
        """The key, its certificate and the issuer's, sealed with the passphrase."""
        return pkcs12.serialize_key_and_certificates(
            b"key",
            self.private_key,
            self.certificate,
            self.chain or None,
            serialization.BestAvailableEncryption(passphrase.encode()),
        )

    def private_key_pkcs8_pem(self):
        return self.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )


@dataclass
class Authority(Identity):
    @classmethod
    def create(cls, common_name, organisation=""):
        key = _new_key()
        name = _name(common_name, organisation)
        now = datetime.now(UTC)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                critical=False,
            )
            .sign(key, hashes.SHA256())
        )
        return cls(certificate, key)

    def issue(self, common_name, organisation=""):
        """A signing certificate for a person (or, without a person's name, an
        organisation), usable for document signatures by pyHanko and by NSS."""
        key = _new_key()
        now = datetime.now(UTC)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name, organisation))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=730))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(
                    self.private_key.public_key()
                ),
                critical=False,
            )
            .sign(self.private_key, hashes.SHA256())
        )
        return Identity(certificate, key, chain=[self.certificate])


# Importing a certificate object: softhsm2-util imports only keys. Run in a
# child process so that this process never loads the module before the token
# exists (SoftHSM reads its configuration once per process).
_IMPORT_CERTIFICATE = """
import sys, pkcs11
from pkcs11 import Attribute, CertificateType, ObjectClass
from cryptography import x509
module, label, pin, key_label, path = sys.argv[1:]
certificate = x509.load_pem_x509_certificate(open(path, "rb").read())
token = pkcs11.lib(module).get_token(token_label=label)
with token.open(user_pin=pin, rw=True) as session:
    session.create_object({
        Attribute.CLASS: ObjectClass.CERTIFICATE,
        Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
        Attribute.TOKEN: True,
        Attribute.LABEL: key_label,
        Attribute.ID: b"\\x01",
        Attribute.SUBJECT: certificate.subject.public_bytes(),
        Attribute.VALUE: certificate.public_bytes(
            __import__("cryptography.hazmat.primitives.serialization",
                       fromlist=["Encoding"]).Encoding.DER),
    })
"""


def softhsm_token(directory, *, label, pin, identity, key_label="signing"):
    """A SoftHSM2 token in ``directory`` holding the identity's key and
    certificate under ``key_label``. Returns the configuration file to name in
    ``SOFTHSM2_CONF`` (set it before the first PKCS#11 session is opened)."""
    directory = Path(directory)
    tokens = directory / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = directory / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\n"
        "log.level = ERROR\nslots.removable = false\n"
    )
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    util = shutil.which("softhsm2-util") or "softhsm2-util"

    def run(*args):
        # The PIN goes on the command line of a child process of the test only.
        subprocess.run([util, *args], env=env, check=True, capture_output=True)

    run("--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", pin)
    key_file = directory / "key.pem"
    certificate_file = directory / "certificate.pem"
    key_file.write_bytes(identity.private_key_pkcs8_pem())
    certificate_file.write_bytes(identity.certificate_pem())
    try:
        run("--import", str(key_file), "--token", label, "--label", key_label,
            "--id", "01", "--pin", pin)  # fmt: skip
    finally:
        key_file.unlink()  # the key now lives only in the token
    subprocess.run(
        [
            sys.executable,
            "-c",
            _IMPORT_CERTIFICATE,
            SOFTHSM_MODULE,
            label,
            pin,
            key_label,
            str(certificate_file),
        ],  # fmt: skip
        env=env,
        check=True,
        capture_output=True,
    )
    return conf


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def signature_image():
    """A handwritten-looking signature in blue on a transparent background."""
    image = Image.new("RGBA", (360, 150), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    blue = (20, 40, 170, 255)
    draw.line(
        [(20, 110), (70, 30), (95, 115), (130, 40), (160, 100), (200, 60),
         (240, 95), (300, 50), (340, 70)],
        fill=blue, width=6, joint="curve",
    )  # fmt: skip
    draw.line([(60, 125), (320, 118)], fill=blue, width=4)
    return _png(image)


def seal_image():
    """A round red seal on a transparent background (drawn, not a real one)."""
    size = 420
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (200, 20, 30, 255)
    draw.ellipse([8, 8, size - 8, size - 8], outline=red, width=14)
    draw.ellipse([60, 60, size - 60, size - 60], outline=red, width=5)
    middle, radius = size / 2, 70
    draw.regular_polygon((middle, middle, radius), 5, fill=red)
    return _png(image)


@dataclass(frozen=True)
class SampleLetter:
    organisation: str
    title: str
    body: str
    position: str
    signer_name: str


def letter_pdf(letter):
    """A one-page letter laid out as Nghị định 30/2020 Phụ lục I lays one out: the
    issuer top left, the signature block in the right column with the signer's
    position, a gap for the signature and the seal, then the signer's name."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", FONT))
    pdfmetrics.registerFont(TTFont("DejaVuSerif-Bold", BOLD_FONT))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    mm = 72 / 25.4
    left, right = 30 * mm, width - 15 * mm
    column = (width / 2 + right) / 2  # the middle of the right column
    page.setFont("DejaVuSerif-Bold", 12)
    page.drawCentredString(left + 40 * mm, height - 25 * mm, letter.organisation)
    page.drawCentredString(width / 2, height - 55 * mm, letter.title)
    page.setFont("DejaVuSerif", 13)
    y = height - 70 * mm
    for line in letter.body.splitlines():
        page.drawString(left, y, line)
        y -= 8 * mm
    y -= 10 * mm
    page.setFont("DejaVuSerif-Bold", 13)
    page.drawCentredString(column, y, letter.position)
    page.drawCentredString(column, y - 35 * mm, letter.signer_name)
    page.showPage()
    page.save()
    return buffer.getvalue()
