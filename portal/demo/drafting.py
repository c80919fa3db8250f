"""A demo outgoing document drafted, approved, signed and released in the
portal: a demo certificate authority and PKCS#12 keys are made at load time
(private storage), the signer and the clerk sign with them, and the archive
holds the signed PDF."""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

from portal.demo.accounts import DEMO_PASSWORD
from portal.demo.documents import term_of
from portal.documents.models import IssuingBody
from portal.drafting.models import Draft
from portal.drafting.signing import release_draft, sign_draft
from portal.followup.models import Unit
from portal.signing.demo_keys import (
    Authority,
    SampleLetter,
    letter_pdf,
    seal_image,
    signature_image,
)
from portal.signing.models import SigningKey

# Where the demo authority's certificate goes: the dev settings trust it.
DEMO_CA = "signing/demo-ca.pem"
# The demo keys open with the demo accounts' password.
DEMO_PASSPHRASE = DEMO_PASSWORD
OFFICE = ("Văn phòng Thành ủy", "VPTU")
TITLE = "Về việc triển khai ký số văn bản đi trong các cơ quan Đảng Thành phố"
SIGNER, POSITION = "duyet", "Chánh Văn phòng"


def demo_keys(signer):
    """The signer's key and the organisation's, made once with their authority."""
    keys = SigningKey.objects.filter(name__startswith="Demo: ")
    if keys.count() == 2:
        return keys.get(owner=signer), keys.get(owner__isnull=True)
    keys.delete()
    authority = Authority.create("CA thử nghiệm Văn phòng Thành ủy", OFFICE[0])
    storage = storages["private"]
    storage.delete(DEMO_CA)
    storage.save(DEMO_CA, ContentFile(authority.certificate_pem()))
    made = []
    for owner, name, image in (
        (signer, signer.get_full_name(), signature_image()),
        (None, OFFICE[0], seal_image()),
    ):
        identity = authority.issue(name, organisation=OFFICE[0])
        made.append(
            SigningKey.objects.create(
                name=f"Demo: {name}",
                owner=owner,
                pkcs12_file=ContentFile(
                    identity.pkcs12(DEMO_PASSPHRASE), name="demo.p12"
                ),
                image=ContentFile(image, name="demo.png"),
            )
        )
    return tuple(made)


def load_signed_release(today=None):
    """Draft, approve, sign and release one document once; returns how many
    documents were released through drafting."""
    if not Draft.objects.filter(title=TITLE).exists():
        _draft_to_release(today or timezone.localdate())
    return Draft.objects.filter(status=Draft.Status.RELEASED).count()


def _draft_to_release(today):
    users = get_user_model().objects.in_bulk(
        ["canbo", "bientap", SIGNER, "vanthu"], field_name="username"
    )
    signer = users[SIGNER]
    personal, organisation = demo_keys(signer)
    issuer, _created = IssuingBody.objects.get_or_create(
        name=OFFICE[0], defaults={"abbreviation": OFFICE[1]}
    )
    pdf = letter_pdf(
        SampleLetter(
            organisation=OFFICE[0].upper(),
            title="CÔNG VĂN",
            body=(
                f"{TITLE}.\n"
                "Văn phòng Thành ủy đề nghị các cơ quan triển khai ký số\n"
                "văn bản đi theo hướng dẫn kèm theo."
            ),
            position=POSITION.upper(),
            signer_name=signer.get_full_name(),
        )
    )
    draft = Draft.objects.start(
        unit=Unit.objects.get(name="Ban Tuyên giáo Thành ủy"),
        user=users["canbo"],
        file=ContentFile(pdf, name="cong-van-ky-so.pdf"),
        note="Bản trình ký",
        document_type="CV",
        title=TITLE,
        recipients="Các ban đảng Thành ủy\nCác quận ủy, huyện ủy\nLưu VPTU",
        issuer=issuer,
        term=term_of(OFFICE[1], today),
        access="public",
    )
    draft.submit(users["canbo"], [(users["bientap"], "Trưởng ban"), (signer, POSITION)])
    draft.approve(users["bientap"], "Đồng ý trình ký.")
    sign_draft(draft, signer, key=personal, pin=DEMO_PASSPHRASE)
    release_draft(draft, users["vanthu"], key=organisation, pin=DEMO_PASSPHRASE)
