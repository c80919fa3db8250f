from portal.demo.accounts import load_accounts
from portal.demo.drafting import DEMO_CA, load_signed_release
from portal.demo.followup import load_units
from portal.documents.models import Document
from portal.drafting.models import Draft
from portal.signing.services import verify_pdf
from tests.storages import keep_files_in


def test_the_demo_archive_holds_a_document_signed_by_its_signer_and_the_office(
    db, settings, monkeypatch, tmp_path
):
    keep_files_in(monkeypatch, tmp_path)
    settings.SIGNING_TRUST_ANCHORS = [str(tmp_path / "private" / DEMO_CA)]
    load_accounts()
    load_units()

    assert load_signed_release() == 1
    assert load_signed_release() == 1  # once only

    draft = Draft.objects.get()
    document = Document.objects.get(outgoing_entry__draft=draft)
    assert (document.access, document.symbol) == ("public", "01-CV/VPTU")
    with document.attachments.get().file.open("rb") as handle:
        reports = verify_pdf(handle.read())
    assert [(r.role, r.signer, r.intact, r.trusted) for r in reports] == [
        ("personal", "Lê Văn Cường", True, True),
        ("organisation", "Văn phòng Thành ủy", True, True),
    ]
    assert [step.holder.username for step in draft.steps.all()] == ["bientap", "duyet"]
