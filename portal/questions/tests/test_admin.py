import json

import pytest
from django.core import mail
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.followup.factories import MembershipFactory, UnitFactory
from portal.questions.factories import QuestionFactory
from portal.questions.models import Status

pytestmark = pytest.mark.django_db


def edit_url(question):
    return reverse("reader_questions:edit", args=[question.pk])


def unit_editor(unit, **fields):
    """An editor who belongs to ``unit``: the one who drafts its answers."""
    return MembershipFactory(unit=unit, user=UserFactory(role="editor", **fields)).user


@pytest.fixture
def unit():
    return UnitFactory(name="Ban Tuyên giáo")


def test_the_office_assigns_a_question_and_the_unit_is_told(
    client, unit, django_capture_on_commit_callbacks
):
    unit_editor(unit, email="tuyengiao@example.org")
    question = QuestionFactory()
    client.force_login(UserFactory(role="clerk"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(question), {"unit": unit.pk, "answer": ""})

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.unit == unit
    assert question.status == Status.ASSIGNED
    assert [message.to for message in mail.outbox] == [["tuyengiao@example.org"]]


def test_a_unit_sees_and_answers_only_the_questions_assigned_to_it(
    client, unit, django_capture_on_commit_callbacks
):
    mine = QuestionFactory(unit=unit, status=Status.ASSIGNED, title="Câu hỏi của ban")
    other = QuestionFactory(
        unit=UnitFactory(), status=Status.ASSIGNED, title="Câu hỏi ban khác"
    )
    unassigned = QuestionFactory(title="Câu hỏi chưa giao")
    approver = UserFactory(role="approver", email="duyet@example.org")
    client.force_login(unit_editor(unit))

    listing = client.get(reverse("reader_questions:index")).content.decode()
    assert "Câu hỏi của ban" in listing
    assert "Câu hỏi ban khác" not in listing and "Câu hỏi chưa giao" not in listing
    assert client.get(edit_url(other)).status_code == 404
    assert client.get(edit_url(unassigned)).status_code == 404

    # The unit drafts; it may not move the question to another unit.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            edit_url(mine), {"answer": "Dự thảo trả lời", "unit": other.unit.pk}
        )

    mine.refresh_from_db()
    assert mine.answer == "Dự thảo trả lời"
    assert mine.unit == unit
    assert mine.status == Status.ANSWERED
    assert mail.outbox[-1].to == [approver.email]


def test_only_approvers_publish_and_the_reader_is_told(
    client, unit, django_capture_on_commit_callbacks
):
    question = QuestionFactory(
        unit=unit, answer="Trả lời của ban", status=Status.ANSWERED
    )
    publish = reverse("reader_questions:publish", args=[question.pk])

    for user in (unit_editor(unit), UserFactory(role="clerk")):
        client.force_login(user)
        client.post(publish)
    question.refresh_from_db()
    assert question.status == Status.ANSWERED

    client.force_login(UserFactory(role="approver"))
    assert client.get(publish).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(publish)

    question.refresh_from_db()
    assert question.status == Status.PUBLISHED
    assert question.published_answer == "Trả lời của ban"
    assert mail.outbox[-1].to == ["cuong@example.vn"]
    assert f"/hoi-dap/{question.pk}/" in mail.outbox[-1].body


def test_a_draft_after_publication_waits_for_approval(client, unit):
    question = QuestionFactory(published=True, unit=unit)
    public = question.published_answer
    client.force_login(unit_editor(unit))

    client.post(edit_url(question), {"answer": "Bản sửa chưa duyệt"})

    question.refresh_from_db()
    assert question.status == Status.PUBLISHED
    assert question.answer == "Bản sửa chưa duyệt"
    page = client.get(f"/hoi-dap/{question.pk}/").content.decode()
    assert public in page and "Bản sửa chưa duyệt" not in page


def test_an_unassigned_question_cannot_be_answered(client):
    question = QuestionFactory()
    client.force_login(UserFactory(role="clerk"))

    response = client.post(edit_url(question), {"unit": "", "answer": "Trả lời"})

    assert response.status_code == 200
    assert (
        "Chỉ câu hỏi đã giao cho đơn vị mới được trả lời." in response.content.decode()
    )
    question.refresh_from_db()
    assert question.answer == ""


def test_an_approver_unpublishes_and_the_office_turns_a_question_down(client, unit):
    published = QuestionFactory(published=True, unit=unit, title="Đã đăng")
    spam = QuestionFactory(title="Quảng cáo")

    client.force_login(UserFactory(role="approver"))
    client.post(reverse("reader_questions:unpublish", args=[published.pk]))
    client.force_login(UserFactory(role="clerk"))
    client.post(reverse("reader_questions:reject", args=[spam.pk]))

    published.refresh_from_db()
    spam.refresh_from_db()
    assert published.status == Status.ANSWERED
    assert spam.status == Status.REJECTED
    assert client.get(f"/hoi-dap/{published.pk}/").status_code == 404


def test_nobody_adds_questions_in_the_admin(client):
    client.force_login(UserFactory(role="admin"))
    response = client.get(reverse("reader_questions:add"))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "/admin/hoi-dap/new/" not in client.get("/admin/hoi-dap/").content.decode()


def test_staff_without_an_admin_role_stay_out(client, unit):
    member = MembershipFactory(unit=unit).user
    question = QuestionFactory(unit=unit, status=Status.ASSIGNED)
    client.force_login(member)
    assert client.get(edit_url(question)).status_code == 302


def test_the_admin_menu_counts_what_waits_for_each_user(client, unit):
    QuestionFactory()  # new: the office assigns it
    QuestionFactory(unit=unit, status=Status.ASSIGNED)  # the unit drafts it
    QuestionFactory(unit=unit, status=Status.ASSIGNED)
    QuestionFactory(unit=UnitFactory(), status=Status.ASSIGNED)  # another unit's
    QuestionFactory(unit=unit, answer="Dự thảo", status=Status.ANSWERED)  # to approve
    QuestionFactory(published=True, unit=unit)  # nothing to do

    waiting = {}
    for role, user in [
        ("clerk", UserFactory(role="clerk")),
        ("unit", unit_editor(unit)),
        ("approver", UserFactory(role="approver")),
    ]:
        client.force_login(user)
        menu = client.get("/admin/").content.decode()
        # The menu is drawn from JSON, non-ASCII letters escaped.
        labels = {n: json.dumps(f"Hỏi đáp, góp ý ({n})")[1:-1] for n in "1234"}
        waiting[role] = [n for n, label in labels.items() if label in menu]

    assert waiting == {"clerk": ["1"], "unit": ["2"], "approver": ["1"]}
