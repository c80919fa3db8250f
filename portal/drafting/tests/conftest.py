import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from portal.signing.demo_keys import Authority, seal_image, signature_image
from portal.signing.models import SigningKey


@pytest.fixture(autouse=True)
def in_vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture(scope="session")
def authority():
    return Authority.create("CA thử nghiệm dự thảo", organisation="Văn phòng Thành ủy")


@pytest.fixture
def trusted(authority, settings, tmp_path):
    """The test authority is the portal's trust anchor."""
    anchor = tmp_path / "ca.pem"
    anchor.write_bytes(authority.certificate_pem())
    settings.SIGNING_TRUST_ANCHORS = [str(anchor)]
    return authority


def key_for(authority, owner, passphrase):
    """A PKCS#12 key in private storage: the signer's if ``owner``, else the
    organisation's."""
    if owner is None:
        identity = authority.issue(
            "Văn phòng Thành ủy", organisation="Văn phòng Thành ủy"
        )
        image, name = seal_image(), "Con dấu Văn phòng Thành ủy"
    else:
        identity = authority.issue(
            owner.get_full_name(), organisation="Văn phòng Thành ủy"
        )
        image, name = signature_image(), f"Khóa của {owner.get_full_name()}"
    return SigningKey.objects.create(
        name=name,
        owner=owner,
        pkcs12_file=ContentFile(identity.pkcs12(passphrase), name="khoa.p12"),
        image=ContentFile(image, name="anh.png"),
    )
