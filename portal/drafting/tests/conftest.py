import pytest
from django.utils import translation

from portal.signing.demo_keys import Authority
from portal.signing.factories import SigningKeyFactory


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
    """A PKCS#12 key in private storage, with its image: the signer's if
    ``owner``, else the organisation's."""
    name = owner.get_full_name() if owner else "Văn phòng Thành ủy"
    return SigningKeyFactory(
        owner=owner,
        identity=authority.issue(name, organisation="Văn phòng Thành ủy"),
        passphrase=passphrase,
    )
