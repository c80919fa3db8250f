"""The admin as Vietnamese offices read it: wording, dates and names."""

import datetime
import re
from html import unescape

import pytest
import time_machine
from django.utils import translation

from portal.access.factories import UserFactory
from portal.correspondence.factories import IncomingDocumentFactory
from portal.documents.factories import DocumentFactory


@pytest.fixture(autouse=True)
def in_vietnamese():
    with translation.override("vi"):
        yield


def text_of(response):
    """The page's visible text, tags dropped and spaces squeezed."""
    html = re.sub(r"(?s)<(script|style|template)\b.*?</\1>", " ", response.text)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def draft_document(**kwargs):
    document = DocumentFactory(live=False, **kwargs)
    document.save_revision()
    return document


def test_an_editor_submits_with_gui_duyet_not_the_workflow_name(client, db):
    editor = UserFactory(role="editor")
    document = draft_document(symbol="15-NQ/TW")
    client.force_login(editor)

    page = text_of(
        client.get(f"/admin/snippets/documents/document/edit/{document.pk}/")
    )

    assert "Gửi duyệt" in page
    assert "Thực hiện" not in page
    assert "Lưu nháp" in page
    for english_label in ("Save draft", "More actions", "Submit to"):
        assert english_label not in page


def test_an_approver_approves_and_publishes_or_requests_changes(client, db):
    editor, approver = UserFactory(role="editor"), UserFactory(role="approver")
    document = draft_document(symbol="16-NQ/TW")
    document.get_workflow().start(document, editor)
    client.force_login(approver)

    page = text_of(
        client.get(f"/admin/snippets/documents/document/edit/{document.pk}/")
    )
    dashboard = text_of(client.get("/admin/"))

    assert "Duyệt và xuất bản" in page
    assert "Yêu cầu chỉnh sửa" in page
    assert "Chờ bạn duyệt" in dashboard
    for english_label in ("Approve", "Request changes", "Awaiting your review"):
        assert english_label not in page + dashboard


@time_machine.travel(datetime.datetime(2026, 11, 30, 9, tzinfo=datetime.UTC))
def test_register_dates_read_as_dates_and_headers_are_capitalised(client, db):
    IncomingDocumentFactory(
        received_on=datetime.date(2026, 3, 10),
        handling_deadline=datetime.date(2026, 12, 20),
    )
    client.force_login(UserFactory(role="clerk"))

    page = text_of(client.get("/admin/correspondence/incoming/"))

    assert "10/03/2026" in page
    assert "20/12/2026" in page
    assert "Hạn giải quyết" in page and "Ngày đến" in page
    for relative in ("ago", "Just now", "trước", "vừa xong", "tháng trước"):
        assert relative not in page


def test_a_date_field_of_the_admin_shows_and_accepts_day_month_year(client, db):
    entry = IncomingDocumentFactory(dated=datetime.date(2026, 3, 5))
    client.force_login(UserFactory(role="clerk"))

    page = client.get(f"/admin/correspondence/incoming/edit/{entry.pk}/").text

    assert re.search(r'name="dated"[^>]*value="05/03/2026"', page)


def test_wagtails_date_pickers_show_day_month_year(client, db):
    document = draft_document(symbol="18-NQ/TW", issued_on=datetime.date(2022, 5, 5))
    client.force_login(UserFactory(role="editor"))

    page = client.get(f"/admin/snippets/documents/document/edit/{document.pk}/").text

    assert re.search(r'name="issued_on"[^>]*value="05/05/2022"', page)
    assert '"format": "d/m/Y"' in unescape(page)


def test_a_person_is_named_family_name_first_in_the_admin(client, db):
    user = UserFactory(role="editor", first_name="An", last_name="Nguyễn Văn")
    client.force_login(user)

    page = client.get("/admin/").text

    assert user.get_full_name() == "Nguyễn Văn An"
    assert "Nguyễn Văn An" in page
    assert "An Nguyễn Văn" not in page


def test_history_names_who_did_what_family_name_first(client, db):
    editor = UserFactory(role="editor", first_name="Bình", last_name="Trần Thị")
    document = draft_document(symbol="17-NQ/TW")
    document.save_revision(user=editor, log_action=True)
    client.force_login(UserFactory(role="approver"))

    page = text_of(
        client.get(f"/admin/snippets/documents/document/history/{document.pk}/")
    )

    assert "Trần Thị Bình" in page
    assert "Bình Trần Thị" not in page


def test_users_are_listed_by_given_name_then_family_name(client, db):
    for last_name, first_name in [
        ("Trần Thị", "Bình"),
        ("Nguyễn Văn", "An"),
        ("Phạm Thị", "Ánh"),
        ("Lê Văn", "An"),
        ("Đỗ Thị", "Ân"),
    ]:
        UserFactory(first_name=first_name, last_name=last_name)
    admin = UserFactory(first_name="Ủy", last_name="Vũ Văn", is_superuser=True)
    client.force_login(admin)

    listed = client.get("/admin/users/").context["object_list"]

    assert [user.get_full_name() for user in listed] == [
        "Lê Văn An",
        "Nguyễn Văn An",
        "Phạm Thị Ánh",
        "Đỗ Thị Ân",
        "Trần Thị Bình",
        "Vũ Văn Ủy",
    ]


def test_groups_are_listed_in_vietnamese_order(client, db):
    from django.contrib.auth.models import Group

    Group.objects.create(name="Ủy ban Kiểm tra")
    Group.objects.create(name="Ban Tuyên giáo")
    Group.objects.create(name="Ban Tổ chức")
    client.force_login(UserFactory(is_superuser=True))

    names = [
        group.name for group in client.get("/admin/groups/").context["object_list"]
    ]

    assert names.index("Ban Tổ chức") < names.index("Ban Tuyên giáo")
    assert names.index("Ban Tuyên giáo") < names.index("Quản trị")
    assert names.index("Quản trị") < names.index("Ủy ban Kiểm tra")
    assert names.index("Ủy ban Kiểm tra") < names.index("Văn thư")


def test_django_number_messages_read_naturally():
    from django import forms

    field = forms.IntegerField(max_value=100)

    with pytest.raises(forms.ValidationError) as too_big:
        field.clean("150")
    with pytest.raises(forms.ValidationError) as not_whole:
        field.clean("1,5")

    assert too_big.value.messages == ["Giá trị phải nhỏ hơn hoặc bằng 100."]
    assert not_whole.value.messages == ["Nhập số nguyên."]


def test_a_units_members_are_chosen_by_name_in_vietnamese_order(client, db):
    from portal.followup.factories import UnitFactory

    UserFactory(username="binh", first_name="Bình", last_name="Trần Thị")
    UserFactory(username="an", first_name="An", last_name="Nguyễn Văn")
    UserFactory(username="anh", first_name="Ánh", last_name="Lê Thị")
    unit = UnitFactory(name="Phòng Tổng hợp")
    client.force_login(UserFactory(role="clerk", username="vanthu", first_name="Dung"))

    page = client.get(f"/admin/snippets/followup/unit/edit/{unit.pk}/").text

    select = re.search(
        r'<select name="memberships-__prefix__-user".*?</select>', page, re.S
    )
    names = re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", select.group(0))
    assert names[:3] == [
        "Nguyễn Văn An (an)",
        "Lê Thị Ánh (anh)",
        "Trần Thị Bình (binh)",
    ]


def test_the_status_panel_dates_an_earlier_edit_instead_of_counting_days(client, db):
    editor = UserFactory(role="editor", first_name="Bình", last_name="Trần Thị")
    with time_machine.travel(datetime.datetime(2026, 11, 27, 8, tzinfo=datetime.UTC)):
        document = DocumentFactory(live=False, symbol="19-NQ/TW")
        document.save_revision(user=editor)
    client.force_login(editor)

    with time_machine.travel(datetime.datetime(2026, 11, 30, 9, tzinfo=datetime.UTC)):
        page = text_of(
            client.get(f"/admin/snippets/documents/document/edit/{document.pk}/")
        )

    assert "15:00 27/11/2026, Trần Thị Bình" in page
    assert "ngày trước" not in page


def test_the_approval_step_is_named_as_offices_say_it(db):
    document = draft_document(symbol="20-NQ/TW")

    tasks = [task.name for task in document.get_workflow().tasks]

    assert tasks == ["Lãnh đạo duyệt"]


def test_moderation_emails_name_people_family_name_first(db, mailoutbox):
    approver = UserFactory(role="approver", first_name="Cường", last_name="Lê Văn")
    editor = UserFactory(role="editor", email="bientap@example.org")
    document = draft_document(symbol="21-NQ/TW", title="Về công tác cán bộ")
    workflow_state = document.get_workflow().start(document, editor)
    task_state = workflow_state.current_task_state

    task_state.task.specific.on_action(task_state, approver, "reject")

    told = [message.body for message in mailoutbox if editor.email in message.to]
    assert any("bị Lê Văn Cường yêu cầu chỉnh sửa" in body for body in told), told
    assert not any("Cường Lê Văn" in body for body in told)


def test_choosers_and_form_errors_read_in_vietnamese(client, db):
    client.force_login(UserFactory(role="clerk"))

    chooser = text_of(client.get("/admin/snippets/documents/document/add/"))
    refused = text_of(client.post("/admin/correspondence/incoming/new/", {}))

    assert "Chọn cơ quan ban hành" in chooser
    assert "Không tạo được văn bản đến vì có lỗi." in refused
    assert "could not be created" not in refused
