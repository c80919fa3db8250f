from datetime import time, timedelta

import pytest
from django.utils import timezone

from portal.access.factories import UserFactory
from portal.schedule.factories import EventFactory
from portal.schedule.models import week_start
from tests.browser import log_in, screenshot


@pytest.mark.browser
def test_staff_browse_the_week_schedule_and_print_it(browser_page, home_page):
    monday = week_start(timezone.localdate())
    EventFactory(
        title="Họp Ban Thường vụ Thành ủy",
        date=monday + timedelta(days=2),
        start_time=time(8, 0),
        end_time=time(11, 30),
        place="Phòng họp số 1",
        access="internal",
    )
    EventFactory(
        title="Hội nghị tổng kết năm", date=monday + timedelta(days=8), access="public"
    )
    page = browser_page

    log_in(page, UserFactory(role="staff"))
    page.goto("/lich-cong-tac/noi-bo/")

    table = page.get_by_role("table")
    assert table.get_by_role("cell", name="Họp Ban Thường vụ Thành ủy").is_visible()
    assert table.get_by_role("cell", name="08:00–11:30").is_visible()
    assert page.get_by_role("rowheader").count() == 7  # Monday to Sunday
    screenshot(page, "schedule-week")

    page.get_by_role("link", name="Tuần sau").click()
    page.wait_for_load_state()
    assert page.get_by_role("cell", name="Hội nghị tổng kết năm").is_visible()
    assert not page.get_by_text("Họp Ban Thường vụ Thành ủy").count()

    page.get_by_role("link", name="In", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="LỊCH CÔNG TÁC TUẦN").is_visible()
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="In").is_visible()
    assert page.get_by_role("cell", name="Hội nghị tổng kết năm").is_visible()
    screenshot(page, "schedule-week-print")
