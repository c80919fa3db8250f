import datetime

import pytest
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.followup.factories import UnitFactory
from portal.meetings.factories import BridgePointFactory, MeetingFactory
from portal.meetings.models import Meeting
from portal.meetings.statistics import meeting_tables
from portal.schedule.factories import EventFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


def meeting_on(day, **kwargs):
    return MeetingFactory(event=EventFactory(date=day), **kwargs)


def counts(year):
    return [
        (table.heading, table.counts, table.total)
        for table in meeting_tables(Meeting.objects.all(), year, TODAY)
    ]


def test_a_year_counts_meetings_held_online_conferences_and_bridge_points():
    district = UnitFactory(name="Quận ủy Hoàn Kiếm")
    ward = UnitFactory(name="Đảng ủy phường Hàng Bạc")
    meeting_on(datetime.date(2026, 1, 5))
    meeting_on(datetime.date(2026, 3, 9))
    conference = meeting_on(datetime.date(2026, 4, 2), online=True)
    for unit in (district, district, ward):
        BridgePointFactory(meeting=conference, host_unit=unit)
    meeting_on(datetime.date(2025, 12, 30), online=True)  # another year
    meeting_on(datetime.date(2026, 9, 1))  # not held yet
    draft = meeting_on(datetime.date(2026, 2, 2))
    draft.event.live = False
    draft.event.save()

    assert counts(2026) == [
        ("Cuộc họp đã tổ chức", [("Họp trực tiếp", 2), ("Hội nghị trực tuyến", 1)], 3),
        (
            "Điểm cầu, theo đơn vị chủ trì",
            [("Quận ủy Hoàn Kiếm", 2), ("Đảng ủy phường Hàng Bạc", 1)],
            3,
        ),
    ]


def test_the_statistics_page_shows_the_year_asked_for(client):
    meeting_on(datetime.date(2025, 5, 5), online=True)
    client.force_login(UserFactory(role="approver"))

    page = client.get(reverse("meetings_statistics:index"), {"year": 2025})

    assert page.status_code == 200
    assert page.context["year"] == 2025
    assert page.context["tables"][0].counts[1][1] == 1


def test_meetings_the_reader_may_not_see_are_not_counted(client):
    meeting_on(datetime.date(2025, 5, 5))
    MeetingFactory(
        event=EventFactory(date=datetime.date(2025, 5, 6), access="restricted")
    )
    client.force_login(UserFactory(role="approver"))

    page = client.get(reverse("meetings_statistics:index"), {"year": 2025})

    assert page.context["tables"][0].total == 1


def test_a_wrong_year_is_refused_with_a_message(client):
    client.force_login(UserFactory(role="clerk"))

    page = client.get(reverse("meetings_statistics:index"), {"year": "hai nghìn"})

    assert page.status_code == 400
    assert "Chọn năm từ 1930 đến 2100." in page.content.decode()


def test_staff_and_editors_see_no_meeting_statistics(client):
    for role in ("staff", "editor"):
        client.force_login(UserFactory(role=role))
        response = client.get(reverse("meetings_statistics:index"))
        assert response.status_code in (302, 403)
