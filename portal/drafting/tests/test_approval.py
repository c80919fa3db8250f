"""A draft from its unit through the steps the unit chose: approve, return
with comments, forward; every version kept; whoever is next is told."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.access.factories import UserFactory
from portal.drafting.factories import docx_file, make_draft, pdf_file
from portal.drafting.models import ApprovalStep, Draft, DraftNotification
from portal.followup.factories import UnitFactory, member_of

pytestmark = pytest.mark.django_db


def submitted(draft, holders):
    """The draft submitted by a member of its unit through ``holders``."""
    author = draft.created_by
    draft.submit(author, [(holder, f"Vị trí {n}") for n, holder in enumerate(holders)])
    return draft


def waiting_holder(draft):
    return draft.current_step().holder


def test_a_unit_member_drafts_from_the_intranet_with_a_docx(client):
    unit = UnitFactory(name="Phòng Tổng hợp")
    author = member_of(unit)
    from portal.documents.factories import IssuingBodyFactory

    issuer = IssuingBodyFactory(name="Văn phòng Thành ủy", abbreviation="VPTU")
    client.force_login(author)

    response = client.post(
        reverse("drafting:new"),
        {
            "unit": unit.pk,
            "document_type": "CV",
            "title": "Về việc chuẩn bị hội nghị",
            "issuer": issuer.pk,
            "term": "xvii",
            "recipients": "Các ban đảng Thành ủy",
            "access": "internal",
            "file": docx_file(),
            "note": "Bản đầu",
        },
    )

    draft = Draft.objects.get()
    assert response.status_code == 302
    assert (draft.unit, draft.created_by, draft.term) == (unit, author, "XVII")
    assert draft.status == Draft.Status.DRAFTING
    assert [(v.number, v.note) for v in draft.versions.all()] == [(1, "Bản đầu")]


def test_a_file_that_is_not_docx_or_pdf_is_refused_in_vietnamese(client):
    unit = UnitFactory()
    client.force_login(member_of(unit))

    response = client.post(
        reverse("drafting:new"),
        {"unit": unit.pk, "file": ContentFile(b"<svg onload=x>", name="a.pdf")},
    )

    assert response.status_code == 400
    assert "Tệp này không thuộc loại được chấp nhận" in response.content.decode()
    assert not Draft.objects.exists()


def test_only_a_member_of_the_unit_may_draft_for_it():
    unit, stranger = UnitFactory(), UserFactory(role="staff")

    with pytest.raises(ValidationError):
        make_draft(unit=unit, author=stranger)

    assert not Draft.objects.exists()


def test_the_draft_goes_through_the_chosen_steps_in_order_and_each_holder_is_told(
    django_capture_on_commit_callbacks,
):
    head, chief, signer = (UserFactory(role="staff") for _ in range(3))
    with django_capture_on_commit_callbacks(execute=True):
        draft = submitted(make_draft(), [head, chief, signer])
        assert waiting_holder(draft) == head
        draft.approve(head, "Đồng ý")
        assert waiting_holder(draft) == chief
        draft.approve(chief)

    step = draft.current_step()
    assert (step.holder, step.purpose) == (signer, ApprovalStep.Purpose.SIGN)
    assert list(draft.steps.values_list("outcome", flat=True)) == [
        "approved",
        "approved",
        "",
    ]
    told = DraftNotification.objects.filter(kind=DraftNotification.Kind.TO_HANDLE)
    assert sorted(n.recipient_id for n in told) == sorted(
        [head.pk, chief.pk, signer.pk]
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [head.email, chief.email, signer.email]
    )


def test_the_signer_cannot_approve_without_signing():
    signer = UserFactory(role="staff")
    draft = submitted(make_draft(), [signer])

    with pytest.raises(ValidationError):
        draft.approve(signer)

    assert draft.current_step().holder == signer


def test_a_return_goes_to_the_unit_with_comments_and_comes_back_to_the_same_step():
    unit = UnitFactory()
    author, colleague = member_of(unit), member_of(unit)
    head, signer = UserFactory(role="staff"), UserFactory(role="staff")
    draft = submitted(make_draft(unit=unit, author=author), [head, signer])

    with pytest.raises(ValidationError):
        draft.return_for_revision(head, "  ")
    draft.return_for_revision(head, "Sửa lại phần nơi nhận")

    assert draft.status == Draft.Status.RETURNED
    assert draft.current_step() is None
    returned = DraftNotification.objects.filter(kind=DraftNotification.Kind.RETURNED)
    assert {n.recipient for n in returned} == {author, colleague}

    draft.add_version(colleague, docx_file("ban-sua.docx"), "Đã sửa nơi nhận")
    draft.submit(colleague)

    assert draft.status == Draft.Status.IN_REVIEW
    assert waiting_holder(draft) == head
    assert [(s.holder, s.outcome, s.comment) for s in draft.steps.all()] == [
        (head, "returned", "Sửa lại phần nơi nhận"),
        (head, "", ""),
        (signer, "", ""),
    ]


def test_forwarding_passes_the_step_to_another_person_before_the_next_ones():
    head, deputy, signer = (UserFactory(role="staff") for _ in range(3))
    draft = submitted(make_draft(), [head, signer])

    draft.forward(head, deputy, "Đồng chí phó phòng cho ý kiến", "Phó phòng")
    assert waiting_holder(draft) == deputy
    draft.approve(deputy)

    assert waiting_holder(draft) == signer
    assert [(s.position, s.holder, s.outcome) for s in draft.steps.all()] == [
        (1, head, "forwarded"),
        (2, deputy, "approved"),
        (3, signer, ""),
    ]


def test_nobody_but_the_holder_of_the_current_step_acts_on_it():
    unit = UnitFactory()
    author = member_of(unit)
    head, signer = UserFactory(role="staff"), UserFactory(role="approver")
    draft = submitted(make_draft(unit=unit, author=author), [head, signer])

    for someone in (author, signer, UserFactory(role="clerk")):
        with pytest.raises(ValidationError):
            draft.approve(someone)
        with pytest.raises(ValidationError):
            draft.return_for_revision(someone, "Không đồng ý")
        with pytest.raises(ValidationError):
            draft.add_version(someone, docx_file())
    assert waiting_holder(draft) == head


def test_the_steps_end_with_a_signer():
    draft = make_draft()

    with pytest.raises(ValidationError):
        draft.submit(draft.created_by, [])

    assert draft.status == Draft.Status.DRAFTING


def test_every_version_is_kept_and_each_opens_for_who_sees_the_draft(client):
    unit = UnitFactory()
    author = member_of(unit)
    draft = make_draft(unit=unit, author=author, file=docx_file(text="Bản một"))
    draft.add_version(author, pdf_file(content=b"%PDF-1.4 ban hai"), "Bản PDF")
    client.force_login(author)

    first = client.get(reverse("drafting:version", args=[draft.pk, 1]))
    second = client.get(reverse("drafting:version", args=[draft.pk, 2]))
    page = client.get(reverse("drafting:draft", args=[draft.pk])).content.decode()

    assert b"".join(first.streaming_content).startswith(b"PK")
    assert b"".join(second.streaming_content) == b"%PDF-1.4 ban hai"
    assert "Phiên bản 1" in page and "Phiên bản 2" in page
    client.force_login(UserFactory(role="staff"))
    assert (
        client.get(reverse("drafting:version", args=[draft.pk, 1])).status_code == 404
    )


def test_every_step_is_in_the_audit_log_with_its_vietnamese_label(client):
    head, signer = UserFactory(role="staff"), UserFactory(role="staff")
    draft = make_draft()
    draft.add_version(draft.created_by, docx_file(), "Bản hai")
    submitted(draft, [head, signer])
    draft.return_for_revision(head, "Bổ sung số liệu")
    draft.submit(draft.created_by)
    draft.forward(head, UserFactory(role="staff"))

    entries = ModelLogEntry.objects.for_instance(draft).order_by("timestamp", "pk")
    assert [entry.action for entry in entries] == [
        "drafting.create",
        "drafting.version",
        "drafting.submit",
        "drafting.return",
        "drafting.submit",
        "drafting.forward",
    ]
    client.force_login(draft.created_by)
    page = client.get(reverse("drafting:draft", args=[draft.pk])).content.decode()
    assert "Đã trả lại để sửa: Bổ sung số liệu" in page
