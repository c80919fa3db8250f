"""The year in figures: each count covers only what the reader may see."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.correspondence.factories import (
    IncomingDocumentFactory,
    OutgoingDocumentFactory,
)
from portal.documents.factories import DocumentFactory
from portal.documents.types import DocumentType
from portal.followup.factories import TaskFactory
from portal.meetings.factories import BridgePointFactory, MeetingFactory
from portal.schedule.factories import EventFactory

URL = reverse("annual:year")
TODAY = datetime.date(2026, 11, 30)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2026, 11, 30, 9, 0), tick=False):
        yield


def figures(client, user, **query):
    client.force_login(user)
    response = client.get(URL, {"year": 2026, **query})
    assert response.status_code == 200
    return {
        table.heading: dict((str(label), count) for label, count in table.counts)
        for table in response.context["tables"]
    }


@pytest.mark.django_db
def test_documents_are_counted_by_type_among_those_the_reader_may_see(client):
    for access in ["public", "internal", "restricted"]:
        DocumentFactory(
            document_type=DocumentType.RESOLUTION,
            issued_on=datetime.date(2026, 3, 1),
            access=access,
        )
    DocumentFactory(
        document_type=DocumentType.RESOLUTION, issued_on=datetime.date(2025, 3, 1)
    )

    counted = figures(client, UserFactory(role="staff"))

    assert counted["Văn bản ban hành, theo loại"]["Nghị quyết"] == 2
    assert (
        figures(client, UserFactory(role="admin"))["Văn bản ban hành, theo loại"][
            "Nghị quyết"
        ]
        == 3
    )


@pytest.mark.django_db
def test_the_registers_volumes_are_shown_to_those_who_keep_the_registers(client):
    IncomingDocumentFactory.create_batch(3, received_on=datetime.date(2026, 2, 1))
    OutgoingDocumentFactory().release()

    assert figures(client, UserFactory(role="clerk"))["Văn bản đến và văn bản đi"] == {
        "Văn bản đến": 3,
        "Văn bản đi": 1,
    }
    assert "Văn bản đến và văn bản đi" not in figures(client, UserFactory(role="staff"))


@pytest.mark.django_db
def test_meetings_held_online_conferences_and_bridge_points_are_counted(client):
    MeetingFactory(event=EventFactory(date=datetime.date(2026, 5, 4)))
    online = MeetingFactory(
        online=True, event=EventFactory(date=datetime.date(2026, 6, 1))
    )
    BridgePointFactory.create_batch(2, meeting=online)
    MeetingFactory(event=EventFactory(date=datetime.date(2026, 12, 10)))  # not yet held

    counted = figures(client, UserFactory(role="admin"))

    assert counted["Cuộc họp đã tổ chức"] == {
        "Họp trực tiếp": 1,
        "Hội nghị trực tuyến": 1,
    }
    assert sum(counted["Điểm cầu, theo đơn vị chủ trì"].values()) == 2


@pytest.mark.django_db
def test_tasks_assigned_in_the_year_are_counted_by_how_they_stand(client):
    TaskFactory(
        assigned_on=datetime.date(2026, 1, 5),
        deadline=datetime.date(2026, 3, 31),
        status="completed",
        completed_on=datetime.date(2026, 3, 30),
    )
    TaskFactory(
        assigned_on=datetime.date(2026, 1, 5),
        deadline=datetime.date(2026, 3, 31),
        status="completed",
        completed_on=datetime.date(2026, 4, 10),
    )
    TaskFactory(
        assigned_on=datetime.date(2026, 2, 1), deadline=datetime.date(2026, 6, 30)
    )
    TaskFactory(
        assigned_on=datetime.date(2026, 2, 1), deadline=datetime.date(2026, 12, 31)
    )
    TaskFactory(
        assigned_on=datetime.date(2025, 2, 1), deadline=datetime.date(2025, 6, 30)
    )

    counted = figures(client, UserFactory(role="admin"))[
        "Nhiệm vụ giao trong năm, theo tình trạng"
    ]

    assert counted == {
        "Hoàn thành đúng hạn": 1,
        "Hoàn thành quá hạn": 1,
        "Đang thực hiện trong hạn": 1,
        "Quá hạn, chưa hoàn thành": 1,
    }


@pytest.mark.django_db
def test_the_figures_are_exported_as_a_spreadsheet(client):
    DocumentFactory(
        document_type=DocumentType.RESOLUTION, issued_on=datetime.date(2026, 3, 1)
    )
    client.force_login(UserFactory(role="staff"))

    response = client.get(URL, {"year": 2026, "format": "csv"})

    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert '"Văn bản ban hành, theo loại",Số lượng' in text
    assert "Nghị quyết,1" in text


@pytest.mark.django_db
def test_a_wrong_year_shows_this_year_with_a_message(client):
    client.force_login(UserFactory(role="staff"))

    response = client.get(URL, {"year": "hai nghìn"})

    assert response.status_code == 400
    assert response.context["year"] == 2026
    assert "Chọn năm từ" in response.content.decode()


def test_the_figures_are_for_signed_in_staff(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/login/" in response["Location"]
