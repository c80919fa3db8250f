import pytest

from portal.access.factories import UserFactory
from portal.meetings.factories import AgendaItemFactory, MeetingFactory
from portal.meetings.models import Response
from portal.schedule.factories import EventFactory
from tests.browser import log_in, screenshot


@pytest.mark.browser
def test_a_participant_confirms_attendance_and_the_organiser_sees_it(
    browser_page, home_page
):
    participant = UserFactory(role="staff", first_name="Hoa", last_name="Lê Thị")
    organiser = UserFactory(role="clerk", first_name="Minh", last_name="Phạm Văn")
    meeting = MeetingFactory(
        event=EventFactory(
            title="Hội nghị sơ kết công tác văn phòng",
            participants=[participant],
            access="internal",
        ),
        organiser=organiser,
    )
    AgendaItemFactory(meeting=meeting, title="Báo cáo sơ kết 6 tháng")
    page = browser_page

    log_in(page, participant)
    page.goto("/noi-bo/cuoc-hop/")
    page.get_by_role("link", name="Hội nghị sơ kết công tác văn phòng").click()
    assert page.get_by_text("Báo cáo sơ kết 6 tháng").is_visible()
    page.get_by_label("Tham dự", exact=True).check()
    page.get_by_role("button", name="Gửi trả lời").click()
    page.wait_for_load_state()

    assert page.get_by_text(
        "Trả lời của đồng chí đã được gửi tới người tổ chức."
    ).is_visible()
    assert page.locator(".attendance-response").inner_text() == "Tham dự"
    screenshot(page, "meeting-attendance-confirmed")
    assert meeting.attendances.get().response == Response.CONFIRMED

    page.context.clear_cookies()
    log_in(page, organiser)
    page.goto(f"/noi-bo/cuoc-hop/{meeting.pk}/")
    row = page.locator("table.attendance tbody tr")
    assert row.count() == 1
    assert row.locator("td").all_inner_texts() == ["Lê Thị Hoa", "Tham dự", ""]
    screenshot(page, "meeting-attendance-organiser")
