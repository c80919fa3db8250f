import re

import pytest

from portal.followup.factories import TaskFactory, UnitFactory, member_of
from portal.followup.models import ProgressReport, Status
from tests.browser import log_in, screenshot


@pytest.mark.browser
def test_a_unit_member_reports_progress_from_the_intranet(browser_page, home_page):
    unit = UnitFactory(name="Ban Tuyên giáo Thành ủy")
    TaskFactory(lead_unit=unit, content="Tổ chức quán triệt kết luận")
    member = member_of(unit)
    page = browser_page

    log_in(page, member)
    page.goto("/noi-bo/")
    page.get_by_role("link", name="Tổ chức quán triệt kết luận").click()
    page.get_by_label(re.compile("Tiến độ thực hiện")).fill("Đã tổ chức hội nghị")
    page.get_by_label(re.compile("Tỷ lệ hoàn thành")).fill("60")
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.wait_for_load_state()

    assert page.get_by_text("Báo cáo tiến độ đã được ghi nhận.").is_visible()
    assert page.get_by_text("Đã tổ chức hội nghị").is_visible()
    screenshot(page, "followup-progress-report")
    report = ProgressReport.objects.get()
    assert (report.percent, report.reported_by) == (60, member)
    assert report.task.status == Status.IN_PROGRESS


@pytest.mark.browser
def test_staff_land_on_the_intranet_and_work_through_their_notifications(
    browser_page, home_page
):
    from portal.followup.models import Notification

    unit = UnitFactory(name="Ban Tổ chức Thành ủy")
    member = member_of(unit)
    for number in range(12):
        Notification.objects.notify(
            TaskFactory(
                lead_unit=unit, content=f"Rà soát quy hoạch cán bộ đợt {number}"
            ),
            Notification.Kind.ASSIGNED,
        )
    page = browser_page

    log_in(page, member)

    assert page.url.endswith("/noi-bo/")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    assert (
        nav.get_by_role("link", name="Nội bộ").get_attribute("aria-current") == "page"
    )
    badge = page.locator(".badge")
    assert badge.inner_text() == "12"
    listed = page.locator(".notifications li.notification--unread")
    assert listed.count() == 8  # the newest unread ones; the rest one click away
    screenshot(page, "intranet-notifications")

    page.get_by_role("link", name="Tất cả thông báo").click()
    assert page.url.endswith("/noi-bo/thong-bao/")
    assert page.locator(".notification--unread").count() == 12
    page.locator(".notification").first.get_by_role(
        "button", name="Đánh dấu đã đọc"
    ).click()
    assert page.locator(".notification--unread").count() == 11
    page.get_by_role("button", name="Đánh dấu tất cả đã đọc").click()
    assert page.locator(".notification--unread").count() == 0
    screenshot(page, "notifications-all-read")

    page.goto("/noi-bo/")
    assert page.locator(".badge").inner_text() == "0"
