import os
import shutil

import pytest

from portal.access.factories import UserFactory
from portal.signing import demo_keys
from portal.signing.factories import SigningKeyFactory, TokenKeyFactory

TOKEN_PIN = "4827-token"
PASSPHRASE = "cụm-từ-bí-mật-93"
SIGNER = "Nguyễn Văn An"
OFFICE = "Văn phòng Thành ủy"


def require(program):
    # Debian's softhsm2, poppler-utils and libnss3-tools (scripts/test.sh).
    if shutil.which(program) is None:
        pytest.fail(f"{program} is missing: run scripts/apt-require.sh in test.sh")


@pytest.fixture(scope="session")
def authority():
    return demo_keys.Authority.create("CA thử nghiệm của cổng", "Cổng thông tin")


@pytest.fixture(scope="session")
def stranger():
    """An authority the portal does not trust."""
    return demo_keys.Authority.create("CA lạ", "Không rõ")


@pytest.fixture(scope="session")
def signer_identity(authority):
    return authority.issue(SIGNER, OFFICE)


@pytest.fixture(scope="session")
def office_identity(authority):
    return authority.issue(OFFICE, OFFICE)


@pytest.fixture(scope="session")
def anchor_file(authority, tmp_path_factory):
    path = tmp_path_factory.mktemp("anchors") / "ca.pem"
    path.write_bytes(authority.certificate_pem())
    return path


@pytest.fixture
def trusted(settings, anchor_file):
    settings.SIGNING_TRUST_ANCHORS = [str(anchor_file)]


@pytest.fixture(scope="session")
def token(office_identity, tmp_path_factory):
    """A SoftHSM2 token holding the office's key. SoftHSM reads SOFTHSM2_CONF
    when the module is first loaded: once per test session."""
    require("softhsm2-util")
    conf = demo_keys.softhsm_token(
        tmp_path_factory.mktemp("softhsm"),
        label="portal",
        pin=TOKEN_PIN,
        identity=office_identity,
    )
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    yield conf
    if previous is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = previous


@pytest.fixture
def signer(db):
    return UserFactory(first_name="An", last_name="Nguyễn Văn", role="approver")


@pytest.fixture
def signer_key(signer, signer_identity):
    return SigningKeyFactory(
        owner=signer, identity=signer_identity, passphrase=PASSPHRASE
    )


@pytest.fixture
def office_key(db, token):
    return TokenKeyFactory(name="Khóa của Văn phòng")


@pytest.fixture(scope="session")
def letter():
    return demo_keys.letter_pdf(
        demo_keys.SampleLetter(
            organisation="VĂN PHÒNG THÀNH ỦY",
            title="THÔNG BÁO",
            body="Kết luận của Thường trực Thành ủy\nvề công tác văn thư năm 2026",
            position="CHÁNH VĂN PHÒNG",
            signer_name=SIGNER,
        )
    )
