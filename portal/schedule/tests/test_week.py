from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from guardian.shortcuts import assign_perm

from portal.access.factories import UserFactory
from portal.schedule.factories import EventFactory

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def wednesday(time_machine):
    time_machine.move_to(datetime(2026, 12, 2, 9, 0, tzinfo=HANOI), tick=False)


@pytest.fixture
def week_events():
    """One event of each level on Wednesday 2/12/2026, and a draft."""
    shared = Group.objects.create(name="Tổ biên tập")
    events = {
        level: EventFactory(
            title=f"Sự kiện {level}", date=date(2026, 12, 2), access=level
        )
        for level in ("public", "internal", "restricted")
    }
    assign_perm("schedule.view_event", shared, events["restricted"])
    EventFactory(title="Sự kiện nháp", date=date(2026, 12, 2), live=False)
    return shared


def titles_on(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    page = response.content.decode()
    return {
        level
        for level in ("public", "internal", "restricted", "nháp")
        if f"Sự kiện {level}" in page
    }


def test_the_public_week_shows_published_public_events_only(client, week_events):
    assert titles_on(client, "/lich-cong-tac/") == {"public"}
    client.force_login(UserFactory(role="staff"))
    assert titles_on(client, "/lich-cong-tac/") == {"public"}


def test_staff_see_internal_events_and_those_shared_with_them_in_the_intranet(
    client, week_events
):
    staff = UserFactory(role="staff")
    client.force_login(staff)
    assert titles_on(client, "/lich-cong-tac/noi-bo/") == {"public", "internal"}

    staff.groups.add(week_events)
    assert titles_on(client, "/lich-cong-tac/noi-bo/") == {
        "public",
        "internal",
        "restricted",
    }


def test_the_intranet_week_asks_anonymous_readers_to_log_in(client, week_events):
    response = client.get("/lich-cong-tac/noi-bo/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_week_runs_monday_to_sunday_with_links_to_the_weeks_around(client):
    EventFactory(title="Hội nghị Chủ nhật", date=date(2026, 12, 6), access="public")
    EventFactory(title="Họp tuần kế tiếp", date=date(2026, 12, 7), access="public")

    page = client.get("/lich-cong-tac/").content.decode()

    assert "Từ 30/11/2026 đến 06/12/2026" in page
    assert "Hội nghị Chủ nhật" in page and "Họp tuần kế tiếp" not in page
    assert "?tuan=2026-11-23" in page and "?tuan=2026-12-07" in page
    assert (
        "Họp tuần kế tiếp"
        in client.get("/lich-cong-tac/", {"tuan": "2026-12-09"}).content.decode()
    )


def test_events_are_listed_by_day_and_time_with_their_details(client):
    EventFactory(
        title="Làm việc với Ban Tuyên giáo",
        date=date(2026, 12, 1),
        start_time=time(14, 0),
        end_time=time(16, 30),
        place="Hội trường A",
        access="public",
    )
    EventFactory(
        title="Giao ban đầu tuần",
        date=date(2026, 12, 1),
        start_time=time(7, 30),
        access="public",
    )

    page = client.get("/lich-cong-tac/").content.decode()

    assert page.index("Giao ban đầu tuần") < page.index("Làm việc với Ban Tuyên giáo")
    assert "14:00–16:30" in page and "Hội trường A" in page
    assert "Thứ 3" in page


def test_a_week_that_is_not_a_date_is_reported_and_this_week_shown(client):
    response = client.get("/lich-cong-tac/", {"tuan": "tuần-trước"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Chọn tuần bằng một ngày" in page
    assert "Từ 30/11/2026 đến 06/12/2026" in page


def test_a_week_out_of_the_years_served_is_refused_without_an_error(client):
    for day in ("0001-01-01", "9999-12-31"):
        response = client.get("/lich-cong-tac/", {"tuan": day})

        assert response.status_code == 200
        assert "Chọn năm từ 1930 đến 2100." in response.content.decode()


def test_the_print_view_is_an_a4_landscape_week_schedule(client, week_events):
    response = client.get("/lich-cong-tac/in/", {"tuan": "2026-12-02"})

    page = response.content.decode()
    assert "LỊCH CÔNG TÁC TUẦN" in page
    assert "(Từ 30/11/2026 đến 06/12/2026)" in page
    assert "css/schedule-print" in page
    assert "Sự kiện public" in page and "Sự kiện internal" not in page


def test_the_intranet_print_view_holds_what_the_staff_member_may_see(
    client, week_events
):
    client.force_login(UserFactory(role="staff"))
    assert titles_on(client, "/lich-cong-tac/noi-bo/in/") == {"public", "internal"}


def test_the_print_stylesheet_sets_a4_landscape():
    from django.contrib.staticfiles import finders

    with open(finders.find("css/schedule-print.css"), encoding="utf-8") as sheet:
        assert "size: A4 landscape" in sheet.read()
