"""The clerk reviews the tasks proposed from a notice and assigns them at once."""

from datetime import date

import pytest
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory
from portal.followup.factories import UnitFactory
from portal.followup.models import Task

NOTICE = """Thường trực Thành ủy kết luận như sau:

1. Ghi nhận sự chủ động của Văn phòng Thành ủy.
2. Giao Văn phòng Thành ủy chủ trì, phối hợp với Ban Tổ chức Thành ủy hoàn thiện cơ sở dữ liệu đảng viên, hoàn thành trước ngày 30/6/2026.
3. Đề nghị BTGTU tăng cường tuyên truyền về chuyển đổi số, hoàn thành trong quý III/2026.
"""


@pytest.fixture
def units(db):
    return {
        abbreviation: UnitFactory(name=name, abbreviation=abbreviation)
        for name, abbreviation in [
            ("Văn phòng Thành ủy", "VPTU"),
            ("Ban Tổ chức Thành ủy", "BTCTU"),
            ("Ban Tuyên giáo Thành ủy", "BTGTU"),
        ]
    }


@pytest.fixture
def notice(units):
    return DocumentFactory(
        symbol="05-TB/TU", issued_on=date(2026, 3, 12), body=NOTICE, access="internal"
    )


def url(document):
    return reverse("followup:draft", args=[document.pk])


def confirmation(units, **changes):
    data = {
        "draft-TOTAL_FORMS": 2,
        "draft-INITIAL_FORMS": 2,
        "draft-0-content": "Hoàn thiện cơ sở dữ liệu đảng viên",
        "draft-0-lead_unit": units["VPTU"].pk,
        "draft-0-coordinating_units": [units["BTCTU"].pk],
        "draft-0-assigned_on": "2026-03-12",
        "draft-0-deadline": "2026-06-30",
        "draft-0-recurrence": "",
        "draft-0-priority": 0,
        "draft-1-content": "Tăng cường tuyên truyền về chuyển đổi số",
        "draft-1-lead_unit": units["BTGTU"].pk,
        "draft-1-assigned_on": "2026-03-12",
        "draft-1-deadline": "2026-09-30",
        "draft-1-recurrence": "",
        "draft-1-priority": 0,
    }
    data.update(changes)
    return data


def test_the_page_proposes_the_tasks_of_the_notice_and_creates_none(
    client, units, notice
):
    client.force_login(UserFactory(role="clerk"))

    response = client.get(url(notice))

    forms = response.context["formset"].forms
    assert [form.initial["lead_unit"] for form in forms] == [
        units["VPTU"],
        units["BTGTU"],
    ]
    assert forms[0].initial["coordinating_units"] == [units["BTCTU"]]
    assert [form.initial["deadline"] for form in forms] == [
        date(2026, 6, 30),
        date(2026, 9, 30),
    ]
    assert "Hoàn thiện cơ sở dữ liệu đảng viên" in response.content.decode()
    assert not Task.objects.exists()


def test_the_clerk_corrects_skips_and_assigns_the_proposed_tasks(client, units, notice):
    clerk = UserFactory(role="clerk")
    client.force_login(clerk)

    response = client.post(
        url(notice),
        confirmation(
            units,
            **{
                "draft-0-lead_unit": units["BTCTU"].pk,
                "draft-0-coordinating_units": [],
            },
            **{"draft-1-DELETE": "on"},
        ),
    )

    assert response.status_code == 302
    (task,) = Task.objects.all()
    assert task.lead_unit == units["BTCTU"]
    assert task.source_document == notice
    assert task.assigned_by == clerk
    assert task.deadline == date(2026, 6, 30)


def test_one_broken_rule_assigns_nothing_and_keeps_what_was_typed(
    client, units, notice
):
    client.force_login(UserFactory(role="clerk"))

    response = client.post(
        url(notice),
        confirmation(
            units,
            **{
                "draft-1-coordinating_units": [units["BTGTU"].pk],
                "draft-1-content": "Tuyên truyền, sửa lại",
            },
        ),
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert not Task.objects.exists()
    assert "Đơn vị chủ trì không thể đồng thời là đơn vị phối hợp" in content
    assert "Tuyên truyền, sửa lại" in content


def test_staff_may_not_draft_tasks(client, notice):
    client.force_login(UserFactory(role="staff"))

    assert client.get(url(notice)).status_code == 403


def test_a_document_the_clerk_may_not_see_is_not_found(client, units):
    secret = DocumentFactory(body=NOTICE, access="restricted")
    client.force_login(UserFactory(role="clerk"))

    assert client.get(url(secret)).status_code == 404
